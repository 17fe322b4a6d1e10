// Report texts supplied by the reader, on the release build: fetched from the folder src= names,
// picked with the file input or dropped on the page; a record's excerpt with its token marked;
// the reader with line numbers, opened at a cited line; every file that does not fit is named.
// The texts are the source reports in ../shared/seeds: without that folder these tests skip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ROOT, useServerAndBrowser, waitForParam, screenshot, MOBILE, openApp, PATIENCE } from './harness.mjs';

const SEEDS = resolve(ROOT, '../shared/seeds');
const skip = existsSync(SEEDS) ? false : `no source folder at ${SEEDS}: the report texts are needed`;

const env = useServerAndBrowser([
  { prefix: '/', dir: 'dist' },
  { prefix: '/seeds/', dir: '../shared/seeds' },
]);

const AXE_SOURCE = existsSync(join(ROOT, 'node_modules/axe-core/axe.min.js'))
  ? await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')
  : null;

/** Each report's document id and file name, from data/reports/*.toml. */
const DOCS = {
  fj2021: '000_a696d63ffd00db1f.txt',
  fj2014: '001_b7ddefe007dc4d81.txt',
  qz2023: '002_bbca9678028a6cab.txt',
  fz2021: '003_2e47fc7970eadc5c.txt',
  np2024: '004_155a2bea13e01da4.txt',
};

/** A fact's line and raw token as the dataset has them. */
async function fact(doc, id) {
  const toml = await readFile(join(ROOT, 'data/reports', `${doc}.toml`), 'utf8');
  const block = toml.split('[[fact]]').find((b) => b.includes(`id = "${id}"`));
  assert.ok(block, `no fact ${id} in ${doc}.toml`);
  return { line: Number(/^line = (\d+)/m.exec(block)[1]), raw: /^raw = "(.*)"/m.exec(block)[1] };
}

const seed = (name) => readFile(join(SEEDS, name), 'utf8');

const open = (path, options = {}) => openApp(env, path, { locale: 'en-US', ...options });

/** Serious and critical axe findings on the page as it is now. */
async function axeProblems(page) {
  if (!AXE_SOURCE) return [];
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
  });
}

/** Waits until line `number` of the reader is inside the window; fails saying where it was. */
async function waitForLineInView(page, number) {
  try {
    await page.waitForFunction((n) => {
      const line = document.getElementById(`line-${n}`);
      if (!line) return false;
      const box = line.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }, number, { timeout: PATIENCE });
  } catch {
    const seen = await page.evaluate((n) => {
      const line = document.getElementById(`line-${n}`);
      return line ? `top ${line.getBoundingClientRect().top}, window ${window.innerHeight}` : 'no such line';
    }, number);
    throw new Error(`line ${number} did not come into view (${seen})`);
  }
}

test('src= fetches the texts: a record shows its cited line with the token marked, and opens the reader there', { skip }, async () => {
  const { line, raw } = await fact('qz2023', 'qz2023-f001');
  const session = await open(`?lang=en&src=/seeds/&rec=qz2023-f001`);
  const { page } = session;
  const excerpt = page.locator('[data-testid=record] [data-testid=source-excerpt]');
  await excerpt.waitFor({ timeout: PATIENCE });
  const marks = await excerpt.locator('mark').allTextContents();
  assert.equal(marks.join('').replace(/\s+/g, ''), raw.replace(/\s+/g, ''), `marked: ${marks.join(' | ')}`);
  // the cited line with three lines either side (fewer at the start of the text)
  const numbers = (await excerpt.locator('li[data-line]').evaluateAll((lis) => lis.map((li) => Number(li.dataset.line))));
  const expected = [];
  for (let n = Math.max(1, line - 3); n <= line + 3; n += 1) expected.push(n);
  assert.deepEqual(numbers, expected);
  assert.equal(await excerpt.locator('li.cited').getAttribute('data-line'), String(line));
  assert.match(await excerpt.locator('li.cited .line-no').textContent(), new RegExp(`^${line}$`));
  // the excerpt is text: the file's line as printed
  const printed = (await seed(DOCS.qz2023)).split('\n')[line - 1];
  assert.equal(await excerpt.locator('li.cited .line-text').textContent(), printed);
  assert.deepEqual(await axeProblems(page), []);
  await screenshot(page, 'sources-excerpt-desktop-en', { fullPage: false });

  await excerpt.locator('[data-testid=read-in-report]').click();
  await waitForParam(page, 'read', 'qz2023');
  await waitForParam(page, 'line', String(line));
  assert.equal(new URL(page.url()).searchParams.get('tab'), 'documents');
  assert.equal(await page.locator('[data-testid=record]').count(), 0);
  const lines = page.locator('[data-testid=reader-lines] > li');
  const total = (await seed(DOCS.qz2023)).replace(/\n$/, '').split('\n').length;
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=reader-lines] > li').length === n, total);
  await waitForLineInView(page, line);
  assert.equal(await page.locator('li.target').getAttribute('data-line'), String(line));
  session.assertClean();
  await session.close();
});

