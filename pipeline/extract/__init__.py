"""Stage 2, extract: the article without site chrome, as an `Article` of blocks and metadata."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.extract.article import extract_article

__all__ = ["extract_article"]


def __getattr__(name: str) -> object:
    """The public names, imported on first use: importing one module of this stage does not
    import the whole stage."""
    if name in __all__:
        import importlib

        return getattr(importlib.import_module("pipeline.extract.article"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
