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
  // Councils as rows, the nine statements as columns.
  const rows = await lens.texts('heatmap-row');
  assert.equal(rows.length, 2);
  assert.match(rows[0], /^Stockton-on-Tees Borough Council[\s\S]*?\s2\s+3\s+2\s+3\s+3\s+2\s+3\s+3\s+2\s/);
  assert.match(rows[1], /^Hartlepool Borough Council[\s\S]*?\s3\s+3\s+2\s+2\s+3\s+3\s+3\s+3\s+3\s/);
  assert.ok(rows.every((r) => /Good$/.test(r.trim())), 'the stated rating closes each row');
  assert.match(await lens.text('compare-financial'), /£290\.02m/);
  const shared = await lens.texts('shared-row');
  assert.ok(shared.length >= 4, `${shared.length} shared figures`);
  assert.ok(shared.some((r) => r.includes('36.83') && r.includes('47.83%') && r.includes('57.76%')));
  await lens.screenshot('compare');
  assert.deepEqual(lens.externalRequests(), []);
});

test('compare forty documents: chosen ones, councils as rows, like with like, coloured and sortable', async () => {
  const lens = await LensPage.open(browser, site.url);
  const texts = ['barnsley-2023', 'croydon-2024', 'middlesbrough-2023', 'westminster-2025'].map((n) => fixtureText(`reports/ofsted-${n}.txt`));
  await lens.drop(Array.from({ length: 40 }, (_, i) => ({ name: `ofsted-${i + 1}.txt`, content: texts[i % 4] })));
  await lens.page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-entry]').length === 41, null, { timeout: 60_000 });
  await lens.filesRead();
  await lens.idle(60_000);
  await lens.page.click('[data-testid=compare]');
  // Like with like: the CQC example in the scores table, the forty Ofsted reports in the judgements.
  assert.equal((await lens.texts('heatmap-row')).length, 1);
  assert.equal((await lens.texts('grades-row')).length, 40);
  // Judgement areas are columns, lined up across frameworks; grades are coloured.
  const heads = await lens.page.locator('[data-testid=compare-grades] thead th').allInnerTexts();
  assert.deepEqual(heads.slice(0, 2), ['Document', 'Overall']);
  assert.ok(heads.includes('Help and protection') && heads.includes('Leaders'), heads.join(' | '));
  assert.ok(await lens.page.locator('[data-testid=compare-grades] td.cell.s4').count() >= 10, 'Outstanding cells coloured');
  // Readable: the page does not scroll sideways, nor does the judgements table beyond its card.
  const widths = await lens.page.evaluate(() => {
    const card = document.querySelector('[data-testid=compare-grades]');
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, table: card.scrollWidth - card.clientWidth };
  });
  assert.ok(widths.page <= 1 && widths.table <= 1, JSON.stringify(widths));
  // Sorted by Overall, best first: Westminster (Outstanding) rows lead.
  await lens.page.locator('[data-testid=compare-grades] [data-testid=compare-sort]', { hasText: 'Overall' }).click();
  assert.match((await lens.texts('grades-row'))[0], /^Westminster/);
  assert.equal(await lens.page.locator('[data-testid=compare-grades] th[aria-sort=descending]').count(), 1);
  // A chosen subset: none, then two.
  await lens.page.click('[data-testid=compare-pick] summary');
  await lens.page.click('[data-testid=compare-none]');
  assert.equal(await lens.page.locator('[data-testid=compare-empty]').count(), 1);
  await lens.page.locator('[data-testid=compare-choice]').nth(1).check();
  await lens.page.locator('[data-testid=compare-choice]').nth(2).check();
  assert.equal((await lens.texts('grades-row')).length, 2);
  assert.match(await lens.page.locator('.compare-title').innerText(), /Comparing 2 of 41 documents/);
  assert.equal(await lens.page.locator('[data-testid=heatmap]').count(), 0);
});
