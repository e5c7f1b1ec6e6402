"""Stage 2, extract: the article without site chrome, as an `Article` of blocks and metadata."""

from pipeline.extract.article import extract_article

__all__ = ["extract_article"]
