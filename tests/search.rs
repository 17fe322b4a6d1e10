//! Search through the glossary, phrases, dates and partial matches, on the real dataset; and
//! the glossary file's checks.

use union_explorer::explore::{select, Filter, Index, Selection};
use union_explorer::model::Dataset;

fn data() -> Dataset {
    union_explorer::embedded::dataset().expect("embedded dataset decodes")
}

fn search(data: &Dataset, index: &Index, text: &str) -> Selection {
    select(data, index, &Filter { text: text.to_owned(), ..Filter::default() })
}

/// The ids of the selected records, facts then events.
fn ids(data: &Dataset, selection: &Selection) -> Vec<String> {
    let facts = selection.facts.iter().map(|&i| data.facts[i].id.clone());
    facts.chain(selection.events.iter().map(|&i| data.events[i].id.clone())).collect()
}

fn indicator_zh<'a>(data: &'a Dataset, fact: usize) -> &'a str {
    data.indicator(&data.facts[fact].indicator).map_or("", |i| i.zh.as_str())
}

#[test]
fn the_short_chinese_name_finds_the_model_worker_records() {
    let data = data();
    let index = Index::new(&data);
    let found = search(&data, &index, "劳模");
    let full = search(&data, &index, "劳动模范");
    assert_eq!(ids(&data, &found), ids(&data, &full), "劳模 and 劳动模范 are one term");
    assert_eq!(ids(&data, &found), ids(&data, &search(&data, &index, "Model Workers")));
    let national = found
        .facts
        .iter()
        .find(|&&f| indicator_zh(&data, f) == "全国劳动模范人数" && data.facts[f].region == "quanzhou");
    assert!(national.is_some(), "Quanzhou's national model workers are found by 劳模");
    let provincial_and_city = found.facts.iter().filter(|&&f| ["省级劳动模范人数", "市级劳动模范人数"].contains(&indicator_zh(&data, f)));
    assert!(provincial_and_city.count() >= 2);
    assert_eq!(found.partial, None);
}

#[test]
fn delivery_riders_couriers_and_platform_workers_find_the_new_form_worker_records() {
    let data = data();
    let index = Index::new(&data);
    let riders = search(&data, &index, "delivery rider");
    let nanping_new_form = riders
        .facts
        .iter()
        .filter(|&&f| data.facts[f].region == "nanping" && data.facts[f].doc == "np2024" && indicator_zh(&data, f).contains("新就业形态"))
        .count();
    assert!(nanping_new_form >= 3, "Nanping's new-form worker figures: {nanping_new_form}");
    assert!(riders.events.iter().any(|&e| data.events[e].doc == "np2024" && data.events[e].title_zh.contains("新就业形态")));
    for text in ["courier", "couriers", "platform workers", "Platform-Worker", "骑手", "外卖员", "gig worker", "new forms of employment"] {
        assert_eq!(ids(&data, &search(&data, &index, text)), ids(&data, &riders), "{text}");
    }
    // two words of one term are one group, not two words found anywhere
    let model = search(&data, &index, "model worker");
    assert_eq!(ids(&data, &model), ids(&data, &search(&data, &index, "劳模")));
}

#[test]
fn a_quoted_phrase_matches_only_as_written() {
    let data = data();
    let index = Index::new(&data);
    let words = search(&data, &index, "autumn golden");
    assert!(!words.is_empty(), "two words, in any order");
    assert!(search(&data, &index, "\"autumn golden\"").is_empty());
    let phrase = search(&data, &index, "“Golden Autumn student”");
    assert!(!phrase.is_empty() && phrase.len() < words.len() + 1);
    assert_eq!(ids(&data, &search(&data, &index, "「金秋助学」")), ids(&data, &search(&data, &index, "\"金秋助学\"")));
}

#[test]
fn when_no_record_has_every_group_those_with_the_most_are_shown() {
    let data = data();
    let index = Index::new(&data);
    let ranked = search(&data, &index, "劳模 泉州 zzzqqq");
    assert_eq!(ranked.partial, Some((2, 3)));
    assert_eq!(ids(&data, &ranked), ids(&data, &search(&data, &index, "劳模 泉州")));
    assert!(!ranked.is_empty());
    // the other filters still apply, and the counts follow the same rule
    let filtered = select(&data, &index, &Filter { text: "劳模 泉州 zzzqqq".into(), docs: ["qz2023".to_owned()].into(), ..Filter::default() });
    assert_eq!(filtered.partial, Some((2, 3)));
    assert!(filtered.facts.iter().all(|&f| data.facts[f].doc == "qz2023"));
    assert_eq!(filtered.doc_counts.get("qz2023"), Some(&filtered.len()));
    // what matches everything shows no partial notice
    assert_eq!(search(&data, &index, "劳模 泉州").partial, None);
}

