"""Stage 5, render: draw a `Card` with the committed fonts and encode it, as a `RenderedImage`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.render.card import render_card

__all__ = ["render_card"]


def __getattr__(name: str) -> object:
    """The public names, imported on first use: importing one module of this stage does not
    import the whole stage."""
    if name in __all__:
        import importlib

        return getattr(importlib.import_module("pipeline.render.card"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
