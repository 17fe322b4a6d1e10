//! The charts on the real dataset: what they show, and that the same drawing code renders to SVG
//! with its title, source line and every bar.

use union_explorer::charts::*;
use union_explorer::explore::{select, Filter, Index};
use union_explorer::i18n::Lang;
use union_explorer::model::{Dataset, MoneyKind, Qualifier, Unit};

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
        let facts: Vec<_> = data.facts.iter().filter(|f| &f.indicator == indicator && f.comparable()).collect();
        let flagged = data.facts.iter().filter(|f| &f.indicator == indicator && !f.comparable()).count();
        assert_eq!(chart.bars.len(), facts.len());
        assert_eq!(chart.left_out.len(), flagged, "{indicator}: every flagged figure is listed");
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
    for bar in &chart.bars {
        let noun = if bar.total() == 1.0 { "record" } else { "records" };
        assert_eq!(bar.value_label, format!("{} {noun}", bar.total()), "one record, many records");
    }
    let svg = bars_svg(&chart, Lang::En, (900, 500)).expect("draws");
    assert!(svg.contains("Source: "));
}

#[test]
fn a_stacked_legend_names_each_series_as_far_as_its_column_allows() {
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let chart = category_profile(&data, &index, &all, Lang::En).expect("chart");
    let svg = bars_svg(&chart, Lang::En, (900, 500)).expect("draws");
    // names of about 20 characters fit a column; the legend once cut them all at 14
    let whole: Vec<_> = chart.series.iter().filter(|name| (15..=20).contains(&name.chars().count())).collect();
    assert!(!whole.is_empty(), "some series names are 15 to 20 characters: {:?}", chart.series);
    for name in whole {
        assert!(text_x(&svg, &name.replace('&', "&amp;")).is_some(), "the legend shows '{name}' whole");
    }
}

#[test]
fn money_chart_sums_only_money_spent_and_lists_the_rest() {
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let chart = money_by_category(&data, &index, &all, Lang::En).expect("chart");
    assert_eq!(chart.unit, Unit::Cny);
    assert!(chart.title.starts_with("Union money spent or paid out"), "{}", chart.title);
    let spent = |f: &&union_explorer::model::Fact| {
        f.unit == Unit::Cny && f.comparable() && data.indicator(&f.indicator).and_then(|i| i.money) == Some(MoneyKind::Spent)
    };
    let total: f64 = chart.bars.iter().map(Bar::total).sum();
    let expected: f64 = data.facts.iter().filter(spent).map(|f| f.value).sum();
    assert!((total - expected).abs() < 1.0, "{total} != {expected}");
    // everything else in yuan is listed, each once, with why
    let others: Vec<&str> = data.facts.iter().filter(|f| f.unit == Unit::Cny && !spent(f)).map(|f| f.id.as_str()).collect();
    let listed: Vec<&str> = chart.left_out.iter().map(|l| l.fact.as_str()).collect();
    assert_eq!(listed, others);
    assert!(chart.left_out.iter().all(|l| !l.reason.is_empty()));
    assert!(chart.caveat.is_some());
    let svg = bars_svg(&chart, Lang::En, (900, 500)).expect("draws");
    assert!(svg.contains("Union money spent or paid out"), "the caveat is in the drawn title");
}

