#!/usr/bin/env bash
# Installs what building and testing Assessment Lens needs, when it is missing. Idempotent:
# a second run checks versions and does nothing. Source it (`. scripts/setup.sh`) to get
# PATH set for Trunk (node_modules/.bin holds binaryen's wasm-opt).
#
# - the wasm32-unknown-unknown Rust target
# - trunk 0.21.14 and wasm-bindgen-cli 0.2.130 (cargo install; Trunk never downloads tools)
# - npm packages from package-lock.json: binaryen 132 (wasm-opt), playwright-core
# - Debian's chromium and chromium-driver for browser tests (never a downloaded browser), and
#   poppler-utils (pdftotext) for the wide corpora's text shapes (./dev wide)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '[setup] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root to run: $*"; return 1; fi
}

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown >&2
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION" >&2
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: the registry mirror lacks one of its locked dependencies.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" >&2
fi

if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] \
   || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  say "installing npm packages (binaryen, playwright-core)"
  (cd "$ROOT" && npm ci --no-audit --no-fund >&2)
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null; then
  say "installing Debian's chromium, chromium-driver and poppler-utils (pdftotext, for ./dev wide)"
  as_root apt-get update >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver poppler-utils >&2
fi

export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
