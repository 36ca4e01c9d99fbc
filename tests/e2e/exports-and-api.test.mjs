// A user exports what they see — JSON, CSV, Markdown, the clipboard — for one document or
// all; another page's script calls window.assessmentLens.analyse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage, fixtureText } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('exports of the selected document and of all', async () => {
  const lens = await LensPage.open(browser, site.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const json = await lens.download('export-json');
  assert.equal(json.name, 'middlesbrough-council.json');
  const reports = JSON.parse(json.text);
  assert.equal(reports.length, 1);
  assert.equal(reports[0].overall.rating, 'Requires improvement');
  assert.equal(reports[0].scores.length, 9);

  const csv = await lens.download('export-csv');
  assert.match(csv.text.split('\n')[0], /^source,item,label,value,comparator,verdict,section,evidence$/);
  assert.ok(csv.text.includes(',score,Assessing needs,2,'));

  const md = await lens.download('export-md');
  assert.match(md.text, /^# Middlesbrough Council/);

  await lens.page.click('[data-testid=copy-summary]');
  const clip = await lens.page.evaluate(() => navigator.clipboard.readText());
  assert.match(clip, /Overall rating: \*\*Requires improvement\*\*/);

  await lens.drop([{ name: 'croydon.txt', content: fixtureText('reports/ofsted-croydon-2024.txt') }]);
  await lens.filesRead();
  await lens.page.selectOption('[data-testid=export-scope]', 'all');
  const all = JSON.parse((await lens.download('export-json')).text);
  assert.deepEqual(all.map((r) => r.kind), ['cqc_la_assessment', 'ofsted_ilacs']);
});

test('window.assessmentLens.analyse returns a plain report', async () => {
  const lens = await LensPage.open(browser, site.url);
  const report = await lens.page.evaluate((t) => window.assessmentLens.analyse(t), fixtureText('reports/ofsted-westminster-2025.txt'));
  assert.equal(report.kind, 'ofsted_ilacs');
  assert.equal(report.authority, 'Westminster');
  assert.equal(report.judgements.length, 5);
  assert.deepEqual(report.judgements[4], { area: 'Overall effectiveness', grade: 'Outstanding', span: report.judgements[4].span });
  assert.equal(Object.getPrototypeOf(report), Object.prototype);
});

test('printing one document fits on one or two A4 pages', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.page.emulateMedia({ media: 'print' });
  const pdf = await lens.page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  // The text panel and controls are not printed; the rating and scores are.
  assert.equal(await lens.page.locator('[data-testid=report-text]').isVisible(), false);
  assert.ok(await lens.page.locator('[data-testid=overall-rating]').isVisible());
});
