// A user drops several files at once — text, Markdown, HTML and a bad one — and picks more
// with the file picker; each good file becomes a document, the bad one gets a message that
// names it, and the rest still load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage, fixtureText } from './fixture.mjs';
import path from 'node:path';
import { FIXTURES } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('drop several files, one of them bad', async () => {
  const lens = await LensPage.open(browser, site.url);
  const html = '<html><head><style>p{}</style><script>window.bad=1</script></head><body><h1>Inspection of Northtown local authority children\u2019s services</h1><p>Inspection dates: 1 to 5 May 2023</p><p>Lead inspector: A Person</p><table><tr><td>Judgement</td><td>Grade</td></tr><tr><td>Overall effectiveness</td><td>Good</td></tr></table></body></html>';
  await lens.drop([
    { name: 'stockton.txt', content: fixtureText('reports/cqc-stockton-on-tees-2025.txt') },
    { name: 'picture.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
    { name: 'croydon.md', content: fixtureText('reports/ofsted-croydon-2024.txt') },
    { name: 'northtown.html', content: html, type: 'text/html' },
    { name: 'empty.txt', content: '' },
  ]);
  await lens.filesRead();
  const names = await lens.texts('doc-name');
  assert.deepEqual(names.slice(1), ['stockton.txt', 'croydon.md', 'northtown.html']);
  const errors = await lens.text('file-errors');
  assert.match(errors, /picture\.png: the file is not text/);
  assert.match(errors, /empty\.txt: the file is empty/);
  // The last good file is selected; its HTML was read without the script or style.
  assert.equal(await lens.authority(), 'Northtown');
  assert.deepEqual(await lens.texts('grade'), ['Good']);
  assert.equal(await lens.page.evaluate(() => window.bad), undefined);
  const text = await lens.page.inputValue('[data-testid=report-text]');
  assert.ok(!text.includes('window.bad') && !text.includes('p{}'));
  await lens.screenshot('files-dropped');
  assert.deepEqual(lens.externalRequests(), []);
});

test('text in Windows-1252 and UTF-16 is decoded, with a warning for the fallback', async () => {
  const lens = await LensPage.open(browser, site.url);
  const latin = 'Inspection of Northtown local authority children\x92s services\nInspection dates: 1 to 5 May 2023\nLead inspector: A Person\n\nJudgement\tGrade\nOverall effectiveness\tGood\n\nThe caf\xe9 \x96 and \xa35m.\n';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Inspection of Southtown local authority children\u2019s services\nInspection dates: 2 to 6 May 2023\nLead inspector: B Person\n\nJudgement\tGrade\nOverall effectiveness\tOutstanding\n', 'utf16le')]);
  await lens.drop([
    { name: 'northtown.txt', content: Buffer.from(latin, 'latin1') },
    { name: 'southtown.txt', content: utf16 },
  ]);
  await lens.filesRead();
  assert.equal(await lens.authority(), 'Southtown');
  assert.deepEqual(await lens.texts('grade'), ['Outstanding']);
  await lens.page.locator('[data-testid=doc-entry] .doc-select').nth(1).click();
  assert.equal(await lens.authority(), 'Northtown');
  assert.match(await lens.text('warnings'), /not UTF-8; it was read as Windows-1252/);
  assert.match(await lens.page.inputValue('[data-testid=report-text]'), /children\u2019s services[\s\S]*caf\u00e9 \u2013 and \u00a35m/);
});

test('progress shows while many files are read', async () => {
  const lens = await LensPage.open(browser, site.url);
  const many = Array.from({ length: 12 }, (_, i) => ({ name: `report-${i + 1}.txt`, content: fixtureText('reports/cqc-hartlepool-2025.txt') }));
  const shown = await lens.recordShown('progress');
  await lens.drop(many);
  await lens.page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-entry]').length === 13);
  await lens.filesRead();
  const seen = await shown();
  assert.ok(seen.some((p) => /\d+ of 12 analysed/.test(p)), seen.join(' | '));
  assert.equal((await lens.texts('doc-entry')).length, 13);
});

test('a Word document reads like its text; a damaged one gets a message', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.page.setInputFiles('[data-testid=file-input]', [
    path.join(FIXTURES, 'docx', 'ofsted-middlesbrough-2023.docx'),
    path.join(FIXTURES, 'docx', 'truncated.docx'),
    path.join(FIXTURES, 'docx', 'encrypted.docx'),
    path.join(FIXTURES, 'docx', 'not-really.docx'),
    path.join(FIXTURES, 'docx', 'empty.docx'),
  ]);
  await lens.filesRead();
  assert.equal(await lens.authority(), 'Middlesbrough');
  assert.equal((await lens.texts('grade')).length, 5);
  const errors = await lens.text('file-errors');
  assert.match(errors, /truncated\.docx: the Word document is damaged or incomplete/);
  assert.match(errors, /encrypted\.docx: it is a password-protected Word document/);
  assert.match(errors, /not-really\.docx: it is not a Word \(\.docx\) document/);
  assert.match(errors, /empty\.docx: the file is empty/);
});

test('the file picker opens the same files', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.page.setInputFiles('[data-testid=file-input]', [
    path.join(FIXTURES, 'reports', 'ofsted-westminster-2025.txt'),
    path.join(FIXTURES, 'variants', 'pilot-2023-indicative.txt'),
  ]);
  await lens.filesRead();
  assert.deepEqual((await lens.texts('doc-name')).slice(1), ['ofsted-westminster-2025.txt', 'pilot-2023-indicative.txt']);
  assert.equal(await lens.rating(), 'Good');
  // Select the first, rename it, remove the example.
  await lens.page.locator('[data-testid=doc-entry] .doc-select').nth(1).click();
  assert.equal(await lens.authority(), 'Westminster');
  await lens.page.locator('[data-testid=rename]').nth(1).click();
  await lens.page.fill('[data-testid=rename-input]', 'Westminster ILACS');
  await lens.page.press('[data-testid=rename-input]', 'Enter');
  assert.equal((await lens.texts('doc-name'))[1], 'Westminster ILACS');
  await lens.page.locator('[data-testid=remove]').first().click();
  assert.deepEqual(await lens.texts('doc-name'), ['Westminster ILACS', 'pilot-2023-indicative.txt']);
});
