"""Stage 6, write: one output folder per article: files written atomically, edits kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.write.files import write_post_files

__all__ = ["write_post_files"]


def __getattr__(name: str) -> object:
    """The public names, imported on first use: importing one module of this stage does not
    import the whole stage."""
    if name in __all__:
        import importlib

        return getattr(importlib.import_module("pipeline.write.files"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
