// The size budget: the gzip transfer of a first load of the release build must stay within
// tests/budget.json. Lower the budget as the build gets smaller.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

test('the first load stays within the gzip budget', async () => {
  const budget = JSON.parse(await readFile(join(ROOT, 'tests/budget.json'), 'utf8'));
  const dist = join(ROOT, 'dist');
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  // what the page loads: itself, and every file of dist/ that index.html names
  const names = (await readdir(dist, { recursive: true })).filter((n) => n.includes('.') && (n === 'index.html' || html.includes(n)));
  const files = await Promise.all(
    names.map(async (name) => ({ name, gzip: gzipSync(await readFile(join(dist, name)), { level: 9 }).length })),
  );
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const listing = files.map((f) => `  ${f.name}: ${f.gzip} B gzip`).join('\n');
  assert.ok(files.some((f) => f.name.endsWith('.wasm')), `the wasm module is counted:\n${listing}`);
  assert.ok(
    total <= budget.first_load_gzip_bytes,
    `first load is ${total} B gzip, over the budget of ${budget.first_load_gzip_bytes} B:\n${listing}`,
  );
  console.log(`first load: ${total} B gzip (budget ${budget.first_load_gzip_bytes} B)\n${listing}`);
});
