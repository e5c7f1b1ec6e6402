"""Draw a post into its folder: the steps that `run` and `render` share.

A post's texts (as composed, or as recorded in the folder) get the folder's hand edits, are
rendered, checked for health copy and written with the folder's other files. `run` supplies a
freshly composed post; `render` rebuilds it from the folder alone.
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.brand import Brand
from pipeline.commands.photo import PHOTO_FILE, ArticlePhoto
from pipeline.compose.alttext import make_alt_text
from pipeline.compose.caption import MAX_CAPTION, caption_files
from pipeline.compose.hashtags import MAX_HASHTAGS
from pipeline.health import blocking, check_post, format_finding
from pipeline.models import (
    Card,
    HealthCheckError,
    HealthFinding,
    Post,
    RenderedImage,
    RepurposeError,
)
from pipeline.render.card import draws_photo, font_chain, png_name, render_card
from pipeline.render.glyphs import split_runs
from pipeline.render.pdf import carousel_pdf
from pipeline.render.photo import Photo
from pipeline.write.edits import (
    ALT,
    ALT_FILE,
    EDIT_SHEET,
    TEXT_FILES,
    alt_text_bytes,
    apply_caption_edits,
    apply_text_edits,
    hash_texts,
    hashtags_in,
    quote_caption_file,
    sheet_bytes,
    text_key,
    texts_of,
)
from pipeline.write.files import WriteReport, write_post_files
from pipeline.write.manifest import MANIFEST, Manifest, with_rendered
from pipeline.write.preview import PREVIEW, build_preview
from pipeline.write.signoffs import Signoff, open_findings, signoffs_of


@dataclass(frozen=True)
class RunResult:
    folder: Path
    images: int
    notes: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()  # health-copy findings, one stderr line each
    warnings: tuple[str, ...] = ()  # captions Instagram would refuse, one stderr line each


@dataclass(frozen=True)
class DrawOptions:
    brand: Brand
    language: str | None = None
    png: bool = False
    force: bool = False  # hand-edited files are replaced
    strict: bool = False  # a blocking health-copy finding writes nothing
    source: str = ""  # named in a --strict failure
    keep_flagged: bool = False  # draw a text with a blocking finding (a person reviewed it)
    photo: ArticlePhoto | None = None  # the article's own photo, for the cards that use one
    pdf: bool = False  # also write carousel.pdf, one page per slide


# The texts to put into a post, and the hand-edited alt texts (see `draw_post`).
Texts = tuple[dict[str, str], dict[str, str]]

# The text hashes to record as the tool's own, given the alt texts it generated.
GeneratedTexts = Callable[[dict[str, str]], dict[str, str]]


@dataclass(frozen=True)
class Drawn:
    """What drawing a post wrote, for the command to report."""

    post: Post  # with the hand edits in
    images: tuple[RenderedImage, ...]
    findings: tuple[HealthFinding, ...]
    warnings: tuple[str, ...]  # captions Instagram would refuse
    report: WriteReport


def draw_post(
    folder: Path,
    post: Post,
    texts: Texts,
    base: Manifest,
    generated: GeneratedTexts,
    options: DrawOptions,
) -> Drawn:
    """Put the folder's texts in, render, check and write every file of the folder.

    `texts` are (the texts to draw, the alt texts edited by hand); `base` holds the manifest
    keys that drawing does not change (source, article, digest...)."""
    edited = edited_post(post, texts[0])
    images, tool_alts = render_edited(edited.cards, texts[1], options)
    findings = check_findings(edited, images, options, signoffs_of(base))
    warnings = caption_warnings(edited)
    manifest = with_rendered(base, edited, images, findings, warnings)
    extra = {PHOTO_FILE: options.photo.jpeg} if options.photo else {}
    if options.pdf:
        extra[PDF_FILE], record = carousel_document(images, edited.cards[0].text)
        manifest = replace(manifest, extra={**manifest.extra, "pdf": record})
    report = write_outputs(
        folder, manifest, edited, images, generated(tool_alts), options.force, extra
    )
    return Drawn(edited, tuple(images), tuple(findings), tuple(warnings), report)


PDF_FILE = "carousel.pdf"


def carousel_document(
    images: Sequence[RenderedImage], title: str
) -> tuple[bytes, dict[str, object]]:
    """carousel.pdf from the carousel's JPEGs, and its post.json record."""
    slides = [image for image in images if image.card.group == "carousel"]
    pdf = carousel_pdf([image.jpeg for image in slides], title)
    return pdf, {"file": PDF_FILE, "pages": [image.card.file for image in slides]}


