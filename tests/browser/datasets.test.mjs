// Other datasets on the release build: the data= parameter, the address field, a local file
// (picker and drop), the origin banner, and every way an outside dataset can fail: not found,
// not JSON, broken rules, refused by CORS, too large, too slow. The explorer keeps what it had.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useServerAndBrowser, waitForApp, waitForParam, ROOT, openApp, PATIENCE } from './harness.mjs';

const env = useServerAndBrowser([
  { prefix: '/', dir: 'dist' },
  { prefix: '/fixtures/', dir: 'tests/fixtures/datasets' },
]);
const fixture = (name) => readFile(join(ROOT, 'tests/fixtures/datasets', name));

/** Another origin: answers with or without CORS, announces a huge body, or never answers. */
let other;
const hanging = new Set();
before(async () => {
  const small = await fixture('small.json');
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/cors.json') res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(small);
    else if (path === '/no-cors.json') res.writeHead(200, { 'content-type': 'application/json' }).end(small);
    else if (path === '/huge.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024), 'access-control-allow-origin': '*' });
      res.write('{"schema": "union-explorer-dataset", "facts": [');
      hanging.add(res);
    } else if (path === '/slow.json') hanging.add(res);
    else res.writeHead(404).end('not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  other = { server, origin: `http://127.0.0.1:${server.address().port}` };
});
after(async () => {
  for (const res of hanging) res.destroy();
  other.server.closeAllConnections();
  await new Promise((ok) => other.server.close(ok));
});

const open = (path) => openApp(env, path, { locale: 'en-US' });

const recordCount = async (page) => Number((await page.textContent('[data-testid=record-count]')).match(/\d+/)[0]);

/** Loads `address` through the link and waits for an error; returns its text. */
async function failure(session, address) {
  const { page } = session;
  await page.goto(`${env.server.origin}/?lang=en&data=${encodeURIComponent(address)}`);
  await waitForApp(page);
  const error = page.locator('[data-testid=load-error]');
  await error.waitFor({ timeout: PATIENCE });
  // the built-in dataset is still there, and the link no longer names the failed one
  await waitForParam(page, 'data', null);
  assert.equal(await page.locator('[data-testid=origin-banner]').count(), 0);
  assert.ok((await recordCount(page)) > 400);
  return error.textContent();
}

test('a link with data= shows the origin while loading and after, applies its filters, and one click returns to the built-in data', async () => {
  const session = await open('?lang=en');
  const { page } = session;
  const builtIn = await recordCount(page);
  await page.goto(`${env.server.origin}/?lang=en&data=fixtures/small.json&tab=table&r=quanzhou`);
  await waitForApp(page);
  const banner = page.locator('[data-testid=origin-banner]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /outside dataset.*127\.0\.0\.1.*fixtures\/small\.json/s);
  // the region filter from the link, judged against the new data
  assert.ok(await page.isChecked('input[name=region][value=quanzhou]'));
  // the table lists the sample's four Quanzhou figures and its two Quanzhou events
  const rows = await page.locator('table.facts tbody tr').allTextContents();
  assert.equal(rows.length, 6, rows.join('\n'));
  assert.ok((await recordCount(page)) < builtIn);
  assert.equal(new URL(page.url()).searchParams.get('data'), 'fixtures/small.json');
  await page.click('[data-tab=documents]');
  assert.match(await page.textContent('[data-testid=documents]'), /Sample dataset/);

  await banner.locator('button').click();
  await waitForParam(page, 'data', null);
  assert.equal(await banner.count(), 0);
  assert.equal(await recordCount(page), builtIn);
  session.assertClean();
  await session.close();
});

test('the address field opens a dataset from another origin that allows it', async () => {
  const session = await open('?lang=en&tab=documents&c=funding');
  const { page } = session;
  await page.fill('#dataset-address', `${other.origin}/cors.json`);
  await page.click('[data-testid=dataset-picker] button[type=submit]');
  await page.locator('[data-testid=origin-banner]').waitFor();
  await waitForParam(page, 'data', `${other.origin}/cors.json`);
  // filters of the old data do not carry over
  await waitForParam(page, 'c', null);
  assert.match(await page.textContent('[data-testid=dataset-current]'), /cors\.json/);
  assert.match(await page.textContent('[data-testid=documents]'), /Sample dataset/);
  // a bad address is refused in the field, before any request
  await page.fill('#dataset-address', 'javascript:alert(1)');
  await page.click('[data-testid=dataset-picker] button[type=submit]');
  await page.locator('.field-error').waitFor();
  session.assertClean();
  await session.close();
});

test('Back from an outside dataset restores the built-in view with its filters', async () => {
  // nanping is a region of the built-in data only: read against the outside data it would be lost
  const session = await open('?lang=en&tab=documents&r=nanping');
  const { page } = session;
  const filtered = await recordCount(page);
  await page.fill('#dataset-address', `${other.origin}/cors.json`);
  await page.click('[data-testid=dataset-picker] button[type=submit]');
  await page.locator('[data-testid=origin-banner]').waitFor();
  await waitForParam(page, 'r', null);
  await page.goBack();
  await waitForParam(page, 'data', null);
  await page.locator('[data-testid=origin-banner]').waitFor({ state: 'detached' });
  assert.equal(new URL(page.url()).searchParams.get('r'), 'nanping');
  assert.ok(await page.isChecked('input[name=region][value=nanping]'));
  assert.equal(await recordCount(page), filtered);
  assert.equal(await page.locator('[data-testid=ignored-params]').count(), 0, 'nothing was ignored');
  session.assertClean();
  await session.close();
});

test('a local file opens by the picker and by drag and drop; links do not carry it', async () => {
  const session = await open('?lang=en&tab=documents');
  const { page } = session;
  await page.setInputFiles('[data-testid=dataset-file]', join(ROOT, 'tests/fixtures/datasets/small.json'));
  const banner = page.locator('[data-testid=origin-banner]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /local file.*small\.json/s);
  assert.equal(new URL(page.url()).searchParams.get('data'), null);
  await banner.locator('button').click();
  await banner.waitFor({ state: 'detached' });

  const content = (await fixture('script-tags.json')).toString('utf8');
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return data;
  }, content);
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await banner.waitFor();
  assert.match(await banner.textContent(), /dropped\.json/);
  session.assertClean();
  await session.close();
});

test('markup in a dataset is shown as text, never run', async () => {
  const session = await open('?lang=en');
  const { page } = session;
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    return d.dismiss();
  });
  await page.goto(`${env.server.origin}/?lang=en&data=fixtures/script-tags.json&tab=documents`);
  await page.locator('[data-testid=origin-banner]').waitFor();
  assert.match(await page.textContent('[data-testid=documents]'), /<script>alert\(1\)<\/script>/);
  await page.click('[data-tab=timeline]');
  await page.locator('.timeline .mark[data-record]').first().waitFor();
  const labels = await page.locator('.timeline .mark[data-record]').evaluateAll((ms) => ms.map((m) => m.getAttribute('aria-label')));
  assert.ok(labels.some((l) => l.includes('<img src=x onerror=alert(1)>')), labels.join('\n'));
  assert.equal(await page.locator('.view script, .view img').count(), 0);
  assert.equal(dialogs, 0);
  session.assertClean();
  await session.close();
});

