// The timeline's reading list and labelled marks on the release build: date order both ways,
// a figure found by search is listed and drawn, a month window with month ticks, Enter opens a
// record, labels are visible and hit areas large enough.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, waitForParam, screenshot, MOBILE, openApp, PATIENCE } from './harness.mjs';

const env = useServerAndBrowser([{ prefix: '/', dir: 'dist' }]);

async function open(path, options) {
  const session = await openApp(env, path, options);
  await session.page.locator('[data-testid=reading-list]').waitFor();
  return session;
}

/** The dates of the listed items, as printed, and their kinds. */
const listed = (page) =>
  page.locator('.reading-item').evaluateAll((items) =>
    items.map((item) => ({ id: item.dataset.record, date: item.querySelector('.reading-date').textContent, meta: item.querySelector('.reading-meta').textContent })),
  );

/** The first day a printed date (`2021`, `2021-10`, `2021-10-29`, `2018–2023`, `2021-09 – 2021-10`) can mean, and the last. */
function days(date) {
  const parts = date.split(/\s*[–]\s*/);
  const first = (p) => [...p.split('-').map(Number), 1, 1].slice(0, 3);
  const last = (p) => {
    const [y, m = 12, d = 31] = p.split('-').map(Number);
    return [y, m, d];
  };
  const key = ([y, m, d]) => y * 10000 + m * 100 + d;
  return { first: key(first(parts[0])), last: key(last(parts.at(-1))) };
}

test('the reading list shows events and figures in date order and switches order', async () => {
  const session = await open('?lang=en&d=qz2023');
  const { page } = session;
  const oldest = await listed(page);
  assert.ok(oldest.length > 10, `${oldest.length} items`);
  assert.ok(oldest.some((i) => i.meta.startsWith('Figure')) && oldest.some((i) => i.meta.startsWith('Event')), 'events and figures together');
  const starts = oldest.map((i) => days(i.date).first);
  for (let i = 1; i < starts.length; i++) {
    assert.ok(Math.floor(starts[i - 1] / 10000) <= Math.floor(starts[i] / 10000), `year order at ${i}: ${oldest[i - 1].date} then ${oldest[i].date}`);
  }
  assert.match(await page.textContent('[data-testid=reading-count]'), /^\d+ records · \d+ figures? · \d+ events? in \d{4}/);
  await page.click('[data-testid=reading-list] button[data-order=newest]');
  await waitForParam(page, 'order', 'newest');
  await page.waitForFunction((first) => document.querySelector('.reading-item')?.dataset.record !== first, oldest[0].id, { timeout: PATIENCE })
    .catch(async () => assert.fail(`the list did not change order; first is still ${oldest[0].id}`));
  const newest = await listed(page);
  assert.equal(newest.length, oldest.length);
  const ends = newest.map((i) => Math.floor(days(i.date).last / 10000));
  for (let i = 1; i < ends.length; i++) assert.ok(ends[i - 1] >= ends[i], `newest first at ${i}: ${newest[i - 1].date} then ${newest[i].date}`);
  const headings = await page.locator('.reading-year').allTextContents();
  assert.deepEqual(headings, [...headings].sort().reverse(), 'year headings newest first');
  session.assertClean();
  await session.close();
});

test('a single-year figure found by search is listed and drawn, not "no records"', async () => {
  const session = await open('?lang=en&q=973.27');
  const { page } = session;
  assert.equal(await page.locator('[data-testid=no-match]').count(), 0);
  const items = await listed(page);
  assert.equal(items.length, 1, JSON.stringify(items));
  const mark = page.locator(`.timeline .mark[data-record="${items[0].id}"]`);
  await mark.waitFor();
  assert.match(await page.textContent('[data-testid=reading-count]'), /^1 record · 1 figure · 0 events in /);
  assert.ok((await mark.locator('.mark-label').textContent()).length > 0, 'the mark is labelled');
  session.assertClean();
  await session.close();
});

test('a month window lists that month of the provincial bulletin in date order, with month ticks', async () => {
  const session = await open('?lang=en&d=fj2021&tl=2021-10');
  const { page } = session;
  assert.equal(await page.textContent('[data-testid=timeline-range]'), '2021-10');
  assert.ok((await page.locator('.axis .tick.month').count()) >= 1, 'month ticks');
  const items = await listed(page);
  const events = items.filter((i) => i.meta.startsWith('Event'));
  assert.ok(events.length > 1, JSON.stringify(items));
  for (const item of items) {
    const { first, last } = days(item.date);
    assert.ok(first <= 20211031 && last >= 20211001, `${item.date} overlaps October 2021`);
  }
  const starts = items.map((i) => days(i.date).first);
  const months = starts.map((s) => Math.floor(s / 100));
  for (let i = 1; i < months.length; i++) assert.ok(months[i - 1] <= months[i], `month order at ${i}`);
  assert.ok((await page.locator('.reading-month', { hasText: 'October 2021' }).count()) === 1, 'an October 2021 heading');
  await screenshot(page, 'reading-month-en');
  session.assertClean();
  await session.close();
});

