// The map of Fujian on the release build: ten tiles with the selection's counts, a tile click
// (or Enter) filters to its place, hover and focus tell its count and counties, the data table
// says what the tiles say, an indicator colours it with a legend, and the downloads carry it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, openApp, openPage, waitForParam, screenshot, MOBILE, PATIENCE } from './harness.mjs';

const env = useServerAndBrowser([{ prefix: '/', dir: 'dist' }]);

const PLACES = ['nanping', 'ningde', 'sanming', 'fuzhou', 'pingtan', 'longyan', 'quanzhou', 'putian', 'zhangzhou', 'xiamen'];

async function openMap(path, options) {
  const session = await openApp(env, path, options);
  await session.page.waitForSelector('.map canvas[data-hits]');
  await session.page.locator('.map-tile[data-region=quanzhou]').waitFor({ state: 'visible' });
  return session;
}

/** Pixels that differ from the top-left (background) pixel. */
const inkedPixels = (page) =>
  page.$eval('.map canvas', (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) inked += 1;
    }
    return inked;
  });

/** Each tile's place and what it says, in grid order. */
const tiles = (page) =>
  page.$$eval('.map-tile', (ts) => ts.map((t) => ({ region: t.dataset.region, label: t.getAttribute('aria-label'), shown: t.dataset.shown })));

/** Each data-table row's place and value. */
const rows = (page) =>
  page.$$eval('[data-testid=map-data] tbody tr[data-region]', (rs) =>
    rs.map((r) => ({ region: r.dataset.region, name: r.querySelector('th').textContent, value: r.querySelector('td').textContent, shown: r.dataset.shown })),
  );

test('the map draws ten tiles with the counts of the selection, and the table says the same', async () => {
  const session = await openMap('?lang=en&tab=map');
  const { page } = session;
  assert.ok((await inkedPixels(page)) > 5000, 'the canvas is not blank');
  const drawn = await tiles(page);
  const onGrid = drawn.filter((t) => PLACES.includes(t.region));
  assert.deepEqual(onGrid.map((t) => t.region).sort(), [...PLACES].sort(), `ten tiles, one per place: ${drawn.map((t) => t.region)}`);
  const table = await rows(page);
  assert.deepEqual(table.map((r) => r.region), drawn.map((t) => t.region), 'a row per tile and place beside the grid');
  for (const row of table) {
    const tile = drawn.find((t) => t.region === row.region);
    assert.ok(tile.label.startsWith(`${row.name}: ${row.value}`), `${row.region}: tile "${tile.label}", row "${row.name}: ${row.value}"`);
    assert.equal(tile.shown, row.shown);
  }
  // every record of the selection is counted once, in its place
  const total = Number((await page.textContent('[data-testid=record-count]')).replace(/,/g, '').match(/\d+/)[0]);
  const counted = table.filter((r) => r.shown === 'value').reduce((sum, r) => sum + Number(r.value.match(/\d+/)[0]), 0);
  assert.equal(counted, total);
  assert.ok(table.some((r) => r.region === 'fujian'), "the province's own records beside the grid");
  assert.ok(table.some((r) => r.shown === 'no-data' && r.value === 'no data'), 'a place without records says so');
  assert.match(await page.textContent('.map-data + .chart-source'), /^Source: /);
  await screenshot(page, 'map-desktop-en');
  session.assertClean();
  await session.close();
});

test('a click on Quanzhou filters to it, keeps the other tiles, and a second click lets it go', async () => {
  const session = await openMap('?lang=en&tab=map');
  const { page } = session;
  await page.click('.map-tile[data-region=quanzhou]');
  await waitForParam(page, 'r', 'quanzhou');
  await page.locator('.map-tile[data-region=quanzhou][aria-pressed=true]').waitFor();
  assert.equal(await page.locator('.map-tile').count(), (await rows(page)).length);
  assert.ok((await tiles(page)).filter((t) => t.shown === 'value').length > 1, 'the other places keep their counts');
  await page.click('.map-tile[data-region=quanzhou]');
  await waitForParam(page, 'r', null);
  session.assertClean();
  await session.close();
});

