"""Options that several commands share, each built in one place: the fetch options (`run`,
`extract`, `digest`, `watch`, `brand init`, and `--allow-private` alone for `publish`), and -q and
--debug for every command. Light on purpose: `repurpose --help` imports it."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_fetch_options(parser: argparse.ArgumentParser, cache: bool = True) -> None:
    """--allow-private; with `cache`, also --cache-dir and --no-cache."""
    parser.add_argument(
        "--allow-private",
        action="store_true",
        help="allow URLs on private or loopback addresses",
    )
    if not cache:
        return
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        help="where fetched pages are kept for revalidation "
        "(default: $XDG_CACHE_HOME/repurpose/http)",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="fetch URLs without the on-disk cache"
    )


def add_common_options(parser: argparse.ArgumentParser, fetches: bool) -> None:
    """-q and --debug for every command; the fetch options for those that fetch."""
    if fetches:
        add_fetch_options(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
