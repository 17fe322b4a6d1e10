// The explorer on the release build: filters through the UI, counts and URL, reload, Back,
// search in both languages, timeline, table, documents, record view, empty state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, waitForApp, waitForParam, screenshot, MOBILE, openApp } from './harness.mjs';

const env = useServerAndBrowser([{ prefix: '/', dir: 'dist' }]);

const params = (page) => new URL(page.url()).searchParams;
const recordCount = async (page) => Number((await page.textContent('[data-testid=record-count]')).match(/\d+/)[0]);
const facetCount = async (page, selector) =>
  Number(await page.locator(selector).locator('xpath=..').locator('.count').textContent());

const open = (path, options) => openApp(env, path, options);

test('a category picked in the panel filters, shows in the URL, survives reload, and Back undoes it', async () => {
  const session = await open('?lang=en&tab=table');
  const { page } = session;
  const total = await recordCount(page);
  const expected = await facetCount(page, 'input[name=category][value=assistance_welfare]');
  await page.check('input[name=category][value=assistance_welfare]');
  await waitForParam(page, 'c', 'assistance_welfare');
  assert.equal(await recordCount(page), expected);
  assert.ok(expected > 0 && expected < total);
  const rows = await page.locator('table.facts tbody tr').count();
  assert.ok(rows > 0);
  assert.match(await page.textContent('[data-testid=active-filters]'), /Assistance/);

  await page.reload();
  await waitForApp(page);
  assert.equal(await recordCount(page), expected);
  assert.ok(await page.isChecked('input[name=category][value=assistance_welfare]'));

  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('c'));
  await page.waitForFunction((t) => document.querySelector('[data-testid=record-count]').textContent.includes(String(t)), total);
  assert.ok(!(await page.isChecked('input[name=category][value=assistance_welfare]')));
  session.assertClean();
  await session.close();
});

test('a region includes its counties; its chip removes it in one click', async () => {
  const session = await open('?lang=zh');
  const { page } = session;
  const expected = await facetCount(page, 'input[name=region][value=quanzhou]');
  await page.check('input[name=region][value=quanzhou]');
  await waitForParam(page, 'r', 'quanzhou');
  assert.equal(await recordCount(page), expected);
  const lanes = await page.$$eval('.lane', (ls) => ls.map((l) => l.dataset.lane));
  assert.deepEqual(lanes, ['quanzhou'], 'timeline lanes follow the region filter');
  const chip = page.locator('.chip', { hasText: '泉州市' });
  await chip.locator('button').click();
  await waitForParam(page, 'r', null);
  session.assertClean();
  await session.close();
});

test('Chinese search finds substrings, typing replaces the history entry', async () => {
  const session = await open('?lang=zh&tab=table');
  const { page } = session;
  const before = await page.evaluate(() => history.length);
  await page.fill('#search', '助学');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '助学');
  assert.equal(await page.evaluate(() => history.length), before, 'typing adds no history entries');
  const rows = await page.locator('table.facts tbody tr').allTextContents();
  assert.ok(rows.length > 0);
  assert.ok(rows.some((r) => r.includes('金秋助学')), rows.join('\n'));
  session.assertClean();
  await session.close();
});

test('English search ignores case', async () => {
  const session = await open('?lang=en&tab=table');
  const { page } = session;
  await page.fill('#search', 'GOLDEN autumn');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'GOLDEN autumn');
  // a figure's row shows the indicator it matched by; an event may match by its note, not shown
  const rows = await page.locator('table.facts tbody tr:not(.event)').allTextContents();
  assert.ok(rows.length > 0);
  assert.ok(rows.every((r) => /golden autumn/i.test(r)), rows.join('\n'));
  const events = await page.locator('table.facts tbody tr.event').allTextContents();
  assert.ok(events.some((r) => /golden autumn/i.test(r)), 'events are in the table too');
  session.assertClean();
  await session.close();
});

