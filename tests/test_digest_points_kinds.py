"""Kinds of false and missed points seen on posts from unseen clinics, each as a small made-up
post: causes told one by one under a numbered heading are no steps, an assessment beside the
techniques is no point, a line of related links is none. Spanish, English and Portuguese."""

from __future__ import annotations

from pipeline.digest.story import digest_article
from pipeline.models import Article, Block, Digest
from tests.factories import heading, item, para


def digest(blocks: list[Block], title: str) -> Digest:
    return digest_article(Article(title=title, blocks=tuple(blocks)))


def texts(found: Digest) -> list[str]:
    return [f"{p.label or ''} {p.text}" for p in (*found.treatment_points, *found.prevention)]


def numbered_causes(treatment: list[Block]) -> list[Block]:
    blocks = [para("El dolor de hombro es una de las consultas más frecuentes.")]
    blocks += [heading("Causas más frecuentes del dolor de hombro", 2)]
    blocks += [heading("1. Tendinitis del manguito rotador", 3)]
    blocks += [para("Es la causa más común de dolor de hombro en mayores de 40 años.")]
    blocks += [heading("2. Bursitis subacromial", 3)]
    blocks += [para("La bursa se inflama por sobreuso o traumatismo y produce dolor.")]
    blocks += [heading("3. Hombro congelado", 3)]
    blocks += [para("Es una rigidez progresiva que limita el movimiento.")]
    return blocks + treatment


def test_numbered_causes_under_a_cause_heading_are_no_steps() -> None:
    treatment = [heading("¿Cómo aborda la osteopatía el dolor de hombro?", 2)]
    treatment += [para("Según lo que encuentre en la valoración, utilizo:")]
    treatment += [item("Técnicas articulatorias: para recuperar la movilidad")]
    treatment += [item("Técnicas de tejido blando: masaje profundo del manguito rotador")]
    found = digest(numbered_causes(treatment), "Dolor de hombro")
    assert [p.label for p in found.treatment_points] == [
        "Técnicas articulatorias",
        "Técnicas de tejido blando",
    ]


def test_numbered_causes_each_with_its_treatment_still_give_it() -> None:
    blocks = [heading("As causas mais comuns da dor de dente", 2)]
    blocks += [heading("1. Cárie profunda", 3), para("A erosão começa no esmalte.")]
    blocks += [para("O tratamento: removemos a cárie e restauramos o dente.", "O tratamento")]
    blocks += [heading("2. Dente fraturado", 3), para("Uma queda pode fraturar o dente.")]
    blocks += [para("O tratamento: uma restauração simples ou uma coroa.", "O tratamento")]
    found = digest(blocks, "Dor de dente")
    assert [p.text for p in found.treatment_points] == [
        "removemos a cárie e restauramos o dente.",
        "uma restauração simples ou uma coroa.",
    ]


def test_an_assessment_beside_the_techniques_gives_no_points() -> None:
    blocks = [para("Shoulder pain often comes from the neck as well as the shoulder.")]
    blocks += [heading("How we treat shoulder pain", 2), heading("Assessment", 3)]
    blocks += [para("At your first visit we examine:")]
    blocks += [item("The shoulder itself: range of motion, painful points")]
    blocks += [item("The neck: many shoulder problems start there")]
    blocks += [heading("Techniques we use", 3), para("Depending on what we find:")]
    blocks += [item("Joint mobilisation: to restore movement of the shoulder")]
    blocks += [item("Soft tissue work: deep massage of the rotator cuff")]
    found = digest(blocks, "Shoulder pain")
    assert [p.label for p in found.treatment_points] == ["Joint mobilisation", "Soft tissue work"]


def test_a_line_of_related_articles_is_no_point() -> None:
    treatment = [heading("Tratamiento del dolor de hombro en la sierra", 2)]
    treatment += [para("Si sufres dolor de hombro, puedo ayudarte con osteopatía y masaje.")]
    link = "Te puede interesar: Osteopatía para deportistas · El estrés y la tensión"
    treatment += [para(link, "Te puede interesar")]
    found = digest(numbered_causes(treatment), "Dolor de hombro")
    assert not any("interesar" in t or "deportistas" in t for t in texts(found))