test('a window opened by a link zooms out, in and pans from there', async () => {
  // the window comes from the link, so the controls are the first to work out the fitted one
  const session = await open('?lang=en&d=fj2021&tl=2021-10');
  const { page } = session;
  const range = page.locator('[data-testid=timeline-range]');
  for (const [control, tl, label] of [
    ['[data-zoom=out]', '2021-09..2021-11', '2021-09 – 2021-11'],
    ['[data-pan=later]', '2021-10..2021-12', '2021-10 – 2021-12'],
    ['[data-zoom=in]', '2021-11', '2021-11'],
  ]) {
    await page.click(control);
    await waitForParam(page, 'tl', tl);
    await page.locator('[data-testid=timeline-range]', { hasText: label }).waitFor({ timeout: PATIENCE });
  }
  assert.equal(await range.textContent(), '2021-11');
  session.assertClean();
  await session.close();
});

test('Enter on a list item opens the record', async () => {
  const session = await open('?lang=en&d=np2024');
  const { page } = session;
  const first = page.locator('.reading-item').first();
  const id = await first.getAttribute('data-record');
  await first.focus();
  await page.keyboard.press('Enter');
  await waitForParam(page, 'rec', id);
  assert.equal(await page.locator('[data-testid=record]').getAttribute('data-record'), id);
  session.assertClean();
  await session.close();
});

test('mark labels are visible and hit areas are at least 24 px', async () => {
  const session = await open('?lang=en&r=quanzhou');
  const { page } = session;
  await page.locator('.timeline .mark').first().waitFor();
  const sizes = await page.locator('.timeline .lane-track .mark').evaluateAll((ms) =>
    ms.map((m) => {
      const box = m.getBoundingClientRect();
      const label = m.querySelector('.mark-label');
      return { id: m.dataset.record ?? m.dataset.group ?? m.dataset.period, w: box.width, h: box.height, label: label ? label.getBoundingClientRect().width : -1 };
    }),
  );
  const small = sizes.filter((s) => s.w < 24 || s.h < 24);
  assert.deepEqual(small, [], 'every mark is at least 24 × 24 px');
  const labelled = sizes.filter((s) => s.label > 20);
  assert.ok(labelled.length >= sizes.length / 2, `${labelled.length} of ${sizes.length} marks show a label`);
  // the ten figures of 2018–2023 are one group mark that opens in place under its lane
  const group = page.locator('.lane[data-lane=quanzhou] .mark.group').first();
  await group.waitFor();
  assert.match(await group.textContent(), /^\d+ figures /);
  await group.click();
  const list = page.locator('.lane[data-lane=quanzhou] [data-testid=cluster-list]');
  await list.waitFor();
  assert.ok((await list.locator('button[data-record]').count()) > 1);
  session.assertClean();
  await session.close();
});

test('outside the window the timeline says where the records are, and one click shows them', async () => {
  const session = await open('?lang=en&d=fj2021&tl=2014');
  const { page } = session;
  assert.equal(await page.locator('[data-testid=no-match]').count(), 0);
  const note = page.locator('[data-testid=timeline-outside]');
  await note.waitFor();
  assert.match(await note.textContent(), /\d+ records? after 2014/);
  await note.locator('button').click();
  await waitForParam(page, 'tl', null);
  await page.locator('.timeline .mark').first().waitFor();
  session.assertClean();
  await session.close();
});

test('on a phone the list is readable and its items large enough to tap', async () => {
  const session = await open('?lang=zh&d=fz2021', { viewport: MOBILE });
  const { page } = session;
  const item = page.locator('.reading-item').first();
  await item.waitFor();
  const box = await item.boundingBox();
  assert.ok(box.height >= 44 && box.width <= 390, JSON.stringify(box));
  assert.match(await page.textContent('[data-testid=reading-count]'), /条记录/);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scroll');
  await screenshot(page, 'reading-phone-zh');
  session.assertClean();
  await session.close();
});
