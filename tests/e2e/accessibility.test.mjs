// Everyone can use it: axe-core finds no serious or critical problems in any view, the page
// works at 320 px wide, and the dark theme follows the system setting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, LensPage, fixtureText } from './fixture.mjs';

let site, browser;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

for (const colorScheme of ['light', 'dark']) {
  for (const width of [390, 1280]) {
    test(`no serious accessibility violations and no sideways scrolling in any view: ${colorScheme}, ${width} px`, async () => {
      // axe-core is injected as a script, which the page's CSP forbids: let the test bypass it.
      const lens = await LensPage.open(browser, site.url, { bypassCSP: true, colorScheme, viewport: { width, height: 900 } });
      await lens.drop([
        { name: 'b.txt', content: fixtureText('reports/ofsted-barnsley-2023.txt') },
        { name: 'h.txt', content: fixtureText('reports/cqc-hartlepool-2025.txt') },
      ]);
      await lens.filesRead();
      const problems = [];
      const check = async (where) => {
        problems.push(...(await lens.axe()).map((x) => `${where}: ${x.id}: ${x.nodes.length} (${x.help}) ${x.nodes[0]?.target}`));
        const overflow = await lens.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 1) problems.push(`${where}: the page scrolls sideways by ${overflow}px`);
        // Counts agree with their nouns ("1 figure", not "1 figures").
        const odd = await lens.page.evaluate(() => document.body.innerText.match(/(?<![\d.,])1 (figures|gaps|strengths|items|documents|headings|findings|warnings|priorities|statements|pages)\b/g));
        if (odd) problems.push(`${where}: ${odd.join(', ')}`);
      };
      for (const doc of [0, 1, 2]) {
        await lens.page.locator('[data-testid=doc-entry] .doc-select').nth(doc).click();
        for (const tab of ['overview', 'figures', 'gaps', 'strengths', 'source', 'outline']) {
          await lens.page.click(`[data-testid=tab-${tab}]`);
          await check(`document ${doc}, ${tab}`);
          if (tab === 'outline' && (await lens.page.locator('[data-testid=outline]').count()) && !(await lens.page.locator('[data-testid=outline]').getAttribute('open') !== null)) {
            problems.push(`document ${doc}: the Outline tab opens on a closed panel`);
          }
          if (tab === 'figures' && doc !== 1) {
            // Every column of the figures table, the verdict among them, is in view without
            // scrolling the table sideways.
            const hidden = await lens.page.evaluate(() => {
              const cell = document.querySelector('[data-testid=metric-row] [data-testid=metric-verdict], [data-testid=metric-row] td:nth-child(5)');
              const r = cell?.getBoundingClientRect();
              return r ? Math.max(0, Math.round(r.right - document.documentElement.clientWidth)) : -1;
            });
            if (hidden !== 0) problems.push(`document ${doc}, figures: the verdict column is ${hidden}px out of view`);
          }
        }
      }
      await lens.page.click('[data-testid=tab-gaps]');
      await lens.page.locator('[data-testid=gap] button.item-text').first().click();
      await check('evidence shown');
      await lens.page.click('[data-testid=compare]');
      await check('compare');
      // The heatmap's coloured cells keep their numbers readable (WCAG AA, 4.5:1), which axe
      // does not always measure on coloured table cells.
      const low = await lens.page.evaluate(() => {
        const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
        const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
          .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
        return [...document.querySelectorAll('.heatmap .cell[class*=s]')].map((td) => {
          const st = getComputedStyle(td);
          const [a, b] = [lum(rgb(st.color)), lum(rgb(st.backgroundColor))];
          return { text: td.textContent, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
        }).filter((c) => c.ratio < 4.5).map((c) => `${c.text} at ${c.ratio.toFixed(1)}:1`);
      });
      if (low.length) problems.push(`compare heatmap: ${low.length} cells under 4.5:1 (${[...new Set(low)].join(', ')})`);
      assert.deepEqual(problems, []);
    });
  }
}

test('usable at 320 px wide, in the dark theme', async () => {
  const lens = await LensPage.open(browser, site.url, { viewport: { width: 320, height: 800 }, colorScheme: 'dark' });
  const overflow = await lens.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
  const bg = await lens.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(15, 18, 22)');
  assert.equal(await lens.rating(), 'Requires improvement');
  await lens.screenshot('narrow-dark');
});

test('everything is reachable with the keyboard', async () => {
  const lens = await LensPage.open(browser, site.url);
  const seen = new Set();
  for (let i = 0; i < 60; i++) {
    await lens.page.keyboard.press('Tab');
    const id = await lens.page.evaluate(() => document.activeElement?.dataset?.testid || document.activeElement?.textContent?.slice(0, 30));
    if (id) seen.add(id);
  }
  for (const want of ['new-document', 'open-files', 'export-json', 'tab-overview', 'statement']) {
    assert.ok(seen.has(want), `${want} not reached by Tab (saw ${[...seen].join(', ')})`);
  }
});
