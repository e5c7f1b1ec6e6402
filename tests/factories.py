"""Small made-up digests for tests of compose and captions."""

from __future__ import annotations

from typing import Any

from pipeline.models import Block, Digest


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
