// A provider (or a commissioner) pastes a care provider's inspection report: the page names the
// service and who runs it, shows the ratings CQC or Ofsted gave, and each is one click from its
// words; a text whose ratings could not be read says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage, fixtureText } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('pasting an Ofsted children\u2019s home report shows its three judgements', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.paste(fixtureText('providers/ofsted-childrens-home-sc463558-2016.txt'));
  assert.equal(await lens.text('kind'), 'Inspection of a care provider');
  assert.equal(await lens.text('framework'), 'SCCIF');
  assert.equal(await lens.authority(), "Children's home SC463558");
  assert.equal(await lens.text('regulator'), 'Ofsted');
  assert.equal(await lens.text('registered-provider'), 'The Serendipity Centre Limited');
  assert.deepEqual(await lens.texts('grade'), ['Good', 'Good', 'Requires improvement']);
  const rows = await lens.texts('judgement-row');
  assert.match(rows[2], /^The impact and effectiveness of leaders and managers/);
  // The grade below Good is a priority, grouped under Ofsted's judgements.
  assert.match(await lens.text('priorities'), /The impact and effectiveness of leaders and managers: Requires improvement/);
  await lens.page.locator('[data-testid=judgement-row] button').nth(2).click();
  assert.match(await lens.evidence(), /effectiveness of leaders and Requires improvement/);
  await lens.screenshot('paste-provider-ofsted');
  assert.deepEqual(lens.externalRequests(), []);
});

test('pasting a CQC care home page shows its overall rating and the key question its text rates', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.paste(fixtureText('providers/cqc-new-park-house-2018.txt'));
  assert.equal(await lens.text('kind'), 'Inspection of a care provider');
  assert.equal(await lens.authority(), 'New Park House');
  assert.equal(await lens.text('regulator'), 'CQC');
  assert.equal(await lens.text('overall-rating'), 'Requires improvement');
  assert.match(await lens.text('judgements'), /^CQC ratings/);
  assert.deepEqual(await lens.texts('grade'), ['Requires improvement']);
  await lens.page.locator('[data-testid=judgement-row] button').first().click();
  assert.match(await lens.evidence(), /could not improve the rating of well-led from requires improvement/i);
});

test('a 2024 CQC assessment page: a key question rated and scored out of 100, and the overall rating it lacks said', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.paste(fixtureText('providers/cqc-location-1-216427351-2024-safe.txt'));
  assert.equal(await lens.text('framework'), 'CQC provider 2024');
  assert.deepEqual(await lens.texts('grade'), ['Good']);
  assert.equal((await lens.text('kq-score')).trim(), '75 of 100');
  assert.match(await lens.text('warnings'), /The overall rating of this service was not found/);
});

test('a CQC page whose ratings are not in the text says so', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.paste(fixtureText('providers/cqc-location-1-124742449-2024.txt'));
  assert.equal(await lens.text('kind'), 'Inspection of a care provider');
  assert.match(await lens.text('warnings'), /its ratings were not found in this text/);
  assert.match(await lens.text('judgements-none'), /No key question.s rating was found/);
});

test('a commissioner compares care providers: CQC ratings and Ofsted judgements, each with its kind', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.drop([
    { name: 'acorn.txt', content: fixtureText('providers/cqc-acorn-nursing-home-2023.txt') },
    { name: 'tweedmouth.txt', content: fixtureText('providers/cqc-tweedmouth-house-2022.txt') },
    { name: 'sc045408.txt', content: fixtureText('providers/ofsted-childrens-home-sc045408-2017.txt') },
  ]);
  await lens.filesRead();
  await lens.page.locator('[data-testid=remove]').first().click();
  await lens.page.click('[data-testid=compare]');
  const cqc = await lens.texts('provider-row');
  assert.equal(cqc.length, 3);
  const heads = await lens.page.locator('[data-testid=compare-cqc-providers] thead th').allInnerTexts();
  assert.deepEqual(heads.map((h) => h.trim()), ['Document', 'Overall', 'Safe', 'Effective', 'Caring', 'Responsive', 'Well-led']);
  assert.match(cqc[0], /^Acorn Nursing Home[\s\S]*Requires improvement/);
  assert.match(cqc[1], /^Tweedmouth House[\s\S]*Good/);
  assert.match(await lens.text('compare-ofsted-providers'), /Children's home SC045408[\s\S]*Good\s+Good\s+Requires improvement/);
});

// Two inspections of one care home (their first pages, in the shape of CQC's reports): the list
// offers Since last time, and the ratings line up by key question with the change marked.
test('two reports of one care home: Since last time lines up their ratings', async () => {
  const page = (date, overall, safe) => `Oakfield House\nInspection report\nDate of inspection visit:\n${date}\nRatings\n`
    + `Overall rating for this service ${overall}\nIs the service safe? ${safe}\nIs the service well-led? Good\n\n`
    + 'About the service\nOakfield House is a residential care home providing personal care to up to 30 people.\n';
  const lens = await LensPage.open(browser, site.url);
  await lens.drop([
    { name: 'oakfield-2023.txt', content: page('14 March 2023', 'Requires Improvement', 'Inadequate') },
    { name: 'oakfield-2019.txt', content: page('3 May 2019', 'Good', 'Good') },
  ]);
  await lens.filesRead();
  await lens.idle();
  assert.match(await lens.text('since'), /Since last time: Oakfield House .*Provider, 2 reports/);
  await lens.page.click('[data-testid=since]');
  const rows = await lens.texts('since-grade-row');
  assert.ok(rows.some((r) => /^Overall rating\s+Good\s+Requires improvement\s+▼ down/.test(r)), rows.join(' | '));
  assert.ok(rows.some((r) => /^Safe\s+Good\s+Inadequate\s+▼ down/.test(r)), rows.join(' | '));
});
