"""The `repurpose` command line: a thin layer over the stages.

Data goes to stdout, progress and errors to stderr. Exit codes: 0 success, 1 a source or
setting failed, 2 usage error. The parser is built in `cli_parser.py`, the handlers of the
commands live in `cli_commands.py`, `cli_automation.py` and `cli_agency.py`; this module runs
one command and turns what went wrong into one line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from pipeline.cli_commands import (
    NO_BRAND_NOTE,
    fetch_options,
    one_line,
    run_options,
    say_error,
)
from pipeline.cli_parser import EXAMPLES, build_parser

if TYPE_CHECKING:
    from datetime import datetime

    Clock = Callable[[], datetime]

__all__ = ["EXAMPLES", "NO_BRAND_NOTE", "build_parser", "fetch_options", "main", "run_options"]


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.clock = clock or now
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


def now() -> datetime:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def error_text(exc: Exception) -> str:
    """Our own errors as they are; a file that failed with what to do; anything else (a bug)
    named as such."""
    from pipeline.models import RepurposeError

    if isinstance(exc, RepurposeError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.filename or 'a file'}: {exc.strerror or exc} (check it, then run again)"
    return f"unexpected {type(exc).__name__}: {exc} (run again with --debug to see where)"


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
