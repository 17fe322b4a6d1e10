//! `ue-data`: validate, verify, extract and export the dataset under `data/`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli::run(&args) {
        Ok(code) => std::process::exit(code),
        Err(message) => {
            eprintln!("error: {message}");
            eprintln!("{}", cli::USAGE);
            std::process::exit(2);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::{Path, PathBuf};
    use union_explorer::coverage::{number_statuses, reconcile};
    use union_explorer::load::{load_dir, Loaded};
    use union_explorer::sources::SourceText;
    use union_explorer::validate::{curation, validate};

    pub const USAGE: &str = "\
usage: ue-data [--data DIR] <command>
  validate                 check every rule of the dataset (ids, references, periods, raw -> value)
  verify --sources DIR     check that every cited token is on its line of its source file
  extract [--unexplained] [--check] FILE...
                           list every number in FILE(s), marking what explains it
                           (--check: exit 1 if any number is unexplained)
  compare                  every indicator several figures share, with what decides whether
                           they compare (region, period, aggregation, level, money, marks);
                           exit 1 if the rules reject a comparison
  export [--pretty]        the whole dataset as JSON (export schema) on stdout
  synth --scale N [--seed S]
                           a synthetic dataset N times the real one (for benchmarks), as JSON
--data DIR defaults to ./data";

    /// Returns the exit code: 0 all well, 1 problems found.
    pub fn run(args: &[String]) -> Result<i32, String> {
        let mut data_dir = PathBuf::from("data");
        let mut rest = Vec::new();
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            if arg == "--data" {
                data_dir = iter.next().ok_or("--data needs a folder")?.into();
            } else if arg == "-h" || arg == "--help" {
                println!("{USAGE}");
                return Ok(0);
            } else {
                rest.push(arg.as_str());
            }
        }
        let Some((command, options)) = rest.split_first() else { return Err("no command given".into()) };
        let loaded = match load_dir(&data_dir) {
            Ok(loaded) => loaded,
            Err(errors) => {
                for error in &errors {
                    eprintln!("{error}");
                }
                eprintln!("{} problem(s) reading {}", errors.len(), data_dir.display());
                return Ok(1);
            }
        };
        match *command {
            "validate" => Ok(run_validate(&loaded, &data_dir)),
            "verify" => match options {
                ["--sources", dir] => Ok(run_verify(&loaded, Path::new(dir))),
                _ => Err("verify takes --sources DIR".into()),
            },
            "extract" => {
                let unexplained_only = options.contains(&"--unexplained");
                let check = options.contains(&"--check");
                let files: Vec<&str> = options.iter().copied().filter(|o| !o.starts_with("--")).collect();
                if files.is_empty() {
                    return Err("extract needs at least one FILE".into());
                }
                run_extract(&loaded, &files, unexplained_only, check)
            }
            "compare" => {
                let comparisons = union_explorer::compare::comparisons(&loaded.dataset);
                print!("{}", union_explorer::compare::report(&comparisons));
                Ok(if comparisons.iter().any(|c| !c.rejected.is_empty()) { 1 } else { 0 })
            }
            "export" => {
                let json = if options.contains(&"--pretty") {
                    serde_json::to_string_pretty(&loaded.dataset)
                } else {
                    serde_json::to_string(&loaded.dataset)
                };
                println!("{}", json.map_err(|e| e.to_string())?);
                Ok(0)
            }
            "synth" => {
                let number = |flag: &str, default: Option<u64>| -> Result<u64, String> {
                    match options.iter().position(|o| *o == flag) {
                        Some(i) => options.get(i + 1).and_then(|v| v.parse().ok()).ok_or(format!("{flag} needs a whole number")),
                        None => default.ok_or(format!("synth needs {flag} N")),
                    }
                };
                let scale = number("--scale", None)?.clamp(1, 1000) as usize;
                let seed = number("--seed", Some(1))?;
                let synthetic = union_explorer::synth::synthesize(&loaded.dataset, scale, seed);
                println!("{}", serde_json::to_string(&synthetic).map_err(|e| e.to_string())?);
                Ok(0)
            }
            other => Err(format!("unknown command '{other}'")),
        }
    }

    fn run_validate(loaded: &Loaded, data_dir: &Path) -> i32 {
        let data = &loaded.dataset;
        let mut problems: Vec<String> = validate(data).iter().chain(&curation(data)).map(|p| loaded.describe(p)).collect();
        let terms = match union_explorer::load::check_glossary(&union_explorer::load::glossary_file(data_dir)) {
            Ok(terms) => terms.len(),
            Err(glossary_problems) => {
                problems.extend(glossary_problems);
                0
            }
        };
        for skip in &loaded.skips {
            if skip.line == 0 || skip.token.trim().is_empty() {
                problems.push(format!("document '{}': skip at line {} needs a line and a token", skip.doc, skip.line));
            }
        }
        for problem in &problems {
            println!("{problem}");
        }
        if problems.is_empty() {
            println!(
                "ok: {} documents, {} regions, {} categories, {} indicators, {} facts, {} events, {} skips, {terms} glossary terms",
                data.documents.len(),
                data.regions.len(),
                data.categories.len(),
                data.indicators.len(),
                data.facts.len(),
                data.events.len(),
                loaded.skips.len()
            );
            0
        } else {
            println!("{} problem(s)", problems.len());
            1
        }
    }

    fn read_source(dir: &Path, file: &str) -> Result<SourceText, String> {
        let path = dir.join(file);
        std::fs::read_to_string(&path).map(|t| SourceText::new(&t)).map_err(|e| format!("cannot read {}: {e}", path.display()))
    }

    fn run_verify(loaded: &Loaded, sources: &Path) -> i32 {
        let mut problems = Vec::new();
        let mut cited = 0;
        for doc in &loaded.dataset.documents {
            let text = match read_source(sources, &doc.source_file) {
                Ok(text) => text,
                Err(message) => {
                    problems.push(format!("document '{}', field `source_file`: {message}", doc.id));
                    continue;
                }
            };
            let result = reconcile(&text, &loaded.dataset, &loaded.skips, &doc.id);
            cited += result.explanations.len();
            for miss in &result.misses {
                let origin = loaded.origin("document", &doc.id).map(|p| p.display().to_string()).unwrap_or_default();
                let described = loaded.describe(miss);
                problems.push(if described.starts_with(&origin) { described } else { format!("{origin}: {described}") });
            }
        }
        for problem in &problems {
            println!("{problem}");
        }
        if problems.is_empty() {
            println!("ok: {cited} cited tokens found on their lines in {}", sources.display());
            0
        } else {
            println!("{} problem(s)", problems.len());
            1
        }
    }

    fn run_extract(loaded: &Loaded, files: &[&str], unexplained_only: bool, check: bool) -> Result<i32, String> {
        let mut unexplained = 0;
        for file in files {
            let path = Path::new(file);
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {file}: {e}"))?;
            let text = SourceText::new(&text);
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let doc = loaded.dataset.documents.iter().find(|d| d.source_file == name);
            let explanations = match doc {
                Some(doc) => reconcile(&text, &loaded.dataset, &loaded.skips, &doc.id).explanations,
                None => Vec::new(),
            };
            let statuses = number_statuses(&text, &explanations);
            let missing = statuses.iter().filter(|s| s.explained_by.is_none()).count();
            unexplained += missing;
            println!(
                "# {file}: document {}, {} numbers, {} unexplained",
                doc.map_or("(none: not in the dataset yet)", |d| d.id.as_str()),
                statuses.len(),
                missing
            );
            for status in statuses.iter().filter(|s| !unexplained_only || s.explained_by.is_none()) {
                let verdict = status.explained_by.as_deref().unwrap_or("UNEXPLAINED");
                println!("{:>5}  {:<12} {:<24} …{}…", status.line, status.token, verdict, status.context);
            }
        }
        Ok(if check && unexplained > 0 { 1 } else { 0 })
    }
}
