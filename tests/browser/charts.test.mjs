// Charts on the release build: each draws non-blank pixels on a HiDPI canvas, its text
// alternative matches the filtered data, and picking a bar filters to its region.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, openPage, waitForParam, screenshot, MOBILE, openApp, PATIENCE } from './harness.mjs';

const env = useServerAndBrowser([{ prefix: '/', dir: 'dist' }]);

async function openChart(path, options) {
  const session = await openApp(env, path, options);
  await session.page.waitForSelector('.chart canvas[data-hits]');
  return session;
}

/** Pixels that differ from the top-left (background) pixel. */
const inkedPixels = (page) =>
  page.$eval('.chart canvas', (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) inked += 1;
    }
    return inked;
  });

const hits = (page) =>
  page.$eval('.chart canvas', (c) =>
    c.dataset.hits.split(';').filter(Boolean).map((h) => {
      const [x0, y0, x1, y1, region] = h.split(',');
      return { x0: +x0, y0: +y0, x1: +x1, y1: +y1, region };
    }),
  );

for (const kind of ['bars', 'time', 'profile', 'money']) {
  test(`the ${kind} chart draws, and its text alternative lists what it draws`, async () => {
    const session = await openChart(`?lang=en&tab=charts&chart=${kind}`);
    const { page } = session;
    assert.ok((await inkedPixels(page)) > 2000, 'the canvas is not blank');
    const drawn = await hits(page);
    const rows = await page.$$eval('[data-testid=chart-data] tbody tr', (rs) => rs.map((r) => r.dataset.region));
    assert.equal(rows.length, drawn.length);
    assert.deepEqual(rows, drawn.map((h) => h.region));
    assert.match(await page.textContent('.chart-source'), /^Source: /);
    await screenshot(page, `charts-${kind}-desktop-en`);
    session.assertClean();
    await session.close();
  });
}

test('the profile follows the filters: one report, its counts add up to the records shown', async () => {
  const session = await openChart('?lang=zh&tab=charts&chart=profile&d=qz2023');
  const { page } = session;
  const total = Number((await page.textContent('[data-testid=record-count]')).match(/\d+/)[0]);
  const rows = await page.$$eval('[data-testid=chart-data] tbody tr', (rs) => rs.map((r) => [r.dataset.region, r.querySelector('td').textContent]));
  // the report's records are Quanzhou's, and the national congress it opens with is China's
  assert.deepEqual(rows.map((r) => r[0]), ['quanzhou', 'china']);
  assert.equal(rows.reduce((sum, r) => sum + Number(r[1].match(/\d+/)[0]), 0), total);
  session.assertClean();
  await session.close();
});

test('picking a bar filters to its region', async () => {
  const session = await openChart('?lang=en&tab=charts&chart=profile');
  const { page } = session;
  const [first] = await hits(page);
  const box = await page.locator('.chart canvas').boundingBox();
  await page.mouse.click(box.x + (first.x0 + first.x1) / 2, box.y + (first.y0 + first.y1) / 2);
  await waitForParam(page, 'r', first.region);
  session.assertClean();
  await session.close();
});

test('the canvas is sized for HiDPI screens', async () => {
  const session = await openPage(env.browser, { deviceScaleFactor: 2 });
  const { page } = session;
  await page.goto(`${env.server.origin}/?lang=en&tab=charts`);
  await page.waitForSelector('.chart canvas[data-hits]');
  const [bitmap, css] = await page.$eval('.chart canvas', (c) => [c.width, c.getBoundingClientRect().width]);
  assert.equal(bitmap, Math.round(css * 2));
  session.assertClean();
  await session.close();
});

test('charts at phone size', async () => {
  const session = await openChart('?lang=zh&tab=charts&chart=money', { viewport: MOBILE });
  const { page } = session;
  assert.ok((await inkedPixels(page)) > 1000);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await screenshot(page, 'charts-money-mobile-zh');
  session.assertClean();
  await session.close();
});

test('the open chart downloads as SVG and as PNG at twice its size, title and source included', async () => {
  const session = await openChart('?lang=en&tab=charts&chart=profile&r=quanzhou');
  const { page } = session;
  const cssWidth = await page.$eval('.chart canvas', (c) => c.getBoundingClientRect().width);
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download=svg]')]);
  assert.equal(svgFile.suggestedFilename(), 'union-explorer_quanzhou_profile.svg');
  const svg = await readFile(await svgFile.path(), 'utf8');
  assert.match(svg, /^<svg/);
  assert.match(svg, /Figures and events per category, by region/);
  assert.match(svg, /Source: /);

  const [pngFile] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download=png]')]);
  assert.equal(pngFile.suggestedFilename(), 'union-explorer_quanzhou_profile.png');
  const png = await readFile(await pngFile.path());
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  // width and height sit in the IHDR chunk, big-endian, from byte 16
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.equal(width, Math.round(cssWidth) * 2);
  assert.ok(height >= 600, `height ${height}`);
  session.assertClean();
  await session.close();
});

/** The canvas's paint state: `data-paint`, how many paints, its label and the regions it drew. */
const paintState = (page) =>
  page.$eval('.chart canvas', (c) => ({
    state: c.dataset.paint,
    paints: Number(c.dataset.paints ?? 0),
    label: c.getAttribute('aria-label'),
    regions: (c.dataset.hits ?? '').split(';').filter(Boolean).map((h) => h.split(',')[4]),
    marks: performance.getEntriesByName('ue:chart-painted').length,
  }));

/** Waits until the canvas has been painted after `paints` paints; a failed wait says what it saw. */
async function waitForPaintAfter(page, paints) {
  try {
    await page.waitForFunction(
      (paints) => {
        const c = document.querySelector('.chart canvas');
        return c?.dataset.paint === 'done' && Number(c.dataset.paints ?? 0) > paints;
      },
      paints,
      { timeout: PATIENCE },
    );
  } catch (error) {
    throw new Error(`the chart was not painted again after ${paints} paints; the canvas says ${JSON.stringify(await paintState(page).catch(() => 'no canvas'))}`, { cause: error });
  }
}

test('a filter change paints the chart anew and says so on the canvas', async () => {
  const session = await openChart('?lang=en&tab=charts&chart=profile');
  const { page } = session;
  await waitForPaintAfter(page, 0);
  const before = await paintState(page);
  assert.ok(before.marks >= 1, 'each paint sets the ue:chart-painted mark');
  // one report: the chart loses the regions the others cover
  await page.click('input[name=doc][value=qz2023]');
  await waitForPaintAfter(page, before.paints);
  const after = await paintState(page);
  assert.ok(after.marks > before.marks, 'the new paint set the mark again');
  const rows = await page.$$eval('[data-testid=chart-data] tbody tr', (rs) => rs.map((r) => r.dataset.region));
  assert.deepEqual(after.regions, rows, 'the canvas shows what its data table lists');
  assert.notDeepEqual(after.regions, before.regions);
  session.assertClean();
  await session.close();
});

test('switching to the charts tab paints a new canvas, pending until drawn', async () => {
  const session = await openApp(env, '?lang=en', { locale: 'en-US' });
  const { page } = session;
  await page.click('nav.tabs button[data-tab=charts]');
  await page.waitForSelector('.chart canvas[data-paint]');
  await waitForPaintAfter(page, 0);
  const painted = await paintState(page);
  assert.equal(painted.state, 'done');
  assert.ok(painted.regions.length > 0, 'the painted chart has bars');
  session.assertClean();
  await session.close();
});
