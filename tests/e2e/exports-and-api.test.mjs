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

  // For Excel: a byte-order mark (else "£" reads "Â£"), numbers as numbers with the unit and the
  // comparator's label apart, and the council, kind and date on every row.
  const csv = await lens.download('export-csv');
  assert.equal(csv.text.charCodeAt(0), 0xfeff, 'a byte-order mark');
  assert.equal(csv.text.slice(1).split('\n')[0],
    'source,council,report_kind,framework,date,item,label,value,unit,comparator,comparator_value,verdict,section,evidence');
  assert.ok(csv.text.includes(',Middlesbrough Council,cqc_la_assessment,CQC 2024,2025-02-21,score,Assessing needs,2,score,'));
  assert.ok(csv.text.includes(',metric,accessing training,2.59,percent,England average,4.3,worse,'));

  const summary = await lens.download('export-summary');
  assert.equal(summary.name, 'middlesbrough-council-summary.csv');
  const rows = summary.text.slice(1).trim().split('\n');
  assert.equal(rows.length, 2, 'a header and one row for the one document');
  assert.match(rows[1], /^Example: Middlesbrough CQC assessment \(2025\),Middlesbrough Council,cqc_la_assessment,CQC 2024,,2025-02-21,,Requires improvement,2,3,2,2,3,3,3,2,2,/);

  const md = await lens.download('export-md');
  assert.match(md.text, /^# Middlesbrough Council/);

  await lens.page.click('[data-testid=copy-summary]');
  const clip = await lens.page.evaluate(() => navigator.clipboard.readText());
  assert.match(clip, /Overall rating: \*\*Requires improvement\*\*/);
  // The short summary: ratings, scores and priorities, not every gap (it was 46,579 characters).
  assert.match(clip, /## Priorities/);
  assert.doesNotMatch(clip, /## Gaps/);
  assert.ok(clip.length < 6000, `${clip.length} characters`);

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

test('printing any view takes a sensible number of A4 pages', async () => {
  const lens = await LensPage.open(browser, site.url); // Middlesbrough's CQC assessment: 199 gaps, 522 strengths
  const pages = async () => {
    await lens.page.emulateMedia({ media: 'print' });
    const pdf = await lens.page.pdf({ format: 'A4', printBackground: true });
    await lens.page.emulateMedia({ media: 'screen' });
    return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  };
  const most = { overview: 2, figures: 5, gaps: 5, strengths: 5, source: 2, outline: 2 };
  for (const [tab, n] of Object.entries(most)) {
    await lens.page.click(`[data-testid=tab-${tab}]`);
    const got = await pages();
    assert.ok(got >= 1 && got <= n, `${tab}: ${got} pages (at most ${n})`);
  }
  // The text panel and controls are not printed; the rating and scores are.
  await lens.page.click('[data-testid=tab-overview]');
  await lens.page.emulateMedia({ media: 'print' });
  assert.equal(await lens.page.locator('[data-testid=report-text]').isVisible(), false);
  assert.ok(await lens.page.locator('[data-testid=overall-rating]').isVisible());
});
