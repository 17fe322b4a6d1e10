//! Reads and validates `data/`, then embeds it as JSON. A broken data file fails the build
//! with a message naming the file, the record and the field.
#![allow(dead_code)]

#[path = "src/codes.rs"]
mod codes;
#[path = "src/dates.rs"]
mod dates;
#[path = "src/glossary.rs"]
mod glossary;
#[path = "src/i18n.rs"]
mod i18n;
#[path = "src/load.rs"]
mod load;
#[path = "src/map_layout.rs"]
mod map_layout;
#[path = "src/model.rs"]
mod model;
#[path = "src/numbers.rs"]
mod numbers;
#[path = "src/packed.rs"]
mod packed;
#[path = "src/shared_str.rs"]
mod shared_str;
#[path = "src/validate.rs"]
mod validate;

use std::path::Path;

/// Set to 1 to build with broken data (an empty dataset is embedded), so that the `ue-data`
/// tool can still run and report on it.
const ALLOW_INVALID: &str = "UE_ALLOW_INVALID_DATA";

/// Set to a JSON file in the export schema to embed it instead of `data/` (the benchmark's
/// synthetic datasets); it is validated by the same rules.
const DATASET_JSON: &str = "UE_DATASET_JSON";

fn main() {
    for file in ["data", "src/dates.rs", "src/glossary.rs", "src/i18n.rs", "src/load.rs", "src/map_layout.rs", "src/model.rs", "src/numbers.rs", "src/packed.rs", "src/validate.rs"] {
        println!("cargo:rerun-if-changed={file}");
    }
    println!("cargo:rerun-if-env-changed={ALLOW_INVALID}");
    println!("cargo:rerun-if-env-changed={DATASET_JSON}");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let out_dir = Path::new(&out_dir);

    embed_glossary(out_dir);
    if let Some(file) = std::env::var_os(DATASET_JSON).filter(|f| !f.is_empty()) {
        println!("cargo:rerun-if-changed={}", Path::new(&file).display());
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| fail(&[format!("{}: {e}", Path::new(&file).display())]));
        let dataset: model::Dataset =
            serde_json::from_str(&text).unwrap_or_else(|e| fail(&[format!("{}: {e}", Path::new(&file).display())]));
        let problems: Vec<String> = validate::validate(&dataset).iter().map(ToString::to_string).collect();
        if !problems.is_empty() {
            fail(&problems);
        }
        embed(out_dir, &dataset);
        return;
    }
    let problems: Vec<String> = match load::load_dir(Path::new("data")) {
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
        Ok(loaded) => {
            let mut problems = validate::validate(&loaded.dataset);
            problems.extend(validate::curation(&loaded.dataset));
            if problems.is_empty() {
                embed(out_dir, &loaded.dataset);
                return;
            }
            problems.iter().map(|p| loaded.describe(p)).collect()
        }
    };
    if std::env::var(ALLOW_INVALID).is_ok_and(|v| v == "1") {
        println!("cargo:warning=data/ has {} problem(s); embedding an empty dataset ({ALLOW_INVALID}=1)", problems.len());
        embed(out_dir, &model::Dataset::empty());
        return;
    }
    fail(&problems);
}

/// Reads and checks `data/glossary.toml` and writes its compact form (`glossary.txt`); a
/// broken entry fails the build like a broken record.
fn embed_glossary(out_dir: &Path) {
    let file = load::glossary_file(Path::new("data"));
    let checked = load::check_glossary(&file).map(|terms| glossary::encode(&terms));
    embed_checked(out_dir, "glossary.txt", &file, "glossary", checked);
}

/// Reads and checks `data/map.toml` against the regions embedded and writes its compact form
/// (`map.txt`); a broken layout fails the build.
fn embed_map(out_dir: &Path, regions: &[model::Region]) {
    let file = load::map_file(Path::new("data"));
    let checked = load::check_map(&file, regions).map(|tiles| map_layout::encode_layout(&tiles));
    embed_checked(out_dir, "map.txt", &file, "map", checked);
}

/// Writes a checked data file's compact form as `name`; problems fail the build, or, with
/// `UE_ALLOW_INVALID_DATA=1`, an empty `what` is embedded and the build goes on.
fn embed_checked(out_dir: &Path, name: &str, file: &Path, what: &str, checked: Result<String, Vec<String>>) {
    let problems = match checked {
        Ok(text) => {
            std::fs::write(out_dir.join(name), text).expect("OUT_DIR is writable");
            return;
        }
        Err(problems) => problems,
    };
    if std::env::var(ALLOW_INVALID).is_ok_and(|v| v == "1") {
        println!("cargo:warning={} has {} problem(s); embedding an empty {what} ({ALLOW_INVALID}=1)", file.display(), problems.len());
        std::fs::write(out_dir.join(name), "").expect("OUT_DIR is writable");
        return;
    }
    fail(&problems);
}

/// Writes the dataset twice over: whole (`dataset.json`, for native tests and tools), and as the
/// app reads it: everything but the records as JSON (`dataset-head.json`), then the facts and
/// events packed (`dataset-records.pack`, see `src/packed.rs`), which the app decodes a slice at
/// a time, painting between slices.
fn embed(out_dir: &Path, dataset: &model::Dataset) {
    embed_map(out_dir, &dataset.regions);
    let write = |name: &str, bytes: Vec<u8>| std::fs::write(out_dir.join(name), bytes).expect("OUT_DIR is writable");
    write("dataset.json", json(dataset).into_bytes());
    let head = model::Dataset { facts: Vec::new(), events: Vec::new(), ..dataset.clone() };
    write("dataset-head.json", json(&head).into_bytes());
    write("dataset-records.pack", packed::encode(dataset).unwrap_or_else(|e| fail(&[e])));
}

/// One line of compact JSON (a string holds a line break only as `\n`).
fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("the dataset serialises to JSON")
}

fn fail(problems: &[String]) -> ! {
    eprintln!("error: the dataset is broken ({} problem(s)):", problems.len());
    for problem in problems {
        eprintln!("  {problem}");
    }
    eprintln!("Fix what is named above; `{ALLOW_INVALID}=1 cargo run --bin ue-data -- validate` lists the problems of data/.");
    std::process::exit(1);
}
