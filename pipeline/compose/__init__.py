"""Stage 4, compose: cards, captions, hashtags and alt text from a `Digest`, as a `Post`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.compose.post import compose_post

__all__ = ["compose_post"]


def __getattr__(name: str) -> object:
    """The public names, imported on first use: importing one module of this stage does not
    import the whole stage."""
    if name in __all__:
        import importlib

        return getattr(importlib.import_module("pipeline.compose.post"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
