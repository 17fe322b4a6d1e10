// The benchmark: load, interaction, memory and scale of the release build in headless
// Chromium. Each timing is the median and the worst of RUNS runs. Writes
// target/bench/results.json and prints a table. Run through `bash dev.sh bench`. Every time is
// taken from the input to the painted view: a chart counts once its canvas is drawn.
import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, ROOT } from '../browser/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/** The scales measured: all three, or those `BENCH_SCALES` lists (`1,100`) for a quick look. */
const BUILDS = [
  { scale: 1, dir: 'dist' },
  { scale: 10, dir: 'target/bench/dist-10x' },
  { scale: 100, dir: 'target/bench/dist-100x' },
].filter((b) => (process.env.BENCH_SCALES ?? '1,10,100').split(',').map(Number).includes(b.scale));
/** The outside dataset opened through `data=`: the synthetic one at 150x, about 30 MB. */
const OUTSIDE = { dir: 'target/bench', file: 'data-150x.json' };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const summary = (xs) => ({ median: round(median(xs)), worst: round(Math.max(...xs)), runs: xs.length });
const round = (x) => Math.round(x * 10) / 10;

/** Raw, gzip and brotli sizes of every file the first load fetched. */
async function bytes(dir, fetched) {
  const files = [];
  for (const name of (await readdir(join(ROOT, dir))).sort()) {
    if (!fetched.has(name)) continue;
    const body = await readFile(join(ROOT, dir, name));
    files.push({
      file: name,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  const total = (key) => files.reduce((sum, f) => sum + f[key], 0);
  return { files, total: { raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') } };
}

/**
 * Installed in every page: resolves once what the last input changed is painted. By the next
 * animation frame every task and microtask the input started has run; a chart canvas whose
 * drawing is still to come says `data-paint="pending"` (the app sets `done` right after the
 * drawing is presented), and then the wait goes on until it is painted and one more frame has
 * shown it. The `setTimeout` after the frame lets the browser finish that frame's paint.
 */
function installAfterPaint() {
  const pending = () => document.querySelector('canvas[data-paint]:not([data-paint=done])');
  const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
  window.__ueAfterPaint = async () => {
    await nextFrame();
    if (pending()) {
      await new Promise((done, fail) => {
        const observer = new MutationObserver(() => {
          if (!pending()) {
            observer.disconnect();
            clearTimeout(timer);
            done();
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-paint'] });
        const timer = setTimeout(() => {
          observer.disconnect();
          fail(new Error(`the chart was still "${pending()?.getAttribute('data-paint')}" 10 s after the input`));
        }, 10000);
      });
      await nextFrame();
    }
    await new Promise((done) => setTimeout(done, 0));
  };
}

/** Click `selector` and wait until the view it changes is painted; milliseconds. */
const timeToPaint = (page, selector) =>
  page.evaluate(async (selector) => {
    const target = document.querySelector(selector);
    const start = performance.now();
    target.click();
    await window.__ueAfterPaint();
    return performance.now() - start;
  }, selector);

/** Type one character into the search box and wait until the view is painted. */
const keystrokeToPaint = (page, text) =>
  page.evaluate(async (text) => {
    const input = document.querySelector('#search');
    const start = performance.now();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await window.__ueAfterPaint();
    return performance.now() - start;
  }, text);

const memory = (page) =>
  page.evaluate(() => ({
    wasm: window.__ueWasmMemory?.buffer.byteLength ?? 0,
    js: performance.memory?.usedJSHeapSize ?? 0,
  }));

async function measure(browser, origin, build) {
  const figures = { start: [], decode: [], index: [], memoryAfterLoad: [], memoryBefore100: [], memoryAfter100: [], longestStartTask: [], longestInteractionTask: [] };
  const interactions = {};
  const fetched = new Set();
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('response', (r) => fetched.add(new URL(r.url()).pathname.split('/').pop() || 'index.html'));
    await page.addInitScript(installAfterPaint);
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${origin}/?lang=en`);
    await page.waitForFunction(() => performance.getEntriesByName('ue:first-view').length > 0, null, { timeout: 60000 });
    await page.waitForFunction(() => performance.getEntriesByName('ue:search-ready').length > 0, null, { timeout: 60000 });
    const marks = await page.evaluate(() => ({
      start: performance.getEntriesByName('ue:first-view')[0].startTime,
      ready: performance.getEntriesByName('ue:search-ready')[0].startTime,
      decode: performance.getEntriesByName('ue:decode')[0]?.duration ?? NaN,
      index: performance.getEntriesByName('ue:index')[0]?.duration ?? NaN,
    }));
    figures.start.push(marks.start);
    figures.decode.push(marks.decode);
    figures.index.push(marks.index);
    const loaded = await memory(page);
    figures.memoryAfterLoad.push(loaded.wasm + loaded.js);

    // the page opens on the timeline: each tab is switched to from the one before it, the
    // timeline from the table
    const tabs = ['timeline', 'charts', 'table'];
    for (const [n, tab] of tabs.entries()) {
      if (n === 0) {
        await page.click('nav.tabs button[data-tab=table]');
        await page.evaluate(() => window.__ueAfterPaint());
      }
      (interactions[`${tab}: switch to the tab`] ??= []).push(await timeToPaint(page, `nav.tabs button[data-tab=${tab}]`));
      await page.waitForTimeout(50);
      const filter = await timeToPaint(page, 'input[name=category][value=assistance_welfare]');
      const unfilter = await timeToPaint(page, 'input[name=category][value=assistance_welfare]');
      const key = await keystrokeToPaint(page, 'g');
      await keystrokeToPaint(page, '');
      for (const [name, ms] of [[`${tab}: filter`, filter], [`${tab}: unfilter`, unfilter], [`${tab}: search keystroke`, key]]) {
        (interactions[name] ??= []).push(ms);
      }
    }
    await page.click('nav.tabs button[data-tab=table]');
    await page.evaluate(() => window.__ueAfterPaint());
    // after every tab has been drawn once: what the 100 changes themselves add
    const before = await memory(page);
    figures.memoryBefore100.push(before.wasm + before.js);
    for (let i = 0; i < 100; i++) await timeToPaint(page, 'input[name=category][value=funding]');
    const after = await memory(page);
    figures.memoryAfter100.push(after.wasm + after.js);
    // tasks over 50 ms: those until the search text is made (just after the first view) belong
    // to the start, the rest to interactions
    const tasks = await page.evaluate(() => window.__longTasks);
    const longest = (keep) => Math.max(0, ...tasks.filter(keep).map((t) => t.duration));
    figures.longestStartTask.push(longest((t) => t.start < marks.ready));
    figures.longestInteractionTask.push(longest((t) => t.start >= marks.ready));
    await context.close();
  }
  return {
    scale: build.scale,
    records: await recordCount(browser, origin),
    bytes: await bytes(build.dir, fetched),
    start_ms: summary(figures.start),
    decode_ms: summary(figures.decode),
    index_ms: summary(figures.index),
    interaction_ms: Object.fromEntries(Object.entries(interactions).map(([k, v]) => [k, summary(v)])),
    longest_start_task_ms: summary(figures.longestStartTask),
    longest_interaction_task_ms: summary(figures.longestInteractionTask),
    memory_after_load_bytes: summary(figures.memoryAfterLoad),
    memory_before_100_changes_bytes: summary(figures.memoryBefore100),
    memory_after_100_changes_bytes: summary(figures.memoryAfter100),
  };
}

/**
 * Opens an outside dataset of about 30 MB (`file`, served beside the 1x build) through `data=`:
 * the time from the address to its records on screen, and the longest task meanwhile (it is
 * read, decoded and checked in slices).
 */
async function measureOutside(browser, origin, file) {
  const figures = { open: [], longestTask: [] };
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.addInitScript(installAfterPaint);
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${origin}/?lang=en&tab=documents`);
    await page.waitForFunction(() => performance.getEntriesByName('ue:search-ready').length > 0, null, { timeout: 60000 });
    const opened = await page.evaluate(async (file) => {
      const start = performance.now();
      const before = window.__longTasks.length;
      const input = document.querySelector('#dataset-address');
      input.value = file;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.form.requestSubmit();
      await new Promise((done) => {
        const shown = () => document.querySelector('[data-testid=origin-banner]');
        if (shown()) return done();
        const observer = new MutationObserver(() => shown() && (observer.disconnect(), done()));
        observer.observe(document.body, { subtree: true, childList: true });
      });
      await window.__ueAfterPaint();
      const tasks = window.__longTasks.slice(before).map((t) => t.duration);
      return { ms: performance.now() - start, longest: Math.max(0, ...tasks) };
    }, file);
    figures.open.push(opened.ms);
    figures.longestTask.push(opened.longest);
    await context.close();
  }
  return { open_ms: summary(figures.open), longest_task_ms: summary(figures.longestTask) };
}

async function recordCount(browser, origin) {
  const page = await browser.newPage();
  await page.goto(`${origin}/?lang=en`);
  await page.waitForSelector('[data-testid=record-count]');
  const count = Number((await page.textContent('[data-testid=record-count]')).match(/\d+/)[0]);
  await page.close();
  return count;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;

const browser = await launch();
const results = { machine: `${process.platform} ${process.arch}, ${(await import('node:os')).cpus().length} cores, Chromium headless`, runs: RUNS, longest_task_note: 'the browser reports tasks of 50 ms or more; 0 means none was that long', builds: [] };
try {
  for (const build of BUILDS) {
    const server = await serve([{ prefix: '/', dir: build.dir }, { prefix: '/outside/', dir: OUTSIDE.dir }]);
    try {
      results.builds.push(await measure(browser, server.origin, build));
      if (build.scale === 1) results.outside = { file: OUTSIDE.file, bytes: (await readFile(join(ROOT, OUTSIDE.dir, OUTSIDE.file))).length, ...(await measureOutside(browser, server.origin, `/outside/${OUTSIDE.file}`)) };
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
await mkdir(join(ROOT, 'target/bench'), { recursive: true });
await writeFile(join(ROOT, 'target/bench/results.json'), JSON.stringify(results, null, 2));

const rows = [['figure', ...results.builds.map((b) => `${b.scale}x (${b.records} records)`)]];
const row = (name, pick) => rows.push([name, ...results.builds.map(pick)]);
const ms = (s) => `${s.median} / ${s.worst} ms`;
row('transfer gzip (brotli)', (b) => `${kb(b.bytes.total.gzip)} (${kb(b.bytes.total.brotli)})`);
row('transfer raw', (b) => kb(b.bytes.total.raw));
row('first full view', (b) => ms(b.start_ms));
row('decode dataset', (b) => ms(b.decode_ms));
row('index dataset', (b) => ms(b.index_ms));
for (const name of Object.keys(results.builds[0].interaction_ms)) row(name, (b) => ms(b.interaction_ms[name]));
// The browser reports only tasks of 50 ms or more, so 0 means that none was that long.
const taskMs = (duration) => (duration === 0 ? '< 50' : `${duration}`);
const tasks = (s) => `${taskMs(s.median)} / ${taskMs(s.worst)} ms`;
row('longest task, start', (b) => tasks(b.longest_start_task_ms));
row('longest task, interactions', (b) => tasks(b.longest_interaction_task_ms));
row('memory after load', (b) => `${mb(b.memory_after_load_bytes.median)} / ${mb(b.memory_after_load_bytes.worst)}`);
row('memory before 100 changes', (b) => `${mb(b.memory_before_100_changes_bytes.median)} / ${mb(b.memory_before_100_changes_bytes.worst)}`);
row('memory after 100 changes', (b) => `${mb(b.memory_after_100_changes_bytes.median)} / ${mb(b.memory_after_100_changes_bytes.worst)}`);
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`median / worst of ${RUNS} runs; ${results.machine}`);
for (const r of rows) console.log(`| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`);
const o = results.outside;
if (o) console.log(`\nopening an outside dataset of ${mb(o.bytes)} (${o.file}) through the address field: ${ms(o.open_ms)} to its records on screen; longest task ${tasks(o.longest_task_ms)}`);
console.log('\nper file (1x):');
for (const f of results.builds[0].bytes.files) console.log(`  ${f.file}: ${kb(f.raw)} raw, ${kb(f.gzip)} gzip, ${kb(f.brotli)} brotli`);
