// Page-object fixture for the end-to-end tests: serves pkg/ on 127.0.0.1, drives Debian's
// Chromium with playwright-core, records every request, and wraps the page's controls.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'node:test';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
export const SITE = path.join(ROOT, 'pkg');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const ARTIFACTS = path.join(HERE, 'artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

/**
 * A static server over pkg/ (or `root`) on an ephemeral loopback port. `headers` are added to
 * every response (e.g. a long `cache-control`, to let the browser's HTTP cache hand back old
 * files after a rebuild).
 */
export async function serveSite(root = SITE, { headers = {} } = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`trunk build --release\` (./dev build) first`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
    ],
  });
}

export function fixtureText(relative) {
  return fs.readFileSync(path.join(FIXTURES, relative), 'utf8');
}

/** How long a trivial round trip into the page may take, in any spec, at any time (ms). */
export const RESPONSIVE_MS = 200;

/**
 * The watchdog every spec runs under: from the moment a page opened with `LensPage.open` has
 * loaded until its test ends, every task that holds the page's main thread for more than
 * RESPONSIVE_MS (the browser's Long Tasks timing, collected every half second; a reload may
 * drop the last half second's) fails the test, naming when and how long. A trivial `page.evaluate` could not
 * have answered during such a task; unlike timing round trips from here, it does not count the
 * test runner's own scheduling on a busy machine. The harness's own work in the page is left
 * out (Playwright's fill, building dropped files, axe, screenshots, setting megabytes into the
 * text area), by the wall-clock windows it ran in.
 */
