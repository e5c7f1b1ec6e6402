"""extract: footnote markers, reference lists and "Sources" sections never reach a card."""

from __future__ import annotations

import pytest

from pipeline.extract.article import extract_article
from pipeline.extract.references import strip_markers
from pipeline.models import Page

BODY = "Runners knee is pain around the kneecap that grows with stairs and squats. " * 3


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("Selon l'INRS 22, les TMS augmentent.", "Selon l'INRS, les TMS augmentent."),
        ("Studies show it[12]. Also[^1] here [3, 4].", "Studies show it. Also here."),
        ("Smokers quit more often¹² than others.", "Smokers quit more often than others."),
        ("Pain eases in 2 weeks.", None),
        ("At age 40, risk rises.", None),
        ("The disc at L4 5 level bulges.", None),
        ("Since COVID 19, fewer people came.", None),
        ("Rest for 2 weeks, then run 5 km.", None),
    ],
)
def test_footnote_markers_go_and_real_numbers_stay(text: str, clean: str | None) -> None:
    assert strip_markers(text) == (clean or text)


@pytest.mark.parametrize(
    "heading",
    ["Sources", "References:", "Bibliografía", "Quellen", "참고문헌", "参考文献", "Fonti"],
)
def test_a_reference_section_is_not_article(heading: str) -> None:
    markup = (
        f"<html><body><article><h1>Runners knee</h1><p>{BODY}</p>"
        f"<p>Most runners recover within six weeks<sup>3</sup> with exercise.</p>"
        f"<h2>{heading}</h2><ol><li>Smith J. Knee pain in runners. BMJ 2019;12:34.</li>"
        "<li>Doe A. Patellofemoral pain. Lancet 2020.</li></ol></article></body></html>"
    )
    article = extract_article(Page(origin="made-up", text=markup, kind="html"))
    texts = [b.text for b in article.blocks]
    assert "Most runners recover within six weeks with exercise." in texts
    assert not any("Smith J." in t or "Lancet" in t or t == heading for t in texts)


def test_markdown_footnotes_and_a_bibliography_go() -> None:
    source = (
        f"---\ntitle: Runners knee\n---\n\n{BODY}\n\nExercise helps most runners.[^1]\n\n"
        "## Treatment\n\nStrengthen the hips and thighs for six weeks.\n\n"
        "### Bibliografia\n\n- Rossi M. Dolore al ginocchio. 2018.\n\n"
        "[^1]: Smith J. Knee pain in runners. BMJ 2019.\n"
    )
    article = extract_article(Page(origin="post.md", text=source, kind="markdown"))
    texts = [b.text for b in article.blocks]
    assert "Exercise helps most runners." in texts
    assert "Strengthen the hips and thighs for six weeks." in texts
    assert not any("Rossi" in t or "Smith" in t or "Bibliografia" in t for t in texts)
