// Printing on the release build: the current view with its filters summarised and its sources
// listed, and no controls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { useServerAndBrowser, openPage, waitForApp, SCREENSHOTS } from './harness.mjs';

const env = useServerAndBrowser([{ prefix: '/', dir: 'dist' }]);

test('print shows the view, its filters and sources, without controls', async () => {
  const session = await openPage(env.browser, { locale: 'en-US' });
  const { page } = session;
  await page.goto(`${env.server.origin}/?lang=en&tab=charts&chart=profile&r=quanzhou`);
  await waitForApp(page);
  await page.waitForSelector('.chart canvas[data-hits]');
  await page.emulateMedia({ media: 'print' });
  for (const control of ['nav.tabs', '.filters', '.lang-switch', '.chart-controls', '.downloads']) {
    const shown = await page.locator(control).evaluateAll((els) => els.some((el) => el.offsetParent !== null));
    assert.equal(shown, false, `${control} is hidden in print`);
  }
  assert.match(await page.locator('[data-testid=active-filters]').innerText(), /Quanzhou/);
  assert.match(await page.locator('.chart-source').innerText(), /^Source: \S/);
  // the only buttons left are the labels of the data table's rows, printed as text
  const buttons = await page.locator('button').evaluateAll((els) =>
    els.filter((el) => el.offsetParent !== null && !el.closest('.chart-data')).map((el) => el.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(buttons, []);
  await mkdir(SCREENSHOTS, { recursive: true });
  const pdf = await page.pdf({ path: join(SCREENSHOTS, 'print-charts-en.pdf'), format: 'A4' });
  assert.ok(pdf.length > 10000);
  session.assertClean();
  await session.close();
});
