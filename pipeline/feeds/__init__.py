"""Finding and reading the sources `repurpose watch` follows: RSS/Atom feeds, sitemaps, the
WordPress REST API and blog pages that link their feed. Fetches go through `pipeline.load`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.feeds.entries import Entry, FeedError, Listing
    from pipeline.feeds.read import SourceRead, read_source

__all__ = ["Entry", "FeedError", "Listing", "SourceRead", "read_source"]
MODULES = {"read_source": "read", "SourceRead": "read"}


def __getattr__(name: str) -> object:
    """The public names, imported on first use."""
    if name in __all__:
        import importlib

        module = importlib.import_module(f"pipeline.feeds.{MODULES.get(name, 'entries')}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
