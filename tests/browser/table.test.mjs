// The table of figures and events, its downloads, rows opened from the keyboard, the copied
// link, the skip link and where the record view leads on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, openPage, waitForApp, waitForParam, openApp, PATIENCE } from './harness.mjs';

const env = useServerAndBrowser([{ prefix: '/', dir: 'dist' }]);

const open = (path, options) => openApp(env, path, options);

/** The figures and events the table's note counts ("68 figures · 52 events"). */
async function kindCounts(page) {
  const text = await page.textContent('[data-testid=table-count]');
  const match = text.match(/(\d+) figures? · (\d+) events?/);
  assert.ok(match, `the table says how many figures and events: "${text}"`);
  return { figures: Number(match[1]), events: Number(match[2]) };
}

const focused = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return '(the page body)';
    return `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}${a.dataset.record ? `[data-record=${a.dataset.record}]` : ''} "${(a.textContent ?? '').trim().slice(0, 40)}"`;
  });

test('the table lists figures and events with their counts, and a switch shows one kind', async () => {
  const session = await open('?lang=en&tab=table&r=quanzhou');
  const { page } = session;
  const { figures, events } = await kindCounts(page);
  assert.ok(figures > 0 && events > 0, `${figures} figures, ${events} events`);
  const recordCount = Number((await page.textContent('[data-testid=record-count]')).match(/\d+/)[0]);
  assert.equal(figures + events, recordCount, 'the table holds every selected record');
  const rows = await page.locator('table.facts tbody tr[data-record]').count();
  assert.equal(rows, Math.min(100, recordCount));

  await page.click('button[data-kind=events]');
  await waitForParam(page, 'kind', 'events');
  await page.waitForFunction((n) => document.querySelectorAll('table.facts tbody tr.event').length === n, events, { timeout: PATIENCE })
    .catch(async () => assert.fail(`expected ${events} event rows, saw ${await page.locator('table.facts tbody tr').count()}`));
  assert.equal(await page.locator('table.facts tbody tr:not(.event)').count(), 0);
  // events sort by date under the period column
  await page.click('th button[data-sort=period]');
  await waitForParam(page, 'sort', 'period');
  const dates = await page.$$eval('table.facts tbody tr', (rs) => rs.map((r) => r.children[7].textContent.trim().slice(0, 4)));
  assert.deepEqual(dates, [...dates].sort(), 'events in date order (by year at least)');

  await page.click('button[data-kind=figures]');
  await waitForParam(page, 'kind', 'figures');
  await page.waitForFunction((n) => document.querySelectorAll('table.facts tbody tr:not(.event)').length === Math.min(n, 100) && !document.querySelector('table.facts tbody tr.event'), figures, { timeout: PATIENCE })
    .catch(async () => assert.fail(`expected ${figures} figure rows only, saw ${await page.locator('table.facts tbody tr').count()}`));
  await page.click('button[data-kind=all]');
  await waitForParam(page, 'kind', null);
  session.assertClean();
  await session.close();
});

test('Enter and Space on a focused row open its record, and it stays open', async () => {
  const session = await open('?lang=en&tab=table&r=quanzhou');
  const { page } = session;
  for (let round = 0; round < 6; round += 1) {
    const key = round % 2 === 0 ? 'Enter' : 'Space';
    const row = page.locator('table.facts tbody tr[data-record]').nth(round * 7);
    const id = await row.getAttribute('data-record');
    await row.focus();
    await page.keyboard.press(key);
    await waitForParam(page, 'rec', id);
    await page.waitForFunction(() => document.activeElement?.closest('[data-testid=record]'), null, { timeout: PATIENCE })
      .catch(async () => assert.fail(`${key}: focus did not move into the record: ${await focused(page)}`));
    // the key that opened the record must not also press its close button
    assert.equal(await page.locator('[data-testid=record]').getAttribute('data-record'), id, `${key}: the record of ${id} is open`);
    assert.equal(new URL(page.url()).searchParams.get('rec'), id);
    await page.keyboard.press('Escape');
    await waitForParam(page, 'rec', null);
    await page.waitForFunction((rec) => document.activeElement?.dataset.record === rec, id, { timeout: PATIENCE })
      .catch(async () => assert.fail(`${key}: focus did not return to the row ${id}: ${await focused(page)}`));
  }
  session.assertClean();
  await session.close();
});

