#!/usr/bin/env bash
# union-explorer's commands. Each installs what is missing (and skips what is there), so they
# are safe to re-run on a fresh Debian machine as root with rustc 1.95.
#
#   bash dev.sh serve              build the release app and serve it on http://127.0.0.1:8080
#   bash dev.sh test               run every test: native (cargo test), data checks, browser tests
#   bash dev.sh dist [PUBLIC_URL]  build dist/ for static hosting, e.g. under /union-explorer/
#   bash dev.sh bench              measure size, start, interaction, memory and scale (1x, 10x, 100x)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION="0.21.14"
SOURCES_DIR="$ROOT/../shared/seeds"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

apt_has() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

ensure_apt() {
  local missing=()
  for package in "$@"; do apt_has "$package" || missing+=("$package"); done
  if ((${#missing[@]})); then
    say "installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

ensure_rust() {
  command -v cargo >/dev/null || { echo "cargo not found: this machine needs its Rust toolchain (rustup)" >&2; exit 1; }
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
    say "installing trunk $TRUNK_VERSION (about 10 minutes)"
    cargo install "trunk@$TRUNK_VERSION" --locked
  fi
  # wasm-bindgen-cli must be exactly the wasm-bindgen the app links.
  local bindgen
  bindgen="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen\$"; then
    say "installing wasm-bindgen-cli $bindgen"
    cargo install wasm-bindgen-cli --version "=$bindgen"
  fi
  say "fetching crates (the build itself runs offline)"
  cargo fetch --quiet
}

ensure_node() {
  if ! command -v npm >/dev/null; then ensure_apt nodejs npm; fi
  # binaryen's wasm-opt (Debian's 108 writes modules Chromium rejects) and the browser driver,
  # exactly as package-lock.json pins them.
  if ! cmp -s package-lock.json node_modules/.installed-lock 2>/dev/null; then
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.installed-lock
  fi
  wasm-opt --version | grep -q "version 132" || { echo "wasm-opt 132 expected from node_modules/.bin" >&2; exit 1; }
}

build_release() { # build_release DIST PUBLIC_URL
  say "building the release app into $1 (public URL $2)"
  trunk build --release --offline --dist "$1" --public-url "$2"
}

cmd_serve() {
  ensure_rust
  ensure_node
  build_release dist /
  say "serving on http://127.0.0.1:8080/  (Ctrl-C to stop)"
  trunk serve --release --offline --address 127.0.0.1 --port 8080 --no-autoreload
}

cmd_dist() {
  local public_url="${1:-/}"
  ensure_rust
  ensure_node
  build_release dist "$public_url"
  say "dist/ is ready to be copied to a static host under $public_url"
}

cmd_test() {
  ensure_apt chromium chromium-driver fonts-noto-cjk
  ensure_rust
  ensure_node
  say "native tests"
  cargo test --quiet
  if [[ -d "$SOURCES_DIR" ]]; then
    say "checking every citation against $SOURCES_DIR"
    cargo run --quiet --release --bin ue-data -- verify --sources "$SOURCES_DIR"
    cargo run --quiet --release --bin ue-data -- extract --check --unexplained "$SOURCES_DIR"/*.txt
  else
    say "no $SOURCES_DIR here: citation checks skipped"
  fi
  say "checking that every chart compares like with like"
  cargo run --quiet --release --bin ue-data -- compare
  build_release dist /
  build_release target/dist-subpath /union-explorer/
  say "browser tests (screenshots in target/e2e/)"
  node --test --test-concurrency=1 tests/browser/*.test.mjs
}

cmd_bench() {
  ensure_apt chromium chromium-driver fonts-noto-cjk
  ensure_rust
  ensure_node
  build_release dist /
  mkdir -p target/bench
  for scale in 10 100; do
    say "synthetic dataset ${scale}x the real one (fixed seed)"
    cargo run --quiet --release --bin ue-data -- synth --scale "$scale" --seed 1 > "target/bench/data-${scale}x.json"
    UE_DATASET_JSON="$ROOT/target/bench/data-${scale}x.json" build_release "target/bench/dist-${scale}x" /
  done
  say "an outside dataset of about 30 MB (150x, fixed seed), opened through the address field"
  cargo run --quiet --release --bin ue-data -- synth --scale 150 --seed 1 > target/bench/data-150x.json
  say "measuring (results in target/bench/results.json)"
  node tests/bench/bench.mjs
}

case "${1:-}" in
  serve) cmd_serve ;;
  test) cmd_test ;;
  dist) shift; cmd_dist "$@" ;;
  bench) cmd_bench ;;
  *) sed -n '2,9p' "$0" >&2; exit 2 ;;
esac
