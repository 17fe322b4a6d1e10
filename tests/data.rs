//! The dataset under data/: it loads, obeys every rule, is what the build embedded, covers
//! what the reports hold, and a broken file is reported by file, record and field.

use std::path::{Path, PathBuf};
use union_explorer::coverage::{number_statuses, reconcile};
use union_explorer::load::load_dir;
use union_explorer::sources::SourceText;
use union_explorer::validate::validate;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

#[test]
fn data_loads_validates_and_is_what_the_build_embedded() {
    let loaded = load_dir(&data_dir()).unwrap_or_else(|errors| panic!("{errors:#?}"));
    let problems: Vec<String> = validate(&loaded.dataset).iter().map(|p| loaded.describe(p)).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let embedded = union_explorer::embedded::dataset().expect("embedded dataset decodes");
    assert_eq!(embedded, loaded.dataset, "the embedded dataset is stale: rebuild");
}

#[test]
fn data_covers_every_report_region_and_category() {
    let data = union_explorer::embedded::dataset().expect("embedded dataset decodes");
    assert_eq!(data.documents.len(), 5);
    assert!(data.facts.len() > 200, "{} facts", data.facts.len());
    assert!(data.events.len() > 50, "{} events", data.events.len());
    for doc in &data.documents {
        assert!(data.facts.iter().any(|f| f.doc == doc.id), "no facts from {}", doc.id);
        assert!(data.events.iter().any(|e| e.doc == doc.id), "no events from {}", doc.id);
    }
    for city in ["fuzhou", "xiamen", "putian", "sanming", "quanzhou", "zhangzhou", "nanping", "longyan", "ningde", "pingtan"] {
        let region = data.region(city).unwrap_or_else(|| panic!("region {city} missing"));
        assert_eq!(region.parent.as_deref(), Some("fujian"));
    }
    let categories: Vec<&str> = data.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        categories,
        [
            "ideology",
            "competitions_skills",
            "model_workers_craftsmen",
            "rights_legal",
            "assistance_welfare",
            "new_employment_forms",
            "organisation_building",
            "digital_services",
            "cross_strait",
            "culture_sports",
            "recuperation_tourism",
            "outdoor_worker_stations",
            "funding",
            "honours"
        ]
    );
}

/// With the source reports beside the repository (as in CI), every citation is on its line and
/// every number in the texts is in the dataset, a date, or a deliberate skip.
#[test]
fn every_number_in_the_sources_is_accounted_for() {
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !sources.is_dir() {
        eprintln!("{} not found: source checks skipped", sources.display());
        return;
    }
    let loaded = load_dir(&data_dir()).unwrap_or_else(|errors| panic!("{errors:#?}"));
    let mut failures = Vec::new();
    for doc in &loaded.dataset.documents {
        let text = std::fs::read_to_string(sources.join(&doc.source_file)).expect("source file readable");
        let text = SourceText::new(&text);
        let result = reconcile(&text, &loaded.dataset, &loaded.skips, &doc.id);
        failures.extend(result.misses.iter().map(|m| format!("{}: {m}", doc.id)));
        for status in number_statuses(&text, &result.explanations) {
            if status.explained_by.is_none() {
                failures.push(format!("{} line {}: '{}' unexplained (…{}…)", doc.source_file, status.line, status.token, status.context));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A copy of data/ in a fresh temporary folder, for breaking on purpose.
fn scratch_copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ue-data-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("reports")).expect("temp dir");
    for entry in std::fs::read_dir(data_dir()).expect("data dir").chain(std::fs::read_dir(data_dir().join("reports")).expect("reports")) {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let relative = path.strip_prefix(data_dir()).expect("inside data");
            std::fs::copy(&path, dir.join(relative)).expect("copy");
        }
    }
    dir
}

/// Replaces the first `from` after `anchor` in `file`.
fn break_file(file: &Path, anchor: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).expect("read");
    let at = text.find(anchor).expect("anchor present");
    let offset = at + text[at..].find(from).expect("text to break present");
    let broken = format!("{}{}{}", &text[..offset], to, &text[offset + from.len()..]);
    std::fs::write(file, broken).expect("write");
}

