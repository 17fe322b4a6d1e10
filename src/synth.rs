//! Synthetic datasets N times the real one, for measuring how cost grows with data. Same
//! regions, categories, indicators and documents; records copied with their region, dates and
//! values varied by a seeded generator, so every run measures the same data.

use crate::dates::PartialDate;
use crate::model::{Dataset, Qualifier, SharedStr};
use std::collections::HashSet;

/// A small deterministic generator (PCG-style LCG); enough for spreading test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn shift(date: PartialDate, years: i32, span: (i32, i32)) -> PartialDate {
    let year = (date.year + years).clamp(span.0, span.1);
    let day = match (date.month, date.day) {
        (Some(m), Some(d)) => Some(d.min(crate::dates::days_in_month(year, m))),
        _ => date.day,
    };
    PartialDate { year, day, ..date }
}

/// `scale` copies of every fact and event (the first copy is the real record).
pub fn synthesize(base: &Dataset, scale: usize, seed: u64) -> Dataset {
    let mut rng = Rng(seed);
    let mut out = base.clone();
    let span = (
        base.documents.iter().map(|d| d.period_start.year).min().unwrap_or(2014),
        base.documents.iter().map(|d| d.period_end.year).max().unwrap_or(2024),
    );
    let mut keys: HashSet<(SharedStr, SharedStr, SharedStr, i32, i32, u64)> =
        base.facts.iter().map(|f| (f.doc.clone(), f.indicator.clone(), f.region.clone(), f.period_start.year, f.period_end.year, f.value.to_bits())).collect();
    for copy in 1..scale {
        for fact in &base.facts {
            let mut f = fact.clone();
            f.id = format!("{}-x{copy}", fact.id);
            // a contradicted figure's copy is contradicted by the copy of the other
            f.contradicted_by = fact.contradicted_by.iter().map(|other| format!("{other}-x{copy}")).collect();
            f.region = base.regions[rng.below(base.regions.len())].id.as_str().into();
            let years = rng.below(5) as i32 - 2;
            f.period_start = shift(f.period_start, years, span);
            f.period_end = shift(f.period_end, years, span);
            if f.period_end.first_day() < f.period_start.first_day() {
                f.period_end = f.period_start;
            }
            let mut value = (fact.value * (0.5 + rng.below(1000) as f64 / 1000.0)).round().max(1.0);
            while !keys.insert((f.doc.clone(), f.indicator.clone(), f.region.clone(), f.period_start.year, f.period_end.year, value.to_bits())) {
                value += 1.0;
            }
            f.value = value;
            // the printed token must say what the value is
            f.raw = format!("{value}").into();
            f.qualifier = Qualifier::Exact;
            f.also_lines.clear();
            out.facts.push(f);
        }
        for event in &base.events {
            let mut e = event.clone();
            e.id = format!("{}-x{copy}", event.id);
            e.region = base.regions[rng.below(base.regions.len())].id.as_str().into();
            let years = rng.below(5) as i32 - 2;
            e.date_start = shift(e.date_start, years, span);
            e.date_end = e.date_end.map(|d| shift(d, years, span));
            if e.end().first_day() < e.date_start.first_day() {
                e.date_end = Some(e.date_start);
            }
            out.events.push(e);
        }
    }
    out
}
