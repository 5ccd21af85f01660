#!/usr/bin/env bash
# Renders the add-in's icons from their SVG sources:
#   assets/icon-16.svg (pixel-drawn for 16 px) → assets/icon-16.png
#   assets/icon.svg                            → assets/icon-32.png, icon-64.png, icon-80.png
# The PNGs are committed; run this only after changing an SVG. Needs rsvg-convert (Debian/Ubuntu:
# `apt-get install librsvg2-bin`; macOS: `brew install librsvg`).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v rsvg-convert >/dev/null 2>&1; then
  echo "make-icons: rsvg-convert not found. Install it: apt-get install librsvg2-bin (or brew install librsvg)." >&2
  exit 1
fi

render() { # source size
  rsvg-convert --width "$2" --height "$2" --keep-aspect-ratio --output "assets/icon-$2.png" "$1"
  echo "assets/icon-$2.png"
}

render assets/icon-16.svg 16
for size in 32 64 80; do
  render assets/icon.svg "$size"
done
