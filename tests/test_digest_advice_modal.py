"""Advice told as what we or one should do ("Debemos prestar atención...", "se debe buscar...",
"Man sollte...") or as what is crucial in getting better ("Resting is crucial in reducing
inflammation") is a self-care tip ([points] advice in the language files); a post whose
advice is told so still gives its treatment sentences as points (pipeline/digest/points.py)."""

from __future__ import annotations

import pytest

from pipeline.digest.selfcare import is_advice
from pipeline.digest.story import digest_article
from pipeline.models import Article
from tests.factories import heading, para


@pytest.mark.parametrize(
    "sentence",
    [
        "Debemos prestar atención a la altura del monitor de la computadora.",
        "Asimismo, se debe buscar tener una postura adecuada al mirar televisión.",
        "Resting and avoiding high-impact activities is crucial in reducing inflammation.",
        "We should take a short break from the screen every hour.",
        "Man sollte schwere Lasten nicht mit rundem Rücken heben.",
        "Devemos evitar ficar muitas horas na mesma posição.",
        "Nous devons éviter de rester assis trop longtemps.",
        "Dobbiamo evitare di restare seduti per troppe ore.",
    ],
)
def test_what_we_or_one_should_do_is_advice(sentence: str) -> None:
    assert is_advice(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Finding moments of relaxation is crucial for maintaining our well-being.",  # no care
        "El dolor de cuello es muy común entre quienes trabajan sentados.",
        "If we should feel pain at night, the cause may be different.",
        "Es clave abordar la tendinitis a tiempo para evitar su cronicidad.",  # a remark
    ],
)
def test_a_remark_is_no_such_advice(sentence: str) -> None:
    assert not is_advice(sentence)


def test_advice_in_prose_leaves_the_treatment_sentences_as_points() -> None:
    """No treatment section: the advice sentences are the tips and the sentences that name a
    method are still the points, not dropped as in a post of tips only."""
    blocks = (
        para("Metatarsalgia is pain in the ball of the foot that can make walking hard."),
        para(
            "Resting and avoiding high-impact activities is crucial in reducing inflammation and"
            " easing pain. Footwear with proper arch support and a wide toe box is essential in"
            " taking the pressure off the ball of your foot. Custom orthotics or shoe inserts can"
            " redistribute pressure and relieve pain. In severe cases, surgery may be necessary"
            " to correct foot deformities."
        ),
    )
    found = digest_article(Article(title="Metatarsalgia", blocks=blocks))
    tips = [p.text for p in found.prevention]
    points = [p.text for p in found.treatment_points]
    assert any(t.startswith("Resting and avoiding") for t in tips), tips
    assert any(p.startswith("Custom orthotics") for p in points), points
    assert any(p.startswith("In severe cases, surgery") for p in points), points
    assert not any(p.startswith("Resting") for p in points), points


def test_a_tips_post_takes_no_few_words_of_a_heading_as_a_point() -> None:
    """Beside two tips, a line of a few words that names a method ("Surgery, days 1-3") is no
    point; a whole sentence of care is."""
    blocks = (
        para("Make sure you keep the wound clean for the first week after the operation."),
        para("Try to avoid hot and hard foods for a few days after the operation."),
        heading("Recovery"),
        para("Surgery, days 1-3"),
        para("An implant is a titanium screw placed in the jaw bone by surgery under anaesthesia."),
    )
    found = digest_article(Article(title="After an implant", blocks=blocks))
    points = [p.text for p in found.treatment_points]
    assert "Surgery, days 1-3" not in points, points


def test_a_section_of_advice_in_prose_gives_up_to_six_tips() -> None:
    """Two slides of tips at most from prose: a section that advises in every sentence gives
    its first six, not the whole article."""
    advice = [
        "Debemos evitar estar dos horas seguidas en la misma posición frente al ordenador.",
        "Debemos prestar atención a la altura del monitor de la computadora.",
        "Asimismo, se debe buscar tener una postura adecuada al mirar televisión.",
        "Es aconsejable realizar ejercicios de rango de movimiento lento cada mañana.",
        "Se recomienda dormir en un colchón firme, con una almohada que sostenga el cuello.",
        "Es importante levantarse y caminar un poco cada hora durante la jornada.",
        "Evite sostener el teléfono entre la cabeza y el hombro cuando habla.",
        "Procure hacer pausas cortas para mover los hombros y el cuello.",
    ]
    blocks = (
        para("El dolor de cuello es muy común entre quienes trabajan muchas horas sentados."),
        heading("¿Qué podemos hacer?"),
        para(" ".join(advice[:4])),
        para(" ".join(advice[4:])),
    )
    found = digest_article(Article(title="Dolor de cuello", blocks=blocks))
    assert [p.text for p in found.prevention] == advice[:6]
