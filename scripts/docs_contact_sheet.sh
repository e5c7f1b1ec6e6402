#!/bin/sh
# Rebuild docs/contact-sheet.png: the bundled samples in the three looks and two languages,
# drawn with the brand kit `repurpose brand init` makes from the made-up clinic site in
# tests/data/site (served on 127.0.0.1 for the purpose). Only redistributable inputs are used.
# Usage: scripts/docs_contact_sheet.sh  (from the repository's top folder, after make setup)
set -eu
BIN=.venv/bin
WORK=$(mktemp -d)
SITE="$WORK/site"
mkdir -p "$SITE/css" "$SITE/images"
cp tests/data/site/index.html tests/data/site/favicon-32.png tests/data/site/apple-touch-icon.png "$SITE/"
cp tests/data/site/site.css "$SITE/css/"
cp tests/data/site/logo.png "$SITE/images/"
PORT=${PORT:-8777}
$BIN/python -m http.server "$PORT" --bind 127.0.0.1 --directory "$SITE" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER; rm -rf "$WORK"' EXIT
sleep 1
$BIN/repurpose brand init "http://127.0.0.1:$PORT/" --allow-private --no-cache -o "$WORK/brand.toml" -q
draw() {  # look, source, row label
    $BIN/repurpose run "$2" -o "$WORK/out-$1" --look "$1" --brand "$WORK/brand.toml" -q --force
}
draw calm samples/knee-pain-muscle-imbalance.html
draw bold samples/es-dolor-de-espalda.md
draw photo tests/data/photo/article.md
draw calm samples/ko-knee-pain.md
draw bold samples/plantar-heel-pain.html
draw photo samples/ko-knee-pain.md
$BIN/python scripts/contact_sheet.py \
    "$WORK"/out-calm/could-* "$WORK"/out-bold/dolor-* "$WORK"/out-photo/tension-* \
    "$WORK"/out-calm/계단* "$WORK"/out-bold/plantar-* "$WORK"/out-photo/계단* \
    --label "calm · English" --label "bold · Spanish" \
    --label "photo · English, with the article's own photo" --label "calm · Korean" \
    --label "bold · English" --label "photo · Korean, no photo" \
    --carousel-only --per-row 9 --scale 0.15 -o docs/contact-sheet.png
