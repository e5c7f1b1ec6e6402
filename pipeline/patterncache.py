"""Large regular expressions compiled once per Python, not once per process: their compiled
form is kept in the user's cache folder (`usercache.cache_root()/patterns`).

The digest's role patterns join every language's words (some 60,000 characters in all);
Python's `re` parses and compiles them in pure Python, about 0.1 s of CPU at every start, more
than the digest's own work on an article. `re` keeps no compiled form between processes
(a pickled pattern is compiled again), so this keeps the one thing `re.compile` hands to its
C engine: the program (a list of integers) with its flags and groups, and builds the pattern
from it with `_sre.compile`, as `re` itself does.

That is CPython's own interface, so an entry is named by the pattern's source and the exact
Python that wrote it (its version, `_sre.MAGIC`, the engine's program format, and the byte
order): another Python, or one without that interface, compiles the pattern as usual. The C
engine checks every program it is given ("invalid SRE code"), so an unreadable or damaged
entry is compiled again and rewritten. As with the template cache, a folder that cannot be
made or written costs only the speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import os
import re
import sys
from array import array
from pathlib import Path
from typing import Any

from pipeline.usercache import cache_root

try:
    import _sre

    _compiler: Any = importlib.import_module("re._compiler")  # not in the typeshed stubs
    _parser: Any = importlib.import_module("re._parser")

    STAMP = f"{sys.version} {_sre.MAGIC} {_sre.CODESIZE} {sys.byteorder}"
except (ImportError, AttributeError):  # not CPython 3.11+: no cache
    STAMP = ""

CODE_TYPE = "I"  # unsigned int: _sre.CODESIZE bytes per word of the program


def compile_cached(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, through the cache when this Python allows it."""
    if not STAMP or array(CODE_TYPE).itemsize != _sre.CODESIZE:
        return re.compile(source, flags)
    flags = int(flags)
    path = entry_path(source, flags)
    pattern = read_entry(path, source, flags) if path is not None else None
    if pattern is not None:
        return pattern
    parts = compile_parts(source, flags)
    pattern = build(source, parts)
    if pattern is None:  # pragma: no cover - our own program refused: compile as usual
        return re.compile(source, flags)
    if path is not None:
        write_entry(path, {"key": entry_key(source, flags), **parts})
    return pattern


def entry_key(source: str, flags: int = 0) -> str:
    named = f"{STAMP}\n{source}" if not flags else f"{STAMP}\nflags {flags}\n{source}"
    return hashlib.sha256(named.encode()).hexdigest()


def entry_path(source: str, flags: int = 0) -> Path | None:
    try:
        return cache_root() / "patterns" / f"{entry_key(source, flags)[:40]}.sre"
    except RuntimeError:  # no home folder to be found
        return None


def compile_parts(source: str, flags: int = 0) -> dict[str, Any]:
    """What `re._compiler.compile` hands to `_sre.compile`, for `source` with `flags`."""
    parsed = _parser.parse(source, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return {
        "flags": parsed.state.flags,
        "code": _compiler._code(parsed, flags),
        "groups": parsed.state.groups - 1,
        "groupindex": groupindex,
        "indexgroup": indexgroup,
    }


def build(source: str, parts: dict[str, Any]) -> re.Pattern[str] | None:
    """The pattern of a program, or None when the engine refuses it."""
    try:
        pattern: re.Pattern[str] = _sre.compile(
            source,
            parts["flags"],
            list(parts["code"]),
            parts["groups"],
            parts["groupindex"],
            tuple(parts["indexgroup"]),
        )
    except (RuntimeError, TypeError, ValueError, OverflowError, KeyError):
        return None
    return pattern


def read_entry(path: Path, source: str, flags: int = 0) -> re.Pattern[str] | None:
    """A cached pattern: a line of JSON (the entry's full key, flags and groups), then the
    program's words. An entry under another key's name (a copied or renamed file) is not
    taken."""
    try:
        data = path.read_bytes()
        head, _, words = data.partition(b"\n")
        parts = json.loads(head)
        if not isinstance(parts, dict) or parts.get("key") != entry_key(source, flags):
            return None
        code = array(CODE_TYPE)
        code.frombytes(words)
        parts["code"] = code.tolist()
    except (OSError, ValueError, TypeError):
        return None
    return build(source, parts)


def write_entry(path: Path, parts: dict[str, Any]) -> None:
    """Written to a temporary name and renamed: a reader never sees half an entry."""
    head = {key: value for key, value in parts.items() if key != "code"}
    data = json.dumps(head).encode() + b"\n" + array(CODE_TYPE, parts["code"]).tobytes()
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    with contextlib.suppress(OSError):
        temporary.unlink(missing_ok=True)
