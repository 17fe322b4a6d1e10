//! Mounts the explorer in the page; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    union_explorer::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("union-explorer is a browser app: build it with `trunk build --release` (see README.md).");
    eprintln!("The data tool is `cargo run --bin ue-data -- --help`.");
    std::process::exit(2);
}