test('the Quanzhou CSV holds its events and says so', async () => {
  const session = await open('?r=quanzhou&tab=table&lang=en');
  const { page } = session;
  const { figures, events } = await kindCounts(page);
  const button = page.locator('button[data-download=csv]');
  assert.match(await button.textContent(), new RegExp(`CSV: ${figures} figures? and ${events} events?`));
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.equal(file.suggestedFilename(), 'union-explorer_quanzhou.csv');
  const csv = await readFile(await file.path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines.length, 1 + figures + events, 'a row per figure and per event');
  assert.ok(lines[0].includes('kind') && lines[0].includes('date_start') && lines[0].includes('people'));
  assert.equal(lines.filter((l) => /^qz2023-e\d+,Event,/.test(l)).length > 0, true, 'event rows carry their kind');
  assert.ok(lines.some((l) => l.startsWith('qz2023-e020,') && l.includes('Wu Peiwen')), 'an event row names its people');
  session.assertClean();
  await session.close();
});

test('the copied link carries the language, even when it came from the browser', async () => {
  const session = await openPage(env.browser, { locale: 'en-US' });
  const { page } = session;
  // the copy is caught where the page writes it: no clipboard permission needed
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: (text) => { window.copiedLink = text; return Promise.resolve(); } } });
  });
  await page.goto(`${env.server.origin}/?tab=table&r=quanzhou`);
  await waitForApp(page);
  assert.equal(new URL(page.url()).searchParams.get('lang'), null, 'the language is the browser’s');
  await page.click('[data-testid=copy-link]');
  const copied = await page.waitForFunction(() => window.copiedLink, null, { timeout: PATIENCE }).then((h) => h.jsonValue());
  const url = new URL(copied);
  assert.equal(url.searchParams.get('lang'), 'en');
  assert.equal(url.searchParams.get('r'), 'quanzhou');
  assert.equal(url.searchParams.get('tab'), 'table');
  session.assertClean();
  await session.close();
});

test('the skip link is the first stop and moves focus to the view', async () => {
  const session = await open('?lang=en');
  const { page } = session;
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'skip-link', `first Tab stop: ${await focused(page)}`);
  assert.ok(await page.locator('[data-testid=skip-link]').isVisible(), 'visible when focused');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'view-panel', null, { timeout: PATIENCE })
    .catch(async () => assert.fail(`focus did not move to the view: ${await focused(page)}`));
  // the next Tab goes into the view, not back to the header
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => !!document.activeElement?.closest('#view-panel')), `Tab after the skip link: ${await focused(page)}`);
  session.assertClean();
  await session.close();
});

test('the record view lists the same passage, and a person searches the explorer', async () => {
  const session = await open('?lang=en&tab=table&rec=qz2023-e020');
  const { page } = session;
  const passage = page.locator('[data-testid=same-passage] button[data-record]');
  await passage.first().waitFor();
  const ids = await passage.evaluateAll((bs) => bs.map((b) => b.dataset.record));
  assert.ok(ids.includes('qz2023-f008'), `a figure two lines away is listed: ${ids}`);
  assert.ok(!ids.includes('qz2023-e020'), 'not the record itself');
  await passage.filter({ hasText: 'Figure' }).first().click();
  await page.waitForURL((u) => u.searchParams.get('rec')?.startsWith('qz2023-f'), { timeout: PATIENCE });
  await page.goBack();
  await waitForParam(page, 'rec', 'qz2023-e020');
  await page.locator('[data-testid=record] button[data-search="Wu Peiwen"]').click();
  await waitForParam(page, 'q', 'Wu Peiwen');
  await waitForParam(page, 'rec', null);
  await page.locator('table.facts tbody tr[data-record=qz2023-e020]').waitFor();
  session.assertClean();
  await session.close();
});
