"""Stage 3, digest: the clinical story in the article's own words, as a `Digest`."""

from pipeline.digest.story import digest_article

__all__ = ["digest_article"]
