"""Parts a care section announces: a line that names the headings after it ("The treatment
has three phases: assessment, pain control and return to sport") makes those headings the
treatment, in any language, by the words of their titles."""

from __future__ import annotations

from pipeline.digest.story import digest_article
from pipeline.models import Article, Block
from tests.factories import heading, item, para

PHASES = "Il trattamento si divide in 3 fasi: controllo del dolore e recupero funzionale."


def phases_post(line: str) -> list[Block]:
    blocks = [para("La tallonite è un dolore al tallone che rende difficile camminare.")]
    blocks += [heading("E la fisioterapia?"), para(line)]
    blocks += [heading("Controllo del dolore"), para("Usiamo mezzi fisici:")]
    blocks += [item("Onde d'urto"), item("Laser ad alta potenza")]
    blocks += [heading("Recupero funzionale"), para("Questa fase evita le recidive:")]
    blocks += [item("Rieducazione posturale"), item("Allenamento terapeutico")]
    return blocks


def points(blocks: list[Block]) -> list[str]:
    found = digest_article(Article(title="Tallonite", blocks=tuple(blocks)))
    return [p.text for p in found.treatment_points]


def test_headings_a_treatment_line_names_are_its_phases() -> None:
    found = points(phases_post(PHASES))
    for method in ("Onde d'urto", "Laser ad alta potenza", "Allenamento terapeutico"):
        assert method in found


def test_a_line_that_names_one_heading_announces_nothing() -> None:
    """One title named in passing is no list of the parts: the headings keep no role."""
    found = points(phases_post("Il trattamento comincia dal controllo del dolore."))
    assert "Onde d'urto" not in found


def test_cases_of_the_same_name_are_no_phases() -> None:
    """ "Patient #1", "Patient #2" under a line about "patients of mine" are cases."""
    blocks = [heading("How we treated them"), para("Four patients of mine, four stories.")]
    for n in (1, 2):
        blocks += [heading(f"Patient #{n}"), item("Heavy bleeding"), item("Felt cold a lot")]
    found = points(blocks)
    assert "Felt cold a lot" not in found
