//! Reading the human-edited TOML files under `data/` into a [`Dataset`]. Used by the build
//! script (which embeds the result) and by the `ue-data` tool; never compiled into the app.

use crate::model::{Category, Dataset, Document, Event, Fact, Indicator, Region, Skip};
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// A dataset read from disk, with what is needed to point back at the files.
pub struct Loaded {
    pub dataset: Dataset,
    pub skips: Vec<Skip>,
    /// The file each record came from, keyed by (record kind, id).
    origins: HashMap<(&'static str, String), PathBuf>,
}

impl Loaded {
    pub fn origin(&self, record_kind: &str, id: &str) -> Option<&Path> {
        self.origins.get(&(kind_key(record_kind), id.to_owned())).map(PathBuf::as_path)
    }

    /// `file: problem`, for messages that must name the file.
    pub fn describe(&self, problem: &crate::validate::Problem) -> String {
        match self.origin(problem.record_kind, &problem.record_id) {
            Some(path) => format!("{}: {problem}", path.display()),
            None => problem.to_string(),
        }
    }
}

fn kind_key(kind: &str) -> &'static str {
    match kind {
        "document" => "document",
        "region" => "region",
        "category" => "category",
        "indicator" => "indicator",
        "fact" => "fact",
        "event" => "event",
        _ => "other",
    }
}

/// A file that could not be read as the schema says, naming file, record and field.
#[derive(Debug)]
pub struct LoadError {
    pub file: PathBuf,
    pub record: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if !self.record.is_empty() {
            write!(f, ": {}", self.record)?;
        }
        if !self.field.is_empty() {
            write!(f, ", field `{}`", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

struct Reader {
    loaded: Loaded,
    errors: Vec<LoadError>,
}

impl Reader {
    fn error(&mut self, file: &Path, record: String, field: String, message: String) {
        self.errors.push(LoadError { file: file.to_owned(), record, field, message });
    }

    fn read_table(&mut self, file: &Path) -> Option<toml::Table> {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                self.error(file, String::new(), String::new(), format!("cannot read: {e}"));
                return None;
            }
        };
        match text.parse::<toml::Table>() {
            Ok(table) => Some(table),
            Err(e) => {
                self.error(file, String::new(), String::new(), format!("not valid TOML: {e}"));
                None
            }
        }
    }

    /// Reads the records of one `[[kind]]` array, each on its own so one bad record names
    /// itself and the rest still load.
    fn records<T: DeserializeOwned>(&mut self, file: &Path, table: &mut toml::Table, kind: &'static str) -> Vec<T> {
        let Some(value) = table.remove(kind) else { return Vec::new() };
        let toml::Value::Array(items) = value else {
            self.error(file, String::new(), kind.to_owned(), format!("write each {kind} as [[{kind}]]"));
            return Vec::new();
        };
        let mut records = Vec::with_capacity(items.len());
        for (index, item) in items.into_iter().enumerate() {
            let label = match item.get("id").and_then(toml::Value::as_str) {
                Some(id) => format!("{kind} '{id}'"),
                None => format!("{kind} #{} (no id)", index + 1),
            };
            if let Some(record) = self.record(file, item, &label) {
                records.push(record);
            }
        }
        records
    }

    fn record<T: DeserializeOwned>(&mut self, file: &Path, item: toml::Value, label: &str) -> Option<T> {
        match serde_path_to_error::deserialize::<_, T>(item) {
            Ok(record) => Some(record),
            Err(e) => {
                let field = e.path().to_string();
                let field = if field == "." { String::new() } else { field };
                self.error(file, label.to_owned(), field, e.into_inner().to_string());
                None
            }
        }
    }

    fn no_other_keys(&mut self, file: &Path, table: &toml::Table) {
        for key in table.keys() {
            self.error(file, String::new(), key.clone(), "unknown section; expected document, region, indicator, category, fact, event or skip".to_owned());
        }
    }

    fn note_origins<'a>(&mut self, kind: &'static str, ids: impl Iterator<Item = &'a String>, file: &Path) {
        for id in ids {
            self.loaded.origins.insert((kind, id.clone()), file.to_owned());
        }
    }

    fn read_shared(&mut self, file: &Path) {
        let Some(mut table) = self.read_table(file) else { return };
        let categories: Vec<Category> = self.records(file, &mut table, "category");
        let regions: Vec<Region> = self.records(file, &mut table, "region");
        let indicators: Vec<Indicator> = self.records(file, &mut table, "indicator");
        self.no_other_keys(file, &table);
        self.note_origins("category", categories.iter().map(|c| &c.id), file);
        self.note_origins("region", regions.iter().map(|r| &r.id), file);
        self.note_origins("indicator", indicators.iter().map(|i| &i.id), file);
        let data = &mut self.loaded.dataset;
        data.categories.extend(categories);
        data.regions.extend(regions);
        data.indicators.extend(indicators);
    }

