"""py3langid's model, unpacked once into the user's cache.

The model ships inside py3langid as LZMA-compressed arrays: unpacking them costs about a second
of CPU at every start, more than the rest of a run. The first process saves the unpacked arrays
to `$XDG_CACHE_HOME/repurpose/langid-<version>/`; later ones map them from disk in a few
milliseconds. The cache is only a copy: when it cannot be read or written, the bundled model is
used as it is.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
from py3langid import modelio
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from pipeline.usercache import cache_root

PARTS = ("ptc", "pc", "classes", "nextmove", "row", "out")


def cache_dir() -> Path:
    return cache_root() / f"langid-{version('py3langid')}"


def load_identifier() -> Any:
    """py3langid's LanguageIdentifier, with probabilities that sum to 1."""
    folder = cache_dir()
    try:
        parts = read_parts(folder)
    except (OSError, ValueError, KeyError, EOFError):  # none yet, or damaged: make it again
        parts = modelio.load_model(MODEL_DIR / MODEL_FILE)
        with contextlib.suppress(OSError, ValueError):
            if folder.is_dir():
                shutil.rmtree(folder)
            save_parts(folder, parts)
    ptc, pc, classes, nextmove, row, out = parts
    return LanguageIdentifier(
        ptc, np.asarray(pc), classes, nextmove, out, norm_probs=True, tk_row=row
    )


def read_parts(folder: Path) -> tuple[Any, ...]:
    arrays = {
        name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in PARTS
    }
    return (  # the big tables stay mapped: a text touches only its own states and features
        arrays["ptc"],
        np.array(arrays["pc"]),
        [str(name) for name in arrays["classes"]],
        arrays["nextmove"],
        arrays["row"].tolist(),
        arrays["out"],
    )


def save_parts(folder: Path, parts: tuple[Any, ...]) -> None:
    """Write every array into a new folder, then rename it into place: never half a cache."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".langid-", dir=folder.parent))
    try:
        for name, value in zip(PARTS, parts, strict=True):
            np.save(staging / f"{name}.npy", np.asarray(value), allow_pickle=False)
        os.rename(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
