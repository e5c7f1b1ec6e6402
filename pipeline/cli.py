"""The `repurpose` command line: a thin layer over the stages.

Data goes to stdout, progress and errors to stderr. Exit codes: 0 success, 1 a source or
setting failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from pipeline import __version__
from pipeline.backgrounds import check_template_contrast
from pipeline.caption import alt_text_file, caption_environment, caption_files, make_alt_text
from pipeline.cards import load_template
from pipeline.compose import compose_post
from pipeline.digest import digest_article
from pipeline.extract import extract_article
from pipeline.health import blocking, check_post, format_finding
from pipeline.load import load_source
from pipeline.models import Article, Card, HealthCheckError, Page, RenderedImage, RepurposeError
from pipeline.render import png_name, render_card
from pipeline.settings import Brand, load_brand
from pipeline.write import build_manifest, make_slug, manifest_bytes, write_post_folder

EXAMPLES = """examples:
  repurpose run samples/knee-pain-muscle-imbalance.html
  repurpose run https://clinic.example/blog/knee-pain -o out --brand my-brand.toml
  repurpose extract samples/tension-headaches.md
  repurpose digest samples/plantar-heel-pain.html
"""


@dataclass(frozen=True)
class RunResult:
    folder: Path
    images: int


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except RepurposeError as exc:
        if args.debug:
            raise
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Error: interrupted", file=sys.stderr)
        return 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="repurpose",
        description="Turn a published article into a ready-to-post Instagram set.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"repurpose {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser(
        "run",
        help="write the Instagram set for each SOURCE",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="URL, .html, .html.gz or .md file"
    )
    run.add_argument(
        "-o", "--out", type=Path, default=Path("out"), help="output folder (default: out)"
    )
    run.add_argument("--brand", type=Path, help="brand kit TOML file (default: the bundled one)")
    run.add_argument(
        "--strict",
        action="store_true",
        help="write nothing for an article whose posts have a blocking health-copy finding",
    )
    run.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="your caption templates (carousel.txt.j2, quote.txt.j2, story.txt.j2), "
        "used before the built-in ones",
    )
    run.add_argument(
        "--look",
        metavar="NAME",
        help="card look: calm (light), bold (dark), photo, or a layout .toml file"
        " (default: the brand kit's)",
    )
    run.add_argument("--png", action="store_true", help="also write a PNG copy of each image")
    run.add_argument(
        "--allow-low-contrast",
        action="store_true",
        help="render even when text colours are below WCAG 4.5:1 on their background",
    )
    run.set_defaults(handler=cmd_run)

    for name, handler, text in (
        ("extract", cmd_extract, "print the extracted article as JSON"),
        ("digest", cmd_digest, "print the article's digest as JSON"),
    ):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("source", metavar="SOURCE")
        sub.set_defaults(handler=handler)

    for sub in commands.choices.values():
        sub.add_argument(
            "--allow-private",
            action="store_true",
            help="allow URLs on private or loopback addresses",
        )
        sub.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
        sub.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.set_defaults(debug=False)
    return parser


def load_article(source: str, allow_private: bool) -> tuple[Page, Article]:
    page = load_source(source, allow_private=allow_private)
    return page, extract_article(page)


def cmd_extract(args: argparse.Namespace) -> int:
    _, article = load_article(args.source, args.allow_private)
    data = asdict(article)
    data["text"] = article.text
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0


def cmd_digest(args: argparse.Namespace) -> int:
    _, article = load_article(args.source, args.allow_private)
    print(json.dumps(asdict(digest_article(article)), ensure_ascii=False, indent=2))
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    brand = load_brand(args.brand, allow_low_contrast=args.allow_low_contrast)
    brand = replace(brand, look=args.look or brand.look)
    if not args.allow_low_contrast:
        check_template_contrast(load_template(brand.look), brand)
    caption_environment(args.templates)  # a bad --templates fails once, before any source
    failures: list[str] = []
    results: list[RunResult] = []
    for source in args.sources:
        try:
            result = run_source(
                source, args.out, brand, args.allow_private, args.templates, args.strict, args.png
            )
        except RepurposeError as exc:
            if args.debug:
                raise
            print(f"Error: {exc}", file=sys.stderr)
            failures.append(source)
            continue
        results.append(result)
        if not args.quiet:
            print(f"{source} -> {result.folder} ({result.images} images)", file=sys.stderr)
    if not args.quiet:
        images = sum(r.images for r in results)
        elapsed = time.perf_counter() - started
        summary = f"{len(results)} articles, {images} images in {elapsed:.1f} s"
        if failures:
            summary += f"; {len(failures)} failed: {', '.join(failures)}"
        print(summary, file=sys.stderr)
    return 1 if failures else 0


def run_source(
    source: str,
    out: Path,
    brand: Brand,
    allow_private: bool,
    templates: Path | None = None,
    strict: bool = False,
    png: bool = False,
) -> RunResult:
    page, article = load_article(source, allow_private)
    digest = digest_article(article)
    slug = make_slug(digest.headline)
    post = compose_post(digest, brand, slug, caption_environment(templates))
    images = render_images(post.cards, brand, png)
    findings = check_post(post, images)
    for finding in findings:
        print(format_finding(finding), file=sys.stderr)
    if strict and blocking(findings):
        raise HealthCheckError(
            f"{source}: {len(blocking(findings))} blocking health-copy finding(s) under "
            "--strict; nothing written (reword, or run without --strict)"
        )
    files = {image.card.file: image.jpeg for image in images}
    files.update({png_name(i.card.file): i.png for i in images if i.png})
    files["caption.txt"] = (post.caption + "\n").encode("utf-8")
    if post.captions:
        files.update(caption_files(post.captions))
    files["alt-text.txt"] = alt_text_file(images)
    manifest = build_manifest(page, article, digest, post, images, health_findings=findings)
    files["post.json"] = manifest_bytes(manifest)
    folder = write_post_folder(out, slug, files)
    return RunResult(folder, len(images))


def render_images(cards: Sequence[Card], brand: Brand, png: bool = False) -> list[RenderedImage]:
    totals = Counter(card.group for card in cards)  # carousel slides, quote cards, stories
    seen: Counter[str] = Counter()
    rendered = []
    for card in cards:
        seen[card.group] += 1
        image = render_card(card, brand, png=png)
        alt = make_alt_text(card, image.texts, seen[card.group], totals[card.group])
        rendered.append(replace(image, alt_text=alt))
    return rendered
