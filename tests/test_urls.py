"""A web address never reaches a card: the extracted article keeps it (it is the page's
text), the digest reads the blocks without it (extract/urls.py)."""

from __future__ import annotations

import pytest

from pipeline.extract.urls import without_urls
from pipeline.models import Block
from tests.factories import SENTENCE, block_texts, extract_text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Please ask your insurer about the costs: http://www.example.de/costs.html",
            "Please ask your insurer about the costs",
        ),
        (
            "Rest the knee. Visit www.example.org for the full list. Ice it twice a day.",
            "Rest the knee. Ice it twice a day.",
        ),
        ("To order copies visit http://www.example.com. Then rest.", "Then rest."),
        ("See: https://example.org/list. Then rest the knee.", "Then rest the knee."),
        ("Our site (https://example.org) has more. Rest.", "Our site has more. Rest."),
        ("Write to www.example.com or P.O. Box 12, Leeds. Rest the knee.", "Rest the knee."),
        ("詳しくは: https://example.jp/a。足を清潔に保つことです。", "足を清潔に保つことです。"),
        ("https://example.org/knee", None),
        ("Rest the knee and ice it.", "Rest the knee and ice it."),
    ],
)
def test_a_web_address_never_stays_in_the_text(text: str, kept: str | None) -> None:
    blocks = without_urls((Block("paragraph", text),))
    assert [b.text for b in blocks] == ([kept] if kept else [])


def test_the_article_keeps_its_addresses_and_the_digest_reads_none() -> None:
    from pipeline.digest import digest_article

    link = "[http://www.example.de/costs.html](http://www.example.de/costs.html)"
    ask = "Many insurers now pay for a part of the treatment. Please ask yours about it first"
    article = extract_text(f"# Osteopathy\n\n{SENTENCE * 4}\n\n{ask}: {link}\n")
    assert block_texts(article)[-1] == ("paragraph", f"{ask}: http://www.example.de/costs.html")
    digest = digest_article(article)
    drawn = [digest.symptom, digest.cause, digest.conclusion, *digest.quotes]
    drawn += [p.text for p in (*digest.treatment_points, *digest.prevention)]
    assert not [text for text in drawn if text and "example.de" in text]
