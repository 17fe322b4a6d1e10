// Search that knows the field: glossary terms typed in the box or carried by a link, a month
// typed as search (and said back in the filter bar), and records with most of the words when
// none has all of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, waitForParam, openApp, PATIENCE } from './harness.mjs';

const env = useServerAndBrowser([{ prefix: '/', dir: 'dist' }]);

const open = (path, options) => openApp(env, path, options);

/** Waits until every id has an element with that `data-record` under `scope`; fails naming those missing. */
async function waitForRecords(page, scope, ids) {
  try {
    await page.waitForFunction(
      ([scope, ids]) => ids.every((id) => document.querySelector(`${scope} [data-record="${id}"]`)),
      [scope, ids],
      { timeout: PATIENCE },
    );
  } catch {
    const shown = await page.$$eval(`${scope} [data-record]`, (els) => els.map((el) => el.dataset.record));
    assert.fail(`expected ${ids.join(', ')} under ${scope}; shown: ${shown.join(', ') || 'none'}`);
  }
}

const shownIds = (page, scope) => page.$$eval(`${scope} [data-record]`, (els) => els.map((el) => el.dataset.record));

test('typing 劳模 finds the model-worker figures, Quanzhou’s national model workers among them', async () => {
  const session = await open('?lang=zh&tab=table');
  const { page } = session;
  await page.fill('#search', '劳模');
  await waitForParam(page, 'q', '劳模');
  await waitForRecords(page, 'table.facts tbody', ['qz2023-f050']);
  const rows = await shownIds(page, 'table.facts tbody');
  assert.ok(rows.length >= 3, `model-worker figures: ${rows}`);
  assert.equal(await page.locator('[data-testid=search-partial]').count(), 0);
  session.assertClean();
  await session.close();
});

test('a link searching for delivery riders shows Nanping’s new-form worker records', async () => {
  const session = await open('?q=delivery%20rider&lang=en&tab=table');
  const { page } = session;
  await waitForRecords(page, 'table.facts tbody', ['np2024-f033', 'np2024-f034', 'np2024-f060']);
  await page.click('nav.tabs button[data-tab=timeline]');
  await waitForRecords(page, '.timeline', ['np2024-e026']);
  session.assertClean();
  await session.close();
});

test('a month typed as search shows what happened in it and says how it was read', async () => {
  const session = await open('?q=2021-10&lang=en');
  const { page } = session;
  await waitForRecords(page, '.timeline', ['fj2021-e001', 'fj2021-e003', 'fj2021-e005']);
  const marks = await shownIds(page, '.timeline');
  assert.ok(!marks.includes('fj2021-e002'), 'a year-only event is not in October');
  assert.equal((await page.textContent('[data-testid=search-date]')).trim(), 'Month: October 2021');
  await page.click(".lang-switch button:has-text(\"中文\")");
  await page.waitForFunction(() => document.querySelector('[data-testid=search-date]')?.textContent.trim() === '月份：2021年10月');
  session.assertClean();
  await session.close();
});

test('when no record has every word, those with the most are shown and the bar says so', async () => {
  const session = await open('?q=%E5%8A%B3%E6%A8%A1%20zzzqqq&lang=en&tab=table');
  const { page } = session;
  await waitForRecords(page, 'table.facts tbody', ['qz2023-f050']);
  const notice = page.locator('[data-testid=search-partial]');
  await notice.waitFor();
  assert.equal((await notice.textContent()).trim(), 'No record has all 2 search terms; showing records with 1 of 2.');
  session.assertClean();
  await session.close();
});