test('records that do not fit in a lane are gathered per year and listed on request', async () => {
  const session = await open('?lang=en&r=fuzhou');
  const { page } = session;
  const cluster = page.locator('.timeline .mark.cluster').first();
  const count = Number((await cluster.textContent()).replace('+', ''));
  assert.ok(count > 0);
  await cluster.click();
  const list = page.locator('[data-testid=cluster-list]');
  await list.waitFor();
  const items = list.locator('button[data-record]');
  assert.equal(await items.count(), count);
  const id = await items.first().getAttribute('data-record');
  await items.first().click();
  await waitForParam(page, 'rec', id);
  session.assertClean();
  await session.close();
});

test('the legend explains every kind of mark the timeline draws', async () => {
  const session = await open('?lang=en');
  const { page } = session;
  const kindsOf = (selector) => page.locator(selector).evaluateAll((ms) => [...new Set(ms.map((m) => [...m.classList].sort().join(' ')))].sort());
  const drawn = await kindsOf('.timeline .lane-track .mark:not(.cluster)');
  const explained = await kindsOf('.legend .mark');
  assert.ok(drawn.includes('event mark span') && drawn.includes('fact mark span'), drawn.join(', '));
  for (const kind of drawn) assert.ok(explained.includes(kind), `no legend entry for "${kind}" (legend: ${explained.join(', ')})`);
  assert.equal(new Set(await page.locator('.legend li').allTextContents()).size, explained.length, 'each entry says something of its own');
  session.assertClean();
  await session.close();
});

test('the timeline shows the filtered events; hover shows a tooltip; click opens the record', async () => {
  const session = await open('?lang=en&d=np2024');
  const { page } = session;
  // marks of one record (group marks and +N clusters open their lists instead)
  const marks = page.locator('.timeline .mark[data-record]');
  assert.ok((await page.locator('.timeline .mark').count()) > 10);
  const ids = await marks.evaluateAll((ms) => ms.map((m) => m.dataset.record).filter(Boolean));
  assert.ok(ids.every((id) => id.startsWith('np2024-')), ids.join(','));
  const precisions = new Set(await marks.evaluateAll((ms) => ms.map((m) => m.dataset.precision)));
  assert.ok(precisions.has('year'));

  const first = marks.first();
  await first.hover();
  const tip = page.locator('.timeline .tip');
  await tip.waitFor();
  assert.equal(await tip.textContent(), await first.getAttribute('aria-label'));
  await first.focus();
  assert.equal(await tip.textContent(), await first.getAttribute('aria-label'));
  await first.click();
  const dialog = page.locator('[data-testid=record]');
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute('data-record'), ids[0]);
  await waitForParam(page, 'rec', ids[0]);
  assert.match(await page.textContent('[data-testid=record-source]'), /004_155a2bea13e01da4\.txt/);
  await page.keyboard.press('Escape');
  assert.equal(await dialog.count(), 0);
  await waitForParam(page, 'rec', null);

  await page.click('button[data-zoom=in]');
  await page.waitForURL((url) => url.searchParams.has('tl'));
  await page.click('button[data-zoom=reset]');
  await waitForParam(page, 'tl', null);
  await page.click('button[data-lanes=category]');
  await waitForParam(page, 'lanes', 'category');
  await screenshot(page, 'timeline-desktop-en');
  session.assertClean();
  await session.close();
});

test('the table sorts by value both ways', async () => {
  const session = await open('?lang=en&tab=table');
  const { page } = session;
  const figures = Number((await page.textContent('[data-testid=table-count]')).match(/\d+/)[0]);
  assert.ok(figures > 200 && figures < (await recordCount(page)), 'the table counts figures, not events');
  await page.click('th button[data-sort=value]');
  await waitForParam(page, 'sort', 'value');
  // figures carry their value; events have none and come after them either way
  const values = () => page.$$eval('table.facts tbody tr', (rs) => rs.map((r) => (r.dataset.value === undefined ? null : Number(r.dataset.value))));
  let sorted = await values();
  let numbers = sorted.filter((v) => v !== null);
  assert.ok(numbers.length > 0 && sorted.slice(0, numbers.length).every((v) => v !== null), 'figures first');
  assert.ok(numbers.every((v, i) => i === 0 || numbers[i - 1] <= v));
  await page.click('th button[data-sort=value]');
  await waitForParam(page, 'sort', '-value');
  sorted = await values();
  numbers = sorted.filter((v) => v !== null);
  assert.ok(sorted.slice(0, numbers.length).every((v) => v !== null), 'figures first');
  assert.ok(numbers.every((v, i) => i === 0 || numbers[i - 1] >= v));
  await screenshot(page, 'table-desktop-en', { fullPage: false });
  session.assertClean();
  await session.close();
});

