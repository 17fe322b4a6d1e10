//! The dataset compiled into this build (written by `build.rs` from `data/`, already validated).
//!
//! The app decodes it a slice at a time ([`Decoder`]), so that a large dataset does not hold the
//! page for the whole decode and a loading notice can show how far it has got.

use crate::model::Dataset;

/// The whole dataset as one JSON text in the export schema: for native tests and tools (the app
/// carries the sliced form below instead, not both).
#[cfg(not(target_arch = "wasm32"))]
pub const DATASET_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/dataset.json"));

/// Everything but the facts and events.
const HEAD_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/dataset-head.json"));
/// The facts and events, packed (`crate::packed`).
const RECORDS_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dataset-records.pack"));

/// The glossary in its compact form (`crate::glossary::encode`), checked by the build.
const GLOSSARY_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/glossary.txt"));

/// The built-in glossary, read on first use.
pub fn glossary() -> &'static crate::glossary::Glossary {
    static GLOSSARY: std::sync::OnceLock<crate::glossary::Glossary> = std::sync::OnceLock::new();
    GLOSSARY.get_or_init(|| crate::glossary::Glossary::decode(GLOSSARY_TEXT))
}

/// The whole dataset at once.
pub fn dataset() -> Result<Dataset, String> {
    let mut decoder = Decoder::new()?;
    while !decoder.step(usize::MAX)? {}
    Ok(decoder.finish())
}

/// Decodes the embedded dataset in steps of a given number of records.
pub struct Decoder {
    dataset: Dataset,
    records: crate::packed::Reader<'static>,
}

impl Decoder {
    /// Decodes the head (documents, regions, categories and indicators) and the string table.
    pub fn new() -> Result<Self, String> {
        let dataset = crate::open::parse(HEAD_JSON).map_err(|e| format!("embedded dataset: {}", e.summary(crate::i18n::Lang::En)))?;
        let records = crate::packed::Reader::new(RECORDS_PACKED, &dataset)?;
        Ok(Decoder { dataset, records })
    }

    /// Decodes up to `records` more facts and events; true once every record is in.
    pub fn step(&mut self, records: usize) -> Result<bool, String> {
        self.records.step(records, &mut self.dataset)
    }

    /// How much is decoded, from 0 to 1 (by records).
    pub fn progress(&self) -> f64 {
        self.records.progress()
    }

    /// The decoded dataset: whole once `step` has returned true.
    pub fn finish(self) -> Dataset {
        self.dataset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sliced_decoding_gives_the_whole_dataset() {
        let whole = crate::open::parse(DATASET_JSON).expect("the whole dataset parses");
        let mut decoder = Decoder::new().expect("head decodes");
        let mut steps = 0;
        let mut last_progress = 0.0;
        while !decoder.step(7).expect("records decode") {
            steps += 1;
            assert!(decoder.progress() > last_progress && decoder.progress() < 1.0);
            last_progress = decoder.progress();
        }
        assert_eq!(decoder.progress(), 1.0);
        assert!(steps >= (whole.facts.len() + whole.events.len()) / 7 - 1, "decoded in slices of 7");
        assert_eq!(decoder.finish(), whole);
        assert_eq!(dataset(), Ok(whole));
    }
}