test('broken datasets are refused with the record and field named; the explorer keeps its data', async () => {
  const session = await open('?lang=en');
  const cases = [
    ['fixtures/missing.json', /HTTP 404/],
    ['fixtures/not-json.txt', /not JSON|line 1/i],
    ['fixtures/truncated.json', /ends too early|truncated|line \d+/i],
    ['fixtures/wrong-types.json', /facts\[\d+\]\.\w+/],
    ['fixtures/unknown-refs.json', /fact '[^']+', field `(region|indicator|doc)`/],
    ['fixtures/huge-numbers.json', /value|number/i],
    ['fixtures/long-strings.json', /field `\w+`.*(long|characters)/i],
    ['fixtures/wrong-schema.json', /schema/i],
  ];
  for (const [address, expected] of cases) {
    const text = await failure(session, address);
    assert.match(text, expected, `${address}: ${text}`);
  }
  // the only problems the page reported are the 404 just asked for
  assert.deepEqual(session.problems.filter((p) => !p.includes('missing.json') && !p.includes('status of 404')), []);
  await session.close();
});

test('network failures each say what happened: CORS, too large, timeout', async () => {
  const session = await open('?lang=en');
  assert.match(await failure(session, `${other.origin}/no-cors.json`), /CORS/);
  assert.match(await failure(session, `${other.origin}/huge.json`), /67\.1 MB.*up to/);
  assert.match(await failure(session, `${other.origin}/slow.json`), /Timed out/);
  await session.close();
});
