// Page-object fixture for the end-to-end tests: serves pkg/ on 127.0.0.1, drives Debian's
// Chromium with playwright-core, records every request, and wraps the page's controls.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** A static server over pkg/ (or `root`) on an ephemeral loopback port. */
export async function serveSite(root = SITE) {
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
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
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

/** The page, as a user sees it. */
export class LensPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.requests = [];
    page.on('request', (r) => this.requests.push(r.url()));
  }

  static async open(browser, baseUrl, options = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
    const lens = new LensPage(await context.newPage(), baseUrl);
    await lens.page.goto(baseUrl);
    await lens.page.waitForSelector('[data-testid=summary]');
    return lens;
  }

  /** Requests to anywhere but this machine's loopback server. */
  externalRequests() {
    return this.requests.filter((u) => {
      const url = new URL(u);
      return !(url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1');
    });
  }

  async paste(text) {
    await this.page.fill('[data-testid=report-text]', text);
    // The page re-analyses once typing pauses; aria-busy is true until then.
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
    const dt = await this.page.evaluateHandle((fs) => {
      const d = new DataTransfer();
      for (const f of fs) d.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type || '' }));
      return d;
    }, files.map((f) => ({ name: f.name, type: f.type, bytes: [...Buffer.from(f.content)] })));
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
    await this.page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
    const result = await this.page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    return result.violations.filter((v) => impacts.includes(v.impact));
  }

  /** The text a download holds, after clicking the control that starts it. */
  async download(testid) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.click(`[data-testid=${testid}]`)]);
    return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
  }

  async selectedText() {
    return this.page.evaluate(() => {
      const t = document.querySelector('[data-testid=report-text]');
      return t.value.slice(t.selectionStart, t.selectionEnd);
    });
  }

  async screenshot(name) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await this.page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  }
}
