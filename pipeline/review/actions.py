"""What the review page changes, written through the same code as the command line.

A text edit is written where a person would write it (post.toml for a card's texts, the caption
files, alt-text.txt), then the folder is drawn again by `render`'s own `rerender_folder`, so a
page edit is a hand edit like any other and `run` keeps it. Every change holds the folder's
lock and first checks that the folder is still the version the page showed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from pipeline.commands.approve import record_approval
from pipeline.commands.draw import RunResult
from pipeline.commands.render import rerender_folder
from pipeline.models import HealthFinding, RepurposeError
from pipeline.review.folders import folder_version
from pipeline.write.approval import Approval
from pipeline.write.atomic import write_atomic
from pipeline.write.edits import (
    ALT,
    ALT_FILE,
    CAPTION_FILE,
    EDIT_SHEET,
    QUOTE_CAPTION,
    STORY,
    STORY_FILE,
    FolderTexts,
    alt_text_bytes,
    apply_caption_edits,
    apply_text_edits,
    quote_caption_file,
    read_folder_texts,
    sheet_bytes,
    text_key,
)
from pipeline.write.files import folder_lock, update_tool_files
from pipeline.write.manifest import MANIFEST, Manifest, read_manifest
from pipeline.write.paths import read_folder_file, safe_join
from pipeline.write.preview import CAPTION_LIMIT, PREVIEW, build_preview
from pipeline.write.signoffs import Signoff, with_signoff
from pipeline.write.state import load_state

ALT_LIMIT = 1000  # the exports' limit
CARD_LIMIT = 1000  # far above what any card can draw; the card's own fit says the rest
NAME_LIMIT = 200
REMOVE = "Remove this claim"


class Stale(RepurposeError):
    """The folder changed since the page was opened: nothing was overwritten."""


class BadEdit(RepurposeError):
    """An edit the page cannot make, said in a sentence for the page."""


STALE = (
    "This post changed since you opened it (in another tab, or by a command): your change was"
    " not saved. Copy your text, reload the page and make the change again."
)


def check_version(folder: Path, version: str) -> None:
    if folder_version(folder) != version:
        raise Stale(STALE)


@dataclass(frozen=True)
class Edited:
    result: RunResult
    version: str


def edit_text(folder: Path, version: str, key: str, text: str) -> Edited:
    """One text changed; the cover's text is the headline, changed everywhere it is written."""
    with folder_lock(folder):
        check_version(folder, version)
        current = read_folder_texts(folder, load_state(folder))
        if key not in current.texts:
            raise BadEdit(f"this post has no text called {key!r}: reload the page")
        text = clean_text(key, text)
        changes = {key: text}
        if key == cover_key(current.manifest):
            changes = replace_headline(current, current.texts[key], text)
        return redraw(folder, current, changes)


def accept_suggestion(folder: Path, version: str, rule: str, text: str) -> Edited:
    """The finding's suggested wording put in, everywhere its text is written: a hand edit."""
    with folder_lock(folder):
        check_version(folder, version)
        current = read_folder_texts(folder, load_state(folder))
        finding = find_finding(current.manifest, rule, text)
        if not finding.suggestion or finding.suggestion.startswith(REMOVE):
            raise BadEdit("this finding has no wording to put in: edit the text instead")
        return redraw(folder, current, replace_everywhere(current, text, finding.suggestion))


def cover_key(manifest: Manifest) -> str | None:
    cover = next((card for card in manifest.cards if card.kind == "cover"), None)
    return text_key(cover.file, "text") if cover else None


def replace_everywhere(current: FolderTexts, old: str, new: str) -> dict[str, str]:
    """Every text holding `old` with `new` in its place. A generated alt text is left to be
    generated again from the new card; one a person wrote is changed like the rest."""
    return {
        key: value.replace(old, new)
        for key, value in current.texts.items()
        if old and old in value and (not key.endswith("." + ALT) or key in current.edits)
    }


