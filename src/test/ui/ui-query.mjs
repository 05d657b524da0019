// Runs a SPARQL query through the Fuseki web UI that `newskg serve` hosts, in headless Chromium,
// and prints the results table the UI shows as JSON: {"headers": [...], "rows": [[...], ...]}.
// Usage: node ui-query.mjs BASE_URL QUERY_FILE [CHROMIUM]
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [base, queryFile, executable = '/usr/bin/chromium'] = process.argv.slice(2);
const query = readFileSync(queryFile, 'utf8');
const browser = await chromium.launch({
  executablePath: executable,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${base}/#/dataset/newskg/query`);
  await page.waitForSelector('.CodeMirror', { timeout: 30000 });
  await page.evaluate((q) => document.querySelector('.CodeMirror').CodeMirror.setValue(q), query);
  await page.click('.yasqe_queryButton');
  await page.waitForSelector('.yasr_results table tbody tr', { timeout: 30000 });
  // Show every row: the table pages its results.
  await page.selectOption('.yasr select.tableSizer', '-1');
  await page.waitForTimeout(500);
  const table = await page.$eval('.yasr_results table', (t) => ({
    headers: [...t.querySelectorAll('thead th')].map((th) => th.textContent.trim()),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
  }));
  if (process.env.UI_SCREENSHOT) {
    await page.screenshot({ path: process.env.UI_SCREENSHOT, fullPage: true });
  }
  console.log(JSON.stringify(table));
} finally {
  await browser.close();
}
