"""`repurpose --help` and `repurpose export --help` import only argument-parsing code: none of
the stages, no template engine, no image or HTML library, no TOML, date or lock library. Checked
in a fresh interpreter (this one has imported everything already)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

HEAVY = (
    "PIL",
    "jinja2",
    "trafilatura",
    "lxml",
    "numpy",
    "requests",
    "urllib3",
    "dateutil",
    "zoneinfo",
    "tzlocal",
    "filelock",
    "tomllib",
    "json",
    "pipeline.load",
    "pipeline.extract",
    "pipeline.digest",
    "pipeline.compose",
    "pipeline.render",
    "pipeline.write",
    "pipeline.redact",
    "pipeline.tomlfile",
)
PROBE = """
import contextlib, io, sys
from pipeline.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
print(code, len(out.getvalue()), " ".join(sorted(sys.modules)))
"""


def imported_by(argv: list[str]) -> tuple[int, int, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], cwd=ROOT, capture_output=True, text=True, check=True
    )
    code, length, modules = done.stdout.split(" ", 2)
    return int(code), int(length), set(modules.split())


@pytest.mark.parametrize("argv", [["--help"], ["export", "--help"], ["run", "--help"]])
def test_help_imports_no_stage_and_no_heavy_library(argv: list[str]) -> None:
    code, length, modules = imported_by(argv)
    assert code == 0 and length > 200  # the help was printed
    loaded = sorted(name for name in HEAVY if name in modules or f"{name}." in " ".join(modules))
    assert loaded == [], json.dumps(loaded)


def test_the_probe_sees_a_heavy_import() -> None:
    """The probe itself works: a command that runs does import its stages."""
    code, _, modules = imported_by(["extract", str(ROOT / "samples" / "tension-headaches.md")])
    assert code == 0
    assert "pipeline.extract" in modules and "json" in modules
