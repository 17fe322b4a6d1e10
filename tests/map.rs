//! The map of Fujian: its hand-made layout against the regions and their shared borders, the
//! colour classes, and the map of the real dataset, counted and by indicator, drawn to SVG.

use std::collections::BTreeSet;
use std::path::Path;
use union_explorer::explore::{select, Filter, Index};
use union_explorer::i18n::Lang;
use union_explorer::map::*;
use union_explorer::model::{Dataset, RegionLevel};

fn data() -> Dataset {
    union_explorer::embedded::dataset().expect("embedded dataset decodes")
}

fn tile(id: &str, col: u32, row: u32) -> TilePlace {
    TilePlace { id: id.to_owned(), col, row, label_zh: None, label_en: None }
}

fn border(a: &str, b: &str) -> Border {
    Border { between: vec![a.to_owned(), b.to_owned()] }
}

/// Which of Fujian's cities share a border (Pingtan, an island, with Fuzhou across the strait).
const SHARED_BORDERS: [(&str, &str); 16] = [
    ("nanping", "ningde"),
    ("nanping", "fuzhou"),
    ("nanping", "sanming"),
    ("ningde", "fuzhou"),
    ("fuzhou", "sanming"),
    ("fuzhou", "putian"),
    ("fuzhou", "quanzhou"),
    ("fuzhou", "pingtan"),
    ("sanming", "quanzhou"),
    ("sanming", "longyan"),
    ("putian", "quanzhou"),
    ("quanzhou", "longyan"),
    ("quanzhou", "zhangzhou"),
    ("quanzhou", "xiamen"),
    ("zhangzhou", "xiamen"),
    ("zhangzhou", "longyan"),
];

fn shares_border(a: &str, b: &str) -> bool {
    SHARED_BORDERS.iter().any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b))
}

#[test]
fn the_layout_has_every_city_once_one_tile_a_cell_and_touches_only_across_borders() {
    let data = data();
    let file = union_explorer::load::map_file(Path::new("data"));
    let tiles = union_explorer::load::check_map(&file, &data.regions).expect("data/map.toml passes its checks");
    assert_eq!(tiles, embedded_layout(), "the app carries the layout as checked");
    let cities: BTreeSet<&str> = data.regions.iter().filter(|r| r.level == RegionLevel::City).map(|r| r.id.as_str()).collect();
    let placed: Vec<&str> = tiles.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(placed.len(), 10, "nine cities and Pingtan");
    assert_eq!(placed.iter().copied().collect::<BTreeSet<_>>(), cities, "every city once");
    let cells: BTreeSet<(u32, u32)> = tiles.iter().map(|t| (t.col, t.row)).collect();
    assert_eq!(cells.len(), tiles.len(), "no two tiles on one cell");
    for (a, b) in touching(&tiles) {
        assert!(shares_border(a, b), "{a} and {b} touch on the map but share no border");
    }
    // the grid reads like the province: the north on top, the south-west at the bottom left
    let at = |id: &str| tiles.iter().find(|t| t.id == id).map(|t| (t.col, t.row)).expect("placed");
    assert!(at("nanping").1 == 0 && at("ningde").1 == 0);
    assert!(at("zhangzhou").1 > at("quanzhou").1 && at("zhangzhou").0 < at("quanzhou").0);
    assert!(at("xiamen").1 > at("fuzhou").1);
    assert_eq!((at("pingtan").0, at("pingtan").1), (at("fuzhou").0 + 1, at("fuzhou").1), "Pingtan off Fuzhou's coast");
    // the table of borders in the data file is the table above
    let text = std::fs::read_to_string(&file).expect("map.toml reads");
    for (a, b) in SHARED_BORDERS {
        assert!(text.contains(&format!("between = [\"{a}\", \"{b}\"]")), "{a}–{b} in map.toml");
    }
}

