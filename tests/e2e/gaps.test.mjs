// A user opens the Gaps view of an Ofsted report, filters to the report's own list, clicks
// an item to see its words, and downloads the action plan of its priorities as CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveSite, launchBrowser, LensPage, fixtureText } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('gaps view and action plan export', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.paste(fixtureText('reports/ofsted-barnsley-2023.txt'));
  await lens.page.click('[data-testid=tab-gaps]');
  await lens.page.selectOption('[data-testid=gaps-filter]', 'stated_list');
  const stated = await lens.texts('gap');
  assert.equal(stated.length, 4);
  assert.match(stated[0], /The engagement of multi-agency partners/);

  await lens.page.locator('[data-testid=gap] button').nth(2).click();
  const selected = await lens.evidence();
  assert.match(selected, /private fostering/);

  const [download] = await Promise.all([
    lens.page.waitForEvent('download'),
    lens.page.click('[data-testid=export-action-plan]'),
  ]);
  assert.equal(download.suggestedFilename(), 'barnsley-action-plan.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff, 'a byte-order mark, for Excel');
  const lines = csv.slice(1).trim().split('\n');
  // One row per priority: the report's own list first, numbered.
  assert.equal(lines[0], 'priority,theme,gap,origin,addressed to,evidence,owner,due date,status');
  assert.match(lines[1], /^1,What needs to improve\?,/);
  assert.ok(lines.slice(1, 5).every((l) => l.includes('stated_list')));
  assert.ok(lines.some((l) => l.includes('stated_list') && l.includes('personal education plans')));
  assert.ok(lines.length >= 5 && lines.length <= 1 + 4 + 10, `${lines.length - 1} priorities`);
  await lens.screenshot('gaps-barnsley');

  await lens.page.click('[data-testid=tab-strengths]');
  assert.ok((await lens.texts('strength')).length > 10);
  assert.deepEqual(lens.externalRequests(), []);
});
