// Offline, private and durable: the site works with the network off after one visit, the
// one-file build opens from file://, no request leaves this machine, report text can't run
// script, and kept documents survive a reload until "Forget all".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { serveSite, launchBrowser, LensPage, fixtureText, SITE, FIXTURES } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('after one visit, reloading with the network off works', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.page.evaluate(async () => { await navigator.serviceWorker.ready; });
  // Wait until the service worker controls the page (it claims clients on activation).
  await lens.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await lens.page.context().setOffline(true);
  await lens.page.reload();
  await lens.page.waitForSelector('[data-testid=summary]');
  await lens.paste(fixtureText('reports/ofsted-westminster-2025.txt'));
  assert.equal(await lens.authority(), 'Westminster');
  assert.equal((await lens.texts('grade')).length, 5);
  await lens.page.context().setOffline(false);
});

test('a new build replaces the old cache', async () => {
  // Serve a copy of the site, visit it, then "rebuild" it (a new sw.js) and visit again.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-site-'));
  fs.cpSync(SITE, root, { recursive: true });
  const copy = await serveSite(root);
  try {
    const lens = await LensPage.open(browser, copy.url);
    await lens.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const before = await lens.page.evaluate(() => caches.keys());
    assert.equal(before.length, 1, before.join(', '));
    const sw = path.join(root, 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/assessment-lens-[0-9a-f]+/, 'assessment-lens-0000000000000000'));
    await lens.page.evaluate(async () => { const r = await navigator.serviceWorker.getRegistration(); await r.update(); });
    // The new worker installs its cache and, on activating, deletes the old one.
    let keys = [];
    for (let i = 0; i < 50; i++) {
      keys = await lens.page.evaluate(() => caches.keys());
      if (keys.length === 1 && keys[0] === 'assessment-lens-0000000000000000') break;
      await lens.page.waitForTimeout(200);
    }
    assert.deepEqual(keys, ['assessment-lens-0000000000000000']);
    await lens.page.reload();
    await lens.page.waitForSelector('[data-testid=summary]');
    assert.deepEqual(await lens.page.evaluate(() => caches.keys()), ['assessment-lens-0000000000000000']);
  } finally {
    await copy.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the one-file build works from a file:// URL, PDFs included', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(path.join(SITE, 'assessment-lens.html')).href);
  await page.waitForSelector('[data-testid=summary]');
  assert.equal(await page.locator('[data-testid=overall-rating]').first().innerText(), 'Requires improvement');
  // No worker from a file: the analysis runs on the page, and the page says so.
  await page.evaluate(() => {
    window.__onPage = [];
    new MutationObserver(() => {
      const card = document.querySelector('[data-testid=analysing]');
      if (card) window.__onPage.push([card.dataset.where, document.querySelector('[data-testid=on-page-note]')?.textContent ?? '']);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.fill('[data-testid=report-text]', fixtureText('reports/cqc-stockton-on-tees-2025.txt'));
  await page.waitForSelector('[data-testid=results][aria-busy=false]');
  await page.waitForFunction(() => document.querySelector('[data-testid=authority]')?.textContent === 'Stockton-on-Tees Borough Council');
  assert.equal(await page.locator('[data-testid=overall-rating]').first().innerText(), 'Good');
  const seen = await page.evaluate(() => window.__onPage);
  assert.ok(seen.length > 0 && seen.every(([where, note]) => where === 'page' && /analyses on the page itself/.test(note)), JSON.stringify(seen));
  // It reads PDFs too: pdf.js travels inside the file and runs from blob: URLs.
  await page.setInputFiles('[data-testid=file-input]', path.join(FIXTURES, 'pdf', 'ofsted-westminster-2025.pdf'));
  await page.waitForFunction(() => document.querySelector('[data-testid=authority]')?.textContent === 'Westminster', null, { timeout: 30_000 });
  assert.equal(await page.locator('[data-testid=file-errors]').count(), 0);
  assert.ok((await page.locator('[data-testid=doc-name]').allInnerTexts()).includes('ofsted-westminster-2025.pdf'));
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  await context.close();
});

test('a whole session makes no request beyond this machine', async () => {
  const lens = await LensPage.open(browser, site.url);
  for (const tab of ['figures', 'gaps', 'strengths', 'source', 'outline', 'overview']) await lens.page.click(`[data-testid=tab-${tab}]`);
  await lens.drop([{ name: 'b.txt', content: fixtureText('reports/ofsted-barnsley-2023.txt') }]);
  await lens.filesRead();
  await lens.page.click('[data-testid=compare]');
  await lens.download('export-json');
  const outside = lens.externalRequests();
  assert.deepEqual(outside, []);
  assert.ok(lens.requests.length >= 3, 'the page did load its own files');
});

test('report text containing markup stays text', async () => {
  const lens = await LensPage.open(browser, site.url);
  let dialogs = 0;
  lens.page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  const probe = 'Anytown Council: local authority assessment\n\n<img src=x onerror=alert(1)>\n\n<script>alert(2)</script>\n\n## <b onmouseover=alert(3)>Assessing needs</b>\n\nScore: 2\n';
  await lens.paste(probe);
  await lens.page.click('[data-testid=tab-source]');
  const shown = await lens.text('source');
  assert.ok(shown.includes('<img src=x onerror=alert(1)>') && shown.includes('<script>alert(2)</script>'));
  assert.equal(await lens.page.locator('#panel-source img, #panel-source script, #panel-source b').count(), 0);
  await lens.page.click('[data-testid=tab-outline]');
  await lens.page.waitForTimeout(200);
  assert.equal(dialogs, 0);
  assert.equal(await lens.page.evaluate(() => document.querySelectorAll('img').length), 0);
});

test('kept documents survive a reload, and are gone after Forget all', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.drop([{ name: 'croydon.txt', content: fixtureText('reports/ofsted-croydon-2024.txt') }]);
  await lens.filesRead();
  await lens.page.check('[data-testid=keep]');
  assert.match(await lens.text('keep-status'), /2 documents kept on this device/);
  await lens.page.reload();
  await lens.page.waitForSelector('[data-testid=summary]');
  assert.deepEqual(await lens.texts('doc-name'), ['Example: Middlesbrough CQC assessment (2025)', 'croydon.txt']);
  assert.equal(await lens.page.isChecked('[data-testid=keep]'), true);
  await lens.page.click('[data-testid=forget]');
  await lens.page.reload();
  await lens.page.waitForSelector('[data-testid=summary]');
  assert.deepEqual(await lens.texts('doc-name'), ['Example: Middlesbrough CQC assessment (2025)']);
  assert.equal(await lens.page.isChecked('[data-testid=keep]'), false);
});

test('a full store gets a clear message and nothing on screen is lost', async () => {
  const lens = await LensPage.open(browser, site.url);
  // Fill localStorage so that saving fails.
  await lens.page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16]) {
      const chunk = 'x'.repeat(size);
      try { for (;;) localStorage.setItem(`filler-${n++}`, chunk); } catch (e) { /* full at this size */ }
    }
  });
  await lens.drop([{ name: 'stockton.txt', content: fixtureText('reports/cqc-stockton-on-tees-2025.txt') }]);
  await lens.filesRead();
  await lens.page.check('[data-testid=keep]');
  assert.match(await lens.text('keep-status'), /Not saved: your browser's storage for this page is full/);
  assert.equal((await lens.texts('doc-entry')).length, 2);
  assert.equal(await lens.authority(), 'Stockton-on-Tees Borough Council');
  await lens.page.evaluate(() => localStorage.clear());
});
