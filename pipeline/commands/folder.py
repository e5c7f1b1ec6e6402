"""The output folder as the source of truth: write a post into it, or draw it again from its texts.

`write_run` takes a freshly composed post, puts in the hand edits found in the folder (see
`edits.py`), renders and writes it. `render_folder` does the same from the folder alone, with no
fetching. Both write through `write.write_post_files`, which keeps hand-edited files.
"""

from __future__ import annotations

import glob
import itertools
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pipeline.brand import Brand, load_brand
from pipeline.compose.caption import (
    MAX_CAPTION,
    MAX_HASHTAGS,
    alt_text_file,
    caption_files,
    make_alt_text,
)
from pipeline.health import blocking, check_post, format_finding
from pipeline.load.source import FetchOptions
from pipeline.models import (
    Article,
    Card,
    Digest,
    EditError,
    HealthCheckError,
    HealthFinding,
    Page,
    Post,
    RenderedImage,
    RepurposeError,
)
from pipeline.render.card import png_name, render_card
from pipeline.write.edits import (
    ALT,
    EDIT_SHEET,
    TEXT_FILES,
    FolderTexts,
    apply_caption_edits,
    apply_text_edits,
    hash_texts,
    hashtags_in,
    quote_caption_file,
    read_folder_texts,
    sheet_bytes,
    text_key,
    texts_of,
    unused_edits,
)
from pipeline.write.files import (
    MANIFEST,
    WriteReport,
    brand_from_record,
    brand_record,
    build_manifest,
    captions_from_manifest,
    cards_from_manifest,
    folder_lock,
    load_state,
    manifest_bytes,
    read_manifest,
    rendered_entries,
    write_post_files,
)
from pipeline.write.preview import PREVIEW, build_preview


@dataclass(frozen=True)
class RunResult:
    folder: Path
    images: int
    notes: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()  # health-copy findings, one stderr line each
    warnings: tuple[str, ...] = ()  # captions Instagram would refuse, one stderr line each


@dataclass(frozen=True)
class RunOptions:
    """What every source of a `repurpose run` shares; picklable, for the worker processes.

    New run options go here as fields with defaults, and into `cli.run_options`.
    """

    out: Path
    brand: Brand
    allow_private: bool = False
    force: bool = False
    templates: Path | None = None  # the user's caption templates, before the built-in ones
    strict: bool = False  # a blocking health-copy finding writes nothing
    png: bool = False  # also write a PNG copy of each image
    fetch: FetchOptions | None = None  # timeouts, cache; None: defaults with allow_private


@dataclass(frozen=True)
class Made:
    """What the stages made of one source, ready to render and write."""

    page: Page
    article: Article
    digest: Digest
    post: Post


def write_own_folder(made: Made, options: RunOptions) -> RunResult:
    """Write into the folder this source already has, else OUT/<slug>, else the first free one
    of OUT/<slug>-2, -3 … (a folder holding another source's post is never taken over).

    Each folder is checked and written while it is locked, so the processes of one batch never
    pick the same folder for two sources."""
    used = used_slugs(options.out, made.post.slug)
    numbered = (made.post.slug if n == 1 else f"{made.post.slug}-{n}" for n in itertools.count(1))
    for claim, slug in itertools.chain(((False, s) for s in used), ((True, s) for s in numbered)):
        folder = options.out / slug
        with folder_lock(folder):
            if belongs_to(folder, made, claim):
                post = replace(made.post, slug=slug)
                result = write_run(folder, replace(made, post=post), options)
                if slug == made.post.slug:
                    return result
                note = f"{made.post.slug} holds another article with this title: wrote {slug}"
                return replace(result, notes=(note, *result.notes))
    raise AssertionError("unreachable")  # pragma: no cover


def used_slugs(out: Path, slug: str) -> list[str]:
    """The folders OUT/<slug> and OUT/<slug>-N that exist, in number order."""
    pattern = re.compile(re.escape(slug) + r"(?:-(\d+))?")
    matches = [pattern.fullmatch(p.name) for p in out.glob(glob.escape(slug) + "*")]
    found = sorted((int(m.group(1) or 1), m.group(0)) for m in matches if m)
    return [name for _, name in found]


