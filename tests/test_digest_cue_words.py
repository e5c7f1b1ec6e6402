"""How clinics say symptom and cause, in the language files' cues: a symptom named in the
singular, the patient's complaint told by a clinician, "it occurs because", the Korean passive
"에 의해 일어납니다"; and a sentence that sorts the condition into kinds ("acute or chronic")
is not the symptom. Small made-up sentences and posts."""

from __future__ import annotations

import pytest

from pipeline.digest.candidates import has_cue
from pipeline.digest.story import digest_article
from pipeline.models import Article
from tests.factories import heading, para


@pytest.mark.parametrize(
    "sentence",
    [
        "Myopia is a common condition where the main symptom is blurred distance vision.",
        "Das häufigste Symptom sind Kniegelenksschwellungen und Knieschmerzen.",
        "Le symptôme principal est une douleur au talon le matin.",
        "El síntoma principal es un dolor punzante en el talón.",
        "O sintoma mais comum é a dor na sola do pé.",
        "Il sintomo principale è un dolore al tallone.",
        "O paciente refere que sua coluna está travada pela manhã.",
        "El paciente refiere dolor al subir escaleras.",
        "Il paziente lamenta rigidità al mattino.",
        "Le patient ressent une raideur le matin.",
        "Der Patient klagt über Schmerzen beim Treppensteigen.",
        "The patient often describes a dull ache behind the knee.",
    ],
)
def test_symptom_cues(sentence: str) -> None:
    assert has_cue("symptom", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "This occurs because the focussing power of the eye is too strong.",
        "Esto ocurre porque el ligamento pierde su sensibilidad.",
        "Isso acontece porque o disco perde água com a idade.",
        "Cela se produit parce que le tendon est trop sollicité.",
        "Questo accade perché il tendine viene sovraccaricato.",
        "Der Schmerz entsteht, weil die Sehne überlastet ist.",
        "통증은 뇌 주변의 고통에 예민한 구조의 장애에 의해 일어납니다.",
        # when it sets in: after what (as "develops after" in English)
        "L'instabilité de la cheville peut se mettre en place après une entorse grave.",
        "El dolor suele aparecer tras una caída o un golpe.",
        "A dor costuma surgir após um esforço repetido.",
        "Il dolore insorge dopo una distorsione mal curata.",
        "Die Arthrose entwickelt sich oft nach einer Verletzung.",
    ],
)
def test_cause_cues(sentence: str) -> None:
    assert has_cue("cause", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The symptoms are worse in the morning.",  # no cause
        "We see this because you asked us.",  # "because" alone is no cue of causing
        "두통은 머리 내부에서 일어나는 통증을 말합니다.",
    ],
)
def test_no_cause_cue(sentence: str) -> None:
    assert not has_cue("cause", sentence)


def test_the_kinds_of_a_condition_are_not_its_symptom() -> None:
    feels = "O paciente refere que a coluna está travada e dói nos primeiros movimentos da manhã."
    digest = digest_article(
        Article(
            title="Dor nas costas",
            blocks=(
                para(f"A dor nas costas pode ser aguda ou crônica. {feels}"),
                heading("Tratamento"),
                para("A fisioterapia manual ajuda a recuperar o movimento."),
            ),
        )
    )
    assert digest.symptom == feels


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Uma crise de ansiedade é um episódio intenso que surge de forma abrupta.", False),
        ("El dolor surge de una sobrecarga repetida del tendón.", True),
    ],
)
def test_how_a_complaint_arises_is_not_where_it_comes_from(sentence: str, cue: bool) -> None:
    assert has_cue("cause", sentence) is cue
