"""The review web app (`repurpose review`): a layer above `commands` that shows the output
folders as Instagram will, and changes them only through the commands' own code."""

from __future__ import annotations

from pipeline.review.server import ReviewApp, check_bind, serve_review

__all__ = ["ReviewApp", "check_bind", "serve_review"]
