// A user switches between the views of a report, clicks an item to see its words in the
// Source view, and compares two councils.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage, fixtureText } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('views, keyboard tabs and evidence in the Source view', async () => {
  const lens = await LensPage.open(browser, site.url);
  for (const tab of ['figures', 'gaps', 'strengths', 'source', 'outline', 'overview']) {
    await lens.page.click(`[data-testid=tab-${tab}]`);
    assert.equal(await lens.page.getAttribute(`#panel-${tab}`, 'hidden'), null, tab);
  }
  // Arrow keys move between tabs.
  await lens.page.focus('[data-testid=tab-overview]');
  await lens.page.keyboard.press('ArrowRight');
  assert.equal(await lens.page.getAttribute('[data-testid=tab-figures]', 'aria-selected'), 'true');

  await lens.page.click('[data-testid=tab-gaps]');
  await lens.page.locator('[data-testid=gap] button').first().click();
  const selected = await lens.evidence();
  await lens.page.click('[data-testid=tab-source]');
  const mark = await lens.text('active-evidence');
  assert.equal(mark, selected);
  assert.ok(await lens.page.locator('[data-testid=active-evidence]').isVisible());
});

test('compare two councils', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.drop([
    { name: 'stockton.txt', content: fixtureText('reports/cqc-stockton-on-tees-2025.txt') },
    { name: 'hartlepool.txt', content: fixtureText('reports/cqc-hartlepool-2025.txt') },
  ]);
  await lens.filesRead();
  await lens.page.locator('[data-testid=remove]').first().click();
  await lens.page.click('[data-testid=compare]');
  const rows = await lens.texts('heatmap-row');
  assert.equal(rows.length, 9);
  assert.match(rows[0], /Assessing needs\s+2\s+3/);
  assert.deepEqual(await lens.texts('compare-rating'), ['Good', 'Good']);
  assert.match(await lens.text('compare-financial'), /£290\.02m/);
  const shared = await lens.texts('shared-row');
  assert.ok(shared.length >= 4, `${shared.length} shared figures`);
  assert.ok(shared.some((r) => r.includes('36.83') && r.includes('47.83%') && r.includes('57.76%')));
  await lens.screenshot('compare');
  assert.deepEqual(lens.externalRequests(), []);
});
