"""Leave a slide out, put it back, move it: the carousel rearranged in post.json (see
`write.arrangement`) and drawn again by `render`'s own code. A slide keeps its texts, hand edits
included, while it is left out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from pipeline.models import Card
from pipeline.review.actions import BadEdit, Edited, check_version, write_and_redraw
from pipeline.write.arrangement import arrange, arrangement_record, slides_left_out
from pipeline.write.edits import (
    ALT,
    EDIT_SHEET,
    FolderTexts,
    apply_caption_edits,
    apply_text_edits,
    read_folder_texts,
    sheet_bytes,
    text_key,
)
from pipeline.write.files import folder_lock
from pipeline.write.manifest import MANIFEST
from pipeline.write.state import load_state

MOVES = ("out", "back", "earlier", "later")


def rearrange(folder: Path, version: str, file: str, move: str) -> Edited:
    """Leave the slide out ("out"), put it back ("back"), or move it one place."""
    if move not in MOVES:
        raise BadEdit(f"no such change to a slide: {move!r}")
    with folder_lock(folder):
        check_version(folder, version)
        current = read_folder_texts(folder, load_state(folder))
        cards, _ = apply_text_edits(current.manifest.cards, "", current.texts)
        arranged, left = moved(list(cards), list(slides_left_out(current.manifest)), file, move)
        return redraw_arranged(folder, current, arranged, left)


def redraw_arranged(
    folder: Path, current: FolderTexts, cards: list[Card], left: list[Card]
) -> Edited:
    """post.json with the cards arranged (their texts as they stand) and post.toml to match,
    then drawn again; when drawing fails both are put back as they were."""
    manifest, texts = current.manifest, current.texts
    alts = {i.file: texts.get(text_key(i.file, ALT), i.alt_text) for i in manifest.images}
    captions = apply_caption_edits(manifest.captions, texts["caption"], texts)
    extra = {**manifest.extra, **arrangement_record(cards, left)}
    files: dict[str, bytes | None] = {
        MANIFEST: replace(manifest, cards=tuple(cards), extra=extra).to_bytes(),
        EDIT_SHEET: sheet_bytes(cards, texts["caption"], alts, str(folder), captions),
    }
    return write_and_redraw(folder, files)


def moved(
    cards: list[Card], left: list[Card], file: str, move: str
) -> tuple[list[Card], list[Card]]:
    """The cards and the slides left out after one change."""
    if move == "back":
        card = next((c for c in left if c.file == file), None)
        if card is None:
            raise BadEdit(f"{file} is not a slide left out: reload the page")
        return arrange([*cards, card], put_back_order(cards, file), []), [
            c for c in left if c.file != file
        ]
    slide = next((c for c in cards if c.file == file and c.group == "carousel"), None)
    if slide is None or slide.kind == "cover":
        raise BadEdit(f"{file} is not a slide that can be moved or left out")
    if move == "out":
        if sum(c.group == "carousel" for c in cards) <= 2:
            raise BadEdit("a carousel needs at least two slides: put another back first")
        return arrange(cards, carousel_files(cards), [file]), [*left, slide]
    order = carousel_files(cards)
    at = order.index(file)
    to = at - 1 if move == "earlier" else at + 1
    if not 1 <= to < len(order):  # the cover stays first
        raise BadEdit(f"{file} cannot move further that way")
    order[at], order[to] = order[to], order[at]
    return arrange(cards, order, []), left


def carousel_files(cards: Sequence[Card]) -> list[str]:
    return [c.file for c in cards if c.group == "carousel"]


def put_back_order(cards: Sequence[Card], file: str) -> list[str]:
    """The slide goes back before the first slide that came after it in the article (file
    names are numbered in the article's order)."""
    order = carousel_files(cards)
    later = next((i for i, f in enumerate(order) if i > 0 and f > file), len(order))
    return [*order[:later], file, *order[later:]]