def belongs_to(folder: Path, made: Made, claim: bool) -> bool:
    """Whether this source writes the folder: one whose post.json records it (the same URL,
    the same file with paths compared resolved, or the same canonical article URL: a saved page
    and its URL) or, when `claim`, one without a readable post (writing then reports what is
    wrong with a damaged post.json)."""
    if not (folder / MANIFEST).is_file():
        return claim
    try:
        manifest = read_manifest(folder)
    except EditError:
        return claim
    source, article = manifest.get("source"), manifest.get("article")
    if not isinstance(source, dict) or not (source.get("url") or source.get("path")):
        return claim
    if made.article.url and isinstance(article, dict) and article.get("url") == made.article.url:
        return True
    page = made.page
    if page.url:
        return source.get("url") in (page.url, page.origin)
    recorded = source.get("path")
    mine = page.path or page.origin
    return isinstance(recorded, str) and Path(recorded).resolve() == Path(mine).resolve()


def write_run(folder: Path, made: Made, options: RunOptions) -> RunResult:
    """Render and write a freshly composed post, keeping the folder's hand edits."""
    page, article, digest, post = made.page, made.article, made.digest, made.post
    force = options.force
    before = None if force or not (folder / MANIFEST).is_file() else read_before(folder)
    edits = before.edits if before else {}
    edited = edited_post(post, edits)
    images, tool_alts = render_edited(
        edited.cards, options.brand, edits, options.png, digest.language
    )
    findings = check_findings(edited, images, page.origin, options.strict)
    manifest = build_manifest(
        page, article, digest, edited, images, health_findings=findings, brand=options.brand
    )
    manifest |= kept_plan(folder)
    warnings = caption_warnings(edited)
    manifest["warnings"] = [*manifest["warnings"], *warnings]
    generated = hash_texts(texts_of(post.cards, post.caption, tool_alts, post.captions))
    report = write_outputs(folder, manifest, edited, images, generated, force)
    notes = (*edit_notes(post.cards, edits), *kept_notes(report))
    formatted = tuple(map(format_finding, findings))
    return RunResult(folder, len(images), notes, formatted, tuple(warnings))


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


def edited_post(post: Post, edits: dict[str, str]) -> Post:
    """The post with the hand-edited texts put in; the carousel caption variant follows."""
    cards, caption = apply_text_edits(post.cards, post.caption, edits)
    hashtags = tuple(hashtags_in(caption)) if "caption" in edits else post.hashtags
    captions = apply_caption_edits(post.captions, caption, edits)
    return replace(post, cards=cards, caption=caption, hashtags=hashtags, captions=captions)


def check_findings(
    post: Post, images: Sequence[RenderedImage], source: str, strict: bool
) -> list[HealthFinding]:
    """The health-copy check of what will be posted, hand edits included."""
    findings = check_post(post, images)
    if strict and blocking(findings):
        for finding in findings:  # the source fails: say why here, there is no result
            print(format_finding(finding), file=sys.stderr)
        raise HealthCheckError(
            f"{source}: {len(blocking(findings))} blocking health-copy finding(s) under "
            "--strict; nothing written (reword, or run without --strict)"
        )
    return findings


def read_before(folder: Path) -> FolderTexts | None:
    """The folder's texts and hand edits; None for a folder written before edits were tracked."""
    state = load_state(folder)
    return read_folder_texts(folder, state) if state else None


def kept_plan(folder: Path) -> dict[str, Any]:
    """The folder's posting plan, kept across runs (even with --force: it is not a text)."""
    try:
        plan = read_manifest(folder).get("schedule")
    except EditError:
        return {}
    return {"schedule": plan} if plan else {}


def edit_notes(cards: Sequence[Card], edits: dict[str, str]) -> list[str]:
    dropped = unused_edits(cards, edits)
    notes = [f"kept hand edit: {key}" for key in sorted(edits) if key not in dropped]
    return notes + [
        f"dropped edit to {key}: the article no longer makes that card" for key in dropped
    ]


