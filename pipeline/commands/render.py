"""`repurpose render`: draw a folder again from its texts as they stand; no fetching."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from pipeline.brand import Brand, load_brand
from pipeline.commands.draw import (
    CUT_AT_WORD,
    PDF_FILE,
    DrawOptions,
    RunResult,
    draw_post,
    kept_notes,
    result_of,
)
from pipeline.commands.photo import folder_photo
from pipeline.models import EditError, Post
from pipeline.write.edits import ALT, hash_texts, read_folder_texts, text_key, texts_of
from pipeline.write.files import folder_lock
from pipeline.write.manifest import MANIFEST, Manifest, brand_from_record, brand_record
from pipeline.write.paths import check_article_folder
from pipeline.write.state import load_state


def render_folder(
    folder: Path,
    brand_file: Path | None,
    force: bool,
    png: bool = False,
    keep_flagged: bool = False,
    pdf: bool = False,
) -> RunResult:
    """Draw a folder again from its texts as they stand, hand edits included; no fetching."""
    check_article_folder(folder)
    if not os.path.lexists(folder / MANIFEST):  # a link or a pipe is named by read_manifest
        raise EditError(f"{folder / MANIFEST} not found: is {folder} a repurpose output folder?")
    with folder_lock(folder):
        return rerender_folder(folder, brand_file, force, png, keep_flagged, pdf)


def rerender_folder(
    folder: Path,
    brand_file: Path | None,
    force: bool,
    png: bool,
    keep_flagged: bool,
    pdf: bool = False,
) -> RunResult:
    """Draw again; PNG copies and the PDF are made when asked, or when the folder has them."""
    state = load_state(folder)
    current = read_folder_texts(folder, state)
    cards, captions = current.manifest.cards, current.manifest.captions
    post = Post(folder.name, cards, "", (), captions=captions)
    brand, brand_notes = folder_brand(current.manifest, brand_file)
    language = current.manifest.language
    png = png or any(folder.glob("*.png"))
    base = replace(current.manifest, brand=brand_record(brand))

    def generated(tool_alts: dict[str, str]) -> dict[str, str]:
        if state is None:
            return hash_texts(texts_of(cards, "", tool_alts, captions))
        hashes = dict(state.generated)
        for file, alt in tool_alts.items():
            if text_key(file, ALT) not in current.edits:
                hashes[text_key(file, ALT)] = hash_texts({"": alt})[""]
        return hashes

    photo, photo_notes = folder_photo(folder, current.manifest.extra.get("photo"))
    pdf = pdf or (folder / PDF_FILE).is_file()
    options = DrawOptions(brand, language, png, force, False, str(folder), keep_flagged, photo, pdf)
    drawn = draw_post(folder, post, (current.texts, current.edits), base, generated, options)
    notes = [f"drew hand edit: {key}" for key in sorted(current.edits)]
    notes = [*brand_notes, *photo_notes, *notes, *kept_notes(drawn.report)]
    edited = {key.split(".jpg.", 1)[0] + ".jpg" for key in current.edits}
    card_warnings = [  # an edit shortened; a generated text's shortening stays in post.json
        w
        for image in drawn.images
        for w in image.warnings
        if image.card.file in edited or w.endswith(CUT_AT_WORD)
    ]
    return result_of(folder, drawn, notes, (*drawn.warnings, *card_warnings))


def folder_brand(manifest: Manifest, brand_file: Path | None) -> tuple[Brand, list[str]]:
    """--brand when given, else the brand kit recorded in post.json, else the bundled one."""
    if brand_file is not None:
        return load_brand(brand_file), []
    record = manifest.brand
    if record is not None:
        try:
            return brand_from_record(record), []
        except (TypeError, ValueError):
            pass
    note = "post.json records no usable brand kit: drew with the bundled one (give --brand FILE)"
    return load_brand(None), [note]