class Watchdog {
  constructor(page, name) {
    this.page = page;
    this.name = name;
    this.tasks = [];
    this.windows = [];
    // From now: the page's load (its first render of the example) is before.
    this.since = Date.now();
    this.paused = 0;
    this.running = true;
    const install = () => {
      if (window.__longTasks) return;
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ at: performance.timeOrigin + e.startTime, ms: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    };
    this.ready = page.addInitScript(install).then(() => page.evaluate(install)).catch(() => {});
    this.loop = (async () => {
      await this.ready;
      while (this.running) {
        await this.collect();
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
  }

  async collect() {
    const got = await this.page.evaluate(() => (window.__longTasks || []).splice(0)).catch(() => []);
    this.tasks.push(...got);
  }

  /** Run `work` (the harness's own, not the page's) without counting what it does. */
  async paused_(work) {
    const start = Date.now();
    try { return await work(); } finally { this.windows.push([start - 50, Date.now() + 50]); }
  }

  /** Stop; the long tasks over the limit that the harness did not cause. */
  async stop() {
    this.running = false;
    await this.loop;
    await this.collect();
    const harness = (t) => this.windows.some(([a, b]) => t.at + t.ms >= a && t.at <= b);
    const watched = this.tasks.filter((t) => t.at >= this.since);
    // LENS_LONG_TASKS=1 prints every long task of the test (over 50 ms), to see how near the limit it runs.
    if (process.env.LENS_LONG_TASKS) console.log(`# long tasks: ${watched.map((t) => `${Math.round(t.ms)} ms${harness(t) ? ' (harness)' : ''}`).join(', ') || 'none'}`);
    return { count: watched.length, slow: watched.filter((t) => t.ms > RESPONSIVE_MS && !harness(t)) };
  }
}

const watchdogs = [];

afterEach(async () => {
  const open = watchdogs.splice(0);
  const failures = [];
  for (const w of open) {
    const { count, slow } = await w.stop();
    if (slow.length) failures.push(`${w.name}: ${slow.length} of ${count} long tasks over ${RESPONSIVE_MS} ms (${slow.map((t) => `${Math.round(t.ms)} ms at ${new Date(t.at).toISOString().slice(11, 23)}`).join(', ')})`);
  }
  if (failures.length) throw new Error(`the page held its main thread:\n${failures.join('\n')}`);
});

/** The page, as a user sees it. */
export class LensPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.requests = [];
    this.watchdog = null;
    page.on('request', (r) => this.requests.push(r.url()));
  }

  /** Start the watchdog on this page (LensPage.open does; a page made otherwise may call it). */
  watch(name = this.baseUrl) {
    this.watchdog = new Watchdog(this.page, name);
    watchdogs.push(this.watchdog);
  }

  /** Run the harness's own heavy work in the page without the watchdog counting it. */
  async unwatched(work) {
    return this.watchdog ? this.watchdog.paused_(work) : work();
  }

  static async open(browser, baseUrl, options = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
    const lens = new LensPage(await context.newPage(), baseUrl);
    await lens.page.goto(baseUrl);
    await lens.page.waitForSelector('[data-testid=summary]');
    await lens.idle();
    lens.watch();
    return lens;
  }

  /** Wait until nothing is being read or analysed (kept documents come back one by one). */
  async idle(timeout = 60_000) {
    await this.page.waitForFunction(() => !document.querySelector('[data-testid=analysing], [data-testid=progress]')
      && document.querySelector('[data-testid=results]')?.getAttribute('aria-busy') === 'false', null, { timeout });
  }

  /**
   * Wait until the browser has painted twice, so the probe measures the page, not the
   * browser's own one-off layout of a text area just given megabytes.
   */
  async settle() {
    for (let i = 0; i < 2; i++) await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }

  /** How long a trivial round trip into the page takes now, in ms. */
  async latency() {
    const t0 = performance.now();
    await this.page.evaluate(() => 0);
    return performance.now() - t0;
  }

  /**
   * The responsiveness probe: from now until `stop()`, a trivial `page.evaluate` every
   * `every` ms, each timed. `stop()` resolves to `{ count, max, slow }` (`slow`: the round
   * trips over `limit` ms; `samples`: each round trip's `{ end, ms }`, `end` a Date.now() in ms).
   * Any spec can wrap a stretch of work with it:
   *   const probe = lens.probe(); …work…; const { max } = await probe.stop(); assert.ok(max < 200);
   */
  probe({ every = 50, limit = 200 } = {}) {
    const times = [];
    let running = true;
    const loop = (async () => {
      while (running) {
        const ms = await this.latency();
        times.push({ end: Date.now(), ms });
        await new Promise((r) => setTimeout(r, every));
      }
    })();
    return {
      stop: async () => {
        running = false;
        await loop;
        const ms = times.map((t) => t.ms);
        return { count: ms.length, max: Math.max(0, ...ms), slow: ms.filter((t) => t > limit), samples: times };
      },
    };
  }

  /**
   * Paste without waiting for the analysis: the text area's value is set and its input event
   * fired at once, as a paste does (Playwright's `fill` is too slow for megabytes).
   */
  async type(text) {
    const set = () => this.page.evaluate((t) => {
      const area = document.querySelector('[data-testid=report-text]');
      area.value = t;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    // Megabytes into a text area: Chromium's own layout of it holds the page for seconds
    // (measured without the app: the same with a bare <textarea>), so the watchdog waits.
    if (text.length > 1_000_000) await this.unwatched(async () => { await set(); await this.settle(); });
    else await set();
  }

  /** The analysis card's document name, and where it runs ('worker' or 'page'), once shown. */
  async analysing(timeout = 30_000) {
    const card = this.page.locator('[data-testid=analysing]');
    await card.waitFor({ timeout });
    return { text: await card.innerText(), where: await card.getAttribute('data-where') };
  }

  /** Requests to anywhere but this machine's loopback server. */
  externalRequests() {
    return this.requests.filter((u) => {
      const url = new URL(u);
      return !(url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1');
    });
  }

  async paste(text) {
    // Playwright's fill of a 144 KB report holds the page for seconds (a long task measured
    // with nothing of the app's running): the harness's work, not the page's. The analysis
    // starts after it, watched.
    await this.unwatched(() => this.page.fill('[data-testid=report-text]', text));
    // The page re-analyses (in its worker) once typing pauses; aria-busy is true until then.
    await this.page.waitForSelector('[data-testid=results][aria-busy=false]');
  }

  text(testid) { return this.page.locator(`[data-testid=${testid}]`).first().innerText(); }
  texts(testid) { return this.page.locator(`[data-testid=${testid}]`).allInnerTexts(); }
  rating() { return this.text('overall-rating'); }
  authority() { return this.text('authority'); }
  statements() { return this.texts('statement'); }
  meanings() { return this.texts('score-meaning'); }
  computedPercent() { return this.text('computed-percent'); }

  /** Drop files on the page as a user dragging them from their desktop would. */
  async drop(files) {
    const dt = await this.unwatched(() => this.page.evaluateHandle((fs) => {
      const d = new DataTransfer();
      for (const f of fs) d.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type || '' }));
      return d;
    }, files.map((f) => ({ name: f.name, type: f.type, bytes: [...Buffer.from(f.content)] }))));
    await this.page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
    await this.page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  }

  /** Record every text an element shows, however briefly; call the result to read them. */
  async recordShown(testid) {
    await this.page.evaluate((id) => {
      window.__shown = window.__shown || {};
      window.__shown[id] = [];
      new MutationObserver(() => {
        const el = document.querySelector(`[data-testid=${id}]`);
        if (el) window.__shown[id].push(el.textContent);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    }, testid);
    return () => this.page.evaluate((id) => window.__shown[id], testid);
  }

  /** Wait until every file read has finished. */
  async filesRead() {
    await this.page.waitForFunction(() => !document.querySelector('[data-testid=progress]'));
  }

  /** Run axe-core (from node_modules) in the page; the violations of the given impacts. */
  async axe(impacts = ['serious', 'critical']) {
    const result = await this.unwatched(async () => {
      await this.page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
      return this.page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    });
    return result.violations.filter((v) => impacts.includes(v.impact));
  }

  /** The text a download holds, after clicking the control that starts it. */
  async download(testid) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.click(`[data-testid=${testid}]`)]);
    return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
  }

  /**
   * The words the page shows for the evidence last clicked — marked beside the list on a wide
   * screen, in the Source view on a narrow one — once they are inside the visible part of their
   * scroll box and of the window (fails, saying where they are, if they never get there).
   */
  async evidence() {
    const where = () => {
      const m = [...document.querySelectorAll('[data-testid=pane-evidence], [data-testid=active-evidence]')].find((e) => e.offsetParent !== null);
      if (!m) return { shown: false };
      const box = m.closest('.source-text').getBoundingClientRect();
      const r = m.getBoundingClientRect();
      const top = Math.max(r.top, box.top);
      return {
        shown: true, text: m.textContent, top: Math.round(r.top), box: [Math.round(box.top), Math.round(box.bottom)],
        placed: r.bottom > box.top && r.top < box.bottom && top >= 0 && top < innerHeight,
      };
    };
    try {
      await this.page.waitForFunction(`(${where})().placed`, null, { timeout: 3000 });
    } catch {
      throw new Error(`the evidence is not in view: ${JSON.stringify(await this.page.evaluate(where))}`);
    }
    return (await this.page.evaluate(where)).text;
  }

  async screenshot(name) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await this.unwatched(() => this.page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true }));
  }
}
