// The Content-Security-Policy of the release build: tools/csp.mjs writes it into index.html
// after every build; the app runs every view under it without a single violation, and an
// injected inline script does not run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { useServerAndBrowser, serve, openPage, waitForApp, waitForParam, PATIENCE } from './harness.mjs';
import { withPolicy, policyFor } from '../../tools/csp.mjs';

const env = useServerAndBrowser([
  { prefix: '/union-explorer/', dir: 'target/dist-subpath' },
  { prefix: '/', dir: 'dist' },
]);

/** The policy in the page's <meta>, with what precedes it. */
function metaPolicy(html) {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(meta, `index.html has no Content-Security-Policy <meta>:\n${html}`);
  return { policy: meta[1], before: html.slice(0, meta.index) };
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Checks the built index.html at `path`: the policy comes first, is strict and allows each inline script. */
async function checkServedPolicy(path) {
  const html = await (await fetch(`${env.server.origin}${path}`)).text();
  const { policy, before } = metaPolicy(html);
  assert.doesNotMatch(before, /<(script|link|style)\b/i, 'the policy must come before every script, link and style');
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|'strict-dynamic'/, policy);
  const directives = Object.fromEntries(policy.split(/;\s*/).map((d) => { const [name, ...sources] = d.split(' '); return [name, sources]; }));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['style-src'], ["'self'"]);
  assert.deepEqual(directives['connect-src'], ['*'], 'datasets may come from any URL');
  assert.deepEqual(directives['base-uri'], ["'none'"]);
  assert.deepEqual(directives['form-action'], ["'none'"]);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
  assert.ok(inline.length > 0, 'Trunk writes an inline module loader');
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'", ...inline], 'script-src allows exactly the inline scripts there are');
  return policy;
}

/** A page that records every `securitypolicyviolation` in `window.__violations`. */
async function watchedPage() {
  const session = await openPage(env.browser);
  await session.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  return session;
}

/** Waits for the next painted frame and the task after it, so reports queued by drawing have fired. */
const settle = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));

async function assertNoViolations(session, view) {
  await settle(session.page);
  const violations = await session.page.evaluate(() => window.__violations);
  assert.deepEqual(violations, [], `${view}: the policy blocked something the app does:\n  ${violations.join('\n  ')}`);
  session.assertClean();
}

