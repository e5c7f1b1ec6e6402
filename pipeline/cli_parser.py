"""The `repurpose` argument parser: one sub-command per verb, with copyable examples in its
`--help`. The handlers it names live in `cli_commands.py` (and `cli_automation.py`,
`cli_agency.py`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.cli_agency import DEFAULT_OUT, add_queue_option, add_workspace_options
from pipeline.cli_automation import add_automation_parsers
from pipeline.cli_commands import (
    cmd_brand_init,
    cmd_digest,
    cmd_export,
    cmd_extract,
    cmd_render,
    cmd_run,
    cmd_schedule,
)
from pipeline.cli_options import add_common_options
from pipeline.commands import DEFAULT_SLOTS, EXPORT_TARGETS

if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]

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


def add_approved_only_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--approved-only",
        action="store_true",
        help="leave out the posts not approved (or changed since their approval)",
    )
