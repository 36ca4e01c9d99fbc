// Everyone can use it: axe-core finds no serious or critical problems in any view, the page
// works at 320 px wide, and the dark theme follows the system setting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage, fixtureText } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('no serious accessibility violations in any view', async () => {
  // axe-core is injected as a script, which the page's CSP forbids: let the test bypass it.
  const lens = await LensPage.open(browser, site.url, { bypassCSP: true });
  for (const tab of ['overview', 'figures', 'gaps', 'strengths', 'source', 'outline']) {
    await lens.page.click(`[data-testid=tab-${tab}]`);
    const v = await lens.axe();
    assert.deepEqual(v.map((x) => `${x.id}: ${x.nodes.length} (${x.help})`), [], tab);
  }
  await lens.drop([{ name: 'b.txt', content: fixtureText('reports/cqc-hartlepool-2025.txt') }]);
  await lens.filesRead();
  await lens.page.click('[data-testid=compare]');
  assert.deepEqual((await lens.axe()).map((x) => x.id), [], 'compare');
});

test('usable at 320 px wide, in the dark theme', async () => {
  const lens = await LensPage.open(browser, site.url, { viewport: { width: 320, height: 800 }, colorScheme: 'dark' });
  const overflow = await lens.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
  const bg = await lens.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(15, 18, 22)');
  assert.equal(await lens.rating(), 'Requires improvement');
  await lens.screenshot('narrow-dark');
});

test('everything is reachable with the keyboard', async () => {
  const lens = await LensPage.open(browser, site.url);
  const seen = new Set();
  for (let i = 0; i < 60; i++) {
    await lens.page.keyboard.press('Tab');
    const id = await lens.page.evaluate(() => document.activeElement?.dataset?.testid || document.activeElement?.textContent?.slice(0, 30));
    if (id) seen.add(id);
  }
  for (const want of ['new-document', 'open-files', 'export-json', 'tab-overview', 'statement']) {
    assert.ok(seen.has(want), `${want} not reached by Tab (saw ${[...seen].join(', ')})`);
  }
});
