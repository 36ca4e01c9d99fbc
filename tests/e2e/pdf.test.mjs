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

/** A PDF of `pages` pages of plain text lines, made here (no stored blob). */
function longPdf(pages) {
  const objs = [];
  const kids = [];
  objs[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objs[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  for (let i = 0; i < pages; i++) {
    const pageId = 4 + 2 * i;
    const contentId = pageId + 1;
    kids.push(`${pageId} 0 R`);
    const lines = [];
    for (let l = 0; l < 30; l++) lines.push(`BT /F1 11 Tf 50 ${760 - l * 24} Td (Page ${i + 1} line ${l + 1}: ward spend rose from 10 to 12 million) Tj ET`);
    const stream = lines.join('\n');
    objs[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`;
    objs[contentId] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  }
  objs[2] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  let out = '%PDF-1.4\n';
  const offsets = [];
  for (let id = 1; id < objs.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objs[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objs.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

test('Cancel stops a long PDF being read, and the page answers throughout', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.drop([{ name: 'long.pdf', type: 'application/pdf', content: longPdf(1500) }]);
  await lens.page.waitForSelector('[data-testid=pdf-progress]', { timeout: 30_000 });
  await lens.page.waitForFunction(() => /page (\d+) of 1500/.test(document.querySelector('[data-testid=pdf-progress]')?.textContent ?? '')
    && Number(/page (\d+)/.exec(document.querySelector('[data-testid=pdf-progress]').textContent)[1]) >= 20);
  // Read for a second with the probe running (from page 20: the test's own drop builds the
  // 2 MB file in the page first), then cancel part-way.
  const probe = lens.probe();
  await lens.page.waitForTimeout(1000);
  assert.match(await lens.text('pdf-progress'), /page \d+ of 1500/, 'still reading');
  await lens.page.click('[data-testid=cancel]');
  await lens.page.waitForSelector('[data-testid=pdf-progress]', { state: 'detached', timeout: 3000 });
  await lens.idle(5000);
  const { max, count } = await probe.stop();
  assert.match(await lens.text('file-errors'), /Cancelled/);
  assert.deepEqual(await lens.texts('doc-name'), ['Example: Middlesbrough CQC assessment (2025)'], 'no document was added');
  assert.ok(count >= 3 && max < 200, `the page answered within 200 ms while the PDF was read (${count} round trips, slowest ${Math.round(max)} ms)`);
  // Nothing left running: a later file is read as usual.
  await lens.drop([{ name: 'w.txt', content: fixtureText('reports/ofsted-westminster-2025.txt') }]);
  await lens.filesRead();
  await lens.idle();
  assert.equal(await lens.authority(), 'Westminster');
});

test('a 2014 SIF report and a 2018 ILACS report, dropped as PDFs, show their frameworks and judgements', async () => {
  const lens = await LensPage.open(browser, site.url);
  const wide = (n) => path.join(FIXTURES, 'pdf-wide', `${n}.pdf`);
  await lens.page.setInputFiles('[data-testid=file-input]', [wide('ofsted-derbyshire-2014'), wide('ofsted-bexley-2018')]);
  await lens.filesRead();
  await lens.idle();
  const rows = async () => lens.page.$$eval('[data-testid=judgement-row]', (trs) => trs.map((tr) => ({
    area: tr.querySelector('th').textContent.trim(),
    grade: tr.querySelector('[data-testid=grade]').textContent.trim(),
    sub: tr.classList.contains('sub-judgement'),
    indent: parseFloat(getComputedStyle(tr.querySelector('th')).paddingLeft),
  })));

  // The single inspection framework: sub-judgements indented under their parent, the LSCB's
  // own judgement named as the board's.
  await lens.page.locator('[data-testid=doc-entry] .doc-select').nth(1).click();
  assert.equal(await lens.text('framework'), 'SIF');
  assert.match(await lens.authority(), /Derbyshire/);
  const sif = await rows();
  const key = (r) => [r[0].toLowerCase(), r[1], r[2]].join(' | ');
  assert.deepEqual(sif.map((r) => key([r.area, r.grade, r.sub])).sort(), [
    ['Overall effectiveness', 'Good', false],
    ['Children who need help and protection', 'Good', false],
    ['Children looked after and achieving permanence', 'Good', false],
    ['Adoption performance', 'Good', true],
    ['Experiences and progress of care leavers', 'Good', true],
    ['Leadership, management and governance', 'Good', false],
    ['Local Safeguarding Children Board: Overall effectiveness', 'Requires improvement', false],
  ].map(key).sort());
  const parent = sif.find((r) => r.area.startsWith('Children looked after'));
  assert.ok(sif.filter((r) => r.sub).every((r) => r.indent > parent.indent), 'sub-judgements are indented');
  // Each judgement the report's text grades again is marked, one click from those words; the
  // council's overall line is the opening sentence itself, so it has no second statement.
  const said = await lens.page.$$eval('[data-testid=judgement-row]', (trs) => trs.filter((tr) => tr.querySelector('[data-testid=restated]')).map((tr) => tr.querySelector('th').textContent.trim()));
  assert.ok(said.includes('Children who need help and protection') && said.includes('Adoption performance'), said.join('; '));
  assert.ok(!said.includes('Overall effectiveness'), said.join('; '));
  await lens.page.locator('[data-testid=judgement-row]', { hasText: 'Adoption performance' }).locator('[data-testid=restated]').click();
  assert.match(await lens.evidence(), /adoption performance[\s\S]*good/i);
  // The board's own "Areas for improvement" stand apart from the council's list of that name.
  await lens.page.click('[data-testid=tab-gaps]');
  const groups = await lens.page.$$eval('.group h4', (hs) => hs.map((h) => h.textContent.trim()));
  assert.ok(groups.includes('Areas for improvement'), groups.join('; '));
  assert.ok(groups.includes('Local Safeguarding Children Board: Areas for improvement'), groups.join('; '));
  await lens.page.click('[data-testid=tab-overview]');
  await lens.screenshot('pdf-sif-2014');

  // ILACS 2018: four judgements, children in care and care leavers in one row.
  await lens.page.locator('[data-testid=doc-entry] .doc-select').nth(2).click();
  assert.equal(await lens.text('framework'), 'ILACS 2018');
  assert.match(await lens.authority(), /Bexley/);
  assert.deepEqual((await rows()).map((r) => [r.area, r.grade]), [
    ['The impact of leaders on social work practice with children and families', 'Outstanding'],
    ['The experiences and progress of children who need help and protection', 'Outstanding'],
    ['The experiences and progress of children in care and care leavers', 'Good'],
    ['Overall effectiveness', 'Outstanding'],
  ]);
  assert.deepEqual(lens.externalRequests(), []);
});

test('an Area SEND report and a JTAI letter, dropped as PDFs, show their outcome, theme and lists', async () => {
  const lens = await LensPage.open(browser, site.url);
  const area = (n) => path.join(FIXTURES, 'pdf-wide', `${n}.pdf`);
  await lens.page.setInputFiles('[data-testid=file-input]', [area('send-bury-2024'), area('jtai-barnsley-2022')]);
  await lens.filesRead();
  await lens.idle(60_000);
  // The Area SEND report: its kind, partnership, outcome (one click from its words) and lists.
  await lens.page.locator('[data-testid=doc-entry] .doc-select').nth(1).click();
  assert.equal(await lens.text('kind'), 'Area SEND inspection');
  assert.equal(await lens.text('framework'), 'Area SEND 2023');
  assert.match(await lens.authority(), /Bury Local Area Partnership/);
  assert.equal(await lens.text('outcome'), 'Widespread and/or systemic failings');
  assert.match(await lens.text('previous-period'), /2019/);
  await lens.page.click('[data-testid=outcome]');
  assert.match(await lens.evidence(), /widespread and\/or systemic failings/);
  const groups = await lens.page.locator('[data-testid=priorities] [data-testid=priority-group] h4').allTextContents();
  assert.deepEqual(groups.slice(0, 2), ['Areas for priority action', 'Areas for improvement']);
  const first = lens.page.locator('[data-testid=priorities] [data-testid=priority]').first();
  assert.match(await first.textContent(), /Leaders across the partnership should ensure that the SEND strategy/);
  // The table's "Responsible body" beside each priority action.
  assert.equal(await first.locator('[data-testid=priority-agency]').textContent(), ' — for Bury Metropolitan Borough Council and NHS Greater Manchester ICB');
  await first.locator('button').click();
  assert.match(await lens.evidence(), /SEND strategy continues to be implemented/);
  await lens.screenshot('pdf-area-send');

  // The JTAI letter: its theme and inspectorates, no grade, and its "What needs to improve?".
  await lens.page.locator('[data-testid=doc-entry] .doc-select').nth(2).click();
  assert.equal(await lens.text('kind'), 'Joint targeted area inspection');
  assert.equal(await lens.text('framework'), 'JTAI');
  assert.match(await lens.authority(), /Barnsley/);
  assert.match(await lens.text('theme'), /multi-agency response to identification of initial need and risk/);
  assert.equal(await lens.text('agencies'), 'Ofsted, CQC, HMICFRS');
  assert.equal(await lens.page.locator('[data-testid=outcome]').count(), 0, 'a JTAI letter has no grade');
  await lens.page.click('[data-testid=tab-gaps]');
  await lens.page.selectOption('[data-testid=gaps-filter]', 'stated_list');
  const items = await lens.texts('gap');
  assert.equal(items.length, 7);
  assert.match(items[0], /wishes and feelings of children/);

  // Compare puts the two side by side: what each is, its outcome or theme, its inspectorates
  // and how many items each list of what must improve holds.
  await lens.page.click('[data-testid=compare]');
  const rows = await lens.texts('compare-area-row');
  assert.match(rows[0], /Inspection\s+Area SEND\s+JTAI/);
  assert.match(rows[2], /Outcome\s+Widespread and\/or systemic failings\s+—/);
  assert.match(rows[3], /Theme\s+—\s+the multi-agency response to identification of initial need and risk/);
  assert.match(rows[4], /Inspectorates\s+Ofsted, CQC\s+Ofsted, CQC, HMICFRS/);
  assert.match(rows[6], /Areas for improvement\s+\d+\s+7/);
  assert.deepEqual(lens.externalRequests(), []);
});