#[test]
fn a_broken_layout_names_the_record_and_the_field() {
    let data = data();
    let regions = &data.regions;
    let borders = vec![border("fuzhou", "ningde")];
    // two on one cell, touching without a border, a county, a city missing, off the grid
    let tiles = vec![tile("fuzhou", 0, 0), tile("ningde", 0, 1), tile("xiamen", 1, 1), tile("quanzhou", 0, 0), tile("jinjiang", 9, 9)];
    let problems: Vec<String> = check_layout(&tiles, &borders, regions).iter().map(ToString::to_string).collect();
    let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
    assert!(has("tile 'quanzhou', field `col`: on the same cell (0, 0) as 'fuzhou'"), "{problems:#?}");
    assert!(has("tile 'xiamen', field `col`: touches 'ningde'"), "{problems:#?}");
    assert!(has("tile 'jinjiang', field `id`: only cities"), "{problems:#?}");
    assert!(has("tile 'jinjiang', field `row`: 9 is off the grid"), "{problems:#?}");
    assert!(has("tile 'nanping', field `id`: a city without a tile"), "{problems:#?}");
    let bad_border = check_layout(&[tile("fuzhou", 0, 0)], &[border("fuzhou", "atlantis")], &[]);
    assert_eq!(bad_border[0].to_string(), "border #1, field `between`: 'atlantis' has no tile");
    // the file as the build reads it: a wrong field type names the tile and the field
    let dir = std::env::temp_dir().join(format!("ue-map-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("map.toml");
    std::fs::write(&file, "[[tile]]\nid = \"fuzhou\"\ncol = \"east\"\nrow = 1\n").expect("writes");
    let errors = union_explorer::load::check_map(&file, &[]).expect_err("a column must be a number");
    assert!(errors[0].contains("map.toml: tile 'fuzhou', field `col`"), "{errors:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn colour_classes_step_evenly_to_a_round_number() {
    assert_eq!(class_bounds(&[]), Vec::<f64>::new());
    assert_eq!(class_bounds(&[37.0, 3.0, 12.0]), vec![10.0, 20.0, 30.0, 40.0]);
    assert_eq!(class_bounds(&[2.0, 1.0]), vec![1.0, 2.0], "counts: whole-number classes");
    assert_eq!(class_bounds(&[9_732_700.0, 120_000_000.0]), vec![25e6, 50e6, 75e6, 100e6, 125e6]);
    let bounds = class_bounds(&[37.0, 3.0, 12.0]);
    assert_eq!(class_of(3.0, &bounds), 0);
    assert_eq!(class_of(10.0, &bounds), 0, "an upper bound belongs to its class");
    assert_eq!(class_of(12.0, &bounds), 1);
    assert_eq!(class_of(37.0, &bounds), 3, "the largest value is in the darkest class used");
    assert!(bounds.len() <= CLASSES);
    assert_eq!(legend_number(20_000.0, Lang::Zh), "2万");
    assert_eq!(legend_number(150_000_000.0, Lang::Zh), "1.5亿");
    assert_eq!(legend_number(20_000.0, Lang::En), "20 thousand");
    assert_eq!(legend_number(1_500_000.0, Lang::En), "1.5 million");
    assert_eq!(legend_number(40.0, Lang::En), "40");
}

#[test]
fn the_map_counts_every_record_of_the_selection_in_its_place() {
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let map = map_chart(&data, &index, &all, &embedded_layout(), None, Lang::En);
    assert_eq!(map.tiles().count(), 10);
    let counted: f64 = map.places.iter().filter_map(|p| match p.shown {
        Shown::Value { value, .. } => Some(value),
        _ => None,
    }).sum();
    assert_eq!(counted as usize, all.len(), "every record in one place, counties in their city");
    let fujian = map.beside().find(|p| p.region == "fujian").expect("the province's own records beside the grid");
    let own = data.facts.iter().filter(|f| f.region == "fujian").count() + data.events.iter().filter(|e| e.region == "fujian").count();
    assert_eq!(fujian.label, format!("{own} records"));
    let quanzhou = map.tiles().find(|p| p.region == "quanzhou").expect("a Quanzhou tile");
    let under_quanzhou = |region: &str| index.lineage(region).iter().any(|r| r == "quanzhou");
    let in_quanzhou = data.facts.iter().filter(|f| under_quanzhou(&f.region)).count() + data.events.iter().filter(|e| under_quanzhou(&e.region)).count();
    assert_eq!(quanzhou.shown, Shown::Value { value: in_quanzhou as f64, class: class_of(in_quanzhou as f64, &map.bounds) });
    assert!(quanzhou.counties.iter().any(|c| c == "Jinjiang"), "{:?}", quanzhou.counties);
    // a place without records says so, never zero
    for place in map.tiles().filter(|p| p.shown == Shown::NoData) {
        assert_eq!(place.label, "no data");
    }
    assert_eq!(map.legend.len(), map.bounds.len());
    assert!(!map.sources.is_empty());
    // a search that finds nothing in Xiamen draws it as having no data
    let filter = Filter { docs: ["qz2023".to_owned()].into(), ..Filter::default() };
    let quanzhou_report = select(&data, &index, &filter);
    let map = map_chart(&data, &index, &quanzhou_report, &embedded_layout(), None, Lang::Zh);
    let xiamen = map.tiles().find(|p| p.region == "xiamen").expect("a Xiamen tile");
    assert_eq!((&xiamen.shown, xiamen.label.as_str()), (&Shown::NoData, "无数据"));
}

#[test]
fn by_indicator_each_place_shows_its_latest_comparable_figure_and_says_what_is_left_out() {
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let layout = embedded_layout();
    for indicator in &data.indicators {
        let map = map_chart(&data, &index, &all, &layout, Some(&indicator.id), Lang::En);
        assert_eq!(map.indicator.as_deref(), Some(indicator.id.as_str()));
        let flagged = data.facts.iter().filter(|f| f.indicator == indicator.id && !f.comparable()).count();
        assert_eq!(map.left_out.len(), flagged, "{}: every figure left out is listed", indicator.id);
        for place in &map.places {
            let own: Vec<_> = data.facts.iter().filter(|f| f.indicator == indicator.id && f.region == place.region && f.comparable()).collect();
            match &place.shown {
                Shown::Value { value, class } => {
                    let latest = own.iter().max_by_key(|f| f.period_end.last_day()).expect("a coloured place has a figure");
                    assert_eq!(latest.period_end.last_day(), own.iter().find(|f| f.value == *value).map(|f| f.period_end.last_day()).unwrap_or_default());
                    assert_eq!(*class, class_of(*value, &map.bounds));
                }
                Shown::LeftOut => {
                    assert!(own.is_empty());
                    assert!(data.facts.iter().any(|f| f.indicator == indicator.id && f.region == place.region && !f.comparable()));
                    assert_eq!(place.label, "left out");
                }
                Shown::NoData => assert!(own.is_empty(), "{}: {} has a figure", indicator.id, place.region),
            }
        }
    }
}

#[test]
fn the_svg_has_a_tile_per_place_its_title_legend_and_sources() {
    let data = data();
    let index = Index::new(&data);
    let all = select(&data, &index, &Filter::default());
    let layout = embedded_layout();
    let selected: BTreeSet<String> = ["quanzhou".to_owned()].into();
    for lang in [Lang::Zh, Lang::En] {
        let map = map_chart(&data, &index, &all, &layout, None, lang);
        let size = (800, map_height(&map, 800, lang));
        let svg = map_svg(&map, &selected, lang, size).expect("draws");
        assert!(svg.contains(&map.title), "{lang:?}: title");
        assert!(svg.contains(if lang == Lang::Zh { "来源：" } else { "Source: " }));
        for place in &map.places {
            assert!(svg.contains(&place.short_name), "{lang:?}: {} drawn", place.short_name);
        }
        for label in &map.legend {
            assert!(svg.contains(label.as_str()), "{lang:?}: legend {label}");
        }
        // one hit per place: what the app lays its buttons over
        let mut out = String::new();
        {
            use plotters::prelude::*;
            let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
            let frame = union_explorer::charts::Frame { title: &map.title, source: String::new(), caveat: None, theme: union_explorer::charts::Theme::LIGHT, scale: 1.0 };
            let hits = draw_map(&root, &map, &selected, &frame, lang).expect("draws");
            assert_eq!(hits.len(), map.places.len());
            let regions: BTreeSet<&str> = hits.iter().map(|h| h.region.as_str()).collect();
            assert_eq!(regions.len(), map.places.len(), "one tile per place");
        }
    }
    // by indicator: the legend speaks in 万/亿
    let money = data.indicators.iter().find(|i| i.unit == union_explorer::model::Unit::Cny && data.facts.iter().filter(|f| f.indicator == i.id).map(|f| &f.region).collect::<BTreeSet<_>>().len() > 1).expect("a money indicator in two places");
    let map = map_chart(&data, &index, &all, &layout, Some(&money.id), Lang::Zh);
    let svg = map_svg(&map, &BTreeSet::new(), Lang::Zh, (800, map_height(&map, 800, Lang::Zh))).expect("draws");
    assert!(map.legend.iter().any(|l| l.contains('万') || l.contains('亿')), "{:?}", map.legend);
    assert!(svg.contains(&map.title));
}
