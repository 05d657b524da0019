// Runs a query of the library through the query page that `newskg serve` hosts, in headless
// Chromium, and prints the results table the page shows as JSON: {"headers": [...], "rows": [[...], ...]}.
// Usage: node ui-query.mjs BASE_URL QUERY_NAME [CHROMIUM]   (QUERY_NAME as in queries/, e.g. posts.rq)
import { chromium } from 'playwright-core';

const [base, queryName, executable = '/usr/bin/chromium'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: executable,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${base}/query?q=${encodeURIComponent(queryName)}`);
  await page.waitForSelector(`#library li.active[data-name="${queryName}"]`, { timeout: 30000 });
  await page.click('#run');
  await page.waitForSelector('.results-table', { timeout: 30000 });
  const table = await page.$eval('.results-table', (t) => ({
    headers: [...t.querySelectorAll('thead th')].map((th) => th.textContent.trim()),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
  }));
  if (process.env.UI_SCREENSHOT) {
    await page.screenshot({ path: process.env.UI_SCREENSHOT, fullPage: true });
  }
  console.log(JSON.stringify(table));
} finally {
  await browser.close();
}
