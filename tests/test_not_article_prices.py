"""A price page is refused by what it shows, whatever it is called: a list of amounts (the
amount may be a card's heading, beside the session's length), or a short page under a title
that names the price. Its article twins, a post that names a cost or has a short fees section,
or a long post about what a treatment costs, are not refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.digest.kind import check_article, page_kind
from pipeline.digest.kind_prices import duration_line, price_line
from pipeline.models import Article, Block, NotArticleError


def blocks(*texts: str) -> tuple[Block, ...]:
    """Blocks from texts; "# " opens a heading, "- " a list item."""
    return tuple(
        Block(kind="heading", text=t[2:], level=3)
        if t.startswith("# ")
        else Block("item", t[2:])
        if t.startswith("- ")
        else Block("paragraph", t)
        for t in texts
    )


CARDS = (  # a pricing component: each card's name, length, amount (a heading) and blurb
    "# Our treatments",
    "Every session is fitted to what you need.",
    "# Initial Assessment",
    "60 minutes",
    "# $140.00",
    "A full review of your history, an assessment and a first treatment.",
    "# Follow-up Treatment",
    "30min",
    "# $90.00",
    "For patients who are part way through a plan of care.",
    "# Long Treatment",
    "45 minutes",
    "# $120.00",
    "More time for several areas or a complex problem.",
)
STORY = (
    "Plantar fasciitis is pain under the heel, worst with the first steps in the morning.",
    "It is often caused by tight calf muscles and a sudden rise in running or standing.",
    "Symptoms include a sharp pain in the heel that eases as you walk.",
    "You can roll a frozen bottle under your foot and stretch your calves at home.",
)


def test_price_cards_with_amounts_as_headings_are_a_price_list(tmp_path: Path) -> None:
    article = Article(title="Initial Assessment", blocks=blocks(*CARDS))
    assert page_kind(article) == "price list"
    with pytest.raises(NotArticleError, match=r"it reads like a price list\);"):
        check_article(article, "pricing.jsx")


def test_an_article_with_a_short_fees_section_is_not_a_price_list() -> None:
    fees = ("# Fees", "Initial assessment (60 minutes)", "$140", "Follow-up 30 min: $90")
    article = Article(title="Plantar fasciitis", blocks=blocks(*STORY, *STORY, *fees))
    assert page_kind(article) is None
    check_article(article, "plantar-fasciitis.md")


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Tarifs des consultations",
            "La consultation est facturée 60 euros et dure de 45 minutes à une heure. "
            "La plupart des mutuelles en remboursent une partie.",
        ),
        (
            "¿Qué incluye el precio de la sesión?",
            "Cada sesión requiere trabajo previo y posterior. En el precio de la sesión se "
            "incluye la preparación de tu caso y el seguimiento por correo.",
        ),
        ("Unsere Preise für Behandlungen", "Eine Behandlung von 60 Minuten kostet 85 Euro."),
        ("Prezzi delle sedute", "Ogni seduta di un'ora costa 60 €, la prima visita 70 €."),
        ("Preços das consultas", "A consulta custa R$ 200 e dura cerca de uma hora."),
        ("Our prices", "A first visit is $95. Later visits are $70."),
        ("施術料金のご案内", "初回は5,000円、2回目からは4,000円です。"),
        ("진료 가격 안내", "초진은 30,000원, 재진은 20,000원입니다."),
    ],
)
def test_a_short_page_titled_by_its_price_is_a_price_list(title: str, body: str) -> None:
    assert page_kind(Article(title=title, blocks=blocks(body))) == "price list"
    # the same title as the page's first heading, under a title that says nothing
    assert page_kind(Article(title="Clinic", blocks=blocks(f"# {title}", body))) == "price list"


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # the title names a price, the text never does
        ("The price of ignoring heel pain", STORY[0]),
        # a long post about what a treatment costs: an article, told at length
        (
            "Precio de los implantes dentales",
            "Un implante dental sustituye la raíz de un diente perdido por un tornillo de "
            "titanio sobre el que se coloca una corona. "
            * 20
            + "El precio final depende de cada caso.",
        ),
        # prices in sentences under an article's title
        ("Plantar fasciitis", "A course of six sessions costs about $300, or $50 each."),
    ],
)
def test_an_article_about_a_cost_is_not_a_price_page(title: str, body: str) -> None:
    assert page_kind(Article(title=title, blocks=blocks(body))) is None


def test_a_saved_price_page_is_refused_with_its_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A saved page with no telling name: the one line names the kind, and --force-article
    runs it anyway."""
    source = tmp_path / "page-7.html"
    source.write_text(
        '<div class="contenu_texte"><h1>Tarifs des consultations</h1><p>La consultation est'
        " facturée 60 euros et dure de 45 minutes à une heure.<br><br>La plupart des mutuelles"
        " remboursent une partie des consultations, renseignez-vous auprès de votre conseiller"
        " santé.<br><br>Si vous avez des examens complémentaires, apportez-les avec vous.</p>"
        "</div>",
        encoding="utf-8",
    )
    assert main(["digest", str(source)]) == 1
    assert capsys.readouterr().err == (
        f"Error: {source}: this page is not an article (it reads like a price list);"
        " use --force-article to run it anyway\n"
    )
    assert main(["digest", str(source), "--force-article"]) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("45 minutes", True),
        ("30min", True),
        ("Durée : 1 heure", True),
        ("50분", True),
        ("60分", True),
        ("1 Stunde", True),
        ("Hold the stretch for 30 seconds", False),  # not a length of a session
        ("Walk for 30 minutes every day.", False),  # a sentence
        ("Rest for about 20 minutes after each long walk on hard ground", False),  # long
    ],
)
def test_a_duration_line_is_a_short_length_of_time(text: str, expected: bool) -> None:
    assert duration_line(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$125.00", True),
        ("Follow-up 40 €", True),
        ("矯正精密検査 ¥33,000", True),
        ("A session costs $80.", False),  # a sentence
        ("45 minutes", False),
    ],
)
def test_a_price_line_is_a_short_line_with_an_amount(text: str, expected: bool) -> None:
    assert price_line(text) is expected
