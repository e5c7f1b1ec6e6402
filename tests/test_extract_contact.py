"""extract: the clinic's contact box (phone, e-mail, address, opening hours) left in the body
never reaches the article; a sentence that gives a phone number to call stays. Made-up pages."""

from __future__ import annotations

import pytest

from pipeline.extract.article import extract_article
from pipeline.extract.contact import is_contact_box
from pipeline.models import Page

PROSE = "Plantar fasciitis is pain under the heel that is worst with the first steps. " * 4


@pytest.mark.parametrize(
    "text",
    [
        "Email: info@example-clinic.com",
        "Opening hours: Mon-Fri 9:00-18:00",
        "12 High Street, London SW1A 1AA. Tel 020 7946 0000",
        "Cabinet d'ostéopathie, 12 rue de la Paix, 75011 Paris. Tél. 01 23 45 67 89",
        "Praxis Muster, Hauptstraße 5, 80331 München, info@praxis-muster.de",
        "あいの訪問マッサージ 〒546-0031 大阪府大阪市東住吉区田辺1-9-12 電話番号： 0120-931-397",
        "진료시간: 월-금 09:00-18:00",
    ],
)
def test_a_contact_box_is_not_article_text(text: str) -> None:
    assert is_contact_box(text)


@pytest.mark.parametrize(
    "text",
    [
        "Call us on 020 7946 0000 to book your first assessment.",
        "Apply ice for 15 to 20 minutes three or four times a day.",
        "Une méta-analyse de 2005 portant sur 1 200 patients montre un effet.",
        "Die Beschwerden dauern 2-3 Wochen, bei 10-15 % der Patienten länger.",
    ],
)
def test_a_sentence_with_a_number_stays(text: str) -> None:
    assert not is_contact_box(text)


def test_the_contact_box_leaves_the_extracted_article() -> None:
    html = (
        f"<html><head><title>Heel pain</title></head><body><article><h1>Heel pain</h1>"
        f"<p>{PROSE}</p><p>Email: info@footclinic.example</p>"
        f"<p>Foot Clinic, 4 Mill Road, Leeds LS1 4AB. Phone 0113 496 0000</p>"
        "</article></body></html>"
    )
    texts = [b.text for b in extract_article(Page(origin="x", text=html, kind="html")).blocks]
    assert texts == [PROSE.strip()]


PHONE_CLUE = "Call 020 7946 0000"
EMAIL_CLUE = "write to desk@oakclinic.example"
POSTAL_CLUE = "12 High Street, London SW1A 1AA"
HOURS_CLUE = "open 9:00 - 17:30"
CLUES = (PHONE_CLUE, EMAIL_CLUE, POSTAL_CLUE, HOURS_CLUE)


@pytest.mark.parametrize(
    ("first", "second"), [(a, b) for n, a in enumerate(CLUES) for b in CLUES[n + 1 :]]
)
def test_any_two_kinds_of_contact_detail_make_a_box(first: str, second: str) -> None:
    assert is_contact_box(f"The clinic, {first}, and {second}, gladly helps.")


@pytest.mark.parametrize("clue", CLUES)
def test_one_kind_of_contact_detail_alone_makes_no_box(clue: str) -> None:
    assert not is_contact_box(f"If the pain returns after the exercises, {clue}, and ask us.")
