"""`repurpose run`: load → extract → digest → compose one source, then draw it into its folder.

The folder is the source's own (see `write_own_folder`); hand edits found there are kept.
"""

from __future__ import annotations

import glob
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pipeline.brand import Brand, load_brand
from pipeline.commands.draw import (
    DrawOptions,
    RunResult,
    cut_warnings,
    draw_post,
    kept_notes,
    result_of,
)
from pipeline.commands.flagged import LeftOut, drop_flagged, left_out_record
from pipeline.commands.photo import ArticlePhoto, article_photo
from pipeline.compose import compose_post
from pipeline.compose.caption import caption_environment
from pipeline.digest import digest_article
from pipeline.digest.kind import check_article
from pipeline.extract import extract_article
from pipeline.load import FetchOptions, load_source
from pipeline.models import (
    Article,
    Card,
    ConfigError,
    Digest,
    EditError,
    NoArticleTextError,
    Page,
    Post,
)
from pipeline.redact import strip_credentials
from pipeline.render.backgrounds import check_template_contrast
from pipeline.render.looks import load_template
from pipeline.write.arrangement import arrangement_record, kept_arrangement
from pipeline.write.atomic import output_error
from pipeline.write.edits import FolderTexts, hash_texts, read_folder_texts, texts_of, unused_edits
from pipeline.write.files import folder_lock, make_slug
from pipeline.write.manifest import MANIFEST, Manifest, build_manifest, read_manifest
from pipeline.write.signoffs import SIGNOFFS
from pipeline.write.state import load_state


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
    keep_flagged: bool = False  # draw texts with a blocking health-copy finding (reviewed)
    fetch: FetchOptions | None = None  # timeouts, cache; None: defaults with allow_private
    force_article: bool = False  # run a page that reads like an "about us" or contact page
    fetch_images: bool = False  # a saved page's remote photo is fetched (a URL's always is)
    pdf: bool = False  # also write carousel.pdf


@dataclass(frozen=True)
class Made:
    """What the stages made of one source, ready to render and write."""

    page: Page
    article: Article
    digest: Digest
    post: Post
    photo: ArticlePhoto | None = None
    notes: tuple[str, ...] = ()


def run_brand(
    brand_file: Path | None, look: str | None, allow_low_contrast: bool, templates: Path | None
) -> Brand:
    """The brand kit with the chosen look, checked once before any source is read."""
    brand = load_brand(brand_file, allow_low_contrast=allow_low_contrast)
    brand = replace(brand, look=look or brand.look)
    if not allow_low_contrast:
        check_template_contrast(load_template(brand.look), brand)
    caption_environment(templates)  # a bad --templates fails once, before any source
    return brand


def check_out_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ConfigError(f"{out} is a file: give -o a folder")


def load_article(
    source: str, options: FetchOptions, force_article: bool = True
) -> tuple[Page, Article]:
    """The page and its article; a page that is not an article is refused unless forced."""
    page = load_source(source, options=options)
    try:
        article = extract_article(page)
    except NoArticleTextError as exc:
        if not force_article:  # a page of a few lines that names itself: say what it is
            check_article(exc.article, source, forcible=False)
        raise
    if not force_article:
        check_article(article, source)
    return page, article


def run_source(source: str, options: RunOptions) -> RunResult:
    fetch = options.fetch or FetchOptions(options.allow_private)
    page, article = load_article(source, fetch, options.force_article)
    digest = digest_article(article)
    left: list[LeftOut] = []
    if not (options.strict or options.keep_flagged):  # --strict checks all, and fails
        digest, left = drop_flagged(digest, source)
    slug = make_slug(digest.headline)
    post = compose_post(digest, options.brand, slug, caption_environment(options.templates))
    post = replace(post, extra={**post.extra, **left_out_record(left)})
    photo, photo_notes = run_photo(page, article.url, fetch, options)
    if photo:
        post = replace(post, extra={**post.extra, "photo": photo.record})
    try:
        made = Made(page, article, digest, post, photo, tuple(photo_notes))
        result = write_own_folder(made, options)
    except OSError as exc:  # a full disk, a read-only folder
        raise output_error(options.out, exc) from None
    return replace(result, findings=(*(item.line() for item in left), *result.findings))