def replace_headline(current: FolderTexts, old: str, new: str) -> dict[str, str]:
    """The headline changed where the tool wrote it as a whole: a card text that is the
    headline (cover, story), a source line ending in it ("— from our blog: …"), and in the
    captions where it opens the text or a line, or follows ": ", and ends its line or comes
    before a dash. The same words inside a sentence (a point that begins "Back pain …") stay.
    Alt texts the tool wrote are written again from the new cards."""
    unit = re.compile(r"(?:^|(?<=\n)|(?<=: ))" + re.escape(old) + r"(?=$|\n| [—–-] )", re.MULTILINE)
    changes = {}
    for key, value in current.texts.items():
        field = key.rpartition(".")[2]
        if field in CARD_TEXTS:
            changed = new if value == old else unit.sub(lambda _: new, value)
            changed = changed if value == old or value.endswith(": " + old) else value
        elif field != ALT:
            changed = unit.sub(lambda _: new, value)
        else:
            continue
        if changed != value:
            changes[key] = changed
    return changes


CARD_TEXTS = ("text", "kicker", "note")


def clean_text(key: str, text: str) -> str:
    """The text as it will be written, or a sentence saying why it cannot be."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if "\0" in text:
        raise BadEdit("the text holds a character that cannot be written: type it again")
    field = key.rsplit(".", 1)[-1]
    if not text and field in ("text", "caption", STORY, QUOTE_CAPTION, ALT):
        raise BadEdit("the text cannot be empty: write a text, or press Cancel")
    limit = CAPTION_LIMIT if field in ("caption", STORY) else ALT_LIMIT if field == ALT else 0
    limit = limit or CARD_LIMIT
    if len(text) > limit:
        raise BadEdit(
            f"the text has {len(text):,} characters; at most {limit:,} fit here: shorten it"
        )
    return text


def redraw(folder: Path, current: FolderTexts, changes: Mapping[str, str]) -> Edited:
    """Write the changed texts where a person would, then draw the folder as `render` does;
    when drawing fails, the edit files are put back as they were."""
    changes = {k: v for k, v in changes.items() if current.texts.get(k) != v}
    if not changes:
        return Edited(RunResult(folder, 0), folder_version(folder))
    texts = {**current.texts, **changes}
    return write_and_redraw(folder, edit_files(folder, current.manifest, texts, changes))


def write_and_redraw(folder: Path, files: Mapping[str, bytes | None]) -> Edited:
    """Write the changed files and redraw the post as `repurpose render` does; when the
    redraw fails, the files are put back as they were."""
    before = {name: old_bytes(folder, name) for name in files}
    try:
        write_files(folder, files)
        result = rerender_folder(folder, None, False, False, keep_flagged=True)
    except (RepurposeError, OSError):
        write_files(folder, before)
        raise
    return Edited(result, folder_version(folder))


def edit_files(
    folder: Path, manifest: Manifest, texts: Mapping[str, str], changes: Mapping[str, str]
) -> dict[str, bytes | None]:
    """post.toml with every text as it now stands, and the text file of each changed caption or
    alt text (those files win over post.toml)."""
    cards, caption = apply_text_edits(manifest.cards, texts["caption"], texts)
    captions = apply_caption_edits(manifest.captions, caption, texts)
    alts = {i.file: texts.get(text_key(i.file, ALT), i.alt_text) for i in manifest.images}
    files: dict[str, bytes | None] = {
        EDIT_SHEET: sheet_bytes(cards, caption, alts, str(folder), captions)
    }
    for key in changes:
        file, _, field = key.rpartition(".")
        if key in ("caption", STORY):
            files[CAPTION_FILE if key == "caption" else STORY_FILE] = line_bytes(texts[key])
        elif field == QUOTE_CAPTION:
            files[quote_caption_file(file)] = line_bytes(texts[key])
        elif field == ALT:
            files[ALT_FILE] = alt_text_bytes(list(alts.items()))
    return files


def line_bytes(text: str) -> bytes:
    return (text + "\n").encode("utf-8")


def old_bytes(folder: Path, name: str) -> bytes | None:
    try:
        return read_folder_file(folder / name)
    except FileNotFoundError:
        return None


def write_files(folder: Path, files: Mapping[str, bytes | None]) -> None:
    for name, data in files.items():
        path = safe_join(folder, name)
        if data is None:
            path.unlink(missing_ok=True)
        else:
            write_atomic(path, data)


def find_finding(manifest: Manifest, rule: str, text: str) -> HealthFinding:
    for finding in manifest.health_findings:
        if (finding.rule, finding.text) == (rule, text):
            return finding
    raise BadEdit("that finding is no longer there (the text changed): reload the page")


def sign_off(
    folder: Path, version: str, finding_id: tuple[str, str], by: str, reason: str, now: datetime
) -> str:
    """Record a person's sign-off of one finding for its exact text; the new version."""
    by, reason = clean_name(by, "your name"), clean_name(reason, "a reason", 1000)
    with folder_lock(folder):
        check_version(folder, version)
        manifest = read_manifest(folder)
        finding = find_finding(manifest, *finding_id)
        when = now.isoformat(timespec="seconds")
        signoff = Signoff(
            by, when, finding.rule, finding.text, reason, finding.severity, finding.where
        )
        write_manifest(folder, with_signoff(manifest, signoff))
        return folder_version(folder)


