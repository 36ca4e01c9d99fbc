// A director opens a report and reads its Priorities card first: the report's own list, then
// what its grades, figures and clearest findings add, each one click from its words. Then the
// Gaps view: groups by section that fold, with counts, and the findings the classifier is
// unsure of kept behind a button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage, fixtureText } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('an Ofsted report: the Priorities card leads with the report\'s own list', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.paste(fixtureText('reports/ofsted-barnsley-2023.txt'));
  const card = lens.page.locator('[data-testid=priorities]');
  await card.waitFor();
  const groups = await card.locator('[data-testid=priority-group] h4').allTextContents();
  assert.equal(groups[0], 'What needs to improve?');
  const first = card.locator('[data-testid=priority-group]').first().locator('[data-testid=priority]');
  assert.equal(await first.count(), 4, 'all four of the report\'s own items');
  assert.ok(await first.evaluateAll((li) => li.every((l) => l.dataset.origin === 'stated_list')));
  const all = await card.locator('[data-testid=priority]').count();
  assert.ok(all > 4 && all <= 14, `${all} priorities: the list, then at most ten more`);
  // The Priorities card is the first thing in Overview.
  const firstCard = await lens.page.locator('#panel-overview > *').first().getAttribute('data-testid');
  assert.equal(firstCard, 'priorities');
  // One click to its words.
  await first.nth(1).locator('button').click();
  assert.match(await lens.evidence(), /recorded management direction to social workers/);
  await lens.screenshot('priorities-barnsley');
  assert.deepEqual(lens.externalRequests(), []);
});

test('a CQC assessment: low scores and clear shortfalls, and grouped gaps that fold', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.paste(fixtureText('reports/cqc-hartlepool-2025.txt'));
  const card = lens.page.locator('[data-testid=priorities]');
  await card.waitFor();
  const origins = await card.locator('[data-testid=priority]').evaluateAll((li) => li.map((l) => l.dataset.origin));
  assert.ok(origins.length >= 5 && origins.length <= 10, `${origins.length} priorities`);
  assert.equal(origins[0], 'score', 'statements scored 2 come first when the report has no list of its own');
  assert.ok(origins.includes('finding'));
  const texts = await card.locator('[data-testid=priority]').allTextContents();
  assert.ok(texts.some((t) => /Equity in experience and outcomes scored 2/.test(t)));

  await lens.page.click('[data-testid=tab-gaps]');
  const groups = lens.page.locator('[data-testid=gap-group]');
  assert.ok((await groups.count()) > 3);
  // Each group shows its count and folds.
  const count = Number(await groups.first().locator('[data-testid=gap-group-count]').textContent());
  assert.equal(count, await groups.first().locator('[data-testid=gap]').count());
  await groups.first().locator('summary').click();
  assert.equal(await groups.first().evaluate((d) => d.open), false);
  // Less certain findings wait behind a button, and come when asked.
  const before = await lens.page.locator('[data-testid=gap]').count();
  const more = lens.page.locator('[data-testid=gap-show-less-certain]');
  assert.match(await more.textContent(), /Show \d+ findings? the classifier is less sure of/);
  await more.click();
  assert.ok((await lens.page.locator('[data-testid=gap]').count()) > before);
  await lens.screenshot('gaps-grouped-hartlepool');
});

test('a report pasted twice lists each gap once', async () => {
  const lens = await LensPage.open(browser, site.url);
  const once = fixtureText('reports/cqc-hartlepool-2025.txt');
  const shown = async () => {
    await lens.page.click('[data-testid=tab-gaps]');
    const more = lens.page.locator('[data-testid=gap-show-less-certain]');
    if (await more.count()) await more.click();
    return lens.page.locator('[data-testid=gap]').allTextContents();
  };
  await lens.paste(once);
  const single = await shown();
  await lens.paste(`${once}\n\n${once}`);
  const twice = await shown();
  assert.ok(single.length > 20);
  assert.equal(twice.length, single.length, 'the second copy\'s gaps are merged into the first\'s');
  assert.equal(new Set(twice).size, twice.length);
});
