"""The handlers of `run`, `extract`, `digest`, `render`, `schedule`, `export` and `brand init`:
each turns its parsed arguments into a call of its command (`pipeline/commands/`) and prints
what came of it. Every command's modules are imported only when it runs, so that `--help`
stays light."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.cli_agency import export_clinics, in_workspace, run_agency, schedule_clinics
from pipeline.commands import DEFAULT_SLOTS

if TYPE_CHECKING:
    from pipeline.commands.batch import Outcome, ProgressBar
    from pipeline.commands.draw import RunResult
    from pipeline.commands.run import RunOptions
    from pipeline.load import FetchOptions

NO_BRAND_NOTE = (
    'note: no brand kit: run "repurpose brand init URL" to put your clinic\'s name on the cards'
)
CONTROL = r"[\x00-\x1f\x7f-\x9f\u2028\u2029]"  # compiled on first use, by `re`'s own cache


def say_error(text: str) -> None:
    print(f"Error: {one_line(text)}", file=sys.stderr)


def one_line(text: str) -> str:
    """A message as one printable line: line breaks and other control characters in a name
    are shown escaped, and bytes of a file name that are not UTF-8 as \\xNN."""
    import re

    from pipeline.redact import redact_text

    text = redact_text(text)  # no password of a URL in any message
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return re.sub(CONTROL, lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


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


def approved_folders(args: argparse.Namespace) -> list[Path]:
    """The folders given, or with --approved-only those approved; each one left out is said."""
    if not args.approved_only:
        return list(args.folders)
    from pipeline.commands.approve import approved_only
    from pipeline.models import RepurposeError

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
    import json
    from dataclasses import asdict

    from pipeline.commands.run import load_article

    _, article = load_article(args.source, fetch_options(args))
    data = asdict(article)
    data["text"] = article.text
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0


def cmd_digest(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict

    from pipeline.commands.run import load_article
    from pipeline.digest import digest_article

    _, article = load_article(args.source, fetch_options(args), args.force_article)
    print(json.dumps(asdict(digest_article(article)), ensure_ascii=False, indent=2))
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    if args.queue or args.workspace or args.clinic:
        return run_agency(args, cmd_run)
    from pipeline.commands.batch import ProgressBar, expand_sources, run_batch
    from pipeline.commands.run import check_out_dir, run_source
    from pipeline.commands.warm import warm_up

    started = time.perf_counter()
    check_out_dir(args.out)
    sources = expand_sources(args.sources)
    options = run_options(args)
    work = partial(run_source, options=options)
    bar = ProgressBar(len(sources), sys.stderr, enabled=not args.quiet)
    try:
        outcomes = run_batch(
            work,
            sources,
            args.jobs,
            partial(report_outcome, bar, args.quiet),
            args.debug,
            partial(warm_up, options),
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
    from pipeline.models import RepurposeError

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
