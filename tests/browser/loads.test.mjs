// Outside datasets under fire, on the release build: the last load asked for wins (a late
// answer, Back, a load that never answers), bodies are counted as they stream in (no
// Content-Length, a gzip bomb), a body cut short and a redirect loop say so, and a link's text
// cannot turn the notice around or pass for a valid id.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createGzip } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useServerAndBrowser, openPage, waitForApp, waitForParam, ROOT, PATIENCE } from './harness.mjs';

const env = useServerAndBrowser([{ prefix: '/', dir: 'dist' }]);

/**
 * Another origin whose answers the tests hold and release: `/held/<name>.json` waits until
 * `release(name)`; the server records when a request's connection is closed by the browser.
 */
let other;
const held = new Map();
const closed = new Set();
const open = new Set();
before(async () => {
  const small = await readFile(join(ROOT, 'tests/fixtures/datasets/small.json'));
  // the benchmark's synthetic dataset at 100x the real one's size (about 20 MB), fixed seed
  const large = execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'ue-data', '--', 'synth', '--scale', '100', '--seed', '1'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  const cors = { 'content-type': 'application/json', 'access-control-allow-origin': '*' };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    open.add(res);
    res.on('close', () => closed.add(path));
    if (path.startsWith('/held/')) {
      held.set(path, () => res.writeHead(200, cors).end(small));
    } else if (path === '/large.json') {
      res.writeHead(200, cors).end(large);
    } else if (path === '/quick.json') {
      res.writeHead(200, cors).end(small);
    } else if (path === '/chunked.json') {
      // 50 MB with no Content-Length, one megabyte at a time, for as long as it is read
      res.writeHead(200, cors);
      res.write('{"schema": "union-explorer-dataset", "facts": [');
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 50 && !res.destroyed) {
          sent += 1;
          if (!res.write(chunk)) return res.once('drain', more);
        }
        res.end(']}');
      };
      more();
    } else if (path === '/bomb.json') {
      // gzip of blank space that would inflate to 512 MiB; made as it is read
      res.writeHead(200, { ...cors, 'content-encoding': 'gzip' });
      const gzip = createGzip({ level: 1 });
      gzip.pipe(res);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 512 && !res.destroyed) {
          sent += 1;
          if (!gzip.write(chunk)) return gzip.once('drain', more);
        }
        gzip.end();
      };
      res.on('close', () => gzip.destroy());
      more();
    } else if (path === '/loop.json') {
      res.writeHead(302, { ...cors, location: '/loop.json' }).end();
    } else if (path === '/cut.json') {
      res.writeHead(200, { ...cors, 'content-length': String(small.length) });
      res.write(small.subarray(0, 200), () => setImmediate(() => res.destroy()));
    } else {
      res.writeHead(404, cors).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  other = { server, origin: `http://127.0.0.1:${server.address().port}` };
});
after(async () => {
  for (const res of open) res.destroy();
  other.server.closeAllConnections();
  await new Promise((ok) => other.server.close(ok));
});

/** Waits until the server has a held request for `path`, then answers it. */
async function release(path) {
  await waitUntil(() => held.has(path), `a request for ${path}`);
  held.get(path)();
}

