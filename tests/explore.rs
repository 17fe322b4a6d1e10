//! Filtering, counting and search on the real dataset.

use union_explorer::explore::{find_record, select, Filter, Index, RecordRef};
use union_explorer::model::Dataset;

fn data() -> Dataset {
    union_explorer::embedded::dataset().expect("embedded dataset decodes")
}

fn filter(edit: impl FnOnce(&mut Filter)) -> Filter {
    let mut filter = Filter::default();
    edit(&mut filter);
    filter
}

#[test]
fn no_filter_selects_everything() {
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    assert_eq!(all.facts.len(), data.facts.len());
    assert_eq!(all.events.len(), data.events.len());
    // the province holds every record but the national ones, which China as a whole holds
    assert_eq!(all.region_counts["fujian"] + all.region_counts["china"], all.len(), "the two roots hold every record");
    assert_eq!(all.category_counts.values().sum::<usize>(), all.len());
    assert_eq!(all.doc_counts.values().sum::<usize>(), all.len());
}

#[test]
fn a_city_includes_its_counties() {
    let data = data();
    let index = Index::new(&data);
    let quanzhou = select(&data, &index, &filter(|f| {
        f.regions.insert("quanzhou".into());
    }));
    let expected = |region: &str| index.lineage(region).iter().any(|r| r == "quanzhou");
    assert_eq!(quanzhou.facts.len(), data.facts.iter().filter(|f| expected(&f.region)).count());
    assert!(quanzhou.facts.iter().all(|&i| expected(&data.facts[i].region)));
    assert!(
        data.events.iter().any(|e| e.region != "quanzhou" && expected(&e.region)),
        "the data has events in a county of Quanzhou"
    );
    assert!(quanzhou.events.iter().any(|&i| data.events[i].region != "quanzhou"));
    // region counts ignore the region filter itself, so other cities still show theirs
    assert!(quanzhou.region_counts.get("fuzhou").copied().unwrap_or(0) > 0);
}

#[test]
fn category_counts_follow_the_other_filters() {
    let data = data();
    let index = Index::new(&data);
    let nanping = select(&data, &index, &filter(|f| {
        f.docs.insert("np2024".into());
        f.categories.insert("assistance_welfare".into());
    }));
    let in_doc = |cat: &str| {
        data.facts.iter().filter(|f| f.doc == "np2024" && f.category == cat).count()
            + data.events.iter().filter(|e| e.doc == "np2024" && e.category == cat).count()
    };
    assert_eq!(nanping.len(), in_doc("assistance_welfare"));
    assert_eq!(nanping.category_counts.get("ideology").copied().unwrap_or(0), in_doc("ideology"));
}

#[test]
fn years_select_overlapping_periods() {
    let data = data();
    let index = Index::new(&data);
    let y2014 = select(&data, &index, &filter(|f| f.years = Some((2014, 2014))));
    assert!(y2014.facts.iter().all(|&i| data.facts[i].period_start.year <= 2014 && data.facts[i].period_end.year >= 2014));
    assert!(y2014.facts.iter().any(|&i| data.facts[i].doc == "fj2014"));
    assert!(!y2014.facts.iter().any(|&i| data.facts[i].doc == "np2024"));
    assert!(index.year_span.0 <= 2014 && index.year_span.1 >= 2024, "{:?}", index.year_span);
}

#[test]
fn chinese_search_finds_substrings() {
    let data = data();
    let index = Index::new(&data);
    let found = select(&data, &index, &filter(|f| f.text = "助学".into()));
    assert!(!found.is_empty());
    let golden = data.indicators.iter().find(|i| i.id == "golden_autumn_aid_funds").expect("indicator");
    assert!(golden.zh.contains("金秋助学"));
    assert!(found.facts.iter().any(|&i| data.facts[i].indicator == golden.id));
}

#[test]
fn english_search_ignores_case_and_prefers_every_term() {
    let data = data();
    let index = Index::new(&data);
    let lower = select(&data, &index, &filter(|f| f.text = "golden autumn".into()));
    let mixed = select(&data, &index, &filter(|f| f.text = "GOLDEN Autumn".into()));
    assert!(!lower.is_empty());
    assert_eq!(lower.facts, mixed.facts);
    assert_eq!(lower.events, mixed.events);
    assert_eq!(lower.partial, None);
    // no record has both words: those with one of them, and the selection says so
    let part = select(&data, &index, &filter(|f| f.text = "golden zzzqqq".into()));
    assert_eq!(part.partial, Some((1, 2)));
    let golden = select(&data, &index, &filter(|f| f.text = "golden".into()));
    assert_eq!((part.facts, part.events), (golden.facts, golden.events));
    let none = select(&data, &index, &filter(|f| f.text = "zzzqqq".into()));
    assert!(none.is_empty());
    assert_eq!(none.partial, None);
}

