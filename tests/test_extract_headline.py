"""extract: the headline is the title a reader sees, chosen by a vote among the page's titles.

Calls to action, headings in the page's chrome and headings repeated on the page never win.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.article import extract_article
from pipeline.load.source import read_file
from pipeline.models import Page

DATA = Path(__file__).parent / "data" / "extract"
BODY = (
    "<p>" + "Sciatica is pain that runs from the low back down the back of the leg. " * 4 + "</p>"
)


def headline(markup: str, kind: str = "html") -> str:
    page = Page(origin="made-up", text=markup, kind=kind)  # type: ignore[arg-type]
    return extract_article(page).title


def page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("blade-page.blade.php", "Heel Pain in Runners"),  # {{ }} in the h1: the template's title
        ("php-page.php", "Tennis Elbow: Causes and Treatment"),  # $title = "..." in the preamble
        ("jsp-page.jsp", "Dry Eye"),  # div.title "» Dry Eye", not the first <h4>
        ("naver-zero-width.html", "무릎 앞쪽 통증, 왜 생길까요?"),
    ],
)
def test_template_pages_get_their_visible_title(name: str, title: str) -> None:
    article = extract_article(read_file(DATA / name))
    assert article.title == title
    assert title not in {b.text for b in article.blocks}


def test_a_generic_title_tag_loses_to_the_h1() -> None:
    markup = page(
        "<title>Brookfield Chiropractor, New Berlin, WI</title>",
        f"<main><h1>Sciatica</h1>{BODY}<h1>Call Us Today for Consultation</h1></main>",
    )
    assert headline(markup) == "Sciatica"


@pytest.mark.parametrize("placeholder", ["Untitled Document", "JSP Page", "Document", "제목 없음"])
def test_an_editors_placeholder_title_is_never_the_headline(placeholder: str) -> None:
    """Old pages keep the <title> their editor wrote into a new page: the page's own
    heading is the headline, even a subheading when it is the only one."""
    body = f"<div class='container'><h2>Sciatica</h2>{BODY}</div>"
    assert headline(page(f"<title>{placeholder}</title>", body)) == "Sciatica"
    body = f"<div class='container'><h1>Heel pain</h1>{BODY}</div>"
    assert headline(page(f"<title>{placeholder}</title>", body)) == "Heel pain"


@pytest.mark.parametrize(
    "cta", ["Call Us Today for Consultation", "Book now", "Contact us", "Pide cita", "예약 문의"]
)
def test_a_call_to_action_is_never_the_headline(cta: str) -> None:
    markup = page("<title>Sciatica | Oak Clinic</title>", f"<main><h1>{cta}</h1>{BODY}</main>")
    assert headline(markup) == "Sciatica"


def test_a_heading_in_the_footer_or_repeated_is_not_the_headline() -> None:
    repeated = "<h2>Our services</h2>" * 3
    markup = page(
        '<meta property="og:title" content="Sciatica explained">',
        f"<main>{repeated}<h2>Sciatica explained</h2>{BODY}</main>"
        "<footer><h1>Oak Clinic</h1></footer>",
    )
    assert headline(markup) == "Sciatica explained"


def test_the_site_name_comes_off_the_title_in_any_script() -> None:
    markup = page(
        "<title>クリーニング・歯石除去のご案内｜流山おおたかの森歯科</title>",
        f"<div class='page_title'><img src='t.png' alt='クリーニング・歯石除去'></div>{BODY}",
    )
    assert headline(markup) == "クリーニング・歯石除去"


def test_a_keyword_stuffed_title_agrees_with_the_visible_subheading() -> None:
    markup = page(
        "<title>Sensitive teeth treatment in Pune,Good Teeth Sensitivity Clinic in Pune</title>",
        f"<div class='tab'><h3><strong>Sensitive Teeth Treatment in Pune</strong></h3>{BODY}</div>",
    )
    assert headline(markup) == "Sensitive Teeth Treatment in Pune"


@pytest.mark.parametrize(
    ("front", "body", "title"),
    [
        ("title: Achilles Tendonitis", "# Achilles Tendonities\n\n", "Achilles Tendonities"),
        ('title: "Back pain: part 2"', "Why I write about it\n=====\n\n", "Back pain: part 2"),
        ("title: Traffic accidents", "## Traffic accidents aftereffects\n\n", None),
        ("title: Dry Eye: Symptoms and Treatment", "## Introduction\n\n", None),
        ("heading: Sciatica\ntitle: sciatica-page", "", "Sciatica"),
        (  # a title written for the browser's tab, with the doctor after a bar: the H1 shows
            'title: "Cura della parodontite a Roma | Dott. Rossi"',
            "<section><h1>Gengive che sanguinano?</h1></section>\n\n",
            "Gengive che sanguinano?",
        ),
        ("title: 五十肩のよくある質問｜訪問マッサージ", "# 五十肩の質問\n\n", "五十肩の質問"),
    ],
)
def test_markdown_headline(front: str, body: str, title: str | None) -> None:
    text = f"---\n{front}\n---\n\n{body}" + "Sciatica is pain that runs down the leg. " * 8
    expected = (
        title
        or {
            "title: Traffic accidents": "Traffic accidents aftereffects",
            "title: Dry Eye: Symptoms and Treatment": "Dry Eye: Symptoms and Treatment",
        }[front]
    )
    assert headline(text, "markdown") == expected


JSX_BODY = (
    "<p>" + "Il colpo della strega è un dolore acuto nella parte bassa della schiena. " * 4 + "</p>"
    '<h2 className="title">PERCHE’ SUCCEDE?</h2>'
    "<p>" + "È dovuto a un movimento brusco o a un esercizio svolto male in palestra. " * 3 + "</p>"
)


@pytest.mark.parametrize(
    ("code", "title"),
    [
        (
            f"const ColpoDellaStrega: React.FC = () => {{ return (<>{JSX_BODY}</>); }};",
            "Colpo Della Strega",
        ),
        (
            f"export default function SciaticaPage() {{ return (<div>{JSX_BODY}</div>); }}",
            "Sciatica",
        ),
        (
            f"const BlogPost = () => (<>{JSX_BODY}</>);\nexport default BlogPost;",
            "ColpoDellaStrega",
        ),
        (  # a subheading of the body is no title: "Il trattamento" comes after the story
            "const ColpoDellaStrega = () => (<>"
            f"{JSX_BODY}<h2>Il trattamento osteopatico</h2><p>Lavoriamo sul bacino.</p></>);",
            "Colpo Della Strega",
        ),
    ],
)
def test_a_component_without_a_title_is_named_by_its_component_or_file(
    code: str, title: str
) -> None:
    """No <title>, no <h1>: the component's name made readable, else the file's; never a
    section heading with a role (a question such as "PERCHE' SUCCEDE?")."""
    page = Page(origin="x", text=code, kind="jsx", path="/site/src/ColpoDellaStrega.tsx")
    assert extract_article(page).title == title.replace("ColpoDellaStrega", "Colpo Della Strega")


@pytest.mark.parametrize(
    ("body", "title"),
    [
        (
            "<h2>What causes sciatica?</h2>" + BODY + "<h2>Sciatica in runners</h2>" + BODY,
            "Sciatica in runners",
        ),
        ("<h2>Symptoms</h2>" + BODY + "<h3>Treatment options</h3>" + BODY, "sciatica"),
        ("<h2>Síntomas</h2>" + BODY + "<h2>Ciática y embarazo</h2>" + BODY, "Ciática y embarazo"),
        (
            "<h2>A COSA È DOVUTA?</h2>" + BODY + "<h2>Sciatica e gravidanza</h2>",
            "Sciatica e gravidanza",
        ),
        (
            "<h2>À quoi est-elle due ?</h2>" + BODY + "<h2>Sciatique et grossesse</h2>",
            "Sciatique et grossesse",
        ),
    ],
)
def test_a_page_without_a_title_never_takes_a_part_heading(body: str, title: str) -> None:
    page = Page(
        origin="x", text=f"<html><body>{body}</body></html>", kind="html", path="/s/sciatica.php"
    )
    assert extract_article(page).title == title


@pytest.mark.parametrize(
    ("h1", "title"),
    [
        (
            "¿Qué es dolor anterior de rodilla?</br><span>Dr. Gastón Gioscia | Deportólogo</span>",
            "¿Qué es dolor anterior de rodilla?",
        ),
        ("Knee pain in runners<br>by Dr. Jane Lee", "Knee pain in runners"),
        ("Dr. Lee explains knee pain", "Dr. Lee explains knee pain"),
        ("Knee pain <em>in runners</em>", "Knee pain in runners"),
    ],
)
def test_the_authors_line_inside_the_h1_is_not_part_of_the_headline(h1: str, title: str) -> None:
    assert headline(f"<html><body><article><h1>{h1}</h1>{BODY}</article></body></html>") == title


def test_the_breadcrumbs_last_step_names_the_page_when_the_title_is_the_site() -> None:
    """A <title> that is only the clinic's name, no <h1>: the subheading that the breadcrumb
    trail's last step repeats is the page's title (English and German)."""
    for crumbs, visible, site in [
        ("<li><a href='/'>Home</a></li><li>Heel pain</li>", "Heel pain", "Lakeside Podiatry"),
        (
            "<li><a href='p.php'>Prophylaxe</a></li><li><a href='k.php'>Karies Diagnostik</a></li>",
            "Karies Diagnostik",
            "Zahnarztpraxis Mitte | Ihr Zahnarzt",
        ),
    ]:
        body = f"<ol class='breadcrumb'>{crumbs}</ol><div><h3>{visible}</h3>{BODY}</div>"
        assert headline(page(f"<title>{site}</title>", body)) == visible


def test_a_breadcrumb_alone_does_not_outvote_the_title() -> None:
    body = f"<ul class='breadcrumbs'><li>Home</li><li>Services</li></ul><div>{BODY}</div>"
    assert headline(page("<title>Sciatica | Lakeside Clinic</title>", body)) == "Sciatica"


def sections(headings: list[str]) -> str:
    """Sections of two different paragraphs each (the library drops repeated text)."""
    return "".join(
        f"<h2>{h}</h2>"
        + "".join(
            f"<p>Note {i}{j}: tailbone pain gets worse with long sitting, and a sharp pain on"
            f" standing up ({i}{j}) is common in adults who sit for work.</p>"
            for j in range(2)
        )
        for i, h in enumerate(headings)
    )


@pytest.mark.parametrize(
    ("banner", "title"),
    [
        (
            "<div class='carousel-item'><img src='b.png' alt=''>"
            "<div class='carousel-caption'><h2>Coccydynia Treatment</h2></div></div>",
            "Coccydynia Treatment",
        ),
        ("<section class='page-hero'><h2><span>歯周病治療</span></h2></section>", "歯周病治療"),
    ],
)
def test_a_page_with_no_title_takes_its_banner_heading(banner: str, title: str) -> None:
    """No <title>, the only <h1> a call to action: the heading in the page's banner, not the
    first subheading of the body."""
    body = sections(["Living with tailbone pain", "Early diagnosis", "Conclusion"])
    markup = f"{banner}<div class='row'>{body}</div><h1>Call Us Today for Consultation</h1>"
    assert headline(f"<html><body>{markup}</body></html>") == title


def test_a_first_heading_outside_a_banner_is_no_banner_title() -> None:
    body = sections(["Living with tailbone pain", "Early diagnosis", "Conclusion"])
    markup = f"<div class='content'>{body}</div><h1>Call Us Today for Consultation</h1>"
    assert headline(f"<html><body>{markup}</body></html>") == "Living with tailbone pain"


@pytest.mark.parametrize(
    ("body", "title"),
    [
        (  # a banner's <h2> over the body's <h3>s, and a call to action as the only <h1>
            "<div class='banner'><h2>Coccydynia Treatment</h2></div><h3>The Key Coccydynia "
            f"Symptoms</h3>{BODY}<h3>Early Diagnosis of Coccydynia</h3>{BODY}"
            "<h1>Call Us Today for Consultation</h1>",
            "Coccydynia Treatment",
        ),
        (  # subheadings that repeat each other's words do not make a title
            f"<h2>歯周病治療・歯肉ケア</h2><h3>歯周病ケアプログラム</h3>{BODY}"
            f"<h3>歯周病プログラム</h3>{BODY}",
            "歯周病治療・歯肉ケア",
        ),
        (  # a heading that names a part of the story is no title: the next one is
            f"<h2>Síntomas</h2>{BODY}<h2>Ciática y embarazo</h2>{BODY}<h3>Tratamiento</h3>",
            "Ciática y embarazo",
        ),
    ],
)
def test_a_page_without_a_title_takes_its_first_top_heading(body: str, title: str) -> None:
    assert headline(f"<html><body>{body}</body></html>") == title


def test_a_title_tag_that_repeats_the_top_subheading_confirms_it() -> None:
    markup = page(
        "<title>歯ぎしり、食いしばり | 駅前歯科クリニック</title>",
        f"<h2>歯ぎしり、食いしばり</h2>{BODY}"
        f"<h2>歯ぎしり、食いしばり の人へのアドバイス</h2>{BODY}",
    )
    assert headline(markup) == "歯ぎしり、食いしばり"


def test_an_h1_below_the_start_of_the_article_is_a_part_of_it() -> None:
    """The page's title is an image in a titled <h2>; its only <h1> heads the steps of the
    surgery, below the article's first paragraph."""
    intro = (
        "白内障は水晶体が濁る病気です。霞んだり、物が二重に見えたりする症状が出現し、"
        "進行すれば視力が低下します。主な原因は加齢であり、80歳以上では100%が白内障と言われています。"
    )
    markup = page(
        "<title>白内障手術 - 駅前眼科</title>",
        f"<h2 class='title'><img src='t.png' alt='白内障手術'></h2><div><p>{intro}</p></div>"
        f"<section><h1>白内障手術の流れ</h1><p>{intro * 2}</p><p>{intro * 3}</p></section>",
    )
    assert headline(markup) == "白内障手術"


