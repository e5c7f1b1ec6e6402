"""Stage 5, render: draw a `Card` with the committed fonts and encode it, as a `RenderedImage`."""

from pipeline.render.card import render_card

__all__ = ["render_card"]
