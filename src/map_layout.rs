//! The map's tile layout (`data/map.toml`): which cell each place's tile takes, and the checks
//! the build runs on it. Shared by the build script and the app.

use crate::model::RegionLevel;
use std::collections::{BTreeSet, HashMap};

/// One tile of the grid, as `data/map.toml` places it.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TilePlace {
    /// The region (a city, or Pingtan) the tile stands for.
    pub id: String,
    /// Column from the west, from 0.
    pub col: u32,
    /// Row from the north, from 0.
    pub row: u32,
    /// A shorter name for the tile than the region's own.
    #[serde(default)]
    pub label_zh: Option<String>,
    #[serde(default)]
    pub label_en: Option<String>,
}

/// Two places that share a border.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Border {
    pub between: Vec<String>,
}

/// Columns and rows a layout may use.
pub const MAX_CELLS: u32 = 8;

/// A problem of the layout file, naming the record and the field.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutProblem {
    pub record: String,
    pub field: &'static str,
    pub message: String,
}

impl std::fmt::Display for LayoutProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, field `{}`: {}", self.record, self.field, self.message)
    }
}

/// Tiles whose sides touch, each pair once, in layout order.
pub fn touching(tiles: &[TilePlace]) -> Vec<(&str, &str)> {
    let mut pairs = Vec::new();
    for (i, a) in tiles.iter().enumerate() {
        for b in &tiles[i + 1..] {
            if a.col.abs_diff(b.col) + a.row.abs_diff(b.row) == 1 {
                pairs.push((a.id.as_str(), b.id.as_str()));
            }
        }
    }
    pairs
}

/// Checks a layout against the regions of the dataset: every city exactly once, on the grid,
/// no two tiles on one cell, borders between tiles, and tiles that touch only where their places
/// share a border. With no regions given, only the layout itself is checked.
pub fn check_layout(tiles: &[TilePlace], borders: &[Border], regions: &[crate::model::Region]) -> Vec<LayoutProblem> {
    let mut problems = Vec::new();
    let mut report = |record: String, field: &'static str, message: String| problems.push(LayoutProblem { record, field, message });
    let mut seen = BTreeSet::new();
    let mut cells: HashMap<(u32, u32), &str> = HashMap::new();
    for tile in tiles {
        let record = format!("tile '{}'", tile.id);
        if !seen.insert(tile.id.as_str()) {
            report(record.clone(), "id", "listed twice; each place has one tile".to_owned());
        }
        if !regions.is_empty() {
            match regions.iter().find(|r| r.id == tile.id) {
                None => report(record.clone(), "id", format!("unknown region '{}'", tile.id)),
                Some(r) if r.level != RegionLevel::City => report(record.clone(), "id", "only cities (and Pingtan) have tiles".to_owned()),
                Some(_) => {}
            }
        }
        for (field, value) in [("col", tile.col), ("row", tile.row)] {
            if value >= MAX_CELLS {
                report(record.clone(), field, format!("{value} is off the grid (0 to {})", MAX_CELLS - 1));
            }
        }
        if let Some(other) = cells.insert((tile.col, tile.row), &tile.id) {
            if other != tile.id {
                report(record.clone(), "col", format!("on the same cell ({}, {}) as '{other}'", tile.col, tile.row));
            }
        }
    }
    for city in regions.iter().filter(|r| r.level == RegionLevel::City) {
        if !seen.contains(city.id.as_str()) {
            report(format!("tile '{}'", city.id), "id", "a city without a tile".to_owned());
        }
    }
    let mut shared = BTreeSet::new();
    for (n, border) in borders.iter().enumerate() {
        let record = format!("border #{}", n + 1);
        match border.between.as_slice() {
            [a, b] if a != b => {
                for id in [a, b] {
                    if !seen.contains(id.as_str()) {
                        report(record.clone(), "between", format!("'{id}' has no tile"));
                    }
                }
                shared.insert((a.min(b).clone(), a.max(b).clone()));
            }
            _ => report(record, "between", "names two different places".to_owned()),
        }
    }
    for (a, b) in touching(tiles) {
        let key = (a.min(b).to_owned(), a.max(b).to_owned());
        if !shared.contains(&key) {
            report(format!("tile '{b}'"), "col", format!("touches '{a}', but the two share no [[border]]"));
        }
    }
    problems
}

/// The layout as the app carries it: one `id col row label_zh label_en` line per tile, tab-separated.
pub fn encode_layout(tiles: &[TilePlace]) -> String {
    tiles
        .iter()
        .map(|t| format!("{}\t{}\t{}\t{}\t{}\n", t.id, t.col, t.row, t.label_zh.as_deref().unwrap_or(""), t.label_en.as_deref().unwrap_or("")))
        .collect()
}

/// Reads what `encode_layout` wrote; a line that is not a tile is passed over.
pub fn decode_layout(text: &str) -> Vec<TilePlace> {
    text.lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let id = parts.next()?.to_owned();
            let col = parts.next()?.parse().ok()?;
            let row = parts.next()?.parse().ok()?;
            let label = |p: Option<&str>| p.filter(|s| !s.is_empty()).map(str::to_owned);
            let label_zh = label(parts.next());
            let label_en = label(parts.next());
            Some(TilePlace { id, col, row, label_zh, label_en })
        })
        .collect()
}

