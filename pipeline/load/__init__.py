"""Stage 1, load: read a file or fetch a URL politely and safely, as a `Page`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.load.source import FetchOptions, load_source

__all__ = ["FetchOptions", "load_source"]


def __getattr__(name: str) -> object:
    """The public names, imported on first use: importing one module of this stage does not
    import the whole stage."""
    if name in __all__:
        import importlib

        return getattr(importlib.import_module("pipeline.load.source"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
