"""Small made-up blocks, digests and sources for tests."""

from __future__ import annotations

from typing import Any

from pipeline.extract.article import extract_article
from pipeline.models import Article, Block, Digest, Page

# A sentence of article prose, for made-up sources that must read as an article
SENTENCE = "Runners feel knee pain when the thigh muscles tire and the kneecap drifts. "


def digest_with(**fields: Any) -> Digest:
    """A digest with no cause, points, conclusion, quotes or keywords unless given."""
    values: dict[str, Any] = {
        "cause": None,
        "treatment_points": (),
        "conclusion": None,
        "quotes": (),
        "keywords": (),
        "language": "en",
    }
    values.update(fields)
    return Digest(**values)


def heading(text: str, level: int = 2) -> Block:
    return Block("heading", text, level=level)


def para(text: str, lead: str | None = None) -> Block:
    return Block("paragraph", text, lead=lead)


def item(text: str, lead: str | None = None) -> Block:
    return Block("item", text, lead=lead)


def extract_text(text: str, kind: str = "markdown", origin: str = "made-up") -> Article:
    """The article extracted from a made-up source of the given kind."""
    return extract_article(Page(origin=origin, text=text, kind=kind))  # type: ignore[arg-type]


def block_texts(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in article.blocks]
