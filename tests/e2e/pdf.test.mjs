// A user drops the published Ofsted PDFs: each gives the same judgements and "What needs to
// improve?" items as its text version, with progress per page. Bad PDFs get clear messages
// and the page keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveSite, launchBrowser, LensPage, fixtureText, FIXTURES } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

const NAMES = ['ofsted-barnsley-2023', 'ofsted-croydon-2024', 'ofsted-westminster-2025'];

async function stated(lens) {
  await lens.page.click('[data-testid=tab-gaps]');
  await lens.page.selectOption('[data-testid=gaps-filter]', 'stated_list');
  const items = (await lens.texts('gap')).map((g) => g.replace(/^Stated in the report\s*/, '').replace(/\u2019/g, "'"));
  await lens.page.click('[data-testid=tab-overview]');
  return items;
}

test('real PDFs read like their text versions', async () => {
  const lens = await LensPage.open(browser, site.url);
  const shown = await lens.recordShown('pdf-progress');
  const started = Date.now();
  await lens.page.setInputFiles('[data-testid=file-input]', NAMES.map((n) => path.join(FIXTURES, 'pdf', `${n}.pdf`)));
  await lens.filesRead();
  const seconds = (Date.now() - started) / 1000;
  const progress = await shown();
  assert.ok(progress.some((p) => /Reading ofsted-barnsley-2023\.pdf: page \d+ of \d+/.test(p)), progress.slice(0, 3).join(' | '));
  for (const [i, name] of NAMES.entries()) {
    await lens.page.locator('[data-testid=doc-entry] .doc-select').nth(i + 1).click();
    const pdfGrades = await lens.texts('grade');
    const pdfStated = await stated(lens);
    await lens.paste(fixtureText(`reports/${name}.txt`));
    assert.deepEqual(await lens.texts('grade'), pdfGrades, name);
    assert.deepEqual(await stated(lens), pdfStated, name);
    assert.equal(pdfGrades.length, 5);
  }
  fs.mkdirSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'artifacts'), { recursive: true });
  fs.writeFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'artifacts', 'pdf-timing.txt'), `3 PDFs read in ${seconds.toFixed(2)} s\n`);
  assert.deepEqual(lens.externalRequests(), []);
});

test('bad PDFs get clear messages and the page keeps working', async () => {
  const lens = await LensPage.open(browser, site.url);
  const bad = ['truncated', 'encrypted', 'not-really', 'empty', 'scan'].map((n) => path.join(FIXTURES, 'pdf-bad', `${n}.pdf`));
  await lens.page.setInputFiles('[data-testid=file-input]', bad);
  await lens.filesRead();
  const errors = await lens.text('file-errors');
  assert.match(errors, /truncated\.pdf: the file is not a valid PDF/);
  assert.match(errors, /encrypted\.pdf: the PDF is password-protected/);
  // Text saved with a .pdf name: the core's format sniff says so before pdf.js is loaded.
  assert.match(errors, /not-really\.pdf: the file is named \.pdf but is not a PDF/);
  assert.match(errors, /empty\.pdf: the file is empty/);
  assert.match(errors, /scan\.pdf: this PDF has no text — it is a scan/);
  assert.equal((await lens.texts('doc-entry')).length, 1);
  await lens.paste(fixtureText('reports/ofsted-croydon-2024.txt'));
  assert.equal(await lens.authority(), 'Croydon');
});