#[test]
fn quanzhou_money_holds_no_benefit_and_no_amount_involved() {
    let data = data();
    let index = Index::new(&data);
    let quanzhou = select(&data, &index, &Filter { regions: ["quanzhou".to_owned()].into(), ..Filter::default() });
    let chart = money_by_category(&data, &index, &quanzhou, Lang::Zh).expect("chart");
    assert_eq!(chart.bars.len(), 1, "{:?}", chart.bars);
    let bar = &chart.bars[0];
    // summer cooling (5600多万), Golden Autumn paid out (1495.21万), and Jinjiang's 24万 for
    // outdoor stations (fj2021): spent; nothing else
    let expected: f64 = ["qz2023-f034", "qz2023-f036", "fj2021-f010"].iter().map(|id| data.facts.iter().find(|f| f.id == *id).expect("fact").value).sum();
    assert!((bar.total() - expected).abs() < 1.0, "{} != {expected}", bar.total());
    assert!(bar.label.contains("2018"), "the bar says its period: {}", bar.label);
    for (fact, kind) in [("qz2023-f021", MoneyKind::Benefit), ("qz2023-f033", MoneyKind::Involved), ("qz2023-f038", MoneyKind::Raised)] {
        let fact = data.facts.iter().find(|f| f.id == fact).expect("fact");
        assert_eq!(data.indicator(&fact.indicator).and_then(|i| i.money), Some(kind), "{}", fact.id);
        let listed = chart.left_out.iter().find(|l| l.fact == fact.id).unwrap_or_else(|| panic!("{} listed", fact.id));
        assert!(listed.reason.contains(union_explorer::format::money_words(kind, Lang::Zh)), "{}", listed.reason);
    }
}

#[test]
fn slogans_plans_and_contradicted_figures_are_left_out_and_listed() {
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    // 百万职工 and 两百万职工: slogans; nothing left to compare, but the chart says why
    let chart = indicator_by_region(&data, &all, "workers_total", Lang::En).expect("chart");
    assert!(chart.bars.is_empty(), "{:?}", chart.bars);
    let listed: Vec<&str> = chart.left_out.iter().map(|l| l.fact.as_str()).collect();
    assert_eq!(listed, ["fz2021-f001", "qz2023-f001"]);
    assert!(chart.left_out.iter().all(|l| l.reason.contains("slogan")), "{:?}", chart.left_out);
    // Quanzhou's two recuperation figures contradict each other: neither is drawn
    let chart = indicator_by_region(&data, &all, "recuperation_workers", Lang::En).expect("chart");
    assert!(chart.bars.iter().all(|b| b.region != "quanzhou"), "{:?}", chart.bars);
    let listed: Vec<&str> = chart.left_out.iter().map(|l| l.fact.as_str()).collect();
    assert_eq!(listed, ["qz2023-f048", "qz2023-f049"]);
    assert!(chart.left_out[0].reason.contains("qz2023-f049"), "{}", chart.left_out[0].reason);
    let time = indicator_over_time(&data, &all, "recuperation_workers", Lang::En).expect("chart");
    assert!(time.points.iter().all(|p| !p.fact.starts_with("qz2023")), "{:?}", time.points);
    assert_eq!(time.left_out.len(), 2);
    // a planned number of gift packs, a round 万名 students
    for (indicator, fact) in [("membership_gift_packs", "fj2021-f006"), ("golden_autumn_aid_students", "fj2014-f039")] {
        let chart = indicator_by_region(&data, &all, indicator, Lang::Zh).expect("chart");
        assert!(chart.bars.iter().all(|b| b.fact.as_deref() != Some(fact)), "{indicator}");
        assert!(chart.left_out.iter().any(|l| l.fact == fact), "{indicator}: {fact} listed");
    }
    assert_eq!(left_out_heading(1, Lang::En), "1 figure left out of this comparison");
    assert_eq!(left_out_heading(2, Lang::En), "2 figures left out of this comparison");
    assert_eq!(left_out_heading(2, Lang::Zh), "未纳入比较的数字（2 项）");
}

#[test]
fn indicators_with_nothing_to_compare_rank_last() {
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let ranked = indicators_by_coverage(&data, &all);
    let first = data.indicator(&ranked[0]).expect("indicator");
    assert!(data.facts.iter().any(|f| f.indicator == first.id && f.comparable()));
    let slogans = ranked.iter().position(|i| i == "workers_total").expect("listed");
    let recuperation = ranked.iter().position(|i| i == "recuperation_workers").expect("listed");
    assert!(slogans > recuperation, "{ranked:?}");
}

