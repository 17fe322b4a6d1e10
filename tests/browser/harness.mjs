// Browser test harness: serves a release build from 127.0.0.1 on a free port, drives Debian's
// Chromium headless through playwright-core, and fails a page on any console error, uncaught
// exception or failed request. Everything it starts, it stops.
import { createServer } from 'node:http';
import { readFile, mkdir, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'target/e2e');

/**
 * The builds a mount's `dir` names, unless UE_DIST (for `dist`) or UE_DIST_SUBPATH (for
 * `target/dist-subpath`) point elsewhere: lets the tests run on a build made into another
 * folder without touching the default one.
 */
const BUILDS = {
  dist: process.env.UE_DIST ?? 'dist',
  'target/dist-subpath': process.env.UE_DIST_SUBPATH ?? 'target/dist-subpath',
};

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves each `mounts` entry ({ prefix: '/', dir: 'dist' }) as static files; `dir` is relative
 * to the project and may lie outside it. A path with no file extension falls back to that
 * mount's index.html, as static hosts do.
 */
export async function serve(mounts) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const mount = mounts.filter((m) => path.startsWith(m.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
    if (!mount) {
      res.writeHead(404).end('not found');
      return;
    }
    const dir = resolve(ROOT, BUILDS[mount.dir] ?? mount.dir);
    let file = normalize(join(dir, path.slice(mount.prefix.length)));
    // inside the mount's folder, which may lie outside the project (`../shared/seeds`)
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (path.endsWith('/') || !extname(file)) file = join(dir, 'index.html');
    try {
      // As static hosts do: every load asks whether the file changed (so a new build is always
      // seen) and an unchanged one is answered 304, which lets the browser reuse what it made
      // of it, e.g. the compiled wasm module.
      const { size, mtimeMs } = await stat(file);
      const etag = `"${size.toString(16)}-${Math.round(mtimeMs).toString(16)}"`;
      const headers = { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', etag };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * How long a wait for a state may take before it fails with what it saw. A state the app
 * reaches in milliseconds on a quiet machine can take many seconds on a busy one (between the
 * module's download and its first code, over ten with two builds beside the browser), so
 * waits are generous: a wait that passes only quickly would fail by luck.
 */
export const PATIENCE = 60000;

export const DESKTOP = { width: 1280, height: 800 };
export const MOBILE = { width: 390, height: 844 };

/**
 * A fresh page that records every console error, uncaught exception and failed request;
 * call `assertClean()` at the end of each test.
 */
export async function openPage(browser, { viewport = DESKTOP, colorScheme = 'light', locale = 'zh-CN', deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, locale, deviceScaleFactor });
  context.setDefaultTimeout(PATIENCE);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => {
    // ERR_ABORTED is the browser cancelling a request because the page navigated (reload,
    // Back), not a request that failed; a missing or broken file shows as an HTTP status.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return {
    page,
    problems,
    assertClean() {
      if (problems.length) throw new Error(`the page reported problems:\n  ${problems.join('\n  ')}`);
    },
    close: () => context.close(),
  };
}

/**
 * Waits until the app has mounted: the header and the tab bar are on screen. When it does not,
 * the error says what the page showed instead (its address and the start of its text), so a
 * start-up panic, which leaves the loading notice up, reads differently from a hang.
 */
export async function waitForApp(page) {
  try {
    await page.waitForSelector('nav.tabs button[data-tab]', { timeout: PATIENCE });
  } catch (err) {
    const seen = await page
      .evaluate(() => `${document.readyState}; body: ${(document.body?.innerText ?? '').replace(/\s+/g, ' ').slice(0, 400)}`)
      .catch((e) => `the page could not be read (${e.message})`);
    throw new Error(`the app did not mount within ${PATIENCE / 1000} s at ${page.url()}\n  the page showed: ${seen}\n  ${err.message}`);
  }
}

/**
 * A fresh page (see `openPage` for `options`) on `path` of `env`'s server, once the app has
 * mounted; `path` is what follows the origin's `/`, e.g. `?tab=charts`.
 */
export async function openApp(env, path, options) {
  const session = await openPage(env.browser, options);
  await session.page.goto(`${env.server.origin}/${path}`);
  await waitForApp(session.page);
  return session;
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/**
 * Waits until the address bar's query parameter `name` is `value` (null: absent). The app
 * writes the URL in an effect right after a change, so reading it at once would race.
 */
export async function waitForParam(page, name, value) {
  await page.waitForURL((url) => url.searchParams.get(name) === value, { timeout: PATIENCE }).catch((err) => {
    throw new Error(`the address never had ${name}=${value}; it is ${page.url()}\n${err.message}`);
  });
}

/**
 * One static server and one browser for a whole test file, started before its first test and
 * stopped after its last: `const env = useServerAndBrowser(mounts)`, then `env.server.origin`
 * and `env.browser` inside tests.
 */
export function useServerAndBrowser(mounts) {
  const env = {};
  before(async () => {
    env.server = await serve(mounts);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