test('tools/csp.mjs hashes inline scripts and styles, is idempotent, and refuses what no hash allows', () => {
  const page = '<!doctype html><html><head><meta charset="utf-8"><title>t</title><script type="module">\r\nimport x from "/a.js";\n</script><style>p{}</style></head><body></body></html>';
  const once = withPolicy(page);
  assert.equal(withPolicy(once), once, 'running twice writes one policy');
  const policy = metaPolicy(once).policy;
  assert.ok(policy.includes(sha256('\nimport x from "/a.js";\n')), `the hash is over the text as the browser parses it: ${policy}`);
  assert.ok(policy.includes(`style-src 'self' ${sha256('p{}')}`), policy);
  assert.ok(once.indexOf('Content-Security-Policy') < once.indexOf('<title>'));
  for (const [bad, why] of [
    ['<button onclick="go()">x</button>', /inline event handler/],
    ['<p style="color:red">x</p>', /inline style attribute/],
    ['<a href="javascript:go()">x</a>', /javascript: URL/],
    ['<script src="https://cdn.example/x.js"></script>', /another origin/],
  ]) {
    assert.throws(() => policyFor(`<html><head></head><body>${bad}</body></html>`), why, bad);
  }
  assert.doesNotThrow(() => policyFor('<html><head><meta name="description" content="reports on=the work style=x"></head><body><p>onclick=1</p></body></html>'));

  // `trunk serve` would fill these in after hashing; they are filled in first, as Trunk would
  const reload = "<html><head><meta charset=utf-8></head><body><script>const address = '{{__TRUNK_ADDRESS__}}'; const base = '{{__TRUNK_WS_BASE__}}';</script></body></html>";
  const served = withPolicy(reload, { publicUrl: '/union-explorer/' });
  assert.doesNotMatch(served, /\{\{__TRUNK/, served);
  assert.ok(served.includes(sha256("const address = window.location.host; const base = '/union-explorer/';")), served);
});

test('the built index.html carries a strict policy ahead of every script and style', async () => {
  const policy = await checkServedPolicy('/');
  console.log(`Content-Security-Policy: ${policy}`);
});

test('the sub-path build carries its own policy', async () => {
  await checkServedPolicy('/union-explorer/');
});

const VIEWS = [
  ['timeline', '?lang=en&tab=timeline', '.timeline .mark'],
  ['timeline by category', '?lang=zh&lanes=category', '.timeline .mark'],
  ['charts: bars', '?lang=en&tab=charts', '.chart canvas[data-hits]'],
  ['charts: time', '?lang=en&tab=charts&chart=time', '.chart canvas[data-hits]'],
  ['charts: profile', '?lang=zh&tab=charts&chart=profile', '.chart canvas[data-hits]'],
  ['charts: money', '?lang=en&tab=charts&chart=money', '.chart canvas[data-hits]'],
  ['map', '?lang=en&tab=map', '.map canvas[data-hits]'],
  ['map by indicator', '?lang=zh&tab=map&ind=contest_participant_times', '.map canvas[data-hits]'],
  ['table', '?lang=en&tab=table&sort=-value', 'table.facts tbody tr'],
  ['documents', '?lang=zh&tab=documents', '.doc-card'],
  ['sub-path build', 'union-explorer/?lang=en&tab=charts', '.chart canvas[data-hits]'],
];

for (const [view, path, ready] of VIEWS) {
  test(`${view} runs under the policy without a violation`, async () => {
    const session = await watchedPage();
    await session.page.goto(`${env.server.origin}/${path}`);
    await waitForApp(session.page);
    await session.page.waitForSelector(ready);
    await assertNoViolations(session, view);
    await session.close();
  });
}

test('records open, switch and close under the policy', async () => {
  const session = await watchedPage();
  const { page } = session;
  await page.goto(`${env.server.origin}/?lang=en&tab=table`);
  await waitForApp(page);
  const fact = await page.getAttribute('table.facts tbody tr', 'data-record');
  await page.goto(`${env.server.origin}/?lang=en&rec=${fact}`);
  await page.locator(`[data-testid=record][data-record="${fact}"]`).waitFor();
  const event = await page.locator('.timeline .mark.event[data-record]').first().getAttribute('data-record');
  await page.goto(`${env.server.origin}/?lang=zh&tab=timeline&rec=${event}`);
  await page.locator(`[data-testid=record][data-record="${event}"]`).waitFor();
  await page.keyboard.press('Escape');
  await waitForParam(page, 'rec', null);
  await assertNoViolations(session, 'record');
  await session.close();
});

test('datasets may come from another origin: connect-src lets the request out', async () => {
  const other = await serve([{ prefix: '/', dir: 'dist' }]);
  const session = await watchedPage();
  const { page } = session;
  await page.goto(`${env.server.origin}/?lang=en`);
  await waitForApp(page);
  // no-cors: the policy decides whether the request goes out; what the other server allows
  // (CORS) is the app's concern, not the policy's
  const outcome = await page.evaluate((url) => fetch(url, { mode: 'no-cors' }).then((r) => r.type, (e) => `failed: ${e.message}`), `${other.origin}/index.html`);
  assert.equal(outcome, 'opaque', 'the request to another origin went out');
  await assertNoViolations(session, 'fetch from another origin');
  await session.close();
  await other.close();
});

test('an injected inline script does not run and is reported', async () => {
  const session = await watchedPage();
  const { page } = session;
  await page.goto(`${env.server.origin}/?lang=en`);
  await waitForApp(page);
  await assertNoViolations(session, 'before the injection');
  await page.evaluate(() => document.head.append(Object.assign(document.createElement('script'), { textContent: 'window.__pwned = 1' })));
  await page.waitForFunction(() => window.__violations.length > 0, null, { timeout: PATIENCE });
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the injected script ran');
  const violations = await page.evaluate(() => window.__violations);
  assert.ok(violations.every((v) => v.startsWith('script-src')), violations.join('\n'));
  // the browser logs the refusal as a console error: expected here, and the only problem allowed
  const unexpected = session.problems.filter((p) => !/Content Security Policy/.test(p));
  assert.deepEqual(unexpected, [], 'nothing but the refusal was reported');
  await session.close();
});