def edited_post(post: Post, edits: dict[str, str]) -> Post:
    """The post with the hand-edited texts put in; the carousel caption variant follows."""
    cards, caption = apply_text_edits(post.cards, post.caption, edits)
    hashtags = tuple(hashtags_in(caption)) if "caption" in edits else post.hashtags
    captions = apply_caption_edits(post.captions, caption, edits)
    return replace(post, cards=cards, caption=caption, hashtags=hashtags, captions=captions)


def caption_warnings(post: Post) -> list[str]:
    """Captions Instagram would refuse: over 2,200 characters or more than 5 hashtags (from a
    hand edit, or the user's --templates)."""
    named = [("caption.txt", post.caption)]
    if post.captions is not None:
        named += [(quote_caption_file(file), text) for file, text in post.captions.quotes]
        named.append(("caption-story.txt", post.captions.story))
    warnings = []
    for name, text in named:
        if len(text) > MAX_CAPTION:
            warnings.append(
                f"{name}: the caption has {len(text):,} characters; Instagram refuses more"
                f" than {MAX_CAPTION:,} (shorten it)"
            )
        tags = len(hashtags_in(text))
        if tags > MAX_HASHTAGS:
            warnings.append(
                f"{name}: {tags} hashtags; Instagram allows {MAX_HASHTAGS} (remove some)"
            )
    return warnings


def check_findings(
    post: Post,
    images: Sequence[RenderedImage],
    options: DrawOptions,
    signoffs: Sequence[Signoff] = (),
) -> list[HealthFinding]:
    """The health-copy check of what will be posted, hand edits included. A blocking finding a
    person signed off (in `repurpose review`) for its exact text is drawn, as --keep-flagged
    would; --strict still fails on it."""
    findings = check_post(post, images, language=options.language)
    if options.strict and blocking(findings):
        for finding in findings:  # the source fails: say why here, there is no result
            print(format_finding(finding), file=sys.stderr)
        raise HealthCheckError(
            f"{options.source}: {len(blocking(findings))} blocking health-copy finding(s) under "
            "--strict; nothing written (reword, or run without --strict)"
        )
    unreviewed = open_findings(blocking(findings), signoffs)
    if unreviewed and not options.keep_flagged:
        first = unreviewed[0]
        raise HealthCheckError(
            f"{options.source}: {', '.join(first.where)}: “{first.text}” makes a claim that may"
            f" not be posted (“{first.match}”): nothing written. Reword it (in post.toml, or in"
            " the brand kit for its cta or disclaimer), or after review use --keep-flagged"
        )
    return findings


def render_images(
    cards: Sequence[Card],
    brand: Brand,
    png: bool = False,
    language: str | None = None,
    edited: frozenset[str] = frozenset(),
    photo: Photo | None = None,
) -> list[RenderedImage]:
    """Every card drawn; a generated text too long for its card is cut at a word boundary, a
    text in `edited` (files whose text a person wrote) is an error to fix instead. A card drawn
    over the article's photo has the photo's own alt text at the end of its alt text."""
    totals = Counter(card.group for card in cards)  # carousel slides, quote cards, stories
    seen: Counter[str] = Counter()
    rendered = []
    for card in cards:
        seen[card.group] += 1
        image = render_fitting(card, brand, png, card.file not in edited, photo)
        alt = make_alt_text(card, image.texts, seen[card.group], totals[card.group], language)
        if photo and photo.alt and draws_photo(card, brand):
            alt = f"{alt} Photo: {photo.alt.rstrip('.')}."
        rendered.append(replace(image, alt_text=alt))
    return rendered


CUT_AT_WORD = "the text is too long for the card: cut at a word boundary to fit"


def cut_warnings(images: Sequence[RenderedImage]) -> list[str]:
    """The texts `render_fitting` cut, for `run` to print (other shortenings are in post.json)."""
    return [w for image in images for w in image.warnings if w.endswith(CUT_AT_WORD)]