test('hover and focus tell the place, its count and its counties; Enter filters', async () => {
  const session = await openMap('?lang=en&tab=map');
  const { page } = session;
  await page.hover('.map-tile[data-region=quanzhou]');
  const tooltip = page.locator('[data-testid=map-tooltip]');
  await tooltip.waitFor();
  const text = await tooltip.textContent();
  assert.match(text, /Quanzhou/);
  assert.match(text, /\d+ records/);
  assert.match(text, /Counties with data: .*Jinjiang/);
  await page.focus('.map-tile[data-region=xiamen]');
  await page.waitForFunction(() => document.querySelector('[data-testid=map-tooltip]')?.textContent.includes('Xiamen'));
  await page.keyboard.press('Enter');
  await waitForParam(page, 'r', 'xiamen');
  // focus stays on the tile it was on, ready for the next key
  await page.waitForFunction(() => document.activeElement?.dataset.region === 'xiamen');
  session.assertClean();
  await session.close();
});

test('with an indicator the map colours by its values, with a legend and what is left out', async () => {
  const session = await openMap('?lang=zh&tab=map&ind=contest_participant_times');
  const { page } = session;
  assert.equal(await page.$eval('[data-testid=map-measure]', (s) => s.value), 'contest_participant_times');
  const table = await rows(page);
  const valued = table.filter((r) => r.shown === 'value');
  assert.ok(valued.length >= 2, `at least two places with a value: ${JSON.stringify(table)}`);
  assert.ok(valued.every((r) => /万|亿|\d/.test(r.value)), JSON.stringify(valued));
  assert.ok(table.some((r) => r.shown === 'no-data' && r.value === '无数据'));
  // the SVG carries the map: title, legend in 万/亿, a tile per place, the source
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.click('.map button[data-download=svg]')]);
  assert.equal(svgFile.suggestedFilename(), 'union-explorer_all_contest_participant_times_map.svg');
  const svg = await readFile(await svgFile.path(), 'utf8');
  assert.match(svg, /^<svg/);
  const title = await page.$eval('.map canvas', (c) => c.getAttribute('aria-label'));
  assert.ok(svg.includes(title), `the title "${title}" is in the SVG`);
  assert.match(svg, /万/, 'the legend in 万/亿');
  assert.match(svg, /来源：/);
  for (const name of ['南平市', '宁德市', '三明市', '福州市', '平潭', '龙岩市', '泉州市', '莆田市', '漳州市', '厦门市']) {
    assert.ok(svg.includes(name), `${name} is drawn in the SVG`);
  }
  const [pngFile] = await Promise.all([page.waitForEvent('download'), page.click('.map button[data-download=png]')]);
  assert.equal(pngFile.suggestedFilename(), 'union-explorer_all_contest_participant_times_map.png');
  const png = await readFile(await pngFile.path());
  const width = png.readUInt32BE(16);
  const shown = await page.$eval('.map canvas', (c) => c.getBoundingClientRect().width);
  assert.equal(width, Math.round(shown) * 2, 'the PNG is drawn at twice the size on screen');
  await screenshot(page, 'map-indicator-desktop-zh');
  // choosing "records" takes the indicator out of the link
  await page.selectOption('[data-testid=map-measure]', '');
  await waitForParam(page, 'ind', null);
  session.assertClean();
  await session.close();
});

test('on a phone, dark: the map fits the screen and every tile can be tapped', async () => {
  const session = await openMap('?lang=zh&tab=map', { viewport: MOBILE, colorScheme: 'dark' });
  const { page } = session;
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= MOBILE.width, `no sideways scrolling (${width}px)`);
  for (const place of PLACES) {
    const box = await page.locator(`.map-tile[data-region=${place}]`).boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `${place}: ${box.width}×${box.height}`);
    assert.ok(box.x >= 0 && box.x + box.width <= MOBILE.width, `${place} on screen`);
  }
  await screenshot(page, 'map-mobile-zh');
  await page.click('.map-tile[data-region=quanzhou]');
  await waitForParam(page, 'r', 'quanzhou');
  session.assertClean();
  await session.close();
});

test('embedded, the map stands alone', async () => {
  const session = await openPage(env.browser);
  const { page } = session;
  await page.goto(`${env.server.origin}/?lang=en&tab=map&embed=1`);
  await page.locator('.map-tile[data-region=quanzhou]').waitFor({ state: 'visible', timeout: PATIENCE });
  assert.equal(await page.locator('nav.tabs').count(), 0);
  assert.ok((await page.locator('.map-tile').count()) >= 10);
  assert.equal(await page.locator('[data-testid=full-explorer]').count(), 1);
  session.assertClean();
  await session.close();
});
