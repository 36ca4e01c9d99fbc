// Nothing lost: a rebuild never leaves the installed app blank (even when the browser's HTTP
// cache still holds the old files), two tabs keep the same documents and "Forget all" in one
// stays forgotten, and a second drop during a read keeps the first drop's messages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { serveSite, launchBrowser, LensPage, fixtureText, SITE } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

/** "Rebuild" the site in `root`: the wasm and its glue get new names, sw.js a new cache. */
function rebuild(root) {
  const glue = fs.readdirSync(root).find((f) => /^assessment-lens-[0-9a-f]+\.js$/.test(f));
  const old = glue.slice('assessment-lens-'.length, -'.js'.length);
  const fresh = old.split('').reverse().join('');
  for (const f of fs.readdirSync(root)) {
    const file = path.join(root, f);
    if (fs.statSync(file).isDirectory()) continue;
    if (/\.(html|js|mjs)$/.test(f) && f !== 'pdf.min.mjs' && f !== 'pdf.worker.min.mjs') {
      let text = fs.readFileSync(file, 'utf8').replaceAll(old, fresh);
      if (f === 'sw.js') text = text.replace(/assessment-lens-[0-9a-f]{16}'/, "assessment-lens-0000000000000001'");
      fs.writeFileSync(file, text);
    }
    if (f.includes(old)) fs.renameSync(file, path.join(root, f.replace(old, fresh)));
  }
  return { old, fresh };
}

test('after a rebuild the installed app is not blank, online or offline', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-site-'));
  fs.cpSync(SITE, root, { recursive: true });
  // A day's max-age: the browser's HTTP cache would hand back the old index.html.
  const copy = await serveSite(root, { headers: { 'cache-control': 'public, max-age=86400' } });
  try {
    const lens = await LensPage.open(browser, copy.url);
    await lens.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const { old, fresh } = rebuild(root);
    await lens.page.evaluate(async () => { const r = await navigator.serviceWorker.getRegistration(); await r.update(); });
    // The new worker installs its cache and, on activating, deletes the old one.
    for (let i = 0; i < 100; i++) {
      const keys = await lens.page.evaluate(() => caches.keys());
      if (keys.length === 1 && keys[0] === 'assessment-lens-0000000000000001') break;
      await lens.page.waitForTimeout(200);
    }
    const cachedIndex = await lens.page.evaluate(async () => {
      const r = await caches.match('./', { cacheName: 'assessment-lens-0000000000000001' });
      return r ? r.text() : '';
    });
    assert.ok(cachedIndex.includes(fresh) && !cachedIndex.includes(old), `the new cache holds the new index.html (${old} → ${fresh}): ${cachedIndex.slice(-700)}`);
    for (const offline of [false, true]) {
      await lens.page.context().setOffline(offline);
      await lens.page.reload();
      await lens.page.waitForSelector('[data-testid=summary]', { timeout: 10_000 });
      await lens.paste(fixtureText('reports/ofsted-westminster-2025.txt'));
      assert.equal(await lens.authority(), 'Westminster', offline ? 'offline' : 'online');
    }
    await lens.page.context().setOffline(false);
    await lens.page.context().close();
  } finally {
    await copy.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('two tabs keep the same documents, and Forget all in one stays forgotten', async () => {
  const a = await LensPage.open(browser, site.url);
  const context = a.page.context();
  const b = new LensPage(await context.newPage(), site.url);
  await b.page.goto(site.url);
  await b.page.waitForSelector('[data-testid=summary]');
  await a.page.check('[data-testid=keep]');
  await b.page.waitForFunction(() => document.querySelector('[data-testid=keep]').checked);
  const dropped = b.page.waitForFunction(() => [...document.querySelectorAll('[data-testid=doc-name]')].some((e) => e.textContent === 'croydon.txt'));
  await a.drop([{ name: 'croydon.txt', content: fixtureText('reports/ofsted-croydon-2024.txt') }]);
  await a.filesRead();
  await a.idle();
  // The other tab follows, analysing the new document in its worker. (Both tabs share one
  // renderer process, so the probe runs only while A is idle: A's own work would hold B too.)
  const probe = b.probe();
  await dropped;
  await b.idle();
  const { max, samples } = await probe.stop();
  const t0 = samples[0]?.end ?? 0;
  assert.ok(max < 200, `tab B answered within 200 ms while following A (slowest ${Math.round(max)} ms; ${samples.filter((x) => x.ms > 100).map((x) => `${Math.round(x.ms)} ms at ${x.end - t0}`).join(', ')})`);
  assert.deepEqual(await b.texts('doc-name'), ['Example: Middlesbrough CQC assessment (2025)', 'croydon.txt']);
  // Removing a document in B removes it in A.
  await b.page.locator('[data-testid=doc-entry]').nth(0).locator('[data-testid=remove]').click();
  await a.page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-name]').length === 1);
  assert.deepEqual(await a.texts('doc-name'), ['croydon.txt']);
  // Forget all in B; a change in A afterwards must not write the documents back.
  await b.page.click('[data-testid=forget]');
  await a.page.waitForFunction(() => !document.querySelector('[data-testid=keep]').checked);
  assert.match(await a.text('keep-status'), /Forgotten in another tab/);
  await a.page.click('[data-testid=load-example]');
  await a.paste(fixtureText('reports/ofsted-westminster-2025.txt'));
  await a.page.waitForTimeout(300);
  assert.deepEqual(await a.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('assessment-lens'))), []);
  // A third tab starts with nothing kept.
  const c = await LensPage.open(browser, site.url);
  assert.deepEqual(await c.texts('doc-name'), ['Example: Middlesbrough CQC assessment (2025)']);
  await context.close();
  await c.page.context().close();
});

test("a second drop during a read keeps the first drop's messages", async () => {
  const lens = await LensPage.open(browser, site.url);
  const big = fixtureText('reports/cqc-middlesbrough-2025.txt').repeat(20);
  await lens.drop([
    { name: 'broken.txt', content: Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 0, 0, 1, 2]) },
    { name: 'big.txt', content: big },
  ]);
  await lens.page.waitForSelector('[data-testid=file-errors]');
  assert.match(await lens.text('file-errors'), /broken\.txt/);
  await lens.drop([{ name: 'croydon.txt', content: fixtureText('reports/ofsted-croydon-2024.txt') }]);
  await lens.filesRead();
  await lens.idle();
  assert.match(await lens.text('file-errors'), /broken\.txt/, 'the first drop\'s message is still shown');
  assert.deepEqual(await lens.texts('doc-name'), ['Example: Middlesbrough CQC assessment (2025)', 'big.txt', 'croydon.txt']);
});