def render_fitting(
    card: Card, brand: Brand, png: bool, may_cut: bool = True, photo: Photo | None = None
) -> RenderedImage:
    """The card drawn; a text too long for any size is cut at a word boundary (with "…" and a
    warning); a text no bundled font can draw is an error that says so."""
    try:
        return render_card(card, brand, png=png, photo=photo)
    except ValueError as exc:
        problem = str(exc)
    check_drawable(card, brand)
    words = card.text.split() if may_cut else []
    best: RenderedImage | None = None
    low, high = 1, len(words) - 1
    while low <= high:  # the most words that fit
        middle = (low + high) // 2
        text = " ".join(words[:middle]).rstrip(",;:—–-") + "…"
        try:
            best = render_card(replace(card, text=text), brand, png=png, photo=photo)
            low = middle + 1
        except ValueError:
            high = middle - 1
    if best is None:
        raise RepurposeError(f"{card.file}: {problem} (shorten it in post.toml)")
    note = f"{card.file}: {CUT_AT_WORD}"
    return replace(best, card=card, warnings=(*best.warnings, note))


def check_drawable(card: Card, brand: Brand) -> None:
    """An error when no bundled font has the text's characters (a script the fonts lack)."""
    _, missing = split_runs(card.text, font_chain(brand, "sans"))
    letters = [c for c in card.text if c.isalpha()]
    if letters and all(c in missing for c in letters):
        scripts = sorted({unicodedata.name(c, "UNKNOWN").split()[0].title() for c in letters})
        raise RepurposeError(
            f"{card.file}: no bundled font has {', '.join(scripts)} letters, so this text cannot"
            " be drawn (the fonts in fonts/ cover Latin, Greek, Cyrillic and Korean)"
        )


def render_edited(
    cards: Sequence[Card], edits: dict[str, str], options: DrawOptions
) -> tuple[list[RenderedImage], dict[str, str]]:
    """Render the cards; alt texts edited by hand replace the generated ones."""
    by_hand = frozenset(key.rsplit(".", 1)[0] for key in edits if key.endswith(".text"))
    photo = options.photo.photo if options.photo else None
    images = render_images(cards, options.brand, options.png, options.language, by_hand, photo)
    tool_alts = {image.card.file: image.alt_text for image in images}
    edited = [
        replace(image, alt_text=edits.get(text_key(image.card.file, ALT), image.alt_text))
        for image in images
    ]
    return edited, tool_alts


def write_outputs(
    folder: Path,
    manifest: Manifest,
    post: Post,
    images: Sequence[RenderedImage],
    generated: dict[str, str],
    force: bool,
    extra: dict[str, bytes] | None = None,
) -> WriteReport:
    """Every file of a post folder: images, captions, alt text, edit sheet, preview, manifest
    (and `extra` files, such as the article's photo)."""
    cards = [image.card for image in images]
    alts = {image.card.file: image.alt_text for image in images}
    files = {image.card.file: image.jpeg for image in images} | (extra or {})
    files |= {png_name(image.card.file): image.png for image in images if image.png}
    files["caption.txt"] = (post.caption + "\n").encode("utf-8")
    if post.captions:
        files |= caption_files(post.captions)
    files[ALT_FILE] = alt_text_bytes([(image.card.file, image.alt_text) for image in images])
    files[EDIT_SHEET] = sheet_bytes(cards, post.caption, alts, str(folder), post.captions)
    files[PREVIEW] = build_preview(manifest)
    files[MANIFEST] = manifest.to_bytes()
    written = hash_texts(texts_of(cards, post.caption, alts, post.captions))
    quotes = post.captions.quotes if post.captions else ()
    merged = TEXT_FILES | {quote_caption_file(file) for file, _ in quotes}
    return write_post_files(folder, files, (generated, written), force=force, merged=merged)


def kept_notes(report: WriteReport) -> list[str]:
    """The hand-edited files kept, and an interrupted write (a dead process's) finished."""
    notes = [f"kept hand-edited {name} (use --force to replace it)" for name in report.kept]
    if report.finished:
        notes.append(f"finished the write that {report.finished} left incomplete")
    return notes


def result_of(
    folder: Path, drawn: Drawn, notes: Sequence[str], warnings: Sequence[str]
) -> RunResult:
    findings = tuple(map(format_finding, drawn.findings))
    return RunResult(folder, len(drawn.images), tuple(notes), findings, tuple(warnings))
