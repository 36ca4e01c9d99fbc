// A user with many documents open: the list shows them all (grouped by kind from nine, each
// kind folding) with the selected one in view; a pasted text is named after its council; Clear
// and Remove can be undone; focus goes somewhere sensible after each action.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage, fixtureText } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

const focused = (lens) => lens.page.evaluate(() => ({ testid: document.activeElement?.dataset.testid ?? '', text: document.activeElement?.textContent ?? '' }));
/** Wait (up to a second: focus moves once the page has drawn) until the focused control matches. */
const focusOn = async (lens, check, what) => {
  try {
    await lens.page.waitForFunction(check, null, { timeout: 1000 });
  } catch {
    throw new Error(`focus is not on ${what}: ${JSON.stringify(await focused(lens)).slice(0, 200)}`);
  }
};

test('a pasted text is named after its council and kind', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.page.click('[data-testid=new-document]');
  await lens.paste(fixtureText('reports/ofsted-barnsley-2023.txt'));
  assert.equal(await lens.authority(), 'Barnsley');
  assert.ok((await lens.texts('doc-name')).includes('Barnsley — Ofsted (pasted)'), (await lens.texts('doc-name')).join(' | '));
});

test('Remove and Clear can be undone, and focus follows', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.drop([{ name: 'westminster.txt', content: fixtureText('reports/ofsted-westminster-2025.txt') }]);
  await lens.filesRead();
  assert.deepEqual(await lens.texts('doc-name'), ['Example: Middlesbrough CQC assessment (2025)', 'westminster.txt']);
  // Remove: a notice with Undo, which has the focus; Undo puts the document back where it was.
  await lens.page.locator('[data-testid=remove]').first().click();
  assert.deepEqual(await lens.texts('doc-name'), ['westminster.txt']);
  assert.match(await lens.text('undo-notice'), /Removed “Example: Middlesbrough CQC assessment \(2025\)”/);
  await focusOn(lens, () => document.activeElement?.dataset.testid === 'undo', 'Undo');
  await lens.page.keyboard.press('Enter');
  assert.deepEqual(await lens.texts('doc-name'), ['Example: Middlesbrough CQC assessment (2025)', 'westminster.txt']);
  assert.equal(await lens.authority(), 'Middlesbrough Council');
  assert.equal(await lens.page.locator('[data-testid=undo-notice]').count(), 0);
  await focusOn(lens, () => /Example: Middlesbrough/.test(document.activeElement?.textContent) && document.activeElement.classList.contains('doc-select'), 'the document put back');
  // Clear: the text box empties, no empty entry is left, and Undo brings the text back.
  await lens.page.click('[data-testid=clear]');
  assert.equal(await lens.page.inputValue('[data-testid=report-text]'), '');
  assert.deepEqual(await lens.texts('doc-name'), ['westminster.txt']);
  assert.match(await lens.text('undo-notice'), /Cleared “Example: Middlesbrough/);
  await lens.page.click('[data-testid=undo]');
  assert.match(await lens.page.inputValue('[data-testid=report-text]'), /Middlesbrough/);
  assert.equal(await lens.authority(), 'Middlesbrough Council');
  // Rename: Enter renames and focus is back on the entry's Rename button; Escape keeps the name.
  await lens.page.locator('[data-testid=rename]').nth(1).click();
  await lens.page.fill('[data-testid=rename-input]', 'Westminster 2025');
  await lens.page.press('[data-testid=rename-input]', 'Enter');
  assert.equal((await lens.texts('doc-name'))[1], 'Westminster 2025');
  await focusOn(lens, () => document.activeElement?.dataset.testid === 'rename', 'the Rename button');
  assert.equal(await lens.page.evaluate(() => document.activeElement.closest('[data-testid=doc-entry]').querySelector('[data-testid=doc-name]').textContent), 'Westminster 2025');
  await lens.page.locator('[data-testid=rename]').nth(1).click();
  await lens.page.fill('[data-testid=rename-input]', 'something else');
  await lens.page.press('[data-testid=rename-input]', 'Escape');
  assert.equal((await lens.texts('doc-name'))[1], 'Westminster 2025');
});

test('many documents: grouped by kind, each kind folding, the selected one in view', async () => {
  const lens = await LensPage.open(browser, site.url);
  const cqc = fixtureText('reports/cqc-hartlepool-2025.txt');
  const ofsted = fixtureText('reports/ofsted-westminster-2025.txt');
  await lens.drop([
    ...Array.from({ length: 6 }, (_, i) => ({ name: `cqc-${i + 1}.txt`, content: cqc })),
    ...Array.from({ length: 5 }, (_, i) => ({ name: `ofsted-${i + 1}.txt`, content: ofsted })),
  ]);
  await lens.page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-entry]').length === 12);
  await lens.filesRead();
  await lens.idle();
  assert.deepEqual(await lens.page.locator('[data-testid=doc-group] > summary').allInnerTexts(), ['CQC (7)', 'Ofsted (5)']);
  // The last loaded is selected, and in view inside the list.
  const inView = () => lens.page.evaluate(() => {
    const list = document.querySelector('[data-testid=doclist]').getBoundingClientRect();
    const sel = document.querySelector('[data-testid=doc-entry].selected').getBoundingClientRect();
    return sel.top >= list.top - 1 && sel.bottom <= list.bottom + 1;
  });
  await lens.page.waitForFunction(() => document.querySelector('[data-testid=doc-entry].selected [data-testid=doc-name]')?.textContent === 'ofsted-5.txt');
  assert.ok(await inView(), 'the selected document is in view');
  // A kind folds away; loading another of its kind unfolds it, with the new one in view.
  await lens.page.locator('[data-testid=doc-group] > summary').first().click();
  assert.equal(await lens.page.locator('[data-testid=doc-group]').first().getAttribute('open'), null);
  await lens.drop([{ name: 'cqc-7.txt', content: cqc }]);
  await lens.filesRead();
  await lens.page.waitForFunction(() => document.querySelector('[data-testid=doc-entry].selected [data-testid=doc-name]')?.textContent === 'cqc-7.txt');
  await lens.page.waitForFunction(() => document.querySelector('[data-testid=doc-group]').open);
  assert.ok(await inView(), 'the new document is in view');
  assert.equal(await lens.page.locator('[data-testid=doc-group] > summary').first().innerText(), 'CQC (8)');
});