def test_a_notice_above_the_h1_does_not_make_it_a_part() -> None:
    notice = "We use cookies and other tracking technologies to improve your browsing experience."
    markup = page(
        "<title>Knee pain explained | Oak Clinic</title>",
        f"<div class='cookies'><p>{notice}</p></div><main><h1>Runner's knee</h1>{BODY}</main>",
    )
    assert headline(markup) == "Runner's knee"


@pytest.mark.parametrize(
    ("title_class", "sub_class"),
    [("titulo-texto", "subtitulo-texto"), ("titre", "sous-titre"), ("titolo", "sottotitolo")],
)
def test_a_title_class_in_the_sites_language_names_the_page(
    title_class: str, sub_class: str
) -> None:
    """Sites written in Portuguese, Spanish, French or Italian name their title's class in
    their language ("titulo-texto", "titre", "titolo"): the page's title, not the first of the
    section titles under it."""
    sections = "".join(f'<div class="{sub_class}">{h}</div>{BODY}' for h in ("História", "Sobre"))
    body = f'<div class="{title_class}">O que é Quiropraxia</div><div>{sections}</div>'
    assert headline(page("", body)) == "O que é Quiropraxia"


def test_subheadings_that_name_the_topic_do_not_outvote_the_h1() -> None:
    """Each "Causes of knee pain", "How to prevent knee pain" agrees with the breadcrumb's
    "Knee pain", not with the longer <h1>: together they are one voter, and the <h1> wins."""
    parts = ["Common causes of knee pain", "How to prevent knee pain", "Treatments for knee pain"]
    body = (
        "<ol class='breadcrumb'><li><a href='/'>Home</a></li><li>Knee pain</li></ol>"
        "<h1>Knee Pain: Types, Pictures, Causes and Care Tips</h1>"
        + sections([*parts, "Is knee pain serious?"])
    )
    assert headline(page("<title>Lakeside Clinic</title>", body)) == (
        "Knee Pain: Types, Pictures, Causes and Care Tips"
    )


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Cos&apos;è l&apos;Osteopatia?", "Cos'è l'Osteopatia?"),  # what a treatment is
        ("O que é Quiropraxia?", "O que é Quiropraxia?"),
        ("What causes sciatica?", "Sciatica"),  # a part of the story: the component's name
        ("¿Qué síntomas tiene?", "Sciatica"),
    ],
)
def test_a_component_heading_that_asks_what_a_treatment_is_names_the_page(
    heading: str, title: str
) -> None:
    """The component's name is the developer's word; a heading the reader sees names the
    page, unless it names a part of the story."""
    body = "<p>" + "Una terapia manuale e dolce per la schiena e le articolazioni. " * 5 + "</p>"
    markup = f"<div><h2>{heading}</h2>{body}</div>"
    code = f"export default function SciaticaPage() {{ return ({markup}); }}"
    assert extract_article(Page(origin="x", text=code, kind="jsx")).title == title


def test_the_pages_own_tab_names_it_under_a_sections_banner_and_breadcrumb() -> None:
    """A section's banner and breadcrumb name only the section ("Rehabilitation"); the tabs
    of its pages above the article mark this page's own as active: that is its title."""
    names = ("Stroke rehabilitation", "Balance training", "Lymphedema care")
    marks = ("", "", " class='active'")
    tabs = "".join(f"<li{m}><a href='#'>{n}</a></li>" for n, m in zip(names, marks, strict=True))
    body = (
        "<ol class='breadcrumb'><li><a href='/'>Home</a></li><li class='active'>Rehabilitation"
        "</li></ol><div class='page-header'><h2>Rehabilitation</h2></div>"
        f"<ul class='nav nav-pills'>{tabs}</ul><h2>How we treat lymphedema</h2>{BODY}"
    )
    assert headline(page("", body)) == "Lymphedema care"


def test_an_active_item_of_the_sites_menu_is_no_title() -> None:
    menu = "<nav><ul><li class='current'><a href='/c'>Conditions we treat</a></li></ul></nav>"
    assert headline(page("<title>Sciatica | Lakeside Clinic</title>", menu + BODY)) == "Sciatica"
