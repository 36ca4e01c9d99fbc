// A user pastes each corpus CQC report and sees its rating and all nine statements.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage, fixtureText } from './fixture.mjs';

const NINE = [
  'Assessing needs', 'Supporting people to live healthier lives', 'Equity in experience and outcomes',
  'Care provision, integration and continuity', 'Partnerships and communities',
  'Safe pathways, systems and transitions', 'Safeguarding',
  'Governance, management and sustainability', 'Learning, improvement and innovation',
];

const REPORTS = [
  { file: 'cqc-middlesbrough-2025', authority: 'Middlesbrough Council', rating: 'Requires improvement', percent: '61.1%', first: '2 — Evidence shows some shortfalls' },
  { file: 'cqc-stockton-on-tees-2025', authority: 'Stockton-on-Tees Borough Council', rating: 'Good', percent: '63.9%', first: '2 — Evidence shows some shortfalls' },
  { file: 'cqc-hartlepool-2025', authority: 'Hartlepool Borough Council', rating: 'Good', percent: '69.4%', first: '3 — Evidence shows a good standard' },
];

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

for (const r of REPORTS) {
  test(`pasting ${r.file} shows its rating and nine scores`, async () => {
    const lens = await LensPage.open(browser, site.url);
    await lens.page.click('[data-testid=clear]');
    await lens.paste(fixtureText(`reports/${r.file}.txt`));
    assert.equal(await lens.authority(), r.authority);
    assert.equal(await lens.rating(), r.rating);
    assert.deepEqual(await lens.statements(), NINE);
    assert.equal((await lens.meanings())[0], r.first);
    assert.equal(await lens.computedPercent(), r.percent);
    await lens.screenshot(`paste-${r.file}`);
    assert.deepEqual(lens.externalRequests(), []);
  });
}

test('a partial report lists only its statements and says so', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.paste(fixtureText('variants/partial-four-statements.txt'));
  assert.equal((await lens.statements()).length, 4);
  assert.match(await lens.text('warnings'), /Only 4 of the 9 quality statements/);
});
