//! The charts on the real dataset: what they show, and that the same drawing code renders to SVG
//! with its title, source line and every bar.

use union_explorer::charts::*;
use union_explorer::explore::{select, Filter, Index};
use union_explorer::i18n::Lang;
use union_explorer::model::{Dataset, Qualifier, Unit};

fn data() -> Dataset {
    union_explorer::embedded::dataset().expect("embedded dataset decodes")
}

#[test]
fn bars_compare_one_indicator_in_one_unit_and_mark_approximations() {
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let ranked = indicators_by_coverage(&data, &all);
    assert!(!ranked.is_empty());
    for indicator in &ranked {
        let chart = indicator_by_region(&data, &all, indicator, Lang::En).expect("chart for a selected indicator");
        let facts: Vec<_> = data.facts.iter().filter(|f| &f.indicator == indicator).collect();
        assert_eq!(chart.bars.len(), facts.len());
        assert!(facts.iter().all(|f| f.unit == chart.unit), "{indicator}: one unit per chart");
        for bar in &chart.bars {
            let fact = facts.iter().find(|f| Some(&f.id) == bar.fact.as_ref()).expect("bar names its fact");
            let mark = match fact.qualifier {
                Qualifier::Exact => "",
                Qualifier::AtLeast => "≥",
                Qualifier::Approx => "~",
                Qualifier::AtMost => "≤",
            };
            assert!(bar.value_label.starts_with(mark) && (mark.is_empty() || !bar.value_label[mark.len()..].starts_with(['≥', '~', '≤'])));
        }
        let aggregations: std::collections::HashSet<_> = facts.iter().map(|f| f.aggregation).collect();
        assert_eq!(chart.caveat.is_some(), aggregations.len() > 1, "{indicator}: mixed totals are called out");
    }
}

#[test]
fn bar_chart_svg_has_title_source_and_every_bar() {
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let chart = indicator_by_region(&data, &all, "golden_autumn_aid_funds", Lang::Zh).expect("chart");
    let svg = bars_svg(&chart, Lang::Zh, (900, 420)).expect("draws");
    assert!(svg.contains(&chart.title));
    assert!(svg.contains("来源："));
    for bar in &chart.bars {
        assert!(svg.contains(&bar.value_label), "{}", bar.value_label);
    }
    assert!(svg.contains("万"), "axis labels in 万/亿");
}

#[test]
fn profile_counts_every_selected_record_once() {
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let chart = category_profile(&data, &index, &all, Lang::En).expect("chart");
    let total: f64 = chart.bars.iter().map(Bar::total).sum();
    assert_eq!(total as usize, all.len());
    let svg = bars_svg(&chart, Lang::En, (900, 500)).expect("draws");
    assert!(svg.contains("Source: "));
}

#[test]
fn money_chart_sums_only_money() {
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let chart = money_by_category(&data, &index, &all, Lang::En).expect("chart");
    assert_eq!(chart.unit, Unit::Cny);
    let total: f64 = chart.bars.iter().map(Bar::total).sum();
    let expected: f64 = data.facts.iter().filter(|f| f.unit == Unit::Cny).map(|f| f.value).sum();
    assert!((total - expected).abs() < 1.0);
    assert!(chart.caveat.is_some());
}

#[test]
fn time_chart_spans_each_period() {
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let chart = indicator_over_time(&data, &all, "golden_autumn_aid_funds", Lang::En).expect("chart");
    for point in &chart.points {
        let fact = data.facts.iter().find(|f| f.id == point.fact).expect("fact");
        assert_eq!(point.start, fact.period_start.start_in_years());
        assert_eq!(point.end, fact.period_end.end_in_years());
    }
    let svg = time_svg(&chart, Lang::En, (900, 420)).expect("draws");
    assert!(svg.contains("Source: "));
    assert!(svg.contains(&chart.title));
}

/// Where `text` starts, read from the SVG's `<text>` element that holds it.
fn text_x(svg: &str, text: &str) -> Option<f64> {
    let end = svg.find(&format!(">\n{text}\n</text>"))?;
    let start = svg[..end].rfind("<text")?;
    let x_at = svg[start..end].find(" x=\"")? + start + 4;
    svg[x_at..].split('"').next()?.parse().ok()
}

#[test]
fn value_labels_stay_inside_a_phone_wide_chart() {
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let chart = indicator_by_region(&data, &all, "recuperation_workers", Lang::Zh).expect("chart");
    let width = 350;
    let svg = bars_svg(&chart, Lang::Zh, (width, 420)).expect("draws");
    for bar in &chart.bars {
        let x = text_x(&svg, &bar.value_label).unwrap_or_else(|| panic!("{} is drawn", bar.value_label));
        // Chinese characters are drawn about as wide as the 11 px font, others a little over half
        let drawn_px: f64 = bar.value_label.chars().map(|c| if c > '\u{2e80}' { 11.0 } else { 6.6 }).sum();
        assert!(x + drawn_px <= f64::from(width), "{} ends at {} in a chart {width} wide", bar.value_label, x + drawn_px);
    }
}

#[test]
fn two_figures_for_one_place_and_period_are_told_apart_by_their_line() {
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let chart = indicator_by_region(&data, &all, "recuperation_workers", Lang::En).expect("chart");
    let labels: Vec<&str> = chart.bars.iter().map(|b| b.label.as_str()).collect();
    let distinct: std::collections::HashSet<_> = labels.iter().collect();
    assert_eq!(distinct.len(), labels.len(), "{labels:?}");
    assert!(labels.contains(&"Quanzhou · line 100 · 2018 – 2023-10 (total)"), "{labels:?}");
    assert!(labels.contains(&"Quanzhou · line 79 · 2018 – 2023-10 (total)"), "{labels:?}");
    assert!(labels.contains(&"Nanping · 2024 (one year)"), "a figure alone in its place and period keeps the short label: {labels:?}");
}
