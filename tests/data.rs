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
