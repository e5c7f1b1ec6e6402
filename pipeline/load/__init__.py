"""Stage 1, load: read a file or fetch a URL politely and safely, as a `Page`."""

from pipeline.load.source import FetchOptions, load_source

__all__ = ["FetchOptions", "load_source"]
