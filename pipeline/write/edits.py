"""Hand edits: the texts a person may change in an output folder, and how they are found again.

The editable texts are the carousel caption, each quote card's caption, the story line and, for
each card, its text, kicker, note and alt text. They live in three places, checked field by
field, highest precedence first:

1. the text files: caption.txt, caption-quote-01.txt …, caption-story.txt, alt-text.txt;
2. post.toml, the friendly edit sheet;
3. post.json, the machine manifest.

A place counts as edited for a field when its text differs from what the tool last wrote there.
A field is a hand edit when the resulting text differs from what the tool generated from the
article. `repurpose run` keeps hand edits; `repurpose render` draws them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.models import Captions, Card, EditError
from pipeline.tomlfile import read_toml
from pipeline.write.manifest import CARD_FILE, MANIFEST, Manifest, read_manifest
from pipeline.write.paths import read_folder_file, read_folder_text
from pipeline.write.state import FolderState, content_hash

EDIT_SHEET = "post.toml"
CAPTION_FILE = "caption.txt"
CARD_FIELDS = ("kicker", "text", "note")
STORY_FILE = "caption-story.txt"
ALT_FILE = "alt-text.txt"
ALT = "alt_text"
QUOTE_CAPTION = "caption"  # "<quote file>.caption": that quote card's own caption
STORY = "story"
TEXT_FILES = frozenset({MANIFEST, EDIT_SHEET, CAPTION_FILE, STORY_FILE, ALT_FILE})

Texts = dict[str, str]


def text_key(file: str, name: str) -> str:
    return f"{file}.{name}"


def texts_of(
    cards: Sequence[Card],
    caption: str,
    alts: Mapping[str, str],
    captions: Captions | None = None,
) -> Texts:
    """Every editable text, keyed "caption", "story" or "<file>.<field>"; missing is ""."""
    texts = {"caption": caption.strip()}
    for card in cards:
        for name in CARD_FIELDS:
            texts[text_key(card.file, name)] = (getattr(card, name) or "").strip()
        if card.file in alts:
            texts[text_key(card.file, ALT)] = alts[card.file].strip()
    if captions is not None:
        texts[STORY] = captions.story.strip()
        for file, text in captions.quotes:
            texts[text_key(file, QUOTE_CAPTION)] = text.strip()
    return texts


def quote_caption_file(image: str) -> str:
    """caption-quote-01.txt for quote-01.jpg (as `caption.caption_files` names them)."""
    return f"caption-{Path(image).stem}.txt"


def hash_texts(texts: Mapping[str, str]) -> dict[str, str]:
    return {key: content_hash(value) for key, value in texts.items()}


def texts_from_manifest(manifest: Manifest) -> Texts:
    texts: Texts = {"caption": manifest.caption.strip()}
    for card in manifest.cards:
        for name in CARD_FIELDS:
            texts[text_key(card.file, name)] = (getattr(card, name) or "").strip()
    for image in manifest.images:
        texts[text_key(image.file, ALT)] = image.alt_text.strip()
    if manifest.captions is not None:
        texts[STORY] = manifest.captions.story.strip()
        for file, text in manifest.captions.quotes:
            texts[text_key(file, QUOTE_CAPTION)] = text.strip()
    return texts


def texts_from_sheet(path: Path) -> Texts:
    """The texts in post.toml; {} when there is none."""
    try:
        read_folder_file(path)  # a link, a pipe or a folder is refused, not followed
        data = read_toml(path, "the edit sheet", EditError, " (fix the edit, or use --force)")
    except FileNotFoundError:
        return {}
    texts: Texts = {}
    for name in ("caption", STORY):
        if name in data:
            texts[name] = sheet_text(data[name], f"{path}: {name}")
    cards = data.get("cards", [])
    if not isinstance(cards, list):
        raise EditError(f"{path}: cards must be [[cards]] tables (undo that edit)")
    for i, card in enumerate(cards):
        file = card.get("file") if isinstance(card, dict) else None
        if not isinstance(file, str):
            raise EditError(f'{path}: card {i + 1} has lost its file = "..." line')
        for name in (*CARD_FIELDS, ALT, QUOTE_CAPTION):
            if name in card:
                texts[text_key(file, name)] = sheet_text(card[name], f"{path}: {file} {name}")
    return texts


def sheet_text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise EditError(f"{where} must be text in quotes")
    return value.strip()


def texts_from_text_files(folder: Path, keys: Sequence[str]) -> Texts:
    """The caption files' and alt-text.txt's texts, for the keys the manifest has."""
    names = {"caption": CAPTION_FILE, STORY: STORY_FILE}
    quotes = [k for k in keys if k.endswith("." + QUOTE_CAPTION)]
    names |= {key: quote_caption_file(key.rsplit(".", 1)[0]) for key in quotes}
    texts = {key: text for key, name in names.items() if (text := read_text(folder / name))}
    for file, alt in parse_alt_texts(read_text(folder / ALT_FILE) or "").items():
        if text_key(file, ALT) in keys:
            texts[text_key(file, ALT)] = alt
    return texts


ALT_INDENT = "    "  # the further lines of a multi-line alt text in alt-text.txt


def alt_text_bytes(alts: Sequence[tuple[str, str]]) -> bytes:
    """alt-text.txt: one `file: alt text` entry per image; an alt text's further lines follow
    indented, so a multi-line alt text reads back unchanged."""
    entries = []
    for file, alt in alts:
        first, *rest = alt.strip().split("\n") or [""]
        entries.append("\n".join([f"{file}: {first}", *(ALT_INDENT + line for line in rest)]))
    return ("\n".join(entries) + "\n").encode("utf-8")


def parse_alt_texts(text: str) -> dict[str, str]:
    """The entries of alt-text.txt: an indented line continues the entry above it."""
    alts: dict[str, list[str]] = {}
    last: str | None = None
    for line in text.splitlines():
        file, colon, alt = line.partition(": ")
        if colon and not line[:1].isspace() and CARD_FILE.fullmatch(file):
            last = file
            alts[file] = [alt]
        elif last is not None and line.startswith(ALT_INDENT):
            alts[last].append(line.removeprefix(ALT_INDENT))
        elif last is not None and not line.strip():
            alts[last].append("")
    return {file: "\n".join(lines).strip() for file, lines in alts.items()}


def read_text(path: Path) -> str | None:
    """A text file of the folder, stripped; None when missing. A link, a pipe or a folder in
    its place is refused (see `paths.read_folder_file`)."""
    try:
        return read_folder_text(path).strip()
    except FileNotFoundError:
        return None


@dataclass(frozen=True)
class FolderTexts:
    manifest: Manifest
    texts: Texts  # the texts as they stand, all edit places merged
    edits: Texts  # those that differ from what the tool generated


def read_folder_texts(folder: Path, state: FolderState | None) -> FolderTexts:
    """Merge the three edit places, field by field, and find the hand edits."""
    manifest = read_manifest(folder)  # a broken hand edit stops here, with the key named
    if not manifest.cards:
        raise EditError(f'{folder / MANIFEST} has no "cards" list: run `repurpose run` again')
    texts = texts_from_manifest(manifest)
    written = state.written if state else {}
    sheet = texts_from_sheet(folder / EDIT_SHEET)
    files = {key.rsplit(".", 1)[0] for key in texts}
    strangers = sorted({key.rsplit(".", 1)[0] for key in sheet} - files - {"caption", STORY})
    if strangers:
        raise EditError(
            f"{folder / EDIT_SHEET} names {', '.join(strangers)}, not an image of this post: "
            'put back the file = "..." line you changed'
        )
    for source in (sheet, texts_from_text_files(folder, list(texts))):
        for key, value in source.items():
            if key in texts and content_hash(value) != written.get(key):
                texts[key] = value
    generated = state.generated if state else {}
    edits = {k: v for k, v in texts.items() if state and content_hash(v) != generated.get(k)}
    return FolderTexts(manifest, texts, edits)


def apply_text_edits(
    cards: Sequence[Card], caption: str, edits: Mapping[str, str]
) -> tuple[tuple[Card, ...], str]:
    """The cards and caption with the edited texts put in."""
    edited = []
    for card in cards:
        changes = {
            name: edits[text_key(card.file, name)] or None
            for name in CARD_FIELDS
            if text_key(card.file, name) in edits
        }
        if changes.get("text", card.text) is None:
            raise EditError(f"the text of {card.file} is empty: write a text or undo the edit")
        if "text" in changes and changes["text"] != card.text:
            changes["short"] = None  # the tool's short form is of its own text, not the edit's
        edited.append(replace(card, **changes))  # type: ignore[arg-type]
    return tuple(edited), edits.get("caption", caption)


def unused_edits(cards: Sequence[Card], edits: Mapping[str, str]) -> list[str]:
    """Edits to cards the article no longer makes (they cannot be kept)."""
    files = {card.file for card in cards}
    return sorted(
        key for key in edits if key not in ("caption", STORY) and key.rsplit(".", 1)[0] not in files
    )


def apply_caption_edits(
    captions: Captions | None, caption: str, edits: Mapping[str, str]
) -> Captions | None:
    """The caption variants with the edited ones put in; the carousel's is `caption`."""
    if captions is None:
        return None
    quotes = tuple(
        (file, edits.get(text_key(file, QUOTE_CAPTION), text)) for file, text in captions.quotes
    )
    return replace(
        captions, carousel=caption, quotes=quotes, story=edits.get(STORY, captions.story)
    )


