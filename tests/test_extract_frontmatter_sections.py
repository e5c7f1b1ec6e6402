"""A page that is all front matter (Netlify CMS, Forestry): its sections are mappings whose
names may be "heading" or "title", and a list of questions keeps each question as an HTML
heading beside its answer."""

from __future__ import annotations

from tests.factories import block_texts, extract_text

LEDE = "La causa principal de la periodontitis es la placa dental que se deposita en las encías."
ANSWERS = [
    "En condiciones de normalidad, la encía es fina, delgada, resiliente y de color rosa coral.",
    "Los signos más evidentes son el sangrado al cepillado, el mal olor y la movilidad dental.",
]
PAGE = f"""---
title: Periodoncia
description: seo description
hero:
  content:
    body: >
      <h1 class="bebas">Periodoncia</h1>
heading:
  display: true
  content: >
    <p class="thin"><em>{LEDE}</em></p>
article:
  content: >
    <p>Esta especialidad se encarga de la prevención, el diagnóstico y el tratamiento de las
    enfermedades de las encías y del hueso que sostiene los dientes en su lugar.</p>
accordionList:
  title: >
    <h1>Preguntas Frecuentes</h1>
  items:
    - title: <h4>¿Cómo es una encía sana?</h4>
      content: >-
        <p>{ANSWERS[0]}</p>
    - title: <h4>¿Cómo puedo saber si mi encía está enferma?</h4>
      content: >-
        <p>{ANSWERS[1]}</p>
cases:
  items:
    - image: /img/case-01.jpg
      link:
        to: /pacientes/
      body: >
         <h3>Injerto Gingival</h3>
    - image: /img/case-02.jpg
      body: <h3>Ferulización Superior</h3>
---
"""


def test_a_section_named_heading_and_the_questions_of_a_list_are_read() -> None:
    article = extract_text(PAGE, "markdown", "periodoncia.md")
    texts = block_texts(article)
    assert article.title == "Periodoncia"
    assert texts[0] == ("paragraph", LEDE)
    assert texts[-4:] == [
        ("heading", "¿Cómo es una encía sana?"),
        ("paragraph", ANSWERS[0]),
        ("heading", "¿Cómo puedo saber si mi encía está enferma?"),
        ("paragraph", ANSWERS[1]),
    ]


def test_a_heading_beside_only_a_picture_or_a_link_is_a_label() -> None:
    texts = [text for _, text in block_texts(extract_text(PAGE, "markdown", "periodoncia.md"))]
    assert "Injerto Gingival" not in texts
    assert "Ferulización Superior" not in texts
    assert "seo description" not in texts


def test_a_field_named_as_the_opening_comes_first_in_toml_stored_alphabetically() -> None:
    """Hugo stores a page's TOML fields in alphabetical order ('content_links' before
    'intro_text'); the layout shows the intro first."""
    intro = "Präventivmedizin ist das Teilgebiet der Medizin, das sich mit der Vorsorge befasst."
    later = "Übergewicht ist ein großer Risikofaktor für viele Erkrankungen des Stoffwechsels. " * 2
    page = (
        '+++\ncontent_links = "<h3>Zum Beispiel</h3><p>' + later + '</p>"\n'
        'intro_bild = "/uploads/top.png"\n'
        'intro_text = "<p><strong>' + intro + '</strong></p>"\n'
        'title = "Präventivmedizin"\n+++\n'
    )
    texts = [text for _, text in block_texts(extract_text(page, "markdown", "praevention.md"))]
    assert texts == [intro, "Zum Beispiel", later.strip()]


def test_an_seo_mapping_is_never_a_body() -> None:
    seo = "<p>" + "Book the best gum treatment in Caracas with our team today. " * 3 + "</p>"
    page = PAGE.replace("description: seo description\n", f"seo:\n  text: >\n    {seo}\n")
    texts = [text for _, text in block_texts(extract_text(page, "markdown", "periodoncia.md"))]
    assert not any("Book the best" in text for text in texts)
