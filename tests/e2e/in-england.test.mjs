// A director opens their Ofsted report and asks how it compares: the national distribution of
// latest grades (dated and sourced), the council's own ILACS history from the official record,
// its statistical neighbours, and a comparison with them — all from figures the page carries,
// with no network request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage, fixtureText } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('an Ofsted report shows where its council stands in England, its neighbours, and compares with them', async () => {
  const lens = await LensPage.open(browser, site.url);
  // A CQC assessment (the example) has no such card: the figures are Ofsted's.
  assert.equal(await lens.page.locator('[data-testid=in-england]').count(), 0);
  await lens.drop([{ name: 'middlesbrough-2023.txt', content: fixtureText('reports/ofsted-middlesbrough-2023.txt') }]);
  await lens.filesRead();
  await lens.idle();
  const card = lens.page.locator('[data-testid=in-england]');
  await card.waitFor();
  const text = await card.innerText();
  assert.match(text, /as at 31 March 2025 \(Ofsted official statistics\)/);
  // The distribution: four grades adding up to the 153 councils; this report's grade marked.
  const grades = await lens.texts('england-grade');
  assert.equal(grades.length, 4);
  const counts = grades.map((g) => Number(/(\d+) of 153/.exec(g)?.[1]));
  assert.equal(counts.reduce((a, b) => a + b, 0), 153, grades.join(' | '));
  assert.match(grades.find((g) => /this report/.test(g)) ?? '', /^Requires improvement to be good/);
  // The report is the official record's inspection of March 2023.
  assert.match(await lens.text('england-note'), /in the official record \(inspected 2023-03-13, Requires improvement to be good\)/);
  await lens.page.click('[data-testid=england-history] summary');
  const history = await lens.texts('england-history-row');
  assert.ok(history.some((r) => /2019-11-25.*Inadequate/s.test(r)), history.join(' | '));
  // Ten neighbours, coloured by grade, listed by closeness.
  const neighbours = await lens.texts('neighbour-row');
  assert.equal(neighbours.length, 10);
  assert.match(neighbours[0], /^Blackpool/);
  assert.ok(await lens.page.locator('[data-testid=neighbours] td.cell.s4').count() >= 1, 'an Outstanding neighbour coloured');
  await card.screenshot({ path: 'tests/e2e/artifacts/in-england-card.png' });
  // Compare with my neighbours: their official grades beside the loaded documents.
  await lens.page.click('[data-testid=compare-neighbours]');
  const rows = await lens.texts('neighbours-compared-row');
  assert.equal(rows.length, 11);
  assert.match(rows[0], /^Middlesbrough[\s\S]*this council[\s\S]*middlesbrough-2023\.txt/);
  assert.match(await lens.text('neighbours-compared'), /official grades as at 31 March 2025/);
  // The loaded report's own row in Compare carries its council's official latest grade.
  // The loaded report's own row in Compare names its council's official latest grade.
  assert.match(await lens.text('official-latest'), /^Official \(Ofsted, as at 31 March 2025\): Requires improvement to be good$/);
  await lens.page.click('[data-testid=neighbours-close]');
  assert.equal(await lens.page.locator('[data-testid=neighbours-compared]').count(), 0);
  await lens.screenshot('in-england');
  assert.deepEqual(lens.externalRequests(), []);
});

test('an Ofsted report of a council not in the official record says so instead of showing nothing', async () => {
  const lens = await LensPage.open(browser, site.url);
  // The same report with its council renamed to one the record does not hold.
  const renamed = fixtureText('reports/ofsted-middlesbrough-2023.txt').replaceAll('Middlesbrough', 'Borsetshire');
  await lens.drop([{ name: 'borsetshire-2023.txt', content: renamed }]);
  await lens.filesRead();
  await lens.idle();
  const missing = lens.page.locator('[data-testid=england-missing]');
  await missing.waitFor();
  assert.match(await missing.innerText(), /Borsetshire.*is not one of the councils in Ofsted's official figures \(as at 31 March 2025\)/);
  assert.equal(await lens.page.locator('[data-testid=england-grade]').count(), 0, 'no distribution to mark it on');
  assert.deepEqual(lens.externalRequests(), []);
});
