"""Draw a post into its folder: the steps that `run` and `render` share.

A post's texts (as composed, or as recorded in the folder) get the folder's hand edits, are
rendered, checked for health copy and written with the folder's other files. `run` supplies a
freshly composed post; `render` rebuilds it from the folder alone.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.brand import Brand
from pipeline.compose.alttext import alt_text_file, make_alt_text
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
from pipeline.render.card import png_name, render_card
from pipeline.write.edits import (
    ALT,
    EDIT_SHEET,
    TEXT_FILES,
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
    findings = check_findings(edited, images, options)
    warnings = caption_warnings(edited)
    manifest = with_rendered(base, edited, images, findings, warnings)
    report = write_outputs(folder, manifest, edited, images, generated(tool_alts), options.force)
    return Drawn(edited, tuple(images), tuple(findings), tuple(warnings), report)


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
    post: Post, images: Sequence[RenderedImage], options: DrawOptions
) -> list[HealthFinding]:
    """The health-copy check of what will be posted, hand edits included."""
    findings = check_post(post, images, language=options.language)
    if options.strict and blocking(findings):
        for finding in findings:  # the source fails: say why here, there is no result
            print(format_finding(finding), file=sys.stderr)
        raise HealthCheckError(
            f"{options.source}: {len(blocking(findings))} blocking health-copy finding(s) under "
            "--strict; nothing written (reword, or run without --strict)"
        )
    return findings


def render_images(
    cards: Sequence[Card], brand: Brand, png: bool = False, language: str | None = None
) -> list[RenderedImage]:
    totals = Counter(card.group for card in cards)  # carousel slides, quote cards, stories
    seen: Counter[str] = Counter()
    rendered = []
    for card in cards:
        seen[card.group] += 1
        try:
            image = render_card(card, brand, png=png)
        except ValueError as exc:  # e.g. a hand-edited text too long for any card
            raise RepurposeError(f"{card.file}: {exc} (shorten it in post.toml)") from None
        alt = make_alt_text(card, image.texts, seen[card.group], totals[card.group], language)
        rendered.append(replace(image, alt_text=alt))
    return rendered


def render_edited(
    cards: Sequence[Card], edits: dict[str, str], options: DrawOptions
) -> tuple[list[RenderedImage], dict[str, str]]:
    """Render the cards; alt texts edited by hand replace the generated ones."""
    images = render_images(cards, options.brand, options.png, options.language)
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
) -> WriteReport:
    """Every file of a post folder: images, captions, alt text, edit sheet, preview, manifest."""
    cards = [image.card for image in images]
    alts = {image.card.file: image.alt_text for image in images}
    files = {image.card.file: image.jpeg for image in images}
    files |= {png_name(image.card.file): image.png for image in images if image.png}
    files["caption.txt"] = (post.caption + "\n").encode("utf-8")
    if post.captions:
        files |= caption_files(post.captions)
    files["alt-text.txt"] = alt_text_file(images)
    files[EDIT_SHEET] = sheet_bytes(cards, post.caption, alts, str(folder), post.captions)
    files[PREVIEW] = build_preview(manifest)
    files[MANIFEST] = manifest.to_bytes()
    written = hash_texts(texts_of(cards, post.caption, alts, post.captions))
    quotes = post.captions.quotes if post.captions else ()
    merged = TEXT_FILES | {quote_caption_file(file) for file, _ in quotes}
    return write_post_files(folder, files, (generated, written), force=force, merged=merged)


def kept_notes(report: WriteReport) -> list[str]:
    return [f"kept hand-edited {name} (use --force to replace it)" for name in report.kept]


def result_of(
    folder: Path, drawn: Drawn, notes: Sequence[str], warnings: Sequence[str]
) -> RunResult:
    findings = tuple(map(format_finding, drawn.findings))
    return RunResult(folder, len(drawn.images), tuple(notes), findings, tuple(warnings))
