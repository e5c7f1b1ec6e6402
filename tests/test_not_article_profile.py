"""An about page is refused even when its title was read from one of its own sections: a page
whose headings are a practitioner's profile (training, qualifications, areas of expertise) or
a practice's (mission, vision, values) is an about page, in every language. An article with one
such heading, or with a section on educating the patient, is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.digest.kind import check_article, page_kind
from pipeline.models import Article, Block

BIO = "Mi sono formata a Pescara e accolgo pazienti di tutte le età nel mio studio."
STORY = (
    "Frozen shoulder is stiffness and pain that make the shoulder hard to move.",
    "It is often caused by inflammation of the joint capsule after an injury.",
    "Symptoms include pain at night and trouble reaching behind your back.",
)


def blocks(*texts: str) -> tuple[Block, ...]:
    """Blocks from texts; "# " opens a heading."""
    return tuple(
        Block(kind="heading", text=t[2:], level=2) if t.startswith("# ") else Block("paragraph", t)
        for t in texts
    )


@pytest.mark.parametrize(
    ("title", "headings"),
    [
        ("Formazione", ("Formazione", "Aree di competenza", "Patologie trattate")),
        ("ACERCA DE SONRÍA", ("VISIÓN", "COMPROMISO")),
        ("Jane Moss, Osteopath", ("Qualifications", "Professional memberships")),
        ("Parcours", ("Formations", "Domaines d’expertise")),
        ("Ausbildung", ("Ausbildung", "Mitgliedschaften", "Schwerpunkte")),
        ("Sobre a clínica", ("Nossa missão", "Visão", "Valores")),
        ("略歴", ("略歴", "資格", "所属学会")),
        ("약력", ("학력", "경력", "학회 활동")),
    ],
)
def test_a_page_of_profile_sections_is_an_about_page(title: str, headings: tuple[str, ...]) -> None:
    body = blocks(*(text for heading in headings for text in (f"# {heading}", BIO)))
    assert page_kind(Article(title=title, blocks=body)) == '"about us"'


@pytest.mark.parametrize(
    "headings",
    [
        ("Sintomi", "Cause", "Formazione"),  # one profile heading: the author's, at the end
        ("Education:", "Exercise", "Education:"),  # educating the patient, twice: one name
        ("Training your core", "Specialist care"),  # more than the kind's words
    ],
)
def test_an_article_with_a_profile_heading_is_not_an_about_page(
    headings: tuple[str, ...],
) -> None:
    body = blocks(*(text for heading in headings for text in (f"# {heading}", STORY[0])))
    assert page_kind(Article(title="Frozen shoulder", blocks=body)) is None
    check_article(Article(title="Frozen shoulder", blocks=body), "frozen-shoulder.md")


def test_a_profile_page_titled_by_its_first_section_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A practitioner's page whose name the reader never sees (it is drawn by a component):
    its title is a section's heading, "Formazione", and the page is refused as an about page."""
    source = tmp_path / "page.md"
    source.write_text(
        "Osteopata e fisioterapista.\n\n" + BIO + "\n\n"
        "## Formazione\n\n- Diploma in Osteopatia\n- Laurea in Fisioterapia\n\n"
        "## Aree di competenza\n\n- Osteopatia strutturale\n- Osteopatia pediatrica\n\n"
        "Sarò felice di conoscerti e aiutarti a ritrovare il benessere.\n",
        encoding="utf-8",
    )
    assert main(["digest", str(source)]) == 1
    assert 'it reads like an "about us" page' in capsys.readouterr().err
