// Accessibility on the release build: axe-core finds no serious or critical problem on any
// view, with a record open, in Chinese and English, light and dark; and everything a mouse
// does can be done from the keyboard alone, with focus always visible and never lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, useServerAndBrowser, openPage, waitForApp, waitForParam, MOBILE, PATIENCE } from './harness.mjs';

const env = useServerAndBrowser([{ prefix: '/', dir: 'dist' }]);

const AXE_SOURCE = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical axe violations on the page as it is now, one line per rule and
 * element. axe goes in through the devtools protocol (page.evaluate of its source): the
 * page's policy forbids inline scripts, so a script tag would not run.
 */
async function axeProblems(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}, ${v.help}): ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
  });
}

/** Collects axe problems view by view; `assertNone` fails listing each once, with the views it is in. */
function axeReport() {
  const seen = new Map();
  return {
    async check(page, view) {
      for (const problem of await axeProblems(page)) seen.set(problem, [...(seen.get(problem) ?? []), view]);
    },
    assertNone() {
      const lines = [...seen].map(([problem, views]) => `[${views.join(', ')}] ${problem}`);
      if (lines.length) assert.fail(`axe found ${lines.length} serious or critical problems:\n  ${lines.join('\n  ')}`);
    },
  };
}

/** Clicks a tab and waits until its view has drawn `ready`. */
async function showTab(page, tab, ready) {
  await page.click(`nav.tabs button[data-tab=${tab}]`);
  await waitForParam(page, 'tab', tab === 'timeline' ? null : tab);
  await page.waitForSelector(ready);
}

for (const colorScheme of ['light', 'dark']) {
  for (const lang of ['zh', 'en']) {
    test(`axe: every view, and a record, in ${lang}, ${colorScheme}`, async () => {
      const session = await openPage(env.browser, { colorScheme });
      const { page } = session;
      await page.goto(`${env.server.origin}/?lang=${lang}`);
      await waitForApp(page);
      await page.waitForSelector('.timeline .mark');
      const axe = axeReport();
      await axe.check(page, 'timeline');
      await showTab(page, 'charts', '.chart canvas[data-hits]');
      await axe.check(page, 'charts');
      await showTab(page, 'map', '.map canvas[data-hits]');
      await page.hover('.map-tile[data-region=quanzhou]');
      await page.locator('[data-testid=map-tooltip]').waitFor();
      await axe.check(page, 'map');
      await showTab(page, 'table', 'table.facts tbody tr');
      await axe.check(page, 'table');
      await page.locator('table.facts tbody tr').first().click();
      await page.locator('[data-testid=record]').waitFor();
      await axe.check(page, 'figure record');
      await page.keyboard.press('Escape');
      await waitForParam(page, 'rec', null);
      await showTab(page, 'documents', '.doc-card');
      await axe.check(page, 'documents');
      await showTab(page, 'timeline', '.timeline .mark.event');
      await page.locator('.timeline .mark.event').first().click();
      await page.locator('[data-testid=record]').waitFor();
      await axe.check(page, 'event record');
      axe.assertNone();
      session.assertClean();
      await session.close();
    });
  }
}

test('axe: the filter drawer and a chart at phone size', async () => {
  const session = await openPage(env.browser, { viewport: MOBILE });
  const { page } = session;
  await page.goto(`${env.server.origin}/?lang=zh&tab=charts&chart=money`);
  await waitForApp(page);
  await page.waitForSelector('.chart canvas[data-hits]');
  const axe = axeReport();
  await axe.check(page, 'phone chart');
  await page.click('.filters-toggle');
  await page.locator('#filters').waitFor();
  await axe.check(page, 'phone filter drawer');
  axe.assertNone();
  session.assertClean();
  await session.close();
});

