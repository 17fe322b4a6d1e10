//! Which figures may stand side by side: for every indicator several figures share, each
//! figure with what decides it (region, period, aggregation, the indicator's level, measure
//! and money kind, the figure's marks), and the verdict of the rules. The `ue-data compare`
//! command prints this and fails on a rejected comparison.

use crate::explore::period_label;
use crate::model::{Aggregation, Dataset, Fact, Indicator, Measure, Trust, Unit};
use std::fmt::Write as _;

/// One figure in a comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub fact: String,
    pub region: String,
    pub period: String,
    pub aggregation: Aggregation,
    /// Why the charts leave it out (slogan, plan, contradicted), if they do.
    pub left_out: Option<String>,
}

/// An indicator shared by several figures, and what the rules say about comparing them.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub indicator: String,
    pub unit: Unit,
    /// `all_levels`, `city`, …; `?` where the indicator does not say.
    pub level: String,
    pub measure: String,
    pub money: String,
    pub rows: Vec<Row>,
    /// Why these figures must not be compared; empty when they may.
    pub rejected: Vec<String>,
    /// Said with the chart but not a reason to reject (one-year figures beside running totals).
    pub notes: Vec<String>,
}

/// The snake_case code a field of the export schema writes for `value`.
fn code<T: serde::Serialize>(value: Option<T>) -> String {
    match value.map(|v| serde_json::to_value(v)) {
        Some(Ok(serde_json::Value::String(code))) => code,
        _ => "?".to_owned(),
    }
}

fn marks(fact: &Fact) -> Option<String> {
    let mut marks = Vec::new();
    match fact.trust {
        Some(Trust::Slogan) => marks.push("slogan".to_owned()),
        Some(Trust::Plan) => marks.push("plan".to_owned()),
        None => {}
    }
    if !fact.contradicted_by.is_empty() {
        marks.push(format!("contradicted by {}", fact.contradicted_by.join(", ")));
    }
    (!marks.is_empty()).then(|| marks.join("; "))
}

/// What the rules reject about comparing the compared (unmarked) `facts` of `indicator`.
fn rejections(indicator: &Indicator, facts: &[&Fact]) -> Vec<String> {
    let mut rejected = Vec::new();
    if indicator.level.is_none() {
        rejected.push("the indicator does not say at which level it counts".to_owned());
    }
    match indicator.measure {
        None => rejected.push("the indicator does not say whether it counts a stock, a flow or an amount per case".to_owned()),
        Some(Measure::Stock) => {
            for fact in facts.iter().filter(|f| f.aggregation != Aggregation::Snapshot) {
                rejected.push(format!("{} is not a snapshot, but the indicator counts a stock", fact.id));
            }
        }
        Some(Measure::Flow) => {
            for fact in facts.iter().filter(|f| f.aggregation == Aggregation::Snapshot) {
                rejected.push(format!("{} is a snapshot, but the indicator counts a flow", fact.id));
            }
        }
        Some(Measure::PerCase) => {}
    }
    if indicator.unit == Unit::Cny && indicator.money.is_none() {
        rejected.push("a money indicator that does not say what its money is (spent, raised, …)".to_owned());
    }
    for fact in facts.iter().filter(|f| f.unit != indicator.unit) {
        rejected.push(format!("{} counts in {:?}, the indicator in {:?}", fact.id, fact.unit, indicator.unit));
    }
    rejected
}

/// Every indicator used by more than one figure, in dataset order.
pub fn comparisons(data: &Dataset) -> Vec<Comparison> {
    data.indicators
        .iter()
        .filter_map(|indicator| {
            let facts: Vec<&Fact> = data.facts.iter().filter(|f| f.indicator == indicator.id).collect();
            if facts.len() < 2 {
                return None;
            }
            let compared: Vec<&Fact> = facts.iter().copied().filter(|f| f.comparable()).collect();
            let aggregations: std::collections::HashSet<_> = compared.iter().map(|f| f.aggregation).collect();
            let mut notes = Vec::new();
            if aggregations.len() > 1 {
                notes.push("running totals beside one-year figures (the chart says so)".to_owned());
            }
            if compared.len() < 2 {
                notes.push(format!("{} of {} figures compared; the rest are listed as left out", compared.len(), facts.len()));
            }
            Some(Comparison {
                indicator: indicator.id.clone(),
                unit: indicator.unit,
                level: code(indicator.level),
                measure: code(indicator.measure),
                money: if indicator.unit == Unit::Cny { code(indicator.money) } else { "-".to_owned() },
                rows: facts
                    .iter()
                    .map(|f| Row {
                        fact: f.id.clone(),
                        region: f.region.to_string(),
                        period: period_label(&f.period_start, &f.period_end),
                        aggregation: f.aggregation,
                        left_out: marks(f),
                    })
                    .collect(),
                rejected: rejections(indicator, &compared),
                notes,
            })
        })
        .collect()
}

