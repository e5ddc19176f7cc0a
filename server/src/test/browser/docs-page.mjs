// Opens a page in Debian's Chromium and prints, as one JSON line, the Swagger UI operations it shows and every
// request that failed or answered 4xx/5xx. Used by DocsPageBrowserTest; the browser and playwright-core come from
// scripts/test-tools.
import { chromium } from 'playwright-core';

const url = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  const failures = [];
  page.on('requestfailed', (request) => failures.push(`${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      failures.push(`${response.request().method()} ${response.url()} answered ${response.status()}`);
    }
  });
  page.on('pageerror', (error) => failures.push(`script error: ${error.message}`));
  await page.goto(url, { waitUntil: 'load' });
  // the page renders the operations once it has fetched and parsed the OpenAPI document
  await page.waitForSelector('.opblock', { timeout: 20_000 }).catch(() => failures.push('no operation was rendered'));
  const operations = await page.$$eval('.opblock', (blocks) => blocks.map((block) => {
    const method = block.querySelector('.opblock-summary-method')?.textContent?.trim() ?? '';
    const path = block.querySelector('.opblock-summary-path')?.getAttribute('data-path')
      ?? block.querySelector('.opblock-summary-path')?.textContent?.trim() ?? '';
    return `${method} ${path}`;
  }));
  console.log(JSON.stringify({ title: await page.title(), operations, failures }));
} finally {
  await browser.close();
}
