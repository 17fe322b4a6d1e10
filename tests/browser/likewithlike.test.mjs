// Charts compare like with like: flagged figures are listed under the chart with the reason,
// the money chart sums only money spent and says so in its title, and an old indicator id in
// a link opens its successor with a notice naming it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, waitForParam, screenshot, openApp } from './harness.mjs';

const env = useServerAndBrowser([{ prefix: '/', dir: 'dist' }]);

async function openChart(path) {
  const session = await openApp(env, path);
  await session.page.waitForSelector('.chart canvas[data-hits]');
  return session;
}

const leftOut = (page) =>
  page.$$eval('[data-testid=chart-left-out] li[data-record]', (items) => items.map((li) => [li.dataset.record, li.textContent]));

test('contradicted figures are left out of the bars and listed with why', async () => {
  const session = await openChart('?lang=en&tab=charts&chart=bars&ind=recuperation_workers');
  const { page } = session;
  const rows = await page.$$eval('[data-testid=chart-data] tbody tr', (rs) => rs.map((r) => r.dataset.region));
  assert.ok(!rows.includes('quanzhou'), `no Quanzhou bar: ${rows}`);
  const listed = await leftOut(page);
  assert.deepEqual(listed.map((l) => l[0]), ['qz2023-f048', 'qz2023-f049']);
  assert.ok(listed.every((l) => /contradicted/.test(l[1])), JSON.stringify(listed));
  assert.equal(await page.textContent('[data-testid=chart-left-out] h3'), '2 figures left out of this comparison');
  // a listed figure opens its record
  await page.click('[data-testid=chart-left-out] li[data-record=qz2023-f048] button');
  await waitForParam(page, 'rec', 'qz2023-f048');
  session.assertClean();
  await session.close();
});

test('the money chart sums money spent, says so in its title and lists the rest', async () => {
  const session = await openChart('?lang=en&tab=charts&chart=money&r=quanzhou');
  const { page } = session;
  const title = await page.getAttribute('.chart canvas', 'aria-label');
  assert.match(title, /^Union money spent or paid out, by category and region/);
  const caption = await page.textContent('[data-testid=chart-data] caption');
  assert.match(caption, /Union money spent or paid out/);
  const listed = await leftOut(page);
  const ids = listed.map((l) => l[0]);
  for (const id of ['qz2023-f021', 'qz2023-f033', 'qz2023-f038']) assert.ok(ids.includes(id), `${id} listed: ${ids}`);
  assert.ok(listed.find((l) => l[0] === 'qz2023-f021')[1].includes('not union money'), JSON.stringify(listed));
  const label = await page.textContent('[data-testid=chart-data] tbody th');
  assert.match(label, /Quanzhou \(2018/);
  await screenshot(page, 'charts-money-left-out-desktop-en');
  session.assertClean();
  await session.close();
});

test('an old indicator id opens its successor and the notice says what it became', async () => {
  const session = await openChart('?lang=en&tab=charts&chart=bars&ind=summer_cooling_funds');
  const { page } = session;
  const notice = await page.textContent('[data-testid=ignored-params]');
  assert.match(notice, /ind=summer_cooling_funds \(renamed to summer_cooling_funds_spent\)/);
  assert.equal(await page.inputValue('[data-testid=indicator]'), 'summer_cooling_funds_spent');
  session.assertClean();
  await session.close();
});