def kept_notes(report: WriteReport) -> list[str]:
    return [f"kept hand-edited {name} (use --force to replace it)" for name in report.kept]


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
    cards: Sequence[Card],
    brand: Brand,
    edits: dict[str, str],
    png: bool = False,
    language: str | None = None,
) -> tuple[list[RenderedImage], dict[str, str]]:
    """Render the cards; alt texts edited by hand replace the generated ones."""
    images = render_images(cards, brand, png, language)
    tool_alts = {image.card.file: image.alt_text for image in images}
    edited = [
        replace(image, alt_text=edits.get(text_key(image.card.file, ALT), image.alt_text))
        for image in images
    ]
    return edited, tool_alts


def write_outputs(
    folder: Path,
    manifest: dict[str, Any],
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
    files[MANIFEST] = manifest_bytes(manifest)
    written = hash_texts(texts_of(cards, post.caption, alts, post.captions))
    quotes = post.captions.quotes if post.captions else ()
    merged = TEXT_FILES | {quote_caption_file(file) for file, _ in quotes}
    return write_post_files(folder, files, (generated, written), force=force, merged=merged)


def render_folder(
    folder: Path, brand_file: Path | None, force: bool, png: bool = False
) -> RunResult:
    """Draw a folder again from its texts as they stand, hand edits included; no fetching."""
    if not (folder / MANIFEST).is_file():
        raise EditError(f"{folder / MANIFEST} not found: is {folder} a repurpose output folder?")
    with folder_lock(folder):
        return rerender_folder(folder, brand_file, force, png)


def rerender_folder(
    folder: Path, brand_file: Path | None, force: bool, png: bool = False
) -> RunResult:
    """Draw again; PNG copies are made when asked, or when the folder already has them."""
    state = load_state(folder)
    current = read_folder_texts(folder, state)
    cards = cards_from_manifest(current.manifest)
    captions = captions_from_manifest(current.manifest)
    post = edited_post(Post(folder.name, cards, "", (), captions=captions), current.texts)
    brand, brand_notes = folder_brand(current.manifest, brand_file)
    language = str(current.manifest.get("digest", {}).get("language") or "en")
    png = png or any(folder.glob("*.png"))
    images, tool_alts = render_edited(post.cards, brand, current.edits, png, language)
    findings = check_findings(post, images, str(folder), strict=False)
    manifest = {**current.manifest, **rendered_entries(post, images, findings)}
    manifest["brand"] = brand_record(brand)
    warnings = caption_warnings(post)
    manifest["warnings"] = [*manifest["warnings"], *warnings]
    generated = (
        dict(state.generated)
        if state
        else hash_texts(texts_of(cards, post.caption, tool_alts, post.captions))
    )
    for file, alt in tool_alts.items():
        if text_key(file, ALT) not in current.edits:
            generated[text_key(file, ALT)] = hash_texts({"": alt})[""]
    report = write_outputs(folder, manifest, post, images, generated, force)
    notes = [f"drew hand edit: {key}" for key in sorted(current.edits)]
    notes = [*brand_notes, *notes, *kept_notes(report)]
    formatted = tuple(map(format_finding, findings))
    card_warnings = [w for image in images for w in image.warnings]  # e.g. an edit shortened
    return RunResult(folder, len(images), tuple(notes), formatted, (*warnings, *card_warnings))


def folder_brand(manifest: dict[str, Any], brand_file: Path | None) -> tuple[Brand, list[str]]:
    """--brand when given, else the brand kit recorded in post.json, else the bundled one."""
    if brand_file is not None:
        return load_brand(brand_file), []
    record = manifest.get("brand")
    if isinstance(record, dict):
        try:
            return brand_from_record(record), []
        except (TypeError, ValueError):
            pass
    note = "post.json records no usable brand kit: drew with the bundled one (give --brand FILE)"
    return load_brand(None), [note]
