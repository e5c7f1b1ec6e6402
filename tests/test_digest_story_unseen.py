"""The symptom and cause of posts from clinics the rules were not written on (issue 11): one
small made-up case for each kind of miss found on the held-out keys, in several languages."""

from __future__ import annotations

import pytest

from pipeline.digest.choose import fits_when_cut
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


LONG_CAUSE = (
    "A dor ciática pode decorrer de várias causas, sendo a hérnia discal a mais comum; além "
    "desta, podem-se citar: processo degenerativo da coluna, infecção, luxação, fratura, "
    "tumores, estreitamento do canal vertebral, síndrome do piriforme, gravidez, obesidade, "
    "postura inadequada por longos períodos e falta de condicionamento físico dos músculos "
    "que sustentam a coluna lombar."
)


def test_a_long_sentence_a_clause_cut_fits_is_no_worse_for_its_length() -> None:
    """A summary of many causes is long, but its first clauses fit a card: it is the cause,
    not passed over for its length."""
    assert fits_when_cut(LONG_CAUSE)
    assert not fits_when_cut(" ".join(["palavra"] * 50) + ".")
    article = post(
        "Dores ciáticas",
        para("A dor ciática é uma dor que desce pela perna, do glúteo até o pé."),
        para("O nervo isquiático é o maior nervo do corpo humano."),
        para(LONG_CAUSE),
        language="pt",
    )
    assert (digest_article(article).cause or "").startswith("A dor ciática pode decorrer")


@pytest.mark.parametrize(
    ("language", "title", "opening", "symptom"),
    [
        (
            "it",
            "Disturbi cranio-mandibolari",
            "La terapia dei disturbi mandibolari permette di curare molti problemi.",
            "Sempre più persone lamentano cefalee, acufeni e capogiri al risveglio.",
        ),
        (
            "es",
            "Trastornos de la mandíbula",
            "La terapia de la mandíbula permite tratar muchos problemas.",
            "Cada vez más personas se quejan de cefaleas, acúfenos y mareos al despertar.",
        ),
    ],
)
def test_people_who_complain_tell_the_symptom(
    language: str, title: str, opening: str, symptom: str
) -> None:
    article = post(title, para(f"{opening} {symptom}"), language=language)
    assert digest_article(article).symptom == symptom
