// A user reads a CQC report's figures: the financial facts card, the figures table with
// England comparisons, filters it to what is worse, sorts it, and clicks a row for its words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage, fixtureText } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('figures table: filter, sort and evidence', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.paste(fixtureText('reports/cqc-hartlepool-2025.txt'));
  await lens.page.click('[data-testid=tab-figures]');
  // £404,000 under on adult social care.
  assert.match(await lens.text('fin-asc'), /−£404k under budget/);
  const rows = await lens.texts('metric-row');
  assert.ok(rows.length >= 12, `${rows.length} rows`);
  assert.ok(rows.some((r) => r.includes('68.42%') && r.includes('England average 62.72%') && r.includes('slightly better')));

  await lens.page.selectOption('[data-testid=metrics-filter]', 'comparison');
  const comparisons = await lens.texts('metric-row');
  assert.equal(comparisons.length, 12);
  assert.equal(await lens.text('metrics-count'), '12 shown');

  // Waits read as the report states them: "the 10 day target was exceeded by 1 day" is not
  // a wait of 10 days over a target of 1 day (the first round's misreading, issue 16).
  await lens.page.selectOption('[data-testid=metrics-filter]', 'target');
  const targets = await lens.texts('metric-row');
  assert.ok(targets.length >= 1, 'figures with a target');
  for (const row of targets) assert.doesNotMatch(row, /target (of )?1 days?\b|over the target of 1\b/, row);
  assert.ok(targets.some((r) => /carer assessments/.test(r) && /10 days/.test(r) && /target 10 days/.test(r)), targets.join('\n'));
  await lens.page.selectOption('[data-testid=metrics-filter]', 'comparison');

  await lens.page.click('[data-testid=sort-value]');
  const values = (await lens.texts('metric-value')).map((v) => parseFloat(v));
  assert.deepEqual(values, [...values].sort((a, b) => b - a));

  await lens.page.locator('[data-testid=metric-row] th button').first().click();
  const selected = await lens.evidence();
  assert.match(selected, /89\.36%/);
  await lens.screenshot('metrics-hartlepool');
  assert.deepEqual(lens.externalRequests(), []);
});
