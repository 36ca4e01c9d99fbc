// A director drops two Ofsted reports of one council (later one first) and asks what changed
// since last time: grades over time, what became of the earlier report's gaps, what is new, and
// the words behind each, one click away; then exports the follow-through for a scrutiny paper.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage, fixtureText } from './fixture.mjs';

let site, browser;

/** Drop Middlesbrough's 2020 and 2023 reports and open Since last time. */
async function openMiddlesbrough(lens) {
  await lens.drop([
    { name: 'middlesbrough-2020.txt', content: fixtureText('since/ofsted-middlesbrough-2020.txt') },
    { name: 'middlesbrough-2023.txt', content: fixtureText('reports/ofsted-middlesbrough-2023.txt') },
  ]);
  await lens.filesRead();
  await lens.idle();
  await lens.page.click('[data-testid=since]');
  await lens.page.waitForSelector('[data-testid=since-item]');
}

before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

test('since last time: grades over time, follow-through of earlier gaps, evidence and exports', async () => {
  const lens = await LensPage.open(browser, site.url);
  // One report of a council offers nothing to line up.
  assert.equal(await lens.page.locator('[data-testid=since]').count(), 0);
  await lens.drop([
    { name: 'middlesbrough-2023.txt', content: fixtureText('reports/ofsted-middlesbrough-2023.txt') },
    { name: 'middlesbrough-2020.txt', content: fixtureText('since/ofsted-middlesbrough-2020.txt') },
  ]);
  await lens.filesRead();
  await lens.idle();
  assert.match(await lens.text('since'), /Since last time: Middlesbrough .*Ofsted, 2 reports/);
  await lens.page.click('[data-testid=since]');
  // Date order whatever the order dropped: 2019 (inadequate) then 2023 (requires improvement), up.
  const heads = await lens.page.locator('[data-testid=since-grades] thead th').allInnerTexts();
  assert.match(heads[1], /^2019-12-06/);
  assert.match(heads[2], /^2023-/);
  const overall = (await lens.texts('since-grade-row'))[0];
  assert.match(overall, /^Overall effectiveness\s+Inadequate\s+Requires improvement to be good\s+▲ up/);
  // Judgement areas lined up across the 2018 and 2023 ILACS wordings: leaders in one row.
  assert.ok((await lens.texts('since-grade-row')).some((r) => /^The impact of leaders.*Inadequate\s+Requires improvement/.test(r)));
  // Every one of the earlier report's 15 stated gaps is followed through, with a status.
  const items = lens.page.locator('[data-testid=since-item]');
  assert.equal(await items.count(), 15);
  const statuses = await items.evaluateAll((els) => els.map((e) => e.dataset.status));
  assert.ok(statuses.includes('recurs') && statuses.includes('improved'), statuses.join(' '));
  assert.match(await lens.text('since-follow'), /15|recur/);
  // How the statuses are made, and how far a careful reader agrees, said beside them.
  assert.match(await lens.text('since-how'), /about six statuses in ten agree with a careful reader/);
  // The later report's own words about the last inspection, and its new gaps.
  assert.match(await lens.text('since-about-last'), /Since the last inspection in 2019/);
  assert.match(await lens.text('since-new'), /private fostering/);
  // An earlier gap's words: in the 2020 report; its later evidence: in the 2023 report.
  const lifeStory = items.filter({ hasText: 'life-story work for all children in care' });
  assert.equal(await lifeStory.getAttribute('data-status'), 'recurs');
  await lifeStory.locator('[data-testid=since-earlier]').click();
  assert.match(await lens.evidence(), /The provision of life-story work for all children in care/);
  assert.match(await lens.text('source-name'), /middlesbrough-2020\.txt/);
  await lifeStory.locator('[data-testid=since-later]').click();
  assert.match(await lens.evidence(), /Life-story work is not being completed routinely/);
  assert.match(await lens.text('source-name'), /middlesbrough-2023\.txt/);
  // The view stays while the words are shown beside it.
  assert.equal(await lens.page.locator('[data-testid=since-view]').count(), 1);
  // Where a reader checking a status looks next: the next closest later sentences, one click away.
  const also = lifeStory.locator('[data-testid=since-also]');
  assert.match(await also.locator('summary').innerText(), /^Next closest in the later report \([1-4]\)$/);
  await also.locator('summary').click();
  const next = also.locator('[data-testid=since-also-item]').first();
  const nextText = (await next.innerText()).trim();
  await next.click();
  const flat = (t) => t.replace(/\s+/g, ' ').trim();
  assert.ok(flat(await lens.evidence()).includes(flat(nextText).slice(0, 40)), nextText);
  // Checked against the words, the reader changes a status: the badge, the counts and the
  // exports take it, marked as checked; the analyser's is kept beside it.
  const countsBefore = await lens.text('since-counts');
  const [r0, i0] = countsBefore.match(/(\d+) recur, (\d+) improved/).slice(1).map(Number);
  await lifeStory.locator('[data-testid=since-check]').selectOption('improved');
  assert.equal(await lifeStory.getAttribute('data-status'), 'improved');
  assert.equal(await lifeStory.getAttribute('data-analyser'), 'recurs');
  assert.match(await lifeStory.locator('[data-testid=since-checked]').innerText(), /checked \(the analyser said recurs\)/);
  assert.match(await lens.text('since-counts'), new RegExp(`${r0 - 1} recur, ${i0 + 1} improved, .*\\(1 checked by you\\)`));
  // Exports for a scrutiny paper: one CSV row per earlier gap, then the new ones; Markdown.
  const csv = await lens.download('since-csv');
  assert.match(csv.name, /^since-middlesbrough.*\.csv$/);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\n');
  assert.match(lines[0], /^council,earlier_report,later_report,row,section,earlier_gap,status,similarity,shared_words,later_evidence/);
  assert.equal(lines.filter((l) => l.includes(',earlier gap,')).length, 15);
  assert.ok(lines.some((l) => l.includes(',new gap,')));
  const lifeRow = lines.find((l) => l.includes('life-story work for all children in care'));
  assert.match(lifeRow, /,Improved,/);
  assert.match(lifeRow, /,reader,Recurs,/);
  const md = await lens.download('since-md');
  assert.match(md.text, /^# Since last time: Middlesbrough/);
  assert.match(md.text, /\| Improved \(checked; the analyser said recurs\) \|/);
  // Set back to the analyser's, the check is gone.
  await lifeStory.locator('[data-testid=since-check]').selectOption('recurs');
  assert.equal(await lens.text('since-counts'), countsBefore);
  assert.match(md.text, /\| Overall effectiveness \| Inadequate \| Requires improvement to be good \| ▲ up \|/);
  assert.deepEqual(lens.externalRequests(), []);
  await lens.screenshot('since');
});

test('statuses a reader checked are kept with kept documents, and forgotten with them', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.page.check('[data-testid=keep]');
  await openMiddlesbrough(lens);
  const item = () => lens.page.locator('[data-testid=since-item]').filter({ hasText: 'life-story work for all children in care' });
  await item().locator('[data-testid=since-check]').selectOption('not_mentioned');
  assert.equal(await item().getAttribute('data-status'), 'not_mentioned');
  await lens.page.reload();
  await lens.page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-entry]').length === 3);
  await lens.idle();
  await lens.page.click('[data-testid=since]');
  assert.equal(await item().getAttribute('data-status'), 'not_mentioned');
  assert.match(await item().locator('[data-testid=since-checked]').innerText(), /checked \(the analyser said recurs\)/);
  assert.match(await lens.text('since-counts'), /\(1 checked by you\)/);
  // Forget all: after a reload nothing is kept, the check neither.
  await lens.page.click('[data-testid=forget]');
  assert.equal(await lens.page.evaluate(() => localStorage.getItem('assessment-lens:since-checks')), null);
  await lens.page.close();
});

test('since last time is accessible in light and dark, wide and narrow, without sideways scrolling', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [390, 1280]) {
      const lens = await LensPage.open(browser, site.url, { bypassCSP: true, colorScheme, viewport: { width, height: 900 } });
      await openMiddlesbrough(lens);
      const problems = (await lens.axe()).map((x) => `${colorScheme} ${width}: ${x.id} (${x.help}) ${x.nodes[0]?.target}`);
      assert.deepEqual(problems, []);
      const overflow = await lens.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${colorScheme} ${width}: the page scrolls sideways by ${overflow}px`);
      if (width === 390) {
        // Narrow: an earlier gap's words open in its report's Source view, with a way back.
        await lens.page.locator('[data-testid=since-earlier]').first().click();
        assert.match(await lens.evidence(), /identification of and response to risk/);
      }
      await lens.page.close();
    }
  }
});
