// A user opens the page: the example report is already analysed, and nothing is requested
// from anywhere but the page's own server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('the example is analysed on first load', async () => {
  const lens = await LensPage.open(browser, site.url);
  assert.equal(await lens.authority(), 'Middlesbrough Council');
  assert.equal(await lens.rating(), 'Requires improvement');
  assert.equal((await lens.statements()).length, 9);
  assert.equal(await lens.computedPercent(), '61.1%');
  await lens.screenshot('first-load');
  assert.deepEqual(lens.externalRequests(), []);
});
