// Drives newskg's analyst pages in headless Chromium as an analyst would: types part of a name
// into the search box, picks the completion, reads the entity page (timeline list and chart,
// network, posts), clicks a timeline item and reads the evidence panel, follows it to the article,
// and takes screenshots. Prints what it saw as one JSON object; AnalystPageIT checks it against the store.
// Usage: node analyst-page.mjs BASE_URL TYPED EXPECTED_LABEL SCREENSHOT_DIR [CHROMIUM]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base, typed, expected, shots, executable = '/usr/bin/chromium'] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: executable,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const out = { foreignRequests: [], consoleErrors: [], failedRequests: [] };
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const origin = new URL(base).origin;
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) out.foreignRequests.push(r.url());
  });
  page.on('requestfailed', (r) => out.failedRequests.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) out.failedRequests.push(`${r.status()} ${r.url()}`); });
  page.on('console', (m) => { if (m.type() === 'error') out.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => out.consoleErrors.push(String(e)));

  // The search page: type part of the name, wait for the completion, pick it.
  await page.goto(`${base}/`);
  await page.waitForSelector('.entity-card', { timeout: 30000 });
  await page.screenshot({ path: join(shots, 'home.png') });
  await page.fill('#hero-search', typed);
  await page.waitForSelector('.completions li', { timeout: 30000 });
  out.completions = await page.$$eval('.completions li .name', (ns) => ns.map((n) => n.textContent));
  const wanted = page.locator('.completions li', { has: page.locator('.name', { hasText: expected }) }).first();
  await wanted.click();
  await page.waitForURL(/\/entity\?name=/, { timeout: 30000 });
  out.entityUrl = page.url();

  // The entity page.
  await page.waitForSelector('.timeline-item, #timeline .empty', { timeout: 30000 });
  await page.waitForFunction(() => window.nkgCharts && window.nkgCharts.timeline && window.nkgCharts.network, null, { timeout: 30000 });
  out.heading = await page.textContent('#entity-name');
  out.items = await page.$$eval('.timeline-item', (lis) => lis.map((li) => ({
    index: Number(li.dataset.index), status: li.dataset.status, sentence: li.querySelector('.sentence').textContent,
  })));
  out.chartPoints = await page.evaluate(() => window.nkgCharts.timeline.getOption().series
    .reduce((n, s) => n + s.data.length, 0));
  out.chartColours = await page.evaluate(() => {
    const seen = {};
    for (const s of window.nkgCharts.timeline.getOption().series) for (const d of s.data) seen[s.name] = d.itemStyle.color;
    return seen;
  });
  out.networkNodes = await page.evaluate(() => window.nkgCharts.network.getOption().series[0].data.length);
  out.networkRows = await page.$$eval('#network-table tbody tr', (trs) => trs.length);
  out.posts = await page.$$eval('.post-item', (lis) => lis.length);
  out.articles = await page.$$eval('#articles li a', (as) => as.length);

  // A click on a timeline item opens its evidence; pick one in the middle of the list.
  const pick = Math.floor(out.items.length / 2);
  await page.click(`.timeline-item[data-index="${pick}"]`);
  await page.waitForSelector('.drawer.open #evidence-text', { timeout: 10000 });
  await page.waitForTimeout(400); // the panel slides in
  out.clicked = pick;
  out.evidenceShown = await page.textContent('#evidence-text');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, 'entity.png') });

  // A click on a point of the timeline chart opens its evidence too.
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, 'entity-full.png'), fullPage: true });
  const point = await page.evaluate(() => {
    const chart = window.nkgCharts.timeline;
    for (const [si, s] of chart.getOption().series.entries()) {
      if (s.data.length) {
        const d = s.data[0];
        const [x, y] = chart.convertToPixel({ seriesIndex: si }, d.value.slice(0, 2));
        const r = chart.getDom().getBoundingClientRect();
        return { x: r.left + x, y: r.top + y, index: d.value[2] };
      }
    }
    return null;
  });
  if (point) {
    await page.mouse.click(point.x, point.y);
    await page.waitForSelector('.drawer.open #evidence-text', { timeout: 10000 });
    out.chartClicked = point.index;
    out.chartEvidence = await page.textContent('#evidence-text');
  }

  // The evidence panel leads to the article, with the sentence marked.
  await page.click('#open-article');
  await page.waitForSelector('.article-text', { timeout: 30000 });
  out.articleUrl = page.url();
  out.articleHighlight = await page.$eval('mark#highlight', (m) => m.textContent).catch(() => null);
  await page.screenshot({ path: join(shots, 'article.png') });

  // The query page with a library query.
  await page.goto(`${base}/query?q=posts.rq`);
  await page.waitForSelector('#library li.active', { timeout: 30000 });
  out.libraryQueries = await page.$$eval('#library li', (lis) => lis.map((li) => li.dataset.name));
  await page.click('#run');
  await page.waitForSelector('.results-table tbody tr', { timeout: 30000 });
  out.queryRows = await page.$$eval('.results-table tbody tr', (trs) => trs.length);
  await page.screenshot({ path: join(shots, 'query.png') });
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