#[test]
fn region_names_match_in_chinese_pinyin_and_english() {
    let data = data();
    let index = Index::new(&data);
    let by = |text: &str| {
        let s = select(&data, &index, &filter(|f| f.text = text.into()));
        (s.facts, s.events)
    };
    let zh = by("南平");
    assert!(!zh.0.is_empty());
    assert_eq!(zh, by("nanping"));
    assert_eq!(zh, by("Nanping"));
}

#[test]
fn records_are_found_by_id() {
    let data = data();
    assert_eq!(find_record(&data, &data.facts[3].id), Some(RecordRef::Fact(3)));
    assert_eq!(find_record(&data, &data.events[2].id), Some(RecordRef::Event(2)));
    assert_eq!(find_record(&data, "nope"), None);
}

#[test]
fn region_tree_lists_cities_under_the_province_and_counties_under_cities() {
    let data = data();
    let tree = union_explorer::explore::regions_in_tree_order(&data);
    assert_eq!(tree.len(), data.regions.len());
    assert_eq!((tree[0].0, tree[0].1.id.as_str()), (0, "fujian"));
    for window in tree.windows(2) {
        let (depth, region) = window[1];
        if depth == 2 {
            let parent = region.parent.as_deref().expect("county has a parent");
            assert!(tree.iter().any(|(d, r)| *d == 1 && r.id == parent));
        }
    }
}

#[test]
fn facts_sort_by_any_column_both_ways() {
    use union_explorer::i18n::Lang;
    use union_explorer::state::{Sort, SortKey};
    let data = data();
    let mut facts: Vec<usize> = (0..data.facts.len()).collect();
    union_explorer::explore::sort_facts(&data, &mut facts, Sort { key: SortKey::Value, descending: true }, Lang::En);
    assert!(facts.windows(2).all(|w| data.facts[w[0]].value >= data.facts[w[1]].value));
    union_explorer::explore::sort_facts(&data, &mut facts, Sort { key: SortKey::Period, descending: false }, Lang::Zh);
    assert!(facts.windows(2).all(|w| data.facts[w[0]].period_start.first_day() <= data.facts[w[1]].period_start.first_day()));
    for key in SortKey::ALL {
        let mut sorted = facts.clone();
        union_explorer::explore::sort_facts(&data, &mut sorted, Sort { key, descending: false }, Lang::Zh);
        sorted.sort_unstable();
        assert_eq!(sorted, (0..data.facts.len()).collect::<Vec<_>>(), "{key:?} keeps every fact once");
    }
}

#[test]
fn timeline_marks_never_overlap_and_show_precision() {
    use union_explorer::state::Lanes;
    use union_explorer::timeline::{layout, Shape, Window};
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let window = Window::years(index.year_span.0, index.year_span.1);
    for lanes in [Lanes::Region, Lanes::Category] {
        let laid = layout(&data, &index, &all, lanes, window);
        let placed: usize = laid.iter().map(|l| l.marks.iter().map(|m| m.len()).sum::<usize>() + l.clusters.iter().map(|c| c.records.len()).sum::<usize>()).sum();
        assert_eq!(placed, all.len(), "{lanes:?}: every record with a date is placed, single-year figures too");
        for lane in &laid {
            for (i, a) in lane.marks.iter().enumerate() {
                for b in &lane.marks[i + 1..] {
                    assert!(a.row != b.row || a.label_end <= b.start || b.label_end <= a.start, "overlap in lane {}", lane.key);
                }
            }
            // identical bars are one group mark, not repeated
            let mut periods: Vec<(u64, u64)> = lane.marks.iter().filter(|m| matches!(m.record, RecordRef::Fact(_))).map(|m| (m.start.to_bits(), m.end.to_bits())).collect();
            let before = periods.len();
            periods.sort_unstable();
            periods.dedup();
            assert_eq!(before, periods.len(), "lane {} repeats a figure bar", lane.key);
        }
    }
    let laid = layout(&data, &index, &all, Lanes::Region, window);
    let marks: Vec<_> = laid.iter().flat_map(|l| l.marks.iter()).collect();
    assert!(marks.iter().any(|m| m.shape == Shape::Point));
    assert!(marks.iter().any(|m| m.shape == Shape::Span));
    assert!(marks.iter().any(|m| matches!(m.shape, Shape::Band(_)) && matches!(m.record, RecordRef::Fact(_))), "single-year figures are bands");
    assert!(marks.iter().any(|m| m.is_group()), "figures of one period are gathered");
    assert!(marks.iter().all(|m| m.label_end >= m.end && m.end > m.start));
    // counties fold into their city's lane
    assert!(laid.iter().all(|l| data.region(&l.key).is_some_and(|r| r.level != union_explorer::model::RegionLevel::County)));
}