#[test]
fn a_wrong_type_names_file_record_and_field() {
    let dir = scratch_copy("type");
    let file = dir.join("reports/qz2023.toml");
    break_file(&file, "id = \"qz2023-f001\"", "unit = \"", "unit = \"yuan_");
    let errors = load_dir(&dir).err().expect("load fails");
    let message = errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    assert!(message.contains("qz2023.toml"), "{message}");
    assert!(message.contains("fact 'qz2023-f001'"), "{message}");
    assert!(message.contains("field `unit`"), "{message}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_value_that_does_not_follow_from_raw_names_file_record_and_field() {
    let dir = scratch_copy("value");
    let file = dir.join("reports/np2024.toml");
    break_file(&file, "id = \"np2024-f001\"", "value = ", "value = 1");
    let loaded = load_dir(&dir).unwrap_or_else(|errors| panic!("{errors:#?}"));
    let problems: Vec<String> = validate(&loaded.dataset).iter().map(|p| loaded.describe(p)).collect();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("np2024.toml: fact 'np2024-f001', field `value`"), "{}", problems[0]);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_dangling_reference_names_file_record_and_field() {
    let dir = scratch_copy("reference");
    let file = dir.join("reports/fz2021.toml");
    break_file(&file, "id = \"fz2021-e001\"", "region = \"", "region = \"atlantis");
    let loaded = load_dir(&dir).unwrap_or_else(|errors| panic!("{errors:#?}"));
    let problems: Vec<String> = validate(&loaded.dataset).iter().map(|p| loaded.describe(p)).collect();
    assert!(problems.iter().any(|p| p.contains("fz2021.toml: event 'fz2021-e001', field `region`")), "{problems:#?}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn synthetic_datasets_are_valid_deterministic_and_scaled() {
    let base = union_explorer::embedded::dataset().expect("embedded dataset decodes");
    let ten = union_explorer::synth::synthesize(&base, 10, 7);
    assert_eq!(ten.facts.len(), base.facts.len() * 10);
    assert_eq!(ten.events.len(), base.events.len() * 10);
    assert_eq!(ten.regions, base.regions);
    let problems = validate(&ten);
    assert!(problems.is_empty(), "{:#?}", &problems[..problems.len().min(5)]);
    assert_eq!(ten, union_explorer::synth::synthesize(&base, 10, 7), "same seed, same data");
}

/// The curated data obeys the rules outside datasets may skip, and the examples of figures that
/// do not compare are split, marked or moved.
#[test]
fn every_indicator_says_what_it_counts_and_how() {
    let loaded = load_dir(&data_dir()).unwrap_or_else(|errors| panic!("{errors:#?}"));
    let problems: Vec<String> = union_explorer::validate::curation(&loaded.dataset).iter().map(|p| loaded.describe(p)).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let comparisons = union_explorer::compare::comparisons(&loaded.dataset);
    let rejected: Vec<_> = comparisons.iter().filter(|c| !c.rejected.is_empty()).collect();
    assert!(rejected.is_empty(), "{}", union_explorer::compare::report(&comparisons));
}

/// Validates a copy of data/ with `file` broken after `anchor`, returning every problem of
/// either rule set, each naming its file.
fn problems_after(name: &str, file: &str, anchor: &str, from: &str, to: &str) -> Vec<String> {
    let dir = scratch_copy(name);
    break_file(&dir.join(file), anchor, from, to);
    let loaded = load_dir(&dir).unwrap_or_else(|errors| panic!("{errors:#?}"));
    let data = &loaded.dataset;
    let problems = validate(data).iter().chain(&union_explorer::validate::curation(data)).map(|p| loaded.describe(p)).collect();
    std::fs::remove_dir_all(dir).ok();
    problems
}

#[test]
fn a_stock_counted_as_a_flow_names_file_record_and_field() {
    let problems = problems_after("stock", "reports/qz2023.toml", "id = \"qz2023-f014\"", "aggregation = \"snapshot\"", "aggregation = \"period_total\"");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("qz2023.toml: fact 'qz2023-f014', field `aggregation`"), "{}", problems[0]);
    assert!(problems[0].contains("counts a stock"), "{}", problems[0]);
}

#[test]
fn money_without_its_kind_or_on_a_count_is_rejected() {
    let problems = problems_after("money", "reports/qz2023.toml", "id = \"innovation_economic_benefit\"", "money = \"benefit\"\n", "");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("qz2023.toml: indicator 'innovation_economic_benefit', field `money`"), "{}", problems[0]);
    let problems = problems_after("money-count", "indicators.toml", "id = \"outdoor_stations\"", "measure = \"stock\"", "measure = \"stock\"\nmoney = \"spent\"");
    assert!(problems.iter().any(|p| p.contains("indicator 'outdoor_stations', field `money`") && p.contains("only a CNY indicator")), "{problems:#?}");
}