def hashtags_in(caption: str) -> list[str]:
    return re.findall(r"#\w+", caption)


SHEET_HEADER = """\
# Edit the texts of this post here, then run:  repurpose render {folder}
# Text goes between the quote marks; a text between three quote marks may span lines.
# `repurpose run` on the same article keeps what you change here (--force starts over).
# Do not change the file = "..." lines: they say which image a text belongs to.
"""


def sheet_bytes(
    cards: Sequence[Card],
    caption: str,
    alts: Mapping[str, str],
    folder: str,
    captions: Captions | None = None,
) -> bytes:
    """post.toml: the editable texts, in swipe order, with the captions first."""
    header = SHEET_HEADER.format(folder=" ".join(folder.splitlines()))
    lines = [header, "# The carousel's caption.", f"caption = {toml_text(caption, True)}", ""]
    if captions is not None:
        lines += ["# One short line for a story.", f"{STORY} = {toml_text(captions.story)}", ""]
    quote_captions = dict(captions.quotes) if captions else {}
    for card in cards:
        lines += ["[[cards]]", f"file = {toml_text(card.file)}", f"kind = {toml_text(card.kind)}"]
        for name in CARD_FIELDS:
            lines.append(f"{name} = {toml_text(getattr(card, name) or '', name == 'text')}")
        lines.append(f"{ALT} = {toml_text(alts.get(card.file, ''), True)}")
        if card.file in quote_captions:
            lines.append(f"{QUOTE_CAPTION} = {toml_text(quote_captions[card.file], True)}")
        lines.append("")
    return "\n".join(lines).encode("utf-8", "backslashreplace")  # a folder name not UTF-8


# What a TOML basic string escapes: quote, backslash, and control characters (a newline is
# kept as it is in a multi-line string).
TOML_SPECIAL = re.compile(r'["\\\x00-\x1f\x7f]')
LINE_ESCAPES = {chr(code): f"\\u{code:04X}" for code in [*range(0x20), 0x7F]}
LINE_ESCAPES |= {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
MULTILINE_ESCAPES = LINE_ESCAPES | {"\n": "\n"}


def toml_text(value: str, multiline: bool = False) -> str:
    """A TOML basic string; multi-line strings open and close on their own lines."""
    escapes = MULTILINE_ESCAPES if multiline else LINE_ESCAPES
    body = TOML_SPECIAL.sub(lambda m: escapes[m.group(0)], value)
    return f'"""\n{body}\n"""' if multiline else f'"{body}"'