def clean_name(text: str, what: str, limit: int = NAME_LIMIT) -> str:
    text = " ".join(text.split())
    if not text:
        raise BadEdit(f"give {what}")
    if len(text) > limit:
        raise BadEdit(f"{what} has {len(text):,} characters; at most {limit:,}: shorten it")
    return text


def write_manifest(folder: Path, manifest: Manifest) -> None:
    update_tool_files(folder, {MANIFEST: manifest.to_bytes(), PREVIEW: build_preview(manifest)})


def approve(folder: Path, version: str, by: str, now: datetime) -> Approval:
    """`repurpose approve`'s own record, refused for the same reasons."""
    by = clean_name(by, "your name")
    with folder_lock(folder):
        check_version(folder, version)
        return record_approval(folder, by, now)


def switch_look(folder: Path, version: str, look: str, looks: tuple[str, ...]) -> Edited:
    """Draw the post in another bundled look (recorded in the brand kit kept in post.json)."""
    if look not in looks:
        raise BadEdit(f"no look called {look!r}: choose one of {', '.join(looks)}")
    with folder_lock(folder):
        check_version(folder, version)
        manifest = read_manifest(folder)
        brand = dict(manifest.brand or {})
        if brand.get("look") == look:
            return Edited(RunResult(folder, 0), version)
        before = {MANIFEST: old_bytes(folder, MANIFEST)}
        write_files(folder, {MANIFEST: replace(manifest, brand={**brand, "look": look}).to_bytes()})
        try:
            result = rerender_folder(folder, None, False, False, keep_flagged=True)
        except (RepurposeError, OSError):
            write_files(folder, before)
            raise
        return Edited(result, folder_version(folder))


def swap_quote(folder: Path, version: str, file: str, quote: str) -> Edited:
    """A quote card (and its caption) shows another of the digest's quotes instead."""
    with folder_lock(folder):
        check_version(folder, version)
        current = read_folder_texts(folder, load_state(folder))
        card = next((c for c in current.manifest.cards if c.file == file), None)
        if card is None or card.kind != "quote":
            raise BadEdit(f"{file} is not a quote card of this post")
        if quote not in (current.manifest.digest.get("quotes") or []):
            raise BadEdit("that quote is not one of the article's: reload the page")
        old = current.texts[text_key(file, "text")]
        return redraw(folder, current, replace_everywhere(current, old, quote))