#[test]
fn a_contradiction_names_a_real_fact_that_names_it_back() {
    let problems = problems_after("contra", "reports/qz2023.toml", "id = \"qz2023-f048\"", "contradicted_by = [\"qz2023-f049\"]", "contradicted_by = [\"qz2023-f999\"]");
    assert!(problems.iter().any(|p| p.contains("fact 'qz2023-f048', field `contradicted_by`: unknown fact 'qz2023-f999'")), "{problems:#?}");
    // qz2023-f049 still names f048, which no longer names it back
    assert!(problems.iter().any(|p| p.contains("fact 'qz2023-f049', field `contradicted_by`") && p.contains("does not name this one")), "{problems:#?}");
}

#[test]
fn a_marked_figure_says_why() {
    // an empty note (the rest of the line made a comment)
    let problems = problems_after("why", "reports/fj2021.toml", "id = \"fj2021-f006\"", "note_en = \"", "note_en = \"\" # ");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("fj2021.toml: fact 'fj2021-f006', field `note_en`"), "{}", problems[0]);
}

#[test]
fn a_shared_indicator_without_its_scope_is_reported() {
    let problems = problems_after("scope", "indicators.toml", "id = \"outdoor_stations\"", "counts_en = \"", "counts_en = \"\" # ");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("indicators.toml: indicator 'outdoor_stations', field `counts_en`"), "{}", problems[0]);
}

#[test]
fn old_indicator_ids_lead_to_their_successors() {
    use union_explorer::state::{IgnoreReason, ViewState};
    let data = union_explorer::embedded::dataset().expect("embedded dataset decodes");
    for (old, new) in [
        ("skills_and_innovation_activities", "labour_contests_held"),
        ("summer_cooling_funds", "summer_cooling_funds_spent"),
        ("outdoor_stations_provincial_best", "outdoor_stations_provincial_rated"),
        ("outdoor_stations_provincial_model", "outdoor_stations_provincial_rated"),
    ] {
        let (state, ignored) = ViewState::from_query(&format!("tab=charts&ind={old}"), &data);
        assert_eq!(state.indicator.as_deref(), Some(new), "{old}");
        assert_eq!(ignored.len(), 1, "{ignored:?}");
        assert_eq!(ignored[0].reason, IgnoreReason::RenamedTo(new.to_owned()));
    }
}

#[test]
fn national_events_have_a_place_of_their_own_and_planned_ones_are_marked() {
    use union_explorer::model::{EventStatus, RegionLevel};
    let data = union_explorer::embedded::dataset().expect("embedded dataset decodes");
    let china = data.region("china").expect("region");
    assert_eq!((china.level, china.parent.as_deref()), (RegionLevel::National, None));
    let congress = data.events.iter().find(|e| e.id == "qz2023-e001").expect("event");
    assert_eq!(congress.region, "china");
    let inspection = data.events.iter().find(|e| e.id == "fj2021-e002").expect("event");
    assert_eq!(inspection.status, EventStatus::Planned);
    // the lead paragraph's set phrase is no longer a list of events
    for id in ["np2024-e001", "np2024-e002", "np2024-e003", "np2024-e004", "np2024-e005", "np2024-e006"] {
        assert!(data.events.iter().all(|e| e.id != id), "{id}");
    }
    assert!(data.events.iter().all(|e| !e.title_en.to_lowercase().contains("condolence")));
    assert!(data.indicators.iter().all(|i| !i.en.to_lowercase().contains("condolence")));
}