test('a record shows its figure in both languages, its source line and the same indicator elsewhere', async () => {
  const session = await open('?lang=zh&tab=table&q=%E9%87%91%E7%A7%8B%E5%8A%A9%E5%AD%A6');
  const { page } = session;
  await page.locator('table.facts tbody tr:not(.event)').first().click();
  const dialog = page.locator('[data-testid=record]');
  await dialog.waitFor();
  const text = await dialog.textContent();
  assert.match(text, /元/);
  assert.match(text, /CNY|persons|person-times|units/);
  assert.match(await page.textContent('[data-testid=record-source]'), /行 \d+/);
  await screenshot(page, 'record-desktop-zh');
  const others = dialog.locator('.same-indicator button');
  if ((await others.count()) > 0) {
    const target = await others.first().getAttribute('data-record');
    await others.first().click();
    await waitForParam(page, 'rec', target);
  }
  await page.click('[data-testid=compare-indicator]');
  await waitForParam(page, 'tab', 'charts');
  await page.waitForURL((url) => url.searchParams.has('ind'));
  session.assertClean();
  await session.close();
});

test('documents show five cards and one click filters to a report', async () => {
  const session = await open('?lang=en&tab=documents');
  const { page } = session;
  assert.equal(await page.locator('.doc-card').count(), 5);
  await screenshot(page, 'documents-desktop-en', { fullPage: false });
  await page.locator('.doc-card[data-doc=qz2023] button.primary').click();
  await waitForParam(page, 'd', 'qz2023');
  await waitForParam(page, 'tab', 'table');
  session.assertClean();
  await session.close();
});

test('a filter set that matches nothing says so and resets', async () => {
  const session = await open('?lang=en&q=zzzqqqxxx');
  const { page } = session;
  await page.locator('[data-testid=no-match]').waitFor();
  await page.click('[data-testid=no-match] button');
  await waitForParam(page, 'q', null);
  assert.ok((await page.locator('.timeline .mark').count()) > 0);
  session.assertClean();
  await session.close();
});

test('every tab at phone size, with the filter drawer', async () => {
  const session = await open('?lang=zh', { viewport: MOBILE });
  const { page } = session;
  assert.ok(!(await page.isVisible('#filters')), 'filters are a closed drawer on phones');
  await page.click('.filters-toggle');
  assert.ok(await page.isVisible('#filters'));
  await screenshot(page, 'filters-mobile-zh');
  await page.click('.filters-close');
  for (const tab of ['timeline', 'charts', 'map', 'table', 'documents']) {
    await page.click(`nav.tabs button[data-tab=${tab}]`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${tab}: page is ${overflow}px wider than the screen`);
    await screenshot(page, `${tab}-mobile-zh`);
  }
  session.assertClean();
  await session.close();
});

test('downloads: CSV with a byte-order mark and a row per filtered figure and event, JSON in the export schema', async () => {
  const session = await open('?lang=zh&tab=table&r=quanzhou');
  const { page } = session;
  const [figures, events] = (await page.textContent('[data-testid=table-count]')).match(/\d+/g).map(Number);
  const rows = figures + events;
  assert.ok(figures > 0 && events > 0);
  const [csvFile] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download=csv]')]);
  assert.equal(csvFile.suggestedFilename(), 'union-explorer_quanzhou.csv');
  const csv = await readFile(await csvFile.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'Excel needs the byte-order mark for Chinese');
  assert.equal(csv.trim().split('\r\n').length, rows + 1);
  const [jsonFile] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download=json]')]);
  assert.equal(jsonFile.suggestedFilename(), 'union-explorer_quanzhou.json');
  const json = JSON.parse(await readFile(await jsonFile.path(), 'utf8'));
  assert.equal(json.schema, 'union-explorer-dataset');
  assert.equal(json.facts.length, figures);
  assert.equal(json.events.length, events);
  session.assertClean();
  await session.close();
});
