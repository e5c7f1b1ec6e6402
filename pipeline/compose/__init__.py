"""Stage 4, compose: cards, captions, hashtags and alt text from a `Digest`, as a `Post`."""

from pipeline.compose.post import compose_post

__all__ = ["compose_post"]
