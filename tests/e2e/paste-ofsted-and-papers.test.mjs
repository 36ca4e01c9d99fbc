// A user pastes an Ofsted inspection (its grades appear as a table, in words) and an agenda
// pack (its meeting, agenda items and decisions appear as an outline).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage, fixtureText } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

const OFSTED = [
  { file: 'ofsted-westminster-2025', authority: 'Westminster', grades: ['Outstanding', 'Outstanding', 'Outstanding', 'Outstanding', 'Outstanding'] },
  { file: 'ofsted-croydon-2024', authority: 'Croydon', grades: ['Good', 'Requires improvement to be good', 'Good', 'Good', 'Good'] },
];

for (const o of OFSTED) {
  test(`pasting ${o.file} shows its five judgements`, async () => {
    const lens = await LensPage.open(browser, site.url);
    await lens.paste(fixtureText(`reports/${o.file}.txt`));
    assert.equal(await lens.authority(), o.authority);
    assert.equal(await lens.text('framework'), 'ILACS 2023');
    assert.deepEqual(await lens.texts('grade'), o.grades);
    const rows = await lens.texts('judgement-row');
    assert.match(rows[0], /^The impact of leaders on social work practice with children and families/);
    await lens.screenshot(`paste-${o.file}`);
    assert.deepEqual(lens.externalRequests(), []);
  });
}

test('pasting an agenda pack shows the meeting, agenda and decisions', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.paste(fixtureText('reports/scrutiny-middlesbrough-children-2021-09.txt'));
  assert.equal(await lens.text('meeting-body'), "Children and Young People's Social Care and Services Scrutiny Panel");
  assert.equal((await lens.texts('agenda-item')).length, 10);
  const decisions = await lens.texts('decision');
  assert.ok(decisions.length >= 4 && decisions.every((d) => d.startsWith('AGREED')));
  // Clicking a decision selects its words in the text.
  await lens.page.locator('[data-testid=decision] button').first().click();
  const selected = await lens.evidence();
  assert.match(selected, /^AGREED that the information provided be noted\./);
  await lens.screenshot('paste-scrutiny');
});

// A local area SEND letter of 2016–22 (the council's page quoting it): its framework, area and
// its one outcome, the statement of action, one click from its words.
test('pasting a 2016–22 local area SEND letter shows that a written statement of action was required', async () => {
  const lens = await LensPage.open(browser, site.url);
  await lens.paste(fixtureText('unseen/send2016-rotherham.txt'));
  assert.equal(await lens.text('kind'), 'Area SEND inspection');
  assert.equal(await lens.text('framework'), 'Local area SEND 2016');
  assert.equal(await lens.authority(), 'Rotherham');
  assert.equal(await lens.text('outcome'), 'Written statement of action required');
  await lens.page.click('[data-testid=outcome]');
  assert.match(await lens.evidence(), /has determined that a Written Statement of Action \(WSOA\) is required/);
});