def run_photo(
    page: Page, site: str | None, fetch: FetchOptions, options: RunOptions
) -> tuple[ArticlePhoto | None, list[str]]:
    """The article's photo; in the photo look, a note when the article has none."""
    photo, notes = article_photo(page, fetch, options.fetch_images, site)
    if photo is None and not notes and options.brand.look == "photo":
        notes = ["the article has no photo: the photo look's own background is used"]
    return photo, notes


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
    source = manifest.source
    if not (source.url or source.path):
        return claim
    if made.article.url and manifest.article.url == made.article.url:
        return True
    page = made.page
    if page.url:
        return source.url in (strip_credentials(page.url), strip_credentials(page.origin))
    mine = page.path or page.origin
    return source.path is not None and Path(source.path).resolve() == Path(mine).resolve()


def write_run(folder: Path, made: Made, options: RunOptions) -> RunResult:
    """Render and write a freshly composed post, keeping the folder's hand edits."""
    page, post = made.page, made.post
    before = None if options.force or not (folder / MANIFEST).is_file() else read_before(folder)
    edits = before.edits if before else {}
    if before is not None:  # slides left out or moved in `repurpose review` stay so
        post = arranged_as_before(before.manifest, post)
    base = build_manifest(page, made.article, made.digest, options.brand, post.extra)
    base = replace(base, schedule=kept_plan(folder))
    base = kept_publishing(folder, base)

    def generated(tool_alts: dict[str, str]) -> dict[str, str]:
        return hash_texts(texts_of(post.cards, post.caption, tool_alts, post.captions))

    draw = DrawOptions(
        options.brand,
        made.digest.language,
        options.png,
        options.force,
        options.strict,
        page.origin,
        options.keep_flagged,
        made.photo,
        options.pdf,
    )
    drawn = draw_post(folder, post, (edits, edits), base, generated, draw)
    notes = (*made.notes, *edit_notes(post.cards, edits), *kept_notes(drawn.report))
    return result_of(folder, drawn, notes, (*cut_warnings(drawn.images), *drawn.warnings))


def read_before(folder: Path) -> FolderTexts | None:
    """The folder's texts and hand edits; None for a folder written before edits were tracked."""
    state = load_state(folder)
    return read_folder_texts(folder, state) if state else None


def arranged_as_before(manifest: Manifest, post: Post) -> Post:
    cards, left = kept_arrangement(manifest, post.cards)
    if cards == list(post.cards) and not left:
        return post
    extra = {**post.extra, **arrangement_record(cards, left)}
    return replace(post, cards=tuple(cards), extra=extra)


def kept_plan(folder: Path) -> dict[str, Any] | None:
    """The folder's posting plan, kept across runs (even with --force: it is not a text)."""
    try:
        return read_manifest(folder).schedule or None
    except EditError:
        return None


def edit_notes(cards: Sequence[Card], edits: dict[str, str]) -> list[str]:
    dropped = unused_edits(cards, edits)
    notes = [f"kept hand edit: {key}" for key in sorted(edits) if key not in dropped]
    return notes + [
        f"dropped edit to {key}: the article no longer makes that card" for key in dropped
    ]


def kept_publishing(folder: Path, base: Manifest) -> Manifest:
    """The folder's approval, sign-offs and publications, kept across runs (even with
    --force), so a piece is never posted twice; publish checks that the approval still fits
    the content."""
    try:
        before = read_manifest(folder)
    except EditError:
        return base
    signoffs = {SIGNOFFS: before.extra[SIGNOFFS]} if SIGNOFFS in before.extra else {}
    return replace(
        base,
        approval=before.approval,
        publications=before.publications,
        extra={**base.extra, **signoffs},  # a sign-off covers its exact text only
    )
