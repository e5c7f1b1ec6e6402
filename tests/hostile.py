"""Helpers of the hostile tests: run `repurpose` as a real process, and the checks every hostile
case makes (one `Error:` line, the exit code, no traceback, nothing written outside out/, no
half-written folder)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

INCOMPLETE = ".repurpose-incomplete"
STATE = ".repurpose-state.json"


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", *args]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env["XDG_CACHE_HOME"] = env.get("XDG_CACHE_HOME", "/nonexistent-cache")
    return env


def repurpose(
    *args: str, cwd: Path, timeout: float = 60, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The command as a real process; a hang fails the test (the timeout) instead of blocking."""
    return subprocess.run(
        command(*args),
        cwd=cwd,
        env={**child_env(), **(env or {})},
        capture_output=True,
        text=True,
        errors="backslashreplace",
        timeout=timeout,
        check=False,
    )


def start(*args: str, cwd: Path) -> subprocess.Popen[str]:
    """The command in a session of its own, so a test can signal its whole process group as a
    terminal's Ctrl-C does."""
    return subprocess.Popen(
        command(*args),
        cwd=cwd,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="backslashreplace",
        start_new_session=True,
    )


def assert_one_error(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    """Exactly one `Error:` line, the exit code, no traceback; returns the line."""
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    assert not [line for line in result.stderr.splitlines() if line.startswith("  File ")]
    return errors[0]


@dataclass(frozen=True)
class Tree:
    """Every file under a folder, with a hash of its bytes (links as their target)."""

    files: dict[str, str]

    @classmethod
    def of(cls, root: Path, skip: Path | None = None) -> Tree:
        files = {}
        for path in sorted(root.rglob("*")):
            if skip is not None and (path == skip or skip in path.parents):
                continue
            key = str(path.relative_to(root))
            if path.is_symlink():
                files[key] = "-> " + os.readlink(path)
            elif path.is_file():
                files[key] = hashlib.sha256(path.read_bytes()).hexdigest()
            elif path.is_dir():
                files[key] = "dir"
            else:
                files[key] = "special"
        return cls(files)


def assert_folders_whole(out: Path) -> None:
    """Every article folder under out/ is complete (post.json, every file the state records,
    no temporary file) or clearly incomplete (the marker)."""
    if not out.is_dir():
        return
    for folder in (p for p in out.iterdir() if p.is_dir() and not p.is_symlink()):
        if (folder / INCOMPLETE).exists():
            continue
        names = [p.name for p in folder.iterdir()]
        assert not [n for n in names if n.endswith(".tmp")], names
        if names in ([], [".repurpose.lock"]):
            continue
        assert "post.json" in names, f"{folder}: files without post.json: {names}"
        recorded = json.loads((folder / STATE).read_text(encoding="utf-8"))["files"]
        for name, hashes in recorded.items():
            path = folder / name
            if path.is_file():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                assert len(hashes) == 1, f"{folder}: {name} still mid-write in the state"
                assert digest in hashes or name.endswith((".txt", ".toml", ".json")), name
