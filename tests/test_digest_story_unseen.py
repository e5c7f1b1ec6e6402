"""The symptom and cause of posts from clinics the rules were not written on (issue 11): one
small made-up case for each kind of miss found on the held-out keys, in several languages."""

from __future__ import annotations

import pytest

from pipeline.digest.direction import denies_the_cause
from pipeline.digest.story import digest_article
from pipeline.models import Article, Block
from tests.factories import para


def post(title: str, *blocks: Block, language: str | None = None) -> Article:
    return Article(title=title, blocks=blocks, language=language)


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("Most back pain is not caused by serious conditions such as fractures.", True),
        ("Na maioria dos casos, a dor não está relacionada a condições graves.", True),
        ("La douleur n'est pas causée par une fracture.", True),
        ("Most back pain is related to posture, not to serious conditions.", False),
        ("It is not serious, and it is usually caused by posture.", False),
        ("Back pain is usually caused by weak muscles.", False),
    ],
)
def test_a_cause_cue_after_a_negation_is_denied(text: str, denied: bool) -> None:
    assert denies_the_cause(text) is denied


@pytest.mark.parametrize(
    ("language", "title", "denial", "cause"),
    [
        (
            "en",
            "Low back pain myths",
            "In most cases, back pain is not caused by serious conditions like fractures.",
            "Most low back pain is caused by a mix of posture, stress and weak muscles.",
        ),
        (
            "pt",
            "Mitos sobre dor nas costas",
            "Na grande maioria dos casos, a dor não está relacionada a condições graves.",
            "A dor lombar está relacionada a uma combinação de postura, estresse e sedentarismo.",
        ),
    ],
)
def test_what_is_not_the_cause_is_not_the_cause(
    language: str, title: str, denial: str, cause: str
) -> None:
    """The sentence that says what the pain is not caused by comes first, yet the cause is
    the one that says what it is caused by."""
    article = post(title, para(denial), para(cause), language=language)
    assert digest_article(article).cause == cause
