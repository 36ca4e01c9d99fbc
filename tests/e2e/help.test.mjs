// A councillor new to the reports opens "What do these mean?" and reads what the scores, grades,
// outcomes and verdict words mean, without leaving the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('"What do these mean?" explains scores, bands, grades by framework and verdicts', async () => {
  const lens = await LensPage.open(browser, site.url, { bypassCSP: true });
  const help = lens.page.locator('[data-testid=help]');
  assert.equal(await help.getAttribute('open'), null, 'closed until asked for');
  await help.locator('summary').click();
  assert.deepEqual(await lens.texts('help-cqc-scores'), [[
    '1 — Evidence shows significant shortfalls', '2 — Evidence shows some shortfalls',
    '3 — Evidence shows a good standard', '4 — Evidence shows an exceptional standard',
  ].join('\n')]);
  const body = await help.innerText();
  assert.match(body, /25–38% Inadequate · 39–62% Requires improvement · 63–87% Good · 88%\+ Outstanding/);
  assert.match(body, /Assessing needs/);
  assert.match(await lens.text('help-ofsted'), /Requires improvement to be good[\s\S]*Adequate[\s\S]*widespread and\/or systemic failings[\s\S]*written statement of action[\s\S]*no grades/);
  assert.match(await lens.text('help-providers'), /safe, effective, caring, responsive, well-led[\s\S]*star ratings[\s\S]*helped and protected[\s\S]*reference number/);
  assert.match(await lens.text('help-reading'), /the report’s own words about a figure/);
  assert.deepEqual((await lens.axe()).map((x) => x.id), []);
});