/** Polls a condition of the test's own server; fails naming what it waited for. */
async function waitUntil(condition, what, timeout = PATIENCE) {
  const until = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`waited ${timeout} ms for ${what}; it did not happen`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

async function start(query) {
  const session = await openPage(env.browser, { locale: 'en-US' });
  await session.page.goto(`${env.server.origin}/${query}`);
  await waitForApp(session.page);
  return session;
}

async function openInField(page, address) {
  await page.fill('#dataset-address', address);
  await page.click('[data-testid=dataset-picker] button[type=submit]');
}

test('a late answer never replaces the dataset asked for after it', async () => {
  const session = await start(`?lang=en&data=${encodeURIComponent(`${other.origin}/held/slow.json`)}&tab=documents`);
  const { page } = session;
  await page.locator('[data-testid=loading-banner]').waitFor();
  await openInField(page, `${other.origin}/quick.json`);
  await page.locator('[data-testid=origin-banner]').waitFor();
  await waitForParam(page, 'data', `${other.origin}/quick.json`);
  // the abandoned request is aborted: the server sees its connection close
  await waitUntil(() => closed.has('/held/slow.json'), 'the abandoned request to be aborted');
  assert.match(await page.textContent('[data-testid=origin-banner]'), /quick\.json/);
  assert.equal(new URL(page.url()).searchParams.get('data'), `${other.origin}/quick.json`);
  assert.equal(await page.locator('[data-testid=load-error]').count(), 0);
  session.assertClean();
  await session.close();
});

test('Back while a dataset is on its way abandons it', async () => {
  const session = await start('?lang=en&tab=documents');
  const { page } = session;
  await openInField(page, `${other.origin}/held/back.json`);
  await page.locator('[data-testid=loading-banner]').waitFor();
  await waitForParam(page, 'data', `${other.origin}/held/back.json`);
  await page.goBack();
  await waitForParam(page, 'data', null);
  await page.locator('[data-testid=loading-banner]').waitFor({ state: 'detached' });
  // the request itself is aborted, so no answer can come back to undo the Back
  await waitUntil(() => closed.has('/held/back.json'), 'the abandoned request to be aborted');
  await release('/held/back.json');
  assert.equal(await page.locator('[data-testid=origin-banner]').count(), 0, 'the built-in data stays');
  assert.equal(new URL(page.url()).searchParams.get('data'), null);
  session.assertClean();
  await session.close();
});

test('a body is counted as it streams in: no Content-Length, or a gzip bomb, stops at 32 MB', async () => {
  for (const name of ['chunked.json', 'bomb.json']) {
    const session = await start(`?lang=en&data=${encodeURIComponent(`${other.origin}/${name}`)}`);
    const { page } = session;
    const error = page.locator('[data-testid=load-error]');
    await error.waitFor({ timeout: PATIENCE });
    assert.match(await error.textContent(), /larger than 32 MB \(once decompressed\): reading stopped there/, name);
    await waitUntil(() => closed.has(`/${name}`), `the read of ${name} to be abandoned`);
    // what arrived waited outside the module's memory, and is not kept
    const wasmBytes = await page.evaluate(() => window.__ueWasmMemory.buffer.byteLength);
    assert.ok(wasmBytes < 24 * 1024 * 1024, `${name}: wasm memory is ${wasmBytes} bytes`);
    await session.close();
  }
});

test('a body cut short and a redirect loop are told apart from a network that is down', async () => {
  for (const [name, says] of [['cut.json', /broke off/], ['loop.json', /redirect loop/]]) {
    const session = await start(`?lang=en&data=${encodeURIComponent(`${other.origin}/${name}`)}`);
    const error = session.page.locator('[data-testid=load-error]');
    await error.waitFor({ timeout: PATIENCE });
    assert.match(await error.textContent(), says, name);
    await session.close();
  }
});

test('addresses that reach another site without saying so are refused with the reason', async () => {
  const session = await start('?lang=en&tab=documents');
  const { page } = session;
  for (const [address, reason] of [
    ['/\\evil.example/x.json', /another site/],
    ['\\/evil.example/x.json', /another site/],
    ['https://user:secret@example.org/x.json', /user name or password/],
    ['http://127.0.0.1:25/x.json', /port/],
  ]) {
    await openInField(page, address);
    await page.locator('.field-error', { hasText: reason }).waitFor({ timeout: PATIENCE });
  }
  await page.goto(`${env.server.origin}/?lang=en&data=${encodeURIComponent('/\\evil.example/x.json')}`);
  await waitForApp(page);
  const notice = page.locator('[data-testid=ignored-params]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /another site/);
  session.assertClean();
  await session.close();
});

test('link text cannot turn the notice around, hide in an id, or go unmentioned', async () => {
  const many = Array.from({ length: 57 }, (_, i) => `x${i}=1`).join('&');
  const session = await start(`?lang=en&c=ideology%E2%80%8B&q2=%E2%80%AEdataset&${many}`);
  const { page } = session;
  const notice = page.locator('[data-testid=ignored-params]');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /ideologyU\+200B/);
  assert.match(text, /U\+202Edataset/);
  assert.match(text, /\(unknown parameter\)/, 'the notice keeps its own words in order');
  assert.equal(await notice.locator('li').count(), 50);
  assert.match(await page.textContent('[data-testid=ignored-unlisted]'), /and 9 more, not listed/);
  // after a change and Back, the notice describes the entry on screen
  await page.click('[data-testid=ignored-params] .notice-dismiss');
  await page.goto(`${env.server.origin}/?lang=en&zzz=1`);
  await waitForApp(page);
  await notice.waitFor();
  await page.click('[data-tab=table]');
  await waitForParam(page, 'tab', 'table');
  await page.goBack();
  await waitForParam(page, 'tab', null);
  // the entry reached had its unknown parameter tidied away: nothing to report for it
  await notice.waitFor({ state: 'detached' });
  await page.goForward();
  await waitForParam(page, 'tab', 'table');
  assert.equal(await notice.count(), 0);
  session.assertClean();
  await session.close();
});

test('a large outside dataset is read and checked a slice at a time, with a progress bar', async () => {
  const session = await openPage(env.browser, { locale: 'en-US' });
  const { page } = session;
  // Every value the loading banner's bar is given, recorded as it is set, from before the app
  // starts: the bar moves only between slices, so each value it shows is a page painted
  // part-way. Its first half is reading the records, its second checking them.
  await page.addInitScript(() => {
    window.__barValues = [];
    const record = (node) => {
      if (node.matches?.('[data-testid=loading-banner] progress') && node.hasAttribute('value')) window.__barValues.push(Number(node.getAttribute('value')));
    };
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === 'attributes') record(m.target);
        for (const added of m.addedNodes) {
          if (added.nodeType !== 1) continue;
          record(added);
          added.querySelectorAll?.('progress').forEach(record);
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  });
  await page.goto(`${env.server.origin}/?lang=en&data=${encodeURIComponent(`${other.origin}/large.json`)}`);
  await waitForApp(page);
  await page.locator('[data-testid=origin-banner]').waitFor({ timeout: 60000 });
  const count = Number((await page.textContent('[data-testid=record-count]')).match(/[\d,]+/)[0].replace(/,/g, ''));
  assert.ok(count > 40000, `${count} records on screen`);
  const values = await page.evaluate(() => window.__barValues);
  assert.ok(values.some((v) => v > 0 && v < 0.5), `part-way through reading: ${values.join(' ')}`);
  assert.ok(values.some((v) => v > 0.5 && v < 1), `part-way through checking: ${values.join(' ')}`);
  session.assertClean();
  await session.close();
});
