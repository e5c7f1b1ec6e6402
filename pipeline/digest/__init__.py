"""Stage 3, digest: the clinical story in the article's own words, as a `Digest`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.digest.story import digest_article

__all__ = ["digest_article"]


def __getattr__(name: str) -> object:
    """The public names, imported on first use: importing one module of this stage does not
    import the whole stage."""
    if name in __all__:
        import importlib

        return getattr(importlib.import_module("pipeline.digest.story"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