/** What the focused element is, for failure messages: `button.mark[data-record=…] "label"`. */
const focused = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return '(nothing: the page body)';
    const attrs = ['name', 'value', 'data-tab', 'data-record', 'data-sort', 'data-region'].filter((n) => a.hasAttribute(n)).map((n) => `[${n}=${a.getAttribute(n)}]`);
    const label = (a.getAttribute('aria-label') ?? a.textContent ?? '').trim().slice(0, 40);
    return `${a.tagName.toLowerCase()}${a.className ? `.${String(a.className).trim().replace(/\s+/g, '.')}` : ''}${attrs.join('')} "${label}"`;
  });

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element matches `selector`; fails
 * listing where focus went on the way.
 */
async function tabTo(page, selector, { back = false, max = 300 } = {}) {
  const path = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    path.push(await focused(page));
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${selector} in ${max} presses; focus went:\n  ${path.slice(-40).join('\n  ')}`);
}

/** The focused element shows a focus ring: an outline or a box shadow. */
async function assertFocusVisible(page, what) {
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow };
  });
  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  assert.ok(outlined || style.boxShadow !== 'none', `${what} (${await focused(page)}) has no visible focus indicator: ${JSON.stringify(style)}`);
}

const activeMatches = (page, selector) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

test('keyboard only: filters, tabs, a timeline record, a chart pick and a table sort', async () => {
  const session = await openPage(env.browser);
  const { page } = session;
  await page.goto(`${env.server.origin}/?lang=en`);
  await waitForApp(page);
  await page.waitForSelector('.timeline .mark');

  // a region and a category, on and off again
  await tabTo(page, 'input[name=region][value=quanzhou]');
  await assertFocusVisible(page, 'a region checkbox');
  await page.keyboard.press('Space');
  await waitForParam(page, 'r', 'quanzhou');
  await page.keyboard.press('Space');
  await waitForParam(page, 'r', null);
  await tabTo(page, 'input[name=category][value=assistance_welfare]');
  await assertFocusVisible(page, 'a category checkbox');
  await page.keyboard.press('Space');
  await waitForParam(page, 'c', 'assistance_welfare');
  assert.ok(await activeMatches(page, 'input[name=category][value=assistance_welfare]:checked'), `focus stays on the checked box, not ${await focused(page)}`);
  await page.keyboard.press('Space');
  await waitForParam(page, 'c', null);

  // the tab bar is one Tab stop; arrow keys move between the views
  await tabTo(page, 'nav.tabs [role=tab][aria-selected=true]', { back: true });
  await assertFocusVisible(page, 'a tab');
  await page.keyboard.press('ArrowRight');
  await waitForParam(page, 'tab', 'charts');
  assert.ok(await activeMatches(page, '[data-tab=charts][aria-selected=true]'), `focus follows the open tab, not ${await focused(page)}`);
  await page.keyboard.press('ArrowLeft');
  await waitForParam(page, 'tab', null);
  await page.waitForSelector('.timeline .mark');

  // a timeline mark opens its record; Escape closes it and focus goes back to the mark
  await tabTo(page, '.timeline .mark[data-record]');
  await assertFocusVisible(page, 'a timeline mark');
  const id = await page.evaluate(() => document.activeElement.dataset.record);
  await page.keyboard.press('Enter');
  await waitForParam(page, 'rec', id);
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid=record]'), null, { timeout: PATIENCE })
    .catch(async () => assert.fail(`focus did not move into the record dialog: ${await focused(page)}`));
  for (const key of ['Shift+Tab', 'Tab', 'Tab', 'Tab']) {
    await page.keyboard.press(key);
    assert.ok(await activeMatches(page, '[data-testid=record] *'), `${key} took focus out of the open dialog to ${await focused(page)}`);
  }
  await page.keyboard.press('Escape');
  await waitForParam(page, 'rec', null);
  assert.equal(await page.locator('[data-testid=record]').count(), 0);
  await page.waitForFunction((rec) => document.activeElement?.dataset.record === rec, id, { timeout: PATIENCE })
    .catch(async () => assert.fail(`focus did not return to the mark ${id} after closing: ${await focused(page)}`));

  // the chart's data table picks a region as a click on its bar does
  await tabTo(page, 'nav.tabs [role=tab][aria-selected=true]', { back: true });
  await page.keyboard.press('ArrowRight');
  await waitForParam(page, 'tab', 'charts');
  await page.waitForSelector('.chart canvas[data-hits]');
  await tabTo(page, '[data-testid=chart-data] tbody th button');
  await assertFocusVisible(page, 'a chart pick button');
  const region = await page.evaluate(() => document.activeElement.closest('tr').dataset.region);
  await page.keyboard.press('Enter');
  await waitForParam(page, 'r', region);
  await page.waitForFunction(() => document.activeElement?.id === 'chart-data', null, { timeout: PATIENCE })
    .catch(async () => assert.fail(`focus did not move to the redrawn data table: ${await focused(page)}`));

  // the map: every tile a Tab stop with visible focus; Enter filters to its place
  await tabTo(page, 'nav.tabs [role=tab][aria-selected=true]', { back: true });
  await page.keyboard.press('ArrowRight');
  await waitForParam(page, 'tab', 'map');
  await page.locator('.map-tile[data-region=fuzhou]').waitFor({ state: 'visible' });
  await tabTo(page, '.map-tile[data-region]');
  await assertFocusVisible(page, 'a map tile');
  const place = await page.evaluate(() => document.activeElement.dataset.region);
  await page.keyboard.press('Enter');
  await waitForParam(page, 'r', place);
  await page.waitForFunction((p) => document.activeElement?.dataset.region === p, place, { timeout: PATIENCE })
    .catch(async () => assert.fail(`focus left the map tile after Enter: ${await focused(page)}`));

  // the table sorts from its column headers
  await tabTo(page, 'nav.tabs [role=tab][aria-selected=true]', { back: true });
  await page.keyboard.press('ArrowRight');
  await waitForParam(page, 'tab', 'table');
  await tabTo(page, 'table.facts th button[data-sort=value]');
  await assertFocusVisible(page, 'a table header button');
  await page.keyboard.press('Enter');
  await waitForParam(page, 'sort', 'value');
  assert.equal(await page.getAttribute('th:has(button[data-sort=value])', 'aria-sort'), 'ascending');
  await page.keyboard.press('Space');
  await waitForParam(page, 'sort', '-value');
  assert.equal(await page.getAttribute('th:has(button[data-sort=value])', 'aria-sort'), 'descending');

  // a table row opens its record with Enter, and focus comes back to the row
  await tabTo(page, 'table.facts tbody tr[data-record]');
  await assertFocusVisible(page, 'a table row');
  const row = await page.evaluate(() => document.activeElement.dataset.record);
  await page.keyboard.press('Enter');
  await waitForParam(page, 'rec', row);
  await page.keyboard.press('Escape');
  await waitForParam(page, 'rec', null);
  await page.waitForFunction((rec) => document.activeElement?.dataset.record === rec, row, { timeout: PATIENCE })
    .catch(async () => assert.fail(`focus did not return to the row ${row}: ${await focused(page)}`));
  session.assertClean();
  await session.close();
});

test('keyboard only at phone size: the filter drawer takes focus, and Escape closes it and gives focus back', async () => {
  const session = await openPage(env.browser, { viewport: MOBILE });
  const { page } = session;
  await page.goto(`${env.server.origin}/?lang=en`);
  await waitForApp(page);
  await tabTo(page, '.filters-toggle');
  await assertFocusVisible(page, 'the filters button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.closest('#filters'), null, { timeout: PATIENCE })
    .catch(async () => assert.fail(`focus did not move into the opened drawer: ${await focused(page)}`));
  assert.ok(await page.isVisible('#filters'));
  await tabTo(page, 'input[name=category][value=assistance_welfare]');
  await page.keyboard.press('Space');
  await waitForParam(page, 'c', 'assistance_welfare');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.matches('.filters-toggle'), null, { timeout: PATIENCE })
    .catch(async () => assert.fail(`focus did not return to the filters button: ${await focused(page)}`));
  assert.ok(!(await page.isVisible('#filters')), 'Escape closes the drawer');
  assert.equal(await page.getAttribute('.filters-toggle', 'aria-expanded'), 'false');
  session.assertClean();
  await session.close();
});
