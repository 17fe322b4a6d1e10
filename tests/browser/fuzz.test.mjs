// Hostile links on the release build: the 300 queries of tests/fixtures/hostile-queries.json
// (written by tests/fuzz.rs, which also records how many parameters each must have ignored).
// None may panic or log an error, and the notice lists exactly what was ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useServerAndBrowser, openPage, waitForApp, ROOT } from './harness.mjs';

const env = useServerAndBrowser([{ prefix: '/', dir: 'dist' }]);

test('hundreds of hostile queries: no panic, no console error, the notice lists what was ignored', async () => {
  const cases = JSON.parse(await readFile(join(ROOT, 'tests/fixtures/hostile-queries.json'), 'utf8'));
  // a link to an outside dataset is judged once that dataset is in: the dataset tests cover it
  const local = cases.filter((c) => !c.outside_data);
  assert.ok(local.length >= 250, `${local.length} queries`);
  const failures = [];
  // Each link in a page of its own, as a person opening it would. Hundreds of loads in one tab
  // keep the old pages' wasm memories until the browser collects them, and the tab runs out of
  // address space for a new one ("Cannot allocate Wasm memory for new instance").
  for (const { query, ignored } of local) {
    const session = await openPage(env.browser, { locale: 'en-US' });
    const { page } = session;
    await page.goto(`${env.server.origin}/?${query}`);
    try {
      await waitForApp(page);
    } catch (err) {
      throw new Error(`?${query}\n  ${err.message}\n  ${session.problems.join('; ') || 'no console error'}`);
    }
    const listed = await page.locator('[data-testid=ignored-params] li').count();
    if (listed !== ignored) failures.push(`?${query.slice(0, 120)}: notice lists ${listed}, expected ${ignored}`);
    if (session.problems.length > 0) failures.push(`?${query.slice(0, 120)}: ${session.problems.join('; ')}`);
    await session.close();
  }
  assert.deepEqual(failures, []);
});
