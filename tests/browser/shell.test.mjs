// The app shell on the release build: it mounts, speaks both languages, keeps its state in
// the URL, survives garbage parameters, follows the colour scheme and loads under a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, waitForApp, waitForParam, screenshot, DESKTOP, MOBILE, PATIENCE } from './harness.mjs';

const env = useServerAndBrowser([
  { prefix: '/union-explorer/', dir: 'target/dist-subpath' },
  { prefix: '/', dir: 'dist' },
]);

const tabLabels = (page) => page.$$eval('nav.tabs button', (buttons) => buttons.map((b) => b.textContent.trim()));

test('mounts in Chinese with title, tabs and the embedded dataset', async () => {
  const session = await openPage(env.browser);
  const { page } = session;
  await page.goto(`${env.server.origin}/?lang=zh`);
  await waitForApp(page);
  assert.equal(await page.textContent('h1'), '福建工会工作数据浏览');
  assert.deepEqual(await tabLabels(page), ['时间线', '图表', '地图', '数据表', '原始文件']);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  const total = Number((await page.textContent('[data-testid=record-count]')).match(/\d+/)[0]);
  assert.ok(total > 250, `records: ${total}`);
  await page.click('nav.tabs button[data-tab=documents]');
  assert.equal(await page.locator('.doc-card').count(), 5);
  await page.click('nav.tabs button[data-tab=timeline]');
  await screenshot(page, 'shell-desktop-zh');
  session.assertClean();
  await session.close();
});

test('a loading notice shows until the dataset is decoded (with a hint if that takes long), then gives way to the explorer', async () => {
  const session = await openPage(env.browser);
  const { page } = session;
  // hold the module back, as a slow connection would
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${env.server.origin}/?lang=zh`);
  const notice = page.locator('#loading[role=status]');
  assert.ok(await notice.isVisible(), 'the notice shows while the module loads');
  assert.match(await notice.textContent(), /正在载入数据.*Loading the data/s);
  assert.ok(await page.locator('#loading progress').isVisible());
  // a module that does not start: after a while the notice says what to check
  const hint = page.locator('#loading .loading-hint');
  assert.equal(await hint.isVisible(), false, 'no hint at first');
  await hint.waitFor({ state: 'visible', timeout: PATIENCE });
  assert.match(await hint.textContent(), /WebAssembly/);
  release();
  await waitForApp(page);
  assert.equal(await page.locator('#loading').count(), 0, 'the notice is gone once the explorer shows');
  session.assertClean();
  await session.close();
});

test('without scripts, the page says what it needs and shows no loading notice', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/`);
  assert.equal(await page.locator('noscript').count(), 1);
  assert.match(await page.locator('body').innerText(), /needs JavaScript and WebAssembly/);
  assert.equal(await page.locator('#loading').isVisible(), false);
  await context.close();
});

test('speaks English when the link says so', async () => {
  const session = await openPage(env.browser);
  const { page } = session;
  await page.goto(`${env.server.origin}/?lang=en`);
  await waitForApp(page);
  assert.equal(await page.textContent('h1'), 'Fujian Union Work Explorer');
  assert.deepEqual(await tabLabels(page), ['Timeline', 'Charts', 'Map', 'Table', 'Documents']);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await screenshot(page, 'shell-desktop-en');
  session.assertClean();
  await session.close();
});

test('follows the browser language when the link names none', async () => {
  const session = await openPage(env.browser, { locale: 'en-US' });
  const { page } = session;
  await page.goto(`${env.server.origin}/`);
  await waitForApp(page);
  assert.equal(await page.textContent('h1'), 'Fujian Union Work Explorer');
  session.assertClean();
  await session.close();
});

test('switching language and tab changes the URL; reload keeps the view; Back undoes', async () => {
  const session = await openPage(env.browser);
  const { page } = session;
  await page.goto(`${env.server.origin}/`);
  await waitForApp(page);
  await page.click('.lang-switch button[data-lang=en]');
  assert.equal(await page.textContent('h1'), 'Fujian Union Work Explorer');
  await page.waitForURL((url) => url.search === '?lang=en');
  await page.click('nav.tabs button[data-tab=charts]');
  assert.equal(await page.getAttribute('nav.tabs button[data-tab=charts]', 'aria-selected'), 'true');
  await page.waitForURL((url) => url.search === '?tab=charts&lang=en');

  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getAttribute('nav.tabs button[data-tab=charts]', 'aria-selected'), 'true');
  assert.equal(await page.textContent('h1'), 'Fujian Union Work Explorer');

  await page.goBack();
  await page.waitForFunction(() => document.querySelector('nav.tabs button[data-tab=timeline]')?.getAttribute('aria-selected') === 'true');
  await page.waitForURL((url) => url.search === '?lang=en');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === '福建工会工作数据浏览');
  session.assertClean();
  await session.close();
});

test('garbage parameters are ignored with a notice, the valid rest applies', async () => {
  const session = await openPage(env.browser);
  const { page } = session;
  await page.goto(`${env.server.origin}/?tab=nope&lang=en&zzz=%3Cscript%3Ealert(1)%3C%2Fscript%3E&lang=zh`);
  await waitForApp(page);
  const notice = page.locator('[data-testid=ignored-params]');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /tab=nope/);
  assert.match(text, /zzz=<script>alert\(1\)<\/script>/);
  assert.match(text, /lang=zh/);
  assert.equal(await page.locator('script:text("alert(1)")').count(), 0);
  assert.equal(await page.textContent('h1'), 'Fujian Union Work Explorer');
  assert.equal(await page.getAttribute('nav.tabs button[data-tab=timeline]', 'aria-selected'), 'true');
  await screenshot(page, 'shell-notice');
  await page.click('.notice-dismiss');
  assert.equal(await notice.count(), 0);
  session.assertClean();
  await session.close();
});

test('dark colour scheme applies under prefers-color-scheme: dark', async () => {
  const luminance = async (colorScheme) => {
    const session = await openPage(env.browser, { colorScheme });
    const { page } = session;
    await page.goto(`${env.server.origin}/?lang=zh`);
    await waitForApp(page);
    const rgb = await page.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number));
    if (colorScheme === 'dark') await screenshot(page, 'shell-desktop-zh-dark');
    session.assertClean();
    await session.close();
    return (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
  };
  assert.ok((await luminance('dark')) < 0.2, 'dark background');
  assert.ok((await luminance('light')) > 0.8, 'light background');
});

test('fits a 390 px phone screen without sideways scrolling', async () => {
  const session = await openPage(env.browser, { viewport: MOBILE });
  const { page } = session;
  await page.goto(`${env.server.origin}/?lang=zh`);
  await waitForApp(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await screenshot(page, 'shell-mobile-zh');
  await page.goto(`${env.server.origin}/?lang=en`);
  await waitForApp(page);
  await screenshot(page, 'shell-mobile-en');
  session.assertClean();
  await session.close();
});

test('a build for a sub-path loads there', async () => {
  const session = await openPage(env.browser, { viewport: DESKTOP });
  const { page } = session;
  await page.goto(`${env.server.origin}/union-explorer/?tab=table&lang=en`);
  await waitForApp(page);
  assert.equal(await page.getAttribute('nav.tabs button[data-tab=table]', 'aria-selected'), 'true');
  await page.click('nav.tabs button[data-tab=documents]');
  assert.equal(new URL(page.url()).pathname, '/union-explorer/');
  session.assertClean();
  await session.close();
});
