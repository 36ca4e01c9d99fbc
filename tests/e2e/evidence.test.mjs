// A user clicks an item to see its words: on a wide screen they are marked and centred beside
// the list (the list and the keyboard focus stay where they were; "Back to the text box" brings
// the text box back); on a narrow screen the Source view opens at them, with a way back to the
// item. Every click's words must be inside the visible part of the source (the last round's page
// scrolled by a line-count estimate: 5 of 7 clicks on a CQC report landed 765–3,354 px away).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage, fixtureText } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

const focusedText = (lens) => lens.page.evaluate(() => document.activeElement?.textContent ?? '');

test('wide screen: each item\'s words are marked and centred beside the list, focus stays on the item', async () => {
  const lens = await LensPage.open(browser, site.url); // the example: Middlesbrough's 144 KB CQC assessment
  await lens.page.click('[data-testid=tab-gaps]');
  const buttons = lens.page.locator('[data-testid=gap] button.item-text');
  const n = await buttons.count();
  assert.ok(n >= 50, `${n} gaps shown`);
  // Items from the top, the middle and the end of the list: their words lie all through the text.
  for (const k of [0, 7, Math.floor(n / 4), Math.floor(n / 2), Math.floor((3 * n) / 4), n - 1]) {
    const item = buttons.nth(k);
    const words = (await item.innerText()).trim();
    await item.click();
    const shown = await lens.evidence();
    assert.ok(shown.length > 0);
    // A finding's or a stated item's words are the words shown (a derived item's, e.g. "Assessing
    // needs scored 2", are the place it was derived from).
    const origin = await item.locator('..').getAttribute('data-origin');
    const norm = (t) => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    if (origin === 'finding' || origin === 'stated_list') {
      assert.ok(norm(shown).includes(norm(words).split(' ').slice(0, 6).join(' ')), `item ${k}: “${words.slice(0, 60)}” shows “${shown.slice(0, 60)}”`);
    }
    assert.equal(await focusedText(lens), words, `item ${k}: focus stays on the item`);
    assert.equal(await lens.page.getAttribute('[data-testid=tab-gaps]', 'aria-selected'), 'true');
    assert.ok(await item.isVisible(), 'the item is still in view');
  }
  // The marked words are centred: their middle within a fifth of the box's height of its middle
  // (unless the text ends first).
  const centred = await lens.page.evaluate(() => {
    const m = document.querySelector('[data-testid=pane-evidence]');
    const box = m.closest('.source-text');
    const r = m.getBoundingClientRect(), b = box.getBoundingClientRect();
    const atEnd = box.scrollTop + box.clientHeight >= box.scrollHeight - 2 || box.scrollTop === 0;
    return atEnd || Math.abs((r.top + r.bottom) / 2 - (b.top + b.bottom) / 2) < b.height / 5;
  });
  assert.ok(centred, 'the words sit in the middle of the box');
  // The text box comes back, with its text.
  assert.equal(await lens.page.locator('[data-testid=report-text]').isVisible(), false);
  await lens.page.click('[data-testid=evidence-close]');
  assert.equal(await lens.page.locator('[data-testid=evidence-pane]').count(), 0);
  assert.ok(await lens.page.locator('[data-testid=report-text]').isVisible());
  assert.match(await lens.page.locator('[data-testid=report-text]').inputValue(), /Middlesbrough/);
  // Escape closes it too; another document closes it.
  await lens.page.click('[data-testid=tab-overview]');
  await lens.page.locator('[data-testid=priority] button').first().click();
  await lens.evidence();
  await lens.page.locator('[data-testid=evidence-pane] .source-text').press('Escape');
  assert.equal(await lens.page.locator('[data-testid=evidence-pane]').count(), 0);
});

test('narrow screen: the Source view opens at the words, and a button goes back to the item', async () => {
  const lens = await LensPage.open(browser, site.url, { viewport: { width: 390, height: 844 } });
  await lens.paste(fixtureText('reports/ofsted-barnsley-2023.txt'));
  await lens.page.click('[data-testid=tab-gaps]');
  const item = lens.page.locator('[data-testid=gap] button.item-text').nth(5);
  const words = (await item.innerText()).trim();
  await item.click();
  assert.equal(await lens.page.getAttribute('[data-testid=tab-source]', 'aria-selected'), 'true');
  assert.ok((await lens.evidence()).length > 0);
  assert.match(await lens.text('source-back'), /Back to Gaps/);
  await lens.page.click('[data-testid=source-back]');
  assert.equal(await lens.page.getAttribute('[data-testid=tab-gaps]', 'aria-selected'), 'true');
  await lens.page.waitForFunction((w) => document.activeElement?.textContent === w, words, { timeout: 2000 })
    .catch(async () => assert.fail(`focus is not back on the item: ${(await focusedText(lens)).slice(0, 80)}`));
  assert.ok(await item.isVisible());
});
