// Measures the pages a phone user opens first with Lighthouse (mobile: simulated slow 4G, 4x CPU slowdown).
// For each page: a first visit (empty browser cache) and a repeat visit (same browser, cache kept).
// Signed-in pages: the browser signs in once through the login form, as a person does; Lighthouse keeps cookies.
// Usage: node measure.mjs <baseUrl> <label> <page> [<page> ...]   (page = name=path[@login], e.g. catalog=/catalog@hocvien)
// Writes <label>-<name>-{first,repeat}.json into OUT_DIR and prints one table row per page.
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import fs from 'node:fs';

const [baseUrl, label, ...pages] = process.argv.slice(2);
const outDir = process.env.OUT_DIR || 'lighthouse-results';
const password = process.env.PORTAL_PASSWORD || 'Demo@2026';
fs.mkdirSync(outDir, {recursive: true});

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const port = new URL(browser.wsEndpoint()).port;
let signedInAs = null;

async function signIn(login) {
  if (signedInAs === login) return;
  const context = browser.defaultBrowserContext();
  await context.deleteCookie(...(await context.cookies()));
  if (!login) { signedInAs = null; return; }
  const page = await browser.newPage();
  await page.goto(baseUrl + '/login', {waitUntil: 'networkidle0'});
  await page.type("input[name='username']", login);
  await page.type("input[name='password']", password);
  await Promise.all([page.waitForNavigation({waitUntil: 'networkidle0'}), page.click('#sign-in')]);
  if (page.url().includes('/login')) throw new Error(`sign-in as ${login} failed`);
  await page.close();
  signedInAs = login;
}

async function run(url, keepCache) {
  const result = await lighthouse(url, {port, output: 'json', logLevel: 'error', onlyCategories: ['performance'],
                                        disableStorageReset: keepCache});
  return result.lhr;
}

const kb = bytes => Math.round(bytes / 1024);
console.log('| run | page | final URL | score | LCP (s) | first visit KB (requests) | repeat visit KB (requests) |');
for (const spec of pages) {
  const [, name, path, login] = spec.match(/^([^=]+)=([^@]+)(?:@(.+))?$/);
  await signIn(login || null);
  const first = await run(baseUrl + path, false);
  const repeat = await run(baseUrl + path, true);
  fs.writeFileSync(`${outDir}/${label}-${name}-first.json`, JSON.stringify(first));
  fs.writeFileSync(`${outDir}/${label}-${name}-repeat.json`, JSON.stringify(repeat));
  const bytes = lhr => lhr.audits['total-byte-weight'].numericValue;
  const requests = lhr => lhr.audits['network-requests'].details?.items?.length ?? '?';
  console.log(`| ${label} | ${name} | ${new URL(first.finalDisplayedUrl).pathname} | ${Math.round(first.categories.performance.score * 100)} `
    + `| ${(first.audits['largest-contentful-paint'].numericValue / 1000).toFixed(1)} `
    + `| ${kb(bytes(first))} (${requests(first)}) | ${kb(bytes(repeat))} (${requests(repeat)}) |`);
}
await browser.close();
