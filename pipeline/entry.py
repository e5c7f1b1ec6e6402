"""The `repurpose` command's entry point: Ctrl-C at any moment, even while the command's modules
are still being imported, ends with one line and exit code 130, never a traceback."""

from __future__ import annotations

import contextlib
import os
import signal
import sys

INTERRUPTED = 130


def main() -> int:
    try:
        from pipeline.cli import main as cli_main

        code = cli_main()
    except KeyboardInterrupt:
        if "--debug" in sys.argv:
            raise
        print("Interrupted: nothing more was written.", file=sys.stderr)
        code = INTERRUPTED
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # done: a late Ctrl-C cannot undo it
    if code == INTERRUPTED:
        leave_interrupted()
    return code


def leave_interrupted() -> None:
    """Exit 130 at once. An import cut short by Ctrl-C can make the interpreter's own shutdown
    re-raise the signal (exit -2, or a traceback); the message is out, so skip it."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(INTERRUPTED)
