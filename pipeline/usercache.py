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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import BytecodeCache


def cache_root() -> Path:
    """The tool's cache folder: the fetcher's (http/), the language model's and the templates'
    are inside it."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "repurpose"


@lru_cache(maxsize=1)
def template_cache() -> BytecodeCache | None:
    """The compiled templates' cache folder, made on first use; None when it cannot be. Jinja
    is imported here, not with the module: the fetcher and the language model ask only for
    `cache_root`."""
    from jinja2 import FileSystemBytecodeCache
    from jinja2.bccache import Bucket

    class QuietBytecodeCache(FileSystemBytecodeCache):
        """Jinja's file cache, which a failed write never stops. Jinja reuses an entry only for
        the same template file with the same checksum of its source, made by the same Jinja
        and Python: an edited template (the user's own too) is compiled again."""

        def dump_bytecode(self, bucket: Bucket) -> None:
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    try:
        folder = cache_root() / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home folder to be found
        return None
    return QuietBytecodeCache(str(folder))
