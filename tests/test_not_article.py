"""Pages that are not articles (about us, contact, prices) are refused with one line; a post that
tells a story is never refused, however short; --force-article runs any page."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.digest.kind import page_kind
from pipeline.models import Article
from tests.conftest import ROOT, SAMPLE_FILES

KIND = ROOT / "tests" / "data" / "kind"


@pytest.mark.parametrize(
    ("name", "reads_like"),
    [
        ("about-us.html", 'an "about us" page'),
        ("kontakt.md", "a contact page"),
        ("precios.md", "a price list page"),
        ("tarif.md", "a price list page"),  # named by its file and its title
        ("02-our-doctors.html", 'an "about us" page'),  # by its file name; services only
        ("la-consultation.md", 'a "first visit" page'),  # how a session goes, for any complaint
    ],
)
def test_a_page_of_the_site_is_refused_with_one_line(
    name: str, reads_like: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = KIND / name
    assert main(["run", str(source), "-o", str(tmp_path / "out"), "-q"]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"Error: {source}: this page is not an article (it reads like {reads_like});"
        " use --force-article to run it anyway\n"
    )
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_force_article_runs_it_anyway(tmp_path: Path) -> None:
    assert (
        main(["run", str(KIND / "about-us.html"), "-o", str(tmp_path), "-q", "--force-article"])
        == 0
    )
    assert [p for p in tmp_path.iterdir() if (p / "post.json").is_file()]
    assert main(["digest", str(KIND / "kontakt.md"), "--force-article"]) == 0
    assert main(["digest", str(KIND / "kontakt.md")]) == 1


@pytest.mark.parametrize(
    "source", [KIND / "short-own-article.md", *SAMPLE_FILES], ids=lambda p: p.name
)
def test_articles_are_never_refused(source: Path, tmp_path: Path) -> None:
    assert main(["run", str(source), "-o", str(tmp_path), "-q"]) == 0


def test_clinic_dev_posts_are_never_refused(tmp_path: Path) -> None:
    files = ROOT.parent / "shared" / "corpus" / "clinic-dev" / "files"
    if not files.is_dir():
        pytest.skip("../shared/corpus/clinic-dev is absent (it exists only beside the checkout)")
    for post in sorted(files.glob("*.md")):
        assert main(["digest", str(post)]) == 0, post.name


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("About us | Riverside Physio", '"about us"'),
        ("Über uns – Praxis am Park", '"about us"'),
        ("병원 소개", '"about us"'),
        ("Prices & fees", "price list"),
        ("お問い合わせ", "contact"),
        ("About Dr. Maria Lopez", '"about us"'),
        ("Meet the chiropractors", '"about us"'),
        ("Nos praticiens", '"about us"'),
        ("Our Location", "contact"),
        ("Tarif", "price list"),
        ("Chi sono", '"about us"'),
        ("Über mich", '"about us"'),
        ("Qui suis-je ?", '"about us"'),
        ("박세민 원장", '"about us"'),
        ("Fees & Booking a Session", "price list"),
        ("Contatos WhatsApp", "contact"),
        ("Book an appointment", "contact"),
        ("La consultation", '"first visit"'),
        ("Your first visit", '"first visit"'),
        ("Ihr erster Termin", '"first visit"'),
        ("A primeira consulta", '"first visit"'),
        ("初診の方へ", None),  # more words than the kind: an article may be titled so
        ("Sciatica: your first visit", None),
        ("What to expect after knee surgery", None),
        ("About sensitive teeth", None),
        ("Booking your first physio session: what to expect", None),
        ("Team sports and knee injuries", None),
        ("원장이 알려주는 허리 통증", None),
        ("Our doctors' advice on knee pain", None),
        ("Knee pain: home exercises", None),
        ("Contact dermatitis: causes and care", None),
    ],
)
def test_a_page_is_named_as_a_kind_only_by_its_whole_name(title: str, kind: str | None) -> None:
    assert page_kind(Article(title=title, blocks=())) == kind


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("saved/04-about-us.html", '"about us"'),
        ("saved/contact.php", "contact"),
        ("saved/about-knee-pain.html", None),
        ("saved/index.html", None),
        ("https://clinic.example/fees", None),  # a URL names itself by its address, not here
    ],
)
def test_a_saved_page_is_named_by_its_file_name(source: str, kind: str | None) -> None:
    assert page_kind(Article(title="Northgate Clinic", blocks=()), source) == kind
