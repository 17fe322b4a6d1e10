//! Long work (decoding a large dataset, making its search text) done a slice at a time, so the
//! page can paint and answer between slices instead of freezing until all is done.

use super::perf;
use leptos::prelude::set_timeout;
use std::time::Duration;

/// How long one task works before the page gets a turn.
const TASK_MS: f64 = 30.0;

/// Calls `step` until it returns a result, giving the page a turn every `TASK_MS`; then hands
/// the result to `done`. Each step should be short: a few milliseconds at most.
pub fn run_in_tasks<T: 'static>(step: impl FnMut() -> Option<T> + 'static, done: impl FnOnce(T) + 'static) {
    run_task(Box::new(step), Box::new(done));
}

fn run_task<T: 'static>(mut step: Box<dyn FnMut() -> Option<T>>, done: Box<dyn FnOnce(T)>) {
    let started_ms = perf::now_ms();
    loop {
        if let Some(result) = step() {
            return done(result);
        }
        if perf::now_ms() - started_ms > TASK_MS {
            set_timeout(move || run_task(step, done), Duration::ZERO);
            return;
        }
    }
}

/// Resolves in a task of its own, after the page has had its turn: `await` it between slices of
/// work done in an async function.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout(move || drop(resolve.call0(&wasm_bindgen::JsValue::UNDEFINED)), Duration::ZERO);
    });
    // the promise only ever resolves
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Whether the current task has worked for its share of time since `started_ms`.
pub fn task_is_over(started_ms: f64) -> bool {
    perf::now_ms() - started_ms > TASK_MS
}
