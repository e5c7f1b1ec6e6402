"""The `repurpose` command line: a thin layer over the stages.

Data goes to stdout, progress and errors to stderr. Exit codes: 0 success, 1 a source or
setting failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.cli_agency import (
    DEFAULT_OUT,
    add_queue_option,
    add_workspace_options,
    export_clinics,
    in_workspace,
    run_agency,
    schedule_clinics,
)
from pipeline.cli_automation import add_automation_parsers
from pipeline.commands import DEFAULT_SLOTS, EXPORT_TARGETS
from pipeline.models import RepurposeError
from pipeline.redact import redact_text

if TYPE_CHECKING:
    from pipeline.commands.batch import Outcome, ProgressBar
    from pipeline.commands.draw import RunResult
    from pipeline.commands.run import RunOptions
    from pipeline.load import FetchOptions

Clock = Callable[[], datetime]
FETCHING_COMMANDS = ("run", "extract", "digest", "watch")

EXAMPLES = """examples:
  repurpose run samples/knee-pain-muscle-imbalance.html
  repurpose run https://clinic.example/blog/knee-pain -o out --brand my-brand.toml
  repurpose run @urls.txt samples/*.html -o out
  repurpose render out/could-chronic-joint-pain-be-improved-by-treating-muscle
  repurpose schedule out/* --start tomorrow --slots "Mon 09:00, Thu 18:00" --tz Europe/London
  repurpose export out/* --to metricool --media-base-url https://clinic.example/ig -o plan.csv
  repurpose extract samples/tension-headaches.md
  repurpose digest samples/plantar-heel-pain.html
  repurpose watch https://clinic.example/blog/ -o out
  repurpose approve out/could-chronic-joint-pain-be-improved-by-treating-muscle --by "Dr Lee"
  repurpose publish out/* --to instagram --account 17841400000000000
"""


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.clock = clock or (lambda: datetime.now(UTC))
    try:
        return int(args.handler(args))
    except KeyboardInterrupt as exc:
        if args.debug:
            raise
        return report_interrupt(exc)
    except BrokenPipeError:
        return quit_on_closed_pipe()
    except Exception as exc:
        if args.debug:
            raise
        say_error(error_text(exc))
        return 1


def error_text(exc: Exception) -> str:
    """Our own errors as they are; a file that failed with what to do; anything else (a bug)
    named as such."""
    if isinstance(exc, RepurposeError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.filename or 'a file'}: {exc.strerror or exc} (check it, then run again)"
    return f"unexpected {type(exc).__name__}: {exc} (run again with --debug to see where)"


def say_error(text: str) -> None:
    print(f"Error: {one_line(text)}", file=sys.stderr)


def one_line(text: str) -> str:
    """A message as one printable line: line breaks and other control characters in a name
    are shown escaped, and bytes of a file name that are not UTF-8 as \\xNN."""
    text = redact_text(text)  # no password of a URL in any message
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def report_interrupt(exc: KeyboardInterrupt) -> int:
    """Ctrl-C: what was written by then, and that the rest was not started."""
    from pipeline.commands.batch import Interrupted

    if not isinstance(exc, Interrupted):
        print("Interrupted: nothing more was written.", file=sys.stderr)
        return INTERRUPTED
    written = [o for o in exc.done if o.error is None]
    listed = " (list below)" if written else ""
    print(
        f"Interrupted: {len(written)} of {exc.total} written{listed}; the rest were not started.",
        file=sys.stderr,
    )
    for outcome in written:
        folder = getattr(outcome.value, "folder", outcome.value)
        print(f"  {one_line(outcome.source)} -> {one_line(str(folder))}", file=sys.stderr)
    return INTERRUPTED


def quit_on_closed_pipe() -> int:
    """The reader of stdout went away (`| head`): stop quietly. stdout is pointed at devnull so
    that Python's final flush does not fail again (the pattern in Python's `signal` docs)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
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
    add_run_parser(commands)
    for name, handler, text in (
        ("extract", cmd_extract, "print the extracted article as JSON"),
        ("digest", cmd_digest, "print the article's digest as JSON"),
    ):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("source", metavar="SOURCE")
        sub.set_defaults(handler=handler)
        if name == "digest":
            add_force_article_option(sub)
    add_render_parser(commands)
    add_schedule_parser(commands)
    add_export_parser(commands)
    add_brand_parser(commands)
    add_automation_parsers(commands)

    for name, sub in commands.choices.items():
        add_common_options(sub, name in FETCHING_COMMANDS)
    parser.set_defaults(debug=False)
    return parser


def add_common_options(sub: argparse.ArgumentParser, fetches: bool) -> None:
    """-q and --debug for every command; the fetch options for those that fetch."""
    if fetches:
        sub.add_argument(
            "--allow-private",
            action="store_true",
            help="allow URLs on private or loopback addresses",
        )
        sub.add_argument(
            "--cache-dir",
            type=Path,
            default=None,
            help="where fetched pages are kept for revalidation "
            "(default: $XDG_CACHE_HOME/repurpose/http)",
        )
        sub.add_argument(
            "--no-cache", action="store_true", help="fetch URLs without the on-disk cache"
        )
    sub.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    sub.add_argument("--debug", action="store_true", help="show tracebacks")


if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]


def add_command(commands: Commands, name: str, text: str) -> argparse.ArgumentParser:
    return commands.add_parser(
        name, help=text, epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter
    )


def add_run_parser(commands: Commands) -> None:
    run = add_command(commands, "run", "write the Instagram set for each SOURCE")
    run.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="URL, .html, .html.gz or .md file; @LIST or LIST.txt: one source a line",
    )
    run.add_argument(
        "-o", "--out", type=Path, default=DEFAULT_OUT, help="output folder (default: out)"
    )
    run.add_argument(
        "--brand",
        type=Path,
        help="brand kit TOML file (default: none, the cards carry no clinic's name)",
    )
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
        "--pdf", action="store_true", help="also write carousel.pdf, one page per slide"
    )
    run.add_argument(
        "--fetch-images",
        action="store_true",
        help="fetch a saved page's remote photo (a URL source's photo is always fetched)",
    )
    run.add_argument(
        "--allow-low-contrast",
        action="store_true",
        help="render even when text colours are below WCAG 4.5:1 on their background",
    )
    add_force_option(run)
    add_force_article_option(run)
    run.add_argument(
        "-j", "--jobs", type=int, default=2, help="parallel processes for several sources (2)"
    )
    add_workspace_options(run)
    add_queue_option(run)
    run.add_argument("--no-wait", action="store_true", help="--queue: return once sent")
    run.set_defaults(handler=cmd_run)


def add_force_article_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force-article",
        action="store_true",
        help='run a page that reads like an "about us", contact, price-list or home page',
    )


def add_force_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force", action="store_true", help="overwrite hand edits instead of keeping them"
    )
    parser.add_argument(
        "--keep-flagged",
        action="store_true",
        help="draw texts with a blocking health-copy finding too (after a person reviewed them;"
        " by default they are left out of the images and captions)",
    )


def add_render_parser(commands: Commands) -> None:
    render = add_command(
        commands,
        "render",
        "draw a folder's images, caption and preview again from its edited texts",
    )
    render.add_argument("folders", nargs="+", type=Path, metavar="OUT/SLUG")
    render.add_argument("--brand", type=Path, help="brand kit TOML file (default: the one used)")
    render.add_argument(
        "--png", action="store_true", help="also write PNG copies (kept when already there)"
    )
    render.add_argument(
        "--pdf", action="store_true", help="also write carousel.pdf (kept when already there)"
    )
    add_force_option(render)
    render.set_defaults(handler=cmd_render)


def add_schedule_parser(commands: Commands) -> None:
    plan = add_command(commands, "schedule", "plan posting dates and write them into post.json")
    plan.add_argument("folders", nargs="*", type=Path, metavar="OUT/SLUG")
    plan.add_argument(
        "--start",
        required=True,
        help='first day to post: YYYY-MM-DD, "today", "tomorrow" or "+7" (days from today)',
    )
    plan.add_argument("--slots", help=f'weekly posting times (default "{DEFAULT_SLOTS}")')
    plan.add_argument("--tz", help="time zone, e.g. Europe/London (default: this machine's)")
    add_approved_only_option(plan)
    add_workspace_options(plan)
    plan.set_defaults(handler=cmd_schedule)


def add_export_parser(commands: Commands) -> None:
    export = add_command(commands, "export", "write the posting plan for a scheduler")
    export.add_argument("folders", nargs="*", type=Path, metavar="OUT/SLUG")
    export.add_argument(
        "--to", required=True, choices=EXPORT_TARGETS, help="the scheduler's format"
    )
    export.add_argument(
        "--media-base-url", metavar="URL", help="public address where OUT/ is served"
    )
    export.add_argument("--postiz-integration", metavar="ID", help="Postiz Instagram channel id")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    add_approved_only_option(export)
    add_workspace_options(export)
    export.set_defaults(handler=cmd_export)


BRAND_EXAMPLES = """examples:
  repurpose brand init https://clinic.example/ -o brand.toml
  repurpose brand init --name "Riverside Physio" --handle @riversidephysio -o brand.toml
"""


def add_brand_parser(commands: Commands) -> None:
    brand = add_command(commands, "brand", "make a brand kit (repurpose brand init --help)")
    actions = brand.add_subparsers(dest="brand_command", required=True, metavar="init")
    init = actions.add_parser(
        "init",
        help="write a brand kit from the clinic's website, or from a name and handle",
        epilog=BRAND_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    init.add_argument("url", nargs="?", metavar="URL", help="the clinic's home page")
    init.add_argument("--name", help="the clinic's name (instead of the site's)")
    init.add_argument("--handle", help="the Instagram handle, e.g. @myclinic")
    init.add_argument(
        "-o", "--output", type=Path, default=Path("brand.toml"), help="kit file (brand.toml)"
    )
    init.add_argument("--force", action="store_true", help="replace an existing kit and logo")
    add_common_options(init, fetches=True)
    init.set_defaults(handler=cmd_brand_init, usage_error=init.error)


def cmd_brand_init(args: argparse.Namespace) -> int:
    from pipeline.commands.brand import InitOptions, init_brand

    if not (args.url or args.name):
        args.usage_error("give the clinic's URL, or --name (and --handle) to work offline")
    options = InitOptions(
        args.output, args.url, args.name, args.handle, args.force, fetch_options(args)
    )
    result = init_brand(options)
    if not args.quiet:
        for note in result.notes:
            print(f"note: {one_line(note)}", file=sys.stderr)
        facts = result.facts
        found = f"name {facts.name or '(none)'}, handle {facts.handle or '(none)'}"
        logo = f", logo {result.logo}" if result.logo else ", no logo"
        print(one_line(f"{result.kit}: {found}{logo}"), file=sys.stderr)
    return 0


def add_approved_only_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--approved-only",
        action="store_true",
        help="leave out the posts not approved (or changed since their approval)",
    )


def approved_folders(args: argparse.Namespace) -> list[Path]:
    """The folders given, or with --approved-only those approved; each one left out is said."""
    if not args.approved_only:
        return list(args.folders)
    from pipeline.commands.approve import approved_only

    kept, skipped = approved_only(args.folders)
    for folder in skipped:
        if not args.quiet:
            print(f"skipped {folder}: not approved", file=sys.stderr)
    if not kept:
        raise RepurposeError("none of the posts given is approved: `repurpose approve` one first")
    return kept


def fetch_options(args: argparse.Namespace) -> FetchOptions:
    """--allow-private, --cache-dir and --no-cache as load options."""
    from pipeline.load import FetchOptions
    from pipeline.load.source import default_cache_dir

    cache_dir = None if args.no_cache else (args.cache_dir or default_cache_dir())
    return FetchOptions(allow_private=args.allow_private, cache_dir=cache_dir)


def cmd_extract(args: argparse.Namespace) -> int:
    from pipeline.commands.run import load_article

    _, article = load_article(args.source, fetch_options(args))
    data = asdict(article)
    data["text"] = article.text
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0


def cmd_digest(args: argparse.Namespace) -> int:
    from pipeline.commands.run import load_article
    from pipeline.digest import digest_article

    _, article = load_article(args.source, fetch_options(args), args.force_article)
    print(json.dumps(asdict(digest_article(article)), ensure_ascii=False, indent=2))
    return 0


NO_BRAND_NOTE = (
    'note: no brand kit: run "repurpose brand init URL" to put your clinic\'s name on the cards'
)


def cmd_run(args: argparse.Namespace) -> int:
    if args.queue or args.workspace or args.clinic:
        return run_agency(args, cmd_run)
    from pipeline.commands.batch import ProgressBar, expand_sources, run_batch
    from pipeline.commands.run import check_out_dir, run_source

    started = time.perf_counter()
    check_out_dir(args.out)
    sources = expand_sources(args.sources)
    options = run_options(args)
    work = partial(run_source, options=options)
    bar = ProgressBar(len(sources), sys.stderr, enabled=not args.quiet)
    try:
        outcomes = run_batch(
            work, sources, args.jobs, partial(report_outcome, bar, args.quiet), args.debug
        )
    finally:
        bar.close()
    failures = [o for o in outcomes if o.error is not None]
    if args.brand is None and not options.brand.name and len(failures) < len(outcomes):
        print(NO_BRAND_NOTE, file=sys.stderr)  # once a run, after what it wrote
    if len(outcomes) == 1 and failures:
        say_error(str(failures[0].error))  # one source: just its error
        return 1
    if not args.quiet:
        images = sum(o.value.images for o in outcomes if o.value)
        elapsed = time.perf_counter() - started
        done = len(outcomes) - len(failures)
        counts = f"{plural(done, 'article')}, {plural(images, 'image')}"
        print(f"{counts} in {elapsed:.1f} s", file=sys.stderr)
    if failures:
        print(f"Error: {len(failures)} of {len(outcomes)} sources failed:", file=sys.stderr)
        for outcome in failures:
            error = str(outcome.error)
            named = error if error.startswith(outcome.source) else f"{outcome.source}: {error}"
            print(f"  {one_line(named)}", file=sys.stderr)
    return 1 if failures else 0


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def run_options(args: argparse.Namespace) -> RunOptions:
    from pipeline.commands.run import RunOptions, run_brand

    brand = run_brand(args.brand, args.look, args.allow_low_contrast, args.templates)
    return RunOptions(
        args.out,
        brand,
        allow_private=args.allow_private,
        fetch=fetch_options(args),
        force=args.force,
        templates=args.templates,
        strict=args.strict,
        png=args.png,
        force_article=getattr(args, "force_article", False),  # watch has no such option
        keep_flagged=getattr(args, "keep_flagged", False),
        fetch_images=getattr(args, "fetch_images", False),
        pdf=getattr(args, "pdf", False),
    )


def report_outcome(bar: ProgressBar, quiet: bool, outcome: Outcome[RunResult]) -> None:
    """Progress and each result as it comes; errors are listed once, at the end."""
    bar.advance()
    if outcome.value:
        report_result(outcome.value, f"{outcome.source} -> ", quiet, bar.say)


def report_result(result: RunResult, lead: str, quiet: bool, say: Callable[[str], None]) -> None:
    """Health findings always (they matter even with -q); the rest unless quiet."""
    if not quiet:
        say(one_line(f"{lead}{result.folder} ({plural(result.images, 'image')})"))
        for note in result.notes:
            say(f"  note: {one_line(note)}")
    for finding in result.findings:
        say(one_line(finding))
    for warning in result.warnings:
        say(f"warning: {one_line(warning)}")


def cmd_render(args: argparse.Namespace) -> int:
    """Each folder in turn; a folder that fails does not stop the others."""
    from pipeline.commands.batch import Interrupted, Outcome
    from pipeline.commands.render import render_folder

    failures = 0
    done: list[Outcome[RunResult]] = []
    for folder in args.folders:
        try:
            result = render_folder(
                folder, args.brand, args.force, args.png, args.keep_flagged, args.pdf
            )
        except KeyboardInterrupt:
            raise Interrupted(done, len(args.folders)) from None
        except RepurposeError as exc:
            if args.debug or len(args.folders) == 1:
                raise
            say_error(str(exc))
            failures += 1
            continue
        done.append(Outcome(str(folder), value=result))
        report_result(result, "drew again: ", args.quiet, partial(print, file=sys.stderr))
    return 1 if failures else 0


def cmd_schedule(args: argparse.Namespace) -> int:
    from pipeline.commands.schedule import describe_piece, schedule_folders

    if in_workspace(args, args.folders):
        return schedule_clinics(args, cmd_schedule)
    if not args.folders:
        args.parser.error("the following arguments are required: OUT/SLUG")
    slots = args.slots or DEFAULT_SLOTS
    planned = schedule_folders(approved_folders(args), args.start, slots, args.tz, args.clock())
    if not args.quiet:
        for item in planned:
            print(f"{item.at:%a %Y-%m-%d %H:%M %Z}  {describe_piece(item.piece)}", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from pipeline.commands.export import ExportOptions, export_folders, save_export

    if in_workspace(args, args.folders):
        return export_clinics(args, cmd_export)
    if not args.folders:
        args.parser.error("the following arguments are required: OUT/SLUG")
    options = ExportOptions(args.to, args.clock(), args.media_base_url, args.postiz_integration)
    text, count = export_folders(approved_folders(args), options)
    if args.output:
        save_export(args.output, text)
        if not args.quiet:
            print(f"{count} posts -> {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
