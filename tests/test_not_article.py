"""Pages that are not articles (about us, contact, prices) are refused with one line; a post that
tells a story is never refused, however short; --force-article runs any page."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.digest.kind import check_article, page_kind
from pipeline.extract import extract_article
from pipeline.load.source import read_file
from pipeline.models import Article, Block, NotArticleError
from tests.conftest import ROOT, SAMPLE_FILES

KIND = ROOT / "tests" / "data" / "kind"


@pytest.mark.parametrize(
    ("name", "reads_like"),
    [
        ("about-us.html", 'an "about us" page'),
        ("kontakt.md", "a contact page"),
        ("precios.md", "a price list"),
        ("tarif.md", "a price list"),  # named by its file and its title
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
        ("Aseguradoras", "insurance"),  # the insurers the clinic works with
        ("Insurance providers", "insurance"),
        ("Convênios", "insurance"),
        ("院長ご挨拶", '"about us"'),  # the director's greeting
        ("병원장 소개", '"about us"'),
        ("Grußwort", '"about us"'),
        ("Nossa equipe", '"about us"'),
        ("Cabinet", '"about us"'),  # "the practice"
        ("Physiotherapy Packages", "price list"),
        ("Dr. med. Robert Sentek", '"about us"'),  # a person's name: a CV page
        ("Dra. Ana Sousa", '"about us"'),
        ("Dr. Lee explains knee pain", None),
        ("Dr. Lee's advice on back pain", None),
        ("Med Spa Treatments", None),
        ("Insurance claims after a car accident: whiplash", None),
        ("Le cabinet dentaire et la carie", None),
        ("Impressum", "legal notice"),  # the site's legal pages
        ("Datenschutzerklärung", "legal notice"),
        ("Privacy Policy", "legal notice"),
        ("Mentions légales", "legal notice"),
        ("Aviso legal", "legal notice"),
        ("Note legali", "legal notice"),
        ("プライバシーポリシー", "legal notice"),
        ("개인정보처리방침", "legal notice"),
        ("Datenschutz beim Zahnarzt: was mit Ihren Röntgenbildern geschieht", None),
        ("Privacy and anxiety: talking to a counsellor", None),
        ("Come contattarmi", "contact"),  # how to reach the practice
        ("How to reach us", "contact"),
        ("Cómo llegar", "contact"),
        ("院長あいさつ", '"about us"'),
        ("How to reach your goals after knee surgery", None),
        ("Come raggiungere il peso forma", None),
        ("診療予約・矯正無料相談", "contact"),  # booking: a form, online, a free consultation
        ("Web予約フォーム", "contact"),
        ("Online booking form", "contact"),
        ("Book a free consultation", "contact"),
        ("Kontaktformular", "contact"),
        ("Prise de rendez-vous en ligne", "contact"),
        ("Prenota una visita", "contact"),
        ("Primera consulta gratuita", "contact"),
        ("Agendamento online", "contact"),
        ("온라인 상담 신청", "contact"),
        ("予約の前に知っておきたい腰痛のこと", None),
        ("Free consultation or a second opinion on knee surgery?", None),
        ("Online booking and back pain: why people wait", None),
        ("Our services", "services overview"),  # what the practice treats, in a line or two each
        ("Unsere Leistungen", "services overview"),
        ("Nos prestations", "services overview"),
        ("Domaines d'intervention", "services overview"),
        ("I nostri servizi", "services overview"),
        ("Nuestros servicios", "services overview"),
        ("진료과목", "services overview"),
        ("診療内容", "services overview"),
        ("NOURRISSON", "services overview"),  # a group of patients it sees: a page of its services
        ("Femmes enceintes et nourrissons", "services overview"),
        ("For athletes", "services overview"),
        ("Bambini", "services overview"),
        ("Sportler", "services overview"),
        ("Back pain in children", None),
        ("Enfants et scoliose", None),
        ("Behandlungsschwerpunkte", None),  # a section of an article as often as a page
        ("Services for runners with knee pain", None),
        ("Nos prestations pour le mal de dos", None),
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
        ("src/pages/ChiSono.tsx", '"about us"'),  # a component's name, in camel case
        ("src/app/(home)/Pricing.jsx", "price list"),
        ("app/contatti/page.tsx", "contact"),  # a site's page file: named by its folder
        ("content/kosten/index.md", "price list"),
        ("src/pages/sobre.md", '"about us"'),
        ("src/pages/knowledge/back-pain/index.tsx", None),
        ("src/pages/KneePain.jsx", None),
        ("site/domaine.php", "services overview"),
        ("src/pages/leistungen/index.tsx", "services overview"),
        ("https://clinic.example/fees", None),  # a URL names itself by its address, not here
    ],
)
def test_a_saved_page_is_named_by_its_file_name(source: str, kind: str | None) -> None:
    assert page_kind(Article(title="Northgate Clinic", blocks=()), source) == kind


def blocks(*texts: str) -> tuple[Block, ...]:
    """Blocks from texts; "# " opens a heading."""
    return tuple(
        Block(kind="heading", text=t[2:], level=3) if t.startswith("# ") else Block("paragraph", t)
        for t in texts
    )


STORY = (
    "Sciatica is pain that runs from the low back down the leg.",
    "It is often caused by a disc pressing on the nerve root.",
)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (  # a team page: its headings are people's names with their titles
            (
                "# Dra. Vanessa Salom\u00e3o",
                "Respons\u00e1vel pela cl\u00ednica",
                "# Dra. N\u00e1dia Olsen",
                "Ortodontia",
            ),
            '"about us"',
        ),
        (("# Dr. Lee explains", *STORY, "# Dr. Lee's tips", *STORY), None),
        (("# Dra. Ana Sousa", *STORY), None),  # one name among the headings: an author
        (  # a page of prices: short lines with an amount in a currency
            (
                "Consultation Session PKR 3,000 / per visit",
                "One-time assessment",
                "2 Days Package PKR 5,000 / per week",
                "Home exercise plan",
                "\u77ef\u6b63\u7cbe\u5bc6\u691c\u67fb \u00a533,000",
                "Follow-up 40 \u20ac",
            ),
            "price list",
        ),
        (  # a team page: people introduced by their name and their trade
            (
                "Sara Rossi, fisioterapista, nata a Roma il 12/03/1990.",
                "Riabilitazione del pavimento pelvico",
                "Luca Bianchi, Osteopata, laureato a Milano nel 2010.",
            ),
            '"about us"',
        ),
        (("# Jane Lee", "Physiotherapist, MSc", "# Tom Hart", "Chiropractor"), '"about us"'),
        (("Dr. Ana Sousa – Dentista", "Pedro Lima, a nutricionista da cl\u00ednica"), '"about us"'),
        (  # one practitioner quoted, or a trade after a topic: no team
            ("Jane Lee, physiotherapist, says that most heel pain settles.", *STORY),
            None,
        ),
        (("# Plantar Fasciitis", "Physiotherapists see it often.", *STORY), None),
        (  # a point's label before a sentence about what a trade does: no one introduced
            (
                "Spinal Manipulation: Chiropractors use spinal manipulation to ease the nerve.",
                "Dry Needling – Physiotherapists use thin needles on tight muscles.",
                "Atención Personalizada: Nuestra psicóloga te escucha.",
            ),
            None,
        ),
        (
            ("Jane Lee, MSc, Senior Physiotherapist", "Tom Hart – chiropractor at the clinic"),
            '"about us"',
        ),
        (  # costs told in sentences are no price list
            (
                *STORY,
                "A course of six sessions costs about $300; many insurers pay part of it.",
                "Injections cost from \u20ac80 to \u20ac150 per shot in most clinics we asked.",
                "Surgery is the last resort and can cost more than $20,000 in the United States.",
            ),
            None,
        ),
    ],
)
def test_a_page_is_a_kind_by_its_make_up(body: tuple[str, ...], kind: str | None) -> None:
    assert page_kind(Article(title="Sciatica", blocks=blocks(*body))) == kind


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Instituto Veiga", "contact"),  # the practice's name and nothing else
        ("Northgate Clinic", "contact"),
        ("Praxis Weber", "contact"),
        ("Centro Medico di San Luca", "contact"),
        ("서울바른한의원", "contact"),
        ("Knee Pain Clinic", None),  # a complaint: the page is about it
        ("Centro de Fisioterapia", None),  # a treatment
        ("Why the clinic asks about your sleep", None),  # a sentence, not a name
        ("무릎 통증 클리닉에서 하는 운동 치료", None),
    ],
)
def test_the_practices_name_over_its_phone_number_is_a_contact_page(
    title: str, kind: str | None
) -> None:
    body = blocks("O instituto possui um ambiente calmo.", "(35) 99830 - 7037")
    assert page_kind(Article(title=title, blocks=body)) == kind
    assert page_kind(Article(title=title, blocks=body[:1])) is None  # no phone line


def test_a_practices_name_over_a_story_is_still_an_article() -> None:
    story = blocks(*STORY, "Ice and rest ease the pain; you can also stretch at home.")
    body = story + blocks("Call 0161 555 0123")
    assert page_kind(Article(title="Northgate Clinic", blocks=body)) == "contact"
    check_article(Article(title="Northgate Clinic", blocks=story + body), "post.html")


def test_a_long_page_that_names_itself_needs_a_story_for_its_length() -> None:
    """A page titled "Cabinet" (the practice) with a few lines of story in a long text of its
    treatments and equipment is refused; the same page under an article's title is not, nor
    a short page with the same three lines of story."""
    story = blocks(
        "Plaque is caused by bacteria that feed on sugar.",
        "Symptoms include bleeding gums and bad breath.",
        "Tooth decay is caused by acid from that plaque.",
    )
    filler = "The panoramic X-ray shows the whole of both jaws in a single picture. " * 12
    body = story + blocks(*[filler] * 4, "# Dental crowns", filler)
    with pytest.raises(NotArticleError, match=r"reads like an \"about us\" page"):
        check_article(Article(title="Cabinet", blocks=body), "cabinet.php")
    check_article(Article(title="Caring for your teeth", blocks=body), "teeth.php")
    check_article(Article(title="Cabinet", blocks=story + blocks(filler[:300])), "cabinet.php")


def test_an_insurers_page_is_refused_as_one(tmp_path: Path) -> None:
    source = tmp_path / "aseguradoras.md"
    source.write_text(
        "---\ntitle: Aseguradoras\n---\n\n## Trabajamos con las principales aseguradoras\n\n"
        + "Nos encargamos de toda la tramitaci\u00f3n con tu aseguradora para que solo te "
        "preocupes de tu salud. " * 3,
        encoding="utf-8",
    )
    with pytest.raises(NotArticleError, match="reads like an insurance page"):
        article = extract_article(read_file(source))
        check_article(article, str(source))


def test_a_legal_notice_is_refused_as_one(tmp_path: Path) -> None:
    source = tmp_path / "impressum.md"
    source.write_text(
        "---\ntitle: Impressum\n---\n\n## Angaben gemäß § 5 TMG\n\n"
        + "Praxis für Physiotherapie, Musterstraße 1, 12345 Berlin. Vertreten durch die "
        "Inhaberin. Verantwortlich für den Inhalt ist die Inhaberin der Praxis. " * 3,
        encoding="utf-8",
    )
    with pytest.raises(NotArticleError, match="reads like a legal notice page"):
        article = extract_article(read_file(source))
        check_article(article, str(source))


@pytest.mark.parametrize(
    ("title", "force", "error"),
    [
        # a page of a few lines that names itself: what kind of page it is, and no hint to force
        (
            "Locations",
            False,
            "this page is not an article (it reads like a contact page); it holds no article text",
        ),
        ("Locations", True, "no article text found on the page"),
        # a page of a few lines that names nothing: no text, as before
        ("Heel pain", False, "no article text found on the page"),
    ],
)
def test_a_page_of_a_few_lines_that_names_itself_is_refused_as_its_kind(
    title: str, force: bool, error: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "page.html"
    offices = "".join(
        f"<h2>{town} Office</h2><p>12 Main St., Ste. 4</p><p>{town}, IL 60602</p>"
        for town in ("Chicago", "Oak Park")
    )
    source.write_text(
        f"<html><head><title>Dr. Jane Lee - {title}</title></head><body>"
        f"<h1>{title}</h1>{offices}</body></html>"
    )
    args = ["run", str(source), "-o", str(tmp_path / "out"), "-q"]
    assert main([*args, "--force-article"] if force else args) == 1
    assert capsys.readouterr().err == f"Error: {source}: {error}\n"


def test_a_story_told_by_two_named_practitioners_is_still_an_article() -> None:
    people = blocks("Jane Lee, physiotherapist, and Tom Hart, chiropractor, wrote this post.")
    people += blocks("Tom Hart, chiropractor at the clinic, adds a word on posture.")
    story = blocks("# Symptoms", STORY[0], "# Causes", STORY[1], "# Self-care tips", "Walk daily.")
    assert page_kind(Article(title="Sciatica", blocks=people + story)) == '"about us"'
    check_article(Article(title="Sciatica", blocks=people + story), "sciatica.md")


def test_an_overview_of_the_services_is_refused_as_one(tmp_path: Path) -> None:
    source = tmp_path / "domaines.md"
    groups = ("Nourrissons", "Enfants", "Sportifs", "Femmes enceintes")
    source.write_text(
        "# Domaines d'intervention\n\n"
        + "".join(
            f"## {group}\n\nL'ostéopathe accompagne les {group.lower()} à chaque étape, "
            "avec des techniques douces adaptées à leur âge et à leur activité.\n\n"
            for group in groups
        ),
        encoding="utf-8",
    )
    with pytest.raises(NotArticleError, match="reads like a services overview page"):
        check_article(extract_article(read_file(source)), str(source))