#[test]
fn the_reported_mismatches_are_split_apart() {
    let data = data();
    let indicator_of = |fact: &str| data.facts.iter().find(|f| f.id == fact).map(|f| f.indicator.clone()).expect("fact");
    // the province's 200多万 in all contests, Fuzhou's 548 in one contest, Nanping's city-level 2500
    assert_ne!(indicator_of("fj2014-f006"), indicator_of("fz2021-f047"));
    assert_ne!(indicator_of("fj2014-f006"), indicator_of("np2024-f013"));
    // Quanzhou's 3500 contests at all levels sit with Nanping's all-level 2200多场, not its 34 city-level ones
    assert_eq!(indicator_of("qz2023-f018"), indicator_of("np2024-f007"));
    assert_ne!(indicator_of("qz2023-f018"), indicator_of("np2024-f012"));
    // studios: a stock at all levels, a count named over six years, a stock of exemplary studios
    let studios = [indicator_of("fj2014-f042"), indicator_of("fz2021-f009"), indicator_of("qz2023-f014")];
    assert_eq!(studios.iter().collect::<std::collections::HashSet<_>>().len(), 3, "{studios:?}");
    // Golden Autumn money raised and paid out
    assert_ne!(indicator_of("fj2014-f038"), indicator_of("qz2023-f036"));
    assert_eq!(indicator_of("fj2014-f038"), indicator_of("fj2021-f001"));
    // one provincial tier of the outdoor-station ratings
    assert_eq!(indicator_of("np2024-f039"), indicator_of("qz2023-f025"));
}

#[test]
fn no_national_event_sits_in_a_city_lane() {
    use union_explorer::model::RegionLevel;
    use union_explorer::state::Lanes;
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let lanes = union_explorer::timeline::layout(&data, &index, &all, Lanes::Region, union_explorer::timeline::Window::years(2010, 2026));
    let national: Vec<usize> = data
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| data.region(&e.region).is_some_and(|r| r.level == RegionLevel::National))
        .map(|(i, _)| i)
        .collect();
    assert!(!national.is_empty(), "the national union congress is a national event");
    for lane in &lanes {
        let is_national = data.region(&lane.key).is_some_and(|r| r.level == RegionLevel::National);
        for mark in &lane.marks {
            if let union_explorer::explore::RecordRef::Event(i) = mark.record {
                assert_eq!(national.contains(&i), is_national, "event {} in lane {}", data.events[i].id, lane.key);
            }
        }
    }
    let congress = data.events.iter().position(|e| e.id == "qz2023-e001").expect("event");
    let lane = lanes.iter().find(|l| l.marks.iter().any(|m| m.record == union_explorer::explore::RecordRef::Event(congress))).expect("drawn");
    assert_eq!(lane.key, "china");
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
    // the real data no longer has two comparable figures for one place and period (Quanzhou's
    // two recuperation figures contradict each other and are left out), so one is added
    let mut data = data();
    let nanping = data.facts.iter().find(|f| f.id == "np2024-f015").expect("fact").clone();
    data.facts.push(union_explorer::model::Fact { id: "np2024-f999".into(), line: nanping.line + 2, value: nanping.value + 1.0, ..nanping.clone() });
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let chart = indicator_by_region(&data, &all, "recuperation_workers", Lang::En).expect("chart");
    let labels: Vec<&str> = chart.bars.iter().map(|b| b.label.as_str()).collect();
    let distinct: std::collections::HashSet<_> = labels.iter().collect();
    assert_eq!(distinct.len(), labels.len(), "{labels:?}");
    assert!(labels.contains(&format!("Nanping · line {} · 2024 (one year)", nanping.line).as_str()), "{labels:?}");
    assert!(labels.contains(&format!("Nanping · line {} · 2024 (one year)", nanping.line + 2).as_str()), "{labels:?}");
    let chart = indicator_by_region(&data, &all, "contest_participant_times", Lang::En).expect("chart");
    assert!(chart.bars.iter().all(|b| !b.label.contains("line")), "a figure alone in its place and period keeps the short label");
}
