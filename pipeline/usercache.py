"""The user's cache folder, `$XDG_CACHE_HOME/repurpose` (else `~/.cache/repurpose`), and the
compiled caption and preview templates kept there between runs.

What is cached is only a copy that makes a start faster: when the folder cannot be made or a
file in it cannot be read or written, the work is done as if there were no cache.
"""

from __future__ import annotations

import contextlib
import os
from functools import lru_cache
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "repurpose"


class QuietBytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates, which a failed write never stops. Jinja reuses
    an entry only for the same template file with the same checksum of its source, made by the
    same Jinja and Python: an edited template (the user's own too) is compiled again."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@lru_cache(maxsize=1)
def template_cache() -> QuietBytecodeCache | None:
    """The compiled templates' cache folder, made on first use; None when it cannot be."""
    try:
        folder = cache_root() / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home folder to be found
        return None
    return QuietBytecodeCache(str(folder))
