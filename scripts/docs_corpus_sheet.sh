#!/bin/sh
# Rebuild docs/corpus-sheet.png: whole sets (calm look, no brand kit) of real clinic posts in five
# languages, to judge as a clinic's marketer would. Only redistributable posts are drawn: the
# clinic corpus's files/ (Italian, Portuguese, English) and the samples (Spanish, Korean); its
# French, German and Japanese posts may not be committed, so they are looked at, not drawn here.
# Usage: scripts/docs_corpus_sheet.sh  (from the repository's top folder, after make setup)
set -eu
BIN=.venv/bin
CORPUS=${CORPUS:-../shared/corpus/clinic-dev/files}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
n=0
for source in "$CORPUS/davegamba--mal-di-schiena-parte-2.md" \
    "$CORPUS/melhor-visao--dor-de-cabeca-visual.md" \
    "$CORPUS/preston-podiatry--heel-pain.md" \
    "$CORPUS/potaznick-counseling--anxiety.md" \
    samples/es-dolor-de-espalda.md samples/ko-knee-pain.md; do
    n=$((n + 1))
    $BIN/repurpose run "$source" -o "$WORK/$n" -q --force
done
$BIN/python scripts/contact_sheet.py "$WORK"/1/* "$WORK"/2/* "$WORK"/3/* "$WORK"/4/* \
    "$WORK"/5/* "$WORK"/6/* \
    --label "Italian · osteopathy, low back pain" --label "Portuguese · optometry, visual headache" \
    --label "English · podiatry, heel pain" --label "English · counselling, anxiety" \
    --label "Spanish · physiotherapy (sample)" --label "Korean · knee pain (sample)" \
    --carousel-only --per-row 10 --scale 0.15 -o docs/corpus-sheet.png
