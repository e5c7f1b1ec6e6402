"""The digest benchmark's pure scoring functions, on made-up strings."""

from __future__ import annotations

import pytest

from bench.digest_metric import (
    chrome_reasons,
    containment,
    f1,
    field_matches,
    match_items,
    normalise,
    pieces,
    source_forms,
    strip_fixed,
    tokens,
    untraced_pieces,
)


def test_normalise_decodes_entities_and_drops_markdown() -> None:
    text = "**Ice** the&nbsp;knee — see [our guide](https://x.test) &amp; __rest__  it"
    assert normalise(text) == "ice the knee — see our guide & rest it"


def test_tokens_are_words_and_cjk_bigrams() -> None:
    assert tokens("Heel-pain, 2 weeks!") == ["heel", "pain", "2", "weeks"]
    assert tokens("무릎 통증이") == ["무릎", "통증", "증이"]
    assert tokens("歯石を取る") == ["歯石", "石を", "を取", "取る"]


def test_f1_and_containment() -> None:
    assert f1("knee pain", "knee pain") == 1.0
    assert f1("knee pain", "back ache") == 0.0
    assert f1("knee pain when running", "knee pain") == pytest.approx(2 / 3)
    assert containment("knee pain", "knee pain when running downhill") == 1.0
    assert field_matches("knee pain", None) is False


def test_match_items_is_one_to_one_and_maximal() -> None:
    truth = ["ice the knee", "rest the knee"]
    # the first found item matches both truth items; a greedy pass could waste it
    found = [("ice the knee and rest the knee",), ("ice the knee",)]
    assert match_items(truth, found) == {0: 1, 1: 0}
    assert match_items(["massage"], [("Acupuncture needles",)]) == {}


def test_match_items_uses_label_and_text() -> None:
    found = [("Needles in the lower back.", "Acupuncture Needles in the lower back.")]
    assert match_items(["acupuncture"], found) == {0: 0}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("We use cookies to improve your visit", "cookie notice"),
        ("Cookie-Einstellungen", "cookie notice"),
        ("Subscribe to our newsletter", "subscribe"),
        ("© 2024 Example Clinic", "copyright"),
        ("Read more", "read more"),
        ("Tendons heal slowly [12]", "footnote marker"),
        ("Tendons heal slowly22, as shown", "footnote marker"),
        ("NSAIDs are not a long-term strategy 3.", "footnote marker"),
        ("Selon l'INRS 22, les troubles sont fréquents", "footnote marker"),
        ("Smith J, et al. Knee pain. doi: 10.1/x", "reference list"),
        ("{{ page.title }}", "template code"),
    ],
)
def test_chrome_reasons(text: str, reason: str) -> None:
    assert reason in chrome_reasons(text)


def test_phone_and_email_only_in_points() -> None:
    text = "Call 0161 555 0123 or mail desk@clinic.test"
    assert chrome_reasons(text) == []
    assert set(chrome_reasons(text, point=True)) == {"e-mail", "phone number"}
    assert chrome_reasons("Published 2015-04-15, pages 1194-1210", point=True) == []


def test_prose_is_not_chrome() -> None:
    assert chrome_reasons("Rest at home and ice the knee for 20 minutes.", point=True) == []
    assert chrome_reasons("足を1日3回伸ばします", point=True) == []
    assert chrome_reasons("Back pain: part 2", point=True) == []
    assert chrome_reasons("Fase 3: Preparazione Insegnamento di tecniche", point=True) == []
    assert chrome_reasons("Eine Besserung stellt sich nach der 3. Behandlung ein.") == []
    assert chrome_reasons("A plan made for you (no cookie-cutter programs)", point=True) == []


def test_untraced_pieces_allow_clause_cuts_and_dropped_asides() -> None:
    source = source_forms("Knee Pain\n\nIce the knee (wrapped in a towel), then rest it.")
    assert untraced_pieces("Ice the knee …", source) == []
    assert untraced_pieces("Ice the knee, then rest it.", source) == []
    assert untraced_pieces("Knee pain · Rest it", source) == []
    assert untraced_pieces("Ice the knee twice a day.", source) == ["ice the knee twice a day"]


def test_pieces_split_at_clauses() -> None:
    assert pieces("One thing; another… «third»") == ["one thing", "another", "third"]


def test_strip_fixed_words() -> None:
    fixed = ["Symptom", "— from our blog:", "@clinic"]
    assert strip_fixed("Symptom", fixed) == ""
    assert strip_fixed("— from our blog: Knee Pain", fixed) == "Knee Pain"
    assert strip_fixed("Symptoms of knee pain", fixed) == "Symptoms of knee pain"