#[test]
fn a_month_in_any_form_selects_what_happened_in_it() {
    let data = data();
    let index = Index::new(&data);
    let october = search(&data, &index, "2021-10");
    let october_ids = ids(&data, &october);
    for id in ["fj2021-e001", "fj2021-e003", "fj2021-e004", "fj2021-e005"] {
        assert!(october_ids.iter().any(|i| i == id), "{id} is in October 2021: {october_ids:?}");
    }
    assert!(!october_ids.iter().any(|i| i == "fj2021-e002"), "a year-only event did not happen in October");
    for fact in &october.facts {
        let fact = &data.facts[*fact];
        assert!(fact.period_start.month.is_some() && fact.period_end.month.is_some(), "{}", fact.id);
    }
    for event in &october.events {
        let event = &data.events[*event];
        assert!(event.date_start.month.is_some(), "{}", event.id);
        assert!(event.date_start.first_day() <= (2021, 10, 31) && event.end().last_day() >= (2021, 10, 1), "{}", event.id);
    }
    for text in ["2021年10月", "2021.10", "October 2021", "Oct 2021", "Oct. 2021", "10/2021", "2021/10", "october, 2021"] {
        assert_eq!(ids(&data, &search(&data, &index, text)), october_ids, "{text}");
    }
    // the rest of the query still applies as words
    let sanitation = search(&data, &index, "October 2021 环卫");
    assert!(!sanitation.is_empty() && sanitation.len() < october.len());
    assert!(sanitation.events.iter().all(|e| october.events.contains(e)));
    // a year stands for the year
    let year = search(&data, &index, "2021年");
    assert!(year.len() > october.len());
    assert!(year.events.iter().chain(&year.facts).count() > 0);
    assert!(year.facts.iter().all(|&f| data.facts[f].period_start.year <= 2021 && data.facts[f].period_end.year >= 2021
        || data.facts[f].raw.contains("2021")));
}

#[test]
fn a_printed_figure_finds_its_fact() {
    let data = data();
    let index = Index::new(&data);
    let found = search(&data, &index, "973.27");
    assert!(found.facts.iter().any(|&f| data.facts[f].raw == "973.27 万元"), "{:?}", ids(&data, &found));
}

#[test]
fn the_glossary_is_embedded_and_checked() {
    let terms = union_explorer::load::check_glossary(std::path::Path::new("data/glossary.toml")).expect("data/glossary.toml is valid");
    let glossary = union_explorer::embedded::glossary();
    assert_eq!(glossary.len(), terms.len());
    assert!(terms.len() >= 40);
    for (zh, en) in [("劳动模范", "model worker"), ("金秋助学", "Golden Autumn Student Aid"), ("慰问", "relief visit"), ("园区枫桥", "Park Fengqiao")] {
        assert!(terms.iter().any(|t| t.zh == zh && t.en == en), "{zh}");
    }
}

#[test]
fn a_broken_glossary_names_file_term_and_field() {
    let dir = std::env::temp_dir().join(format!("ue-glossary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("glossary.toml");
    let check = |text: &str| {
        std::fs::write(&file, text).expect("write");
        union_explorer::load::check_glossary(&file).expect_err("broken").join("\n")
    };
    let wrong_type = check("[[term]]\nid = \"a\"\nzh = \"劳模\"\nen = \"model worker\"\naliases_zh = \"劳动模范\"\n");
    assert!(wrong_type.contains("glossary.toml: term 'a', field `aliases_zh`"), "{wrong_type}");
    let unknown = check("[[term]]\nid = \"a\"\nzh = \"劳模\"\nen = \"x\"\nalias = []\n");
    assert!(unknown.contains("term 'a'") && unknown.contains("alias"), "{unknown}");
    let twice = check(
        "[[term]]\nid = \"a\"\nzh = \"劳模\"\nen = \"model worker\"\n\n[[term]]\nid = \"b\"\nzh = \"工匠\"\nen = \"\"\naliases_zh = [\"劳模\"]\naliases_en = [\"Model-Workers\"]\n",
    );
    for expected in [
        "glossary.toml: term 'b', field `en`: is empty",
        "glossary.toml: term 'b', field `aliases_zh`: '劳模' is already listed under term 'a'",
        "glossary.toml: term 'b', field `aliases_en`: 'Model-Workers' is already listed under term 'a'",
    ] {
        assert!(twice.contains(expected), "{expected} in {twice}");
    }
    let long = check(&format!("[[term]]\nid = \"a\"\nzh = \"{}\"\nen = \"x\"\n", "劳".repeat(61)));
    assert!(long.contains("term 'a', field `zh`") && long.contains("at most 60"), "{long}");
    let _ = std::fs::remove_dir_all(&dir);
}
