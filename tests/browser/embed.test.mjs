// Embedding on the release build: embed=1 shows the chosen view alone, compact, with a link to
// the full explorer at the same view; it works inside an iframe as the README shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, waitForApp } from './harness.mjs';

const env = useServerAndBrowser([{ prefix: '/', dir: 'dist' }]);

test('embed=1 shows the view alone with a link to the same view in the full explorer', async () => {
  const session = await openPage(env.browser, { locale: 'en-US' });
  const { page } = session;
  await page.goto(`${env.server.origin}/?lang=en&tab=charts&chart=money&r=quanzhou&embed=1`);
  await page.waitForSelector('.chart canvas[data-hits]');
  for (const hidden of ['nav.tabs', '.filters', '.site-header', '[data-testid=active-filters]']) {
    assert.equal(await page.locator(hidden).count(), 0, `${hidden} is not shown when embedded`);
  }
  const link = page.locator('[data-testid=full-explorer]');
  const href = new URL(await link.getAttribute('href'), page.url());
  assert.equal(href.searchParams.get('embed'), null);
  assert.equal(href.searchParams.get('chart'), 'money');
  assert.equal(href.searchParams.get('r'), 'quanzhou');
  assert.equal(href.searchParams.get('tab'), 'charts');
  assert.equal(await link.getAttribute('target'), '_blank');

  await page.goto(href.href);
  await waitForApp(page);
  assert.ok(await page.isChecked('input[name=region][value=quanzhou]'));
  session.assertClean();
  await session.close();
});

test('the README iframe snippet works', async () => {
  const session = await openPage(env.browser, { locale: 'en-US' });
  const { page } = session;
  await page.route(`${env.server.origin}/host.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>host</title><iframe src="/?tab=timeline&r=fuzhou&lang=en&embed=1" title="Fujian union work: Fuzhou timeline" width="800" height="600" style="border:0"></iframe>`,
    }),
  );
  await page.goto(`${env.server.origin}/host.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator('.timeline .mark').first().waitFor();
  assert.equal(await frame.locator('nav.tabs').count(), 0);
  assert.ok((await frame.locator('[data-lane]').count()) >= 1);
  session.assertClean();
  await session.close();
});