test('the reader opened by a link scrolls to its line; its record buttons open records', { skip }, async () => {
  const { line } = await fact('np2024', 'np2024-f010');
  const session = await open(`?lang=zh&tab=documents&src=/seeds/&read=np2024&line=${line}`);
  const { page } = session;
  await page.locator('[data-testid=reader-lines]').waitFor({ timeout: PATIENCE });
  await waitForLineInView(page, line);
  const first = page.locator('[data-testid=reader-lines] > li').first();
  assert.equal(await first.locator('.line-no').textContent(), '1');
  const chip = page.locator(`#line-${line} button[data-record=np2024-f010]`);
  assert.equal(await page.locator(`#line-${line}`).evaluate((li) => li.classList.contains('has-records')), true);
  assert.ok((await page.locator(`#line-${line} mark`).count()) > 0, 'the cited token is marked in the reader');
  assert.deepEqual(await axeProblems(page), []);
  await chip.click();
  await waitForParam(page, 'rec', 'np2024-f010');
  await page.locator('[data-testid=record] [data-testid=source-excerpt]').waitFor();
  await page.keyboard.press('Escape');
  await waitForParam(page, 'rec', null);
  await page.click('[data-testid=reader-back]');
  await waitForParam(page, 'read', null);
  await page.locator('[data-testid=documents]').waitFor();
  session.assertClean();
  await session.close();
});

test('picking the five files opens every report; each card reads its report', { skip }, async () => {
  const session = await open('?lang=en&tab=documents');
  const { page } = session;
  assert.match(await page.textContent('[data-testid=texts-status]'), /No report text is open/);
  assert.equal(await page.locator('[data-testid=read-report]').count(), 0);
  await page.setInputFiles('[data-testid=texts-file]', Object.values(DOCS).map((name) => join(SEEDS, name)));
  await page.waitForFunction(() => /5 of 5 reports' texts are open/.test(document.querySelector('[data-testid=texts-status]').textContent));
  assert.equal(await page.locator('[data-testid=read-report]').count(), 5);
  assert.equal(await page.locator('[data-testid=texts-problems]').count(), 0);
  await page.click('article[data-doc=fz2021] [data-testid=read-report]');
  await waitForParam(page, 'read', 'fz2021');
  await page.locator('[data-testid=reader-lines]').waitFor();
  const fz = (await seed(DOCS.fz2021)).replace(/\n$/, '').split('\n').length;
  assert.match(await page.textContent('[data-testid=report-reader]'), new RegExp(`003_2e47fc7970eadc5c\\.txt · ${fz} lines`));
  // the texts stay while the reader moves about, and the record view shows excerpts
  await page.click('[data-testid=reader-lines] button[data-record]');
  await page.locator('[data-testid=record] [data-testid=source-excerpt] mark').first().waitFor();
  session.assertClean();
  await session.close();
});

test('a wrong name, a truncated copy and another version are named in the notice, and not used', { skip }, async () => {
  const session = await open('?lang=en&tab=documents');
  const { page } = session;
  const qz = await seed(DOCS.qz2023);
  const np = await seed(DOCS.np2024);
  const npFact = await fact('np2024', 'np2024-f010');
  const edited = np.split('\n').map((l, i) => (i === npFact.line - 1 ? l.replace(/[0-9]/g, '') : l)).join('\n');
  await page.setInputFiles('[data-testid=texts-file]', [
    { name: 'quanzhou.txt', mimeType: 'text/plain', buffer: Buffer.from(qz) },
    { name: DOCS.qz2023, mimeType: 'text/plain', buffer: Buffer.from(qz.split('\n').slice(0, 20).join('\n')) },
    { name: DOCS.np2024, mimeType: 'text/plain', buffer: Buffer.from(edited) },
  ]);
  const notice = page.locator('[data-testid=texts-problems]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=texts-problems] li').length === 3);
  const text = await notice.textContent();
  assert.match(text, /quanzhou\.txt: no report of this dataset has this file name \(expected: .*002_bbca9678028a6cab\.txt/);
  assert.match(text, new RegExp(`002_bbca9678028a6cab\\.txt: it has \\d+ lines, but the dataset cites line \\d+ of report qz2023`));
  assert.match(text, /004_155a2bea13e01da4\.txt: \d+ citations? the dataset makes to report np2024 (is|are) not on/);
  assert.match(text, new RegExp(`line ${npFact.line} should hold '[^']+' \\(np2024-[fe]\\d+\\)`));
  assert.match(await page.textContent('[data-testid=texts-status]'), /No report text is open/);
  await screenshot(page, 'sources-problems-desktop-en', { fullPage: false });
  await notice.locator('button').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=texts-problems]'));
  // the right file still opens afterwards
  await page.setInputFiles('[data-testid=texts-file]', [{ name: DOCS.qz2023, mimeType: 'text/plain', buffer: Buffer.from(qz) }]);
  await page.waitForFunction(() => /1 of 5 reports' texts is open/.test(document.querySelector('[data-testid=texts-status]').textContent));
  session.assertClean();
  await session.close();
});

test('dropping .txt files on the page opens them; on a phone, in the dark, the reader fits', { skip }, async () => {
  const session = await open('?lang=zh&tab=documents', { viewport: MOBILE, colorScheme: 'dark' });
  const { page } = session;
  const texts = await Promise.all(Object.values(DOCS).map(async (name) => [name, await seed(name)]));
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const [name, text] of files) transfer.items.add(new File([text], name, { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, texts);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=read-report]').length === 5);
  assert.match(await page.textContent('[data-testid=texts-status]'), /已打开 5 份报告中 5 份的原文/);
  // the dataset on screen is still the built-in one
  assert.equal(await page.locator('[data-testid=origin-banner]').count(), 0);
  await page.click('article[data-doc=qz2023] [data-testid=read-report]');
  await page.locator('[data-testid=reader-lines]').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  assert.deepEqual(await axeProblems(page), []);
  await screenshot(page, 'sources-reader-mobile-zh', { fullPage: false });
  session.assertClean();
  await session.close();
});
