// Loads the hand-count sheet through the portal's own screens, as an office would:
//   1. Đơn vị hành chính -> Nhập danh mục: units.csv (today's communes of Tuyên Quang / Lào Cai and the units
//      dissolved in 2025, with end dates and successors - not in the official list, as issue 15 says);
//   2. Lớp tập huấn -> Nhập lớp các năm trước: out/sheet.xlsx, the preview read and photographed at 1366 and 360 px,
//      then "Chỉ nhập các dòng hợp lệ" (the sheet holds a class with an unknown mode and a row with an unmapped position).
// Usage: node import.mjs [baseUrl] ; or node import.mjs [baseUrl] --rebuild (press "Tính lại số liệu", wait for it).
import { chromium } from 'playwright-core';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const base = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'http://127.0.0.1:8091';
const rebuildOnly = process.argv.includes('--rebuild');
const shots = process.env.SHOTS || '/work/verify/shots';
mkdirSync(shots, { recursive: true });
mkdirSync(path.join(here, 'out'), { recursive: true });

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
const page = await context.newPage();
page.setDefaultTimeout(120_000);

async function signIn() {
  await page.goto(base + '/login');
  await page.locator("input[name='username']").fill('admin');
  await page.locator("input[name='password']").fill('Demo@2026');
  await page.locator('#sign-in').click();
  await page.waitForURL(u => !u.toString().includes('/login'));
  await page.locator('vaadin-app-layout').waitFor();
}

async function importUnits() {
  await page.goto(base + '/units');
  await page.locator('#import-units').click();
  await page.locator('#unit-upload input[type=file]').setInputFiles(path.join(here, 'units.csv'));
  const status = page.locator('#import-status');
  await status.filter({ hasText: /\S/ }).waitFor();
  await page.waitForTimeout(1500);
  const text = await status.innerText();
  console.log('units:', text);
  await page.locator('#close-import').click();
  return text;
}

async function importSheet() {
  await page.goto(base + '/classes');
  await page.locator('#import-history').click();
  await page.locator('vaadin-upload input[type=file]').last()
    .setInputFiles(path.join(here, 'out', process.env.SHEET || 'sheet.xlsx'));
  const status = page.locator('#history-status');
  await status.filter({ hasText: /Xem trước|Tệp bị từ chối/ }).waitFor();
  const preview = await status.innerText();
  const ignored = await page.locator('#history-ignored').innerText().catch(() => '');
  console.log('preview:', preview, '|', ignored);
  await page.locator('#history-rows').waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(shots, 'handcount-preview-1366.png') });
  // the rows with problems, as the preview lists them (the grid is lazy: read its first page of cells)
  const cells = await page.locator('#history-rows vaadin-grid-cell-content').allInnerTexts();
  await page.setViewportSize({ width: 360, height: 780 });
  await page.waitForTimeout(1200);
  await page.screenshot({ path: path.join(shots, 'handcount-preview-360.png') });
  // on a phone the preview is below the help text: scroll to it, and note where the footer's buttons are
  await status.scrollIntoViewIfNeeded();
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(shots, 'handcount-preview-360-status.png') });
  await page.locator('#history-rows').scrollIntoViewIfNeeded();
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(shots, 'handcount-preview-360-rows.png') });
  const boxes = {};
  for (const id of ['history-bad-rows', 'history-import-good', 'history-import-all']) {
    boxes[id] = await page.locator('#' + id).boundingBox().catch(() => null);
  }
  console.log('footer buttons at 360 px:', JSON.stringify(boxes));
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.waitForTimeout(800);
  // the rows the preview refuses, as the portal lists them for fixing
  let badRows = '';
  if (await page.locator('#history-bad-rows').isVisible()) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#history-bad-rows').click()]);
    const file = path.join(here, 'out', 'bad-rows.csv');
    await download.saveAs(file);
    badRows = (await import('node:fs')).readFileSync(file, 'utf8');
    console.log('bad rows:\n' + badRows);
  }
  if (process.argv.includes('--preview-only')) {
    return { preview, ignored, badRows };
  }
  await page.locator('#history-import-good').click();
  await status.filter({ hasText: /Đã nhập/ }).waitFor();
  const done = await status.innerText();
  console.log('import:', done);
  await page.screenshot({ path: path.join(shots, 'handcount-imported-1366.png') });
  return { preview, ignored, badRows, done, firstCells: cells.slice(0, 80) };
}

async function rebuild() {
  await page.goto(base + '/reports');
  await page.locator('#rebuild-reports').click();
  const state = page.locator('#rebuild-state');
  await page.waitForTimeout(2000);
  // the page polls the background job; wait until the state no longer says it is running
  for (let i = 0; i < 300; i++) {
    const t = (await state.innerText().catch(() => '')).trim();
    if (!/Đang tính lại/.test(t) && i > 1) { console.log('rebuild state:', t || '(done)'); return t; }
    await page.waitForTimeout(1000);
  }
  throw new Error('rebuild did not finish in 5 minutes');
}

// the dashboard itself for a unit (its totals and the planned line), photographed next to the hand-count table
async function dashboard(code, file) {
  await page.goto(base + '/reports');
  const unit = page.locator('#filter-unit input');
  await unit.click();
  await unit.fill(code);
  // only a shown item: the list keeps hidden ones for scrolling, and the first match may be one of them
  await page.locator('vaadin-combo-box-item:not([hidden])', { hasText: '(' + code + ')' }).first().click();
  await page.locator('#apply-filter').click();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: path.join(shots, file), fullPage: false });
  const totals = await page.locator('#report-totals').innerText();
  console.log('dashboard ' + code + ':', totals.replace(/\s+/g, ' '));
  return totals;
}

try {
  await signIn();
  if (process.argv.includes('--dashboard')) {
    const out = {};
    for (const code of ['08', '15', 'H030']) {
      out[code] = await dashboard(code, `handcount-dashboard-${code}-1366.png`);
    }
    writeFileSync(path.join(here, 'out', 'dashboard.json'), JSON.stringify(out, null, 1));
  } else if (rebuildOnly) {
    const t = await rebuild();
    writeFileSync(path.join(here, 'out', 'rebuild.json'), JSON.stringify({ state: t, at: new Date().toISOString() }, null, 1));
  } else {
    const units = process.argv.includes('--skip-units') ? '' : await importUnits();
    const sheet = await importSheet();
    writeFileSync(path.join(here, 'out', process.argv.includes('--preview-only') ? 'import-preview.json' : 'import.json'), JSON.stringify({ units, ...sheet }, null, 1));
  }
} finally {
  await browser.close();
}