    fn read_report(&mut self, file: &Path) {
        let Some(mut table) = self.read_table(file) else { return };
        let document: Option<Document> = match table.remove("document") {
            Some(value) => self.record(file, value, "document"),
            None => {
                self.error(file, String::new(), "document".to_owned(), "a report file needs a [document] table".to_owned());
                None
            }
        };
        let regions: Vec<Region> = self.records(file, &mut table, "region");
        let indicators: Vec<Indicator> = self.records(file, &mut table, "indicator");
        let mut facts: Vec<Fact> = self.records(file, &mut table, "fact");
        let mut events: Vec<Event> = self.records(file, &mut table, "event");
        let mut skips: Vec<Skip> = self.records(file, &mut table, "skip");
        self.no_other_keys(file, &table);
        let doc_id = document.as_ref().map(|d| d.id.clone()).unwrap_or_default();
        let shared_doc_id = crate::model::SharedStr::from(doc_id.as_str());
        facts.iter_mut().for_each(|f| f.doc.clone_from(&shared_doc_id));
        events.iter_mut().for_each(|e| e.doc.clone_from(&shared_doc_id));
        skips.iter_mut().for_each(|s| s.doc.clone_from(&doc_id));
        if let Some(document) = &document {
            self.note_origins("document", std::iter::once(&document.id), file);
        }
        self.note_origins("region", regions.iter().map(|r| &r.id), file);
        self.note_origins("indicator", indicators.iter().map(|i| &i.id), file);
        self.note_origins("fact", facts.iter().map(|f| &f.id), file);
        self.note_origins("event", events.iter().map(|e| &e.id), file);
        let data = &mut self.loaded.dataset;
        data.documents.extend(document);
        data.regions.extend(regions);
        data.indicators.extend(indicators);
        data.facts.extend(facts);
        data.events.extend(events);
        self.loaded.skips.extend(skips);
    }
}

/// The TOML files a data folder is made of, in load order; the build script watches them.
pub fn data_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let mut files: Vec<PathBuf> = ["categories.toml", "regions.toml", "indicators.toml"].iter().map(|f| dir.join(f)).collect();
    let reports = dir.join("reports");
    let entries = std::fs::read_dir(&reports).map_err(|e| LoadError {
        file: reports.clone(),
        record: String::new(),
        field: String::new(),
        message: format!("cannot list report files: {e}"),
    })?;
    let mut report_files: Vec<PathBuf> =
        entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
    report_files.sort();
    files.extend(report_files);
    Ok(files)
}

/// The glossary file in a data folder.
pub fn glossary_file(dir: &Path) -> PathBuf {
    dir.join("glossary.toml")
}

/// Reads `glossary.toml` (its `[[term]]` entries, each on its own so one bad entry names
/// itself); `validate` checks the rest. On failure, every problem found, naming the file.
pub fn load_glossary(file: &Path) -> Result<Vec<crate::glossary::Term>, Vec<LoadError>> {
    let mut reader = Reader {
        loaded: Loaded { dataset: Dataset::empty(), skips: Vec::new(), origins: HashMap::new() },
        errors: Vec::new(),
    };
    let terms = match reader.read_table(file) {
        Some(mut table) => {
            let terms = reader.records(file, &mut table, "term");
            for key in table.keys() {
                reader.error(file, String::new(), key.clone(), "unknown section; the glossary holds [[term]] entries".to_owned());
            }
            terms
        }
        None => Vec::new(),
    };
    if reader.errors.is_empty() {
        Ok(terms)
    } else {
        Err(reader.errors)
    }
}

/// Reads and checks a glossary file: its terms, or every problem, each naming the file, the
/// term and the field (`data/glossary.toml: term 'x', field `aliases_zh`: …`).
pub fn check_glossary(file: &Path) -> Result<Vec<crate::glossary::Term>, Vec<String>> {
    let terms = load_glossary(file).map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let problems = crate::glossary::validate(&terms);
    if problems.is_empty() {
        Ok(terms)
    } else {
        Err(problems.iter().map(|p| format!("{}: {p}", file.display())).collect())
    }
}

/// The map's tile layout in a data folder.
pub fn map_file(dir: &Path) -> PathBuf {
    dir.join("map.toml")
}

/// Reads `map.toml` (its `[[tile]]` and `[[border]]` entries) and checks it against `regions`:
/// the tiles, or every problem, each naming the file, the record and the field
/// (`data/map.toml: tile 'xiamen', field `col`: …`).
pub fn check_map(file: &Path, regions: &[Region]) -> Result<Vec<crate::map_layout::TilePlace>, Vec<String>> {
    let mut reader = Reader {
        loaded: Loaded { dataset: Dataset::empty(), skips: Vec::new(), origins: HashMap::new() },
        errors: Vec::new(),
    };
    let (tiles, borders) = match reader.read_table(file) {
        Some(mut table) => {
            let tiles: Vec<crate::map_layout::TilePlace> = reader.records(file, &mut table, "tile");
            let borders: Vec<crate::map_layout::Border> = reader.records(file, &mut table, "border");
            for key in table.keys() {
                reader.error(file, String::new(), key.clone(), "unknown section; the map holds [[tile]] and [[border]] entries".to_owned());
            }
            (tiles, borders)
        }
        None => (Vec::new(), Vec::new()),
    };
    if !reader.errors.is_empty() {
        return Err(reader.errors.iter().map(ToString::to_string).collect());
    }
    let problems = crate::map_layout::check_layout(&tiles, &borders, regions);
    if problems.is_empty() {
        Ok(tiles)
    } else {
        Err(problems.iter().map(|p| format!("{}: {p}", file.display())).collect())
    }
}

/// Reads the whole data folder; on failure, every problem found, each naming its file.
pub fn load_dir(dir: &Path) -> Result<Loaded, Vec<LoadError>> {
    let files = data_files(dir).map_err(|e| vec![e])?;
    let mut reader = Reader {
        loaded: Loaded { dataset: Dataset::empty(), skips: Vec::new(), origins: HashMap::new() },
        errors: Vec::new(),
    };
    for file in &files {
        if file.parent().is_some_and(|p| p.ends_with("reports")) {
            reader.read_report(file);
        } else {
            reader.read_shared(file);
        }
    }
    if reader.errors.is_empty() {
        reader.loaded.dataset.documents.sort_by(|a, b| a.source_file.cmp(&b.source_file));
        reader.loaded.dataset.complete_defaults();
        Ok(reader.loaded)
    } else {
        Err(reader.errors)
    }
}