#[test]
fn a_single_year_figure_is_drawn_and_a_month_window_gathers_by_month() {
    use union_explorer::state::Lanes;
    use union_explorer::timeline::{layout, Window};
    let data = data();
    let index = Index::new(&data);
    let found = select(&data, &index, &filter(|f| f.text = "973.27".into()));
    assert_eq!((found.facts.len(), found.events.len()), (1, 0));
    let fact = &data.facts[found.facts[0]];
    assert_eq!(fact.period_start.year, fact.period_end.year, "a single-year figure");
    let window = union_explorer::timeline::fitted(None, found.year_span, index.year_span);
    let laid = layout(&data, &index, &found, Lanes::Region, window);
    assert_eq!(laid.iter().map(|l| l.marks.len()).sum::<usize>(), 1);
    let bulletin = select(&data, &index, &filter(|f| {
        f.docs.insert("fj2021".into());
    }));
    let laid = layout(&data, &index, &bulletin, Lanes::Region, Window::month(2021, 10));
    assert!(laid.iter().all(|l| l.clusters.iter().all(|c| c.period.months() == 1)));
    assert!(laid.iter().map(|l| l.marks.len()).sum::<usize>() > 0);
}

#[test]
fn downloads_hold_exactly_the_filtered_records() {
    use union_explorer::export::{records_csv, selection_dataset};
    use union_explorer::i18n::Lang;
    let data = data();
    let index = Index::new(&data);
    let quanzhou = select(&data, &index, &filter(|f| {
        f.regions.insert("quanzhou".into());
    }));
    let csv = records_csv(&data, &quanzhou, Lang::Zh);
    assert!(csv.starts_with('\u{feff}'), "byte-order mark for Excel");
    assert_eq!(csv.lines().count(), quanzhou.facts.len() + quanzhou.events.len() + 1, "a row per figure and per event");
    assert!(csv.contains("金秋助学"));
    let subset = selection_dataset(&data, &quanzhou);
    assert_eq!(subset.facts.len(), quanzhou.facts.len());
    assert_eq!(subset.events.len(), quanzhou.events.len());
    let problems = union_explorer::validate::validate(&subset);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_crowded_timeline_draws_a_bounded_number_of_marks_and_loses_no_record() {
    use union_explorer::state::Lanes;
    use union_explorer::timeline::{layout, Window, MAX_MARKS};
    let real = data();
    let data = union_explorer::synth::synthesize(&real, 20, 7);
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let range = all.year_span.expect("records have years");
    for lanes in [Lanes::Region, Lanes::Category] {
        let laid = layout(&data, &index, &all, lanes, Window::years(range.0, range.1));
        let marks: usize = laid.iter().map(|l| l.marks.len()).sum();
        assert!(marks <= MAX_MARKS, "{marks} marks");
        let placed: usize = laid.iter().map(|l| l.marks.iter().map(|m| m.len()).sum::<usize>() + l.clusters.iter().map(|c| c.records.len()).sum::<usize>()).sum();
        assert_eq!(placed, all.len(), "every record is a mark, in a group mark or in a cluster");
    }
    // the real data keeps its ten rows a lane
    let index = Index::new(&real);
    let all = select(&real, &index, &Filter::default());
    let years = all.year_span.expect("years");
    let laid = layout(&real, &index, &all, Lanes::Region, Window::years(years.0, years.1));
    assert!(laid.iter().any(|l| l.rows > 5), "{:?}", laid.iter().map(|l| l.rows).collect::<Vec<_>>());
}

#[test]
fn search_is_the_same_whether_its_text_was_made_ahead_in_slices_or_not() {
    let data = data();
    let cold = Index::new(&data);
    let warm = Index::new(&data);
    let partly = Index::new(&data);
    let mut slices = 0;
    while !warm.prepare_search(&data, 50) {
        slices += 1;
    }
    assert!(slices >= (data.facts.len() + data.events.len()) / 50 - 1, "made 50 records at a time");
    assert!(!partly.prepare_search(&data, 10), "10 records are not all of them");
    for text in ["助学", "golden autumn", "Nanping", "泉州 2023", "zzzqqq"] {
        let by = |index: &Index| {
            let s = select(&data, index, &filter(|f| f.text = text.into()));
            (s.facts, s.events)
        };
        let expected = by(&cold);
        assert_eq!(by(&warm), expected, "{text}");
        assert_eq!(by(&partly), expected, "{text}");
    }
    assert!(partly.prepare_search(&data, 1), "a search finishes the texts");
}