/// The comparisons as the command prints them, one block per indicator.
pub fn report(comparisons: &[Comparison]) -> String {
    let mut out = String::new();
    for c in comparisons {
        let verdict = if c.rejected.is_empty() { "ok" } else { "REJECTED" };
        let _ = writeln!(out, "{} [{}; level {}; measure {}; money {}]: {verdict}", c.indicator, code(Some(c.unit)), c.level, c.measure, c.money);
        for row in &c.rows {
            let aggregation = code(Some(row.aggregation));
            let mark = row.left_out.as_deref().map(|m| format!("  left out: {m}")).unwrap_or_default();
            let _ = writeln!(out, "  {:<14} {:<18} {:<16} {:<13}{mark}", row.fact, row.region, row.period, aggregation);
        }
        for reason in &c.rejected {
            let _ = writeln!(out, "  rejected: {reason}");
        }
        for note in &c.notes {
            let _ = writeln!(out, "  note: {note}");
        }
    }
    let rejected = comparisons.iter().filter(|c| !c.rejected.is_empty()).count();
    let _ = writeln!(out, "{} shared indicators, {rejected} rejected", comparisons.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        crate::embedded::dataset().expect("embedded dataset")
    }

    #[test]
    fn the_built_in_data_compares_like_with_like() {
        let comparisons = comparisons(&data());
        assert!(comparisons.len() > 10);
        assert!(comparisons.iter().all(|c| c.rejected.is_empty()), "{}", report(&comparisons));
        assert!(comparisons.iter().all(|c| c.rows.len() > 1));
    }

    #[test]
    fn a_stock_summed_over_a_period_and_money_of_no_kind_are_rejected() {
        let mut data = data();
        let fact = data.facts.iter_mut().find(|f| f.indicator == "outdoor_stations").expect("fact");
        fact.aggregation = Aggregation::PeriodTotal;
        let fact_id = fact.id.clone();
        data.indicators.iter_mut().find(|i| i.id == "worker_petitions_amount").expect("indicator").money = None;
        let comparisons = comparisons(&data);
        let stations = comparisons.iter().find(|c| c.indicator == "outdoor_stations").expect("listed");
        assert_eq!(stations.rejected, [format!("{fact_id} is not a snapshot, but the indicator counts a stock")]);
        let petitions = comparisons.iter().find(|c| c.indicator == "worker_petitions_amount").expect("listed");
        assert_eq!(petitions.money, "?");
        assert_eq!(petitions.rejected.len(), 1, "{:?}", petitions.rejected);
        let printed = report(&comparisons);
        assert!(printed.contains("outdoor_stations [units; level all_levels; measure stock; money -]: REJECTED"), "{printed}");
        assert!(printed.ends_with("2 rejected\n"), "{printed}");
    }

    #[test]
    fn marked_figures_are_listed_with_their_mark_and_not_judged() {
        let comparisons = comparisons(&data());
        let totals = comparisons.iter().find(|c| c.indicator == "workers_total").expect("listed");
        assert!(totals.rows.iter().all(|r| r.left_out.as_deref() == Some("slogan")));
        assert!(totals.rejected.is_empty());
        let recuperation = comparisons.iter().find(|c| c.indicator == "recuperation_workers").expect("listed");
        let quanzhou: Vec<_> = recuperation.rows.iter().filter(|r| r.region == "quanzhou").collect();
        assert!(quanzhou.iter().all(|r| r.left_out.as_deref().is_some_and(|m| m.starts_with("contradicted by"))));
    }
}
