"""extract: article text in markup that usually holds something else.

A template's blog-comment list reused for the article's sections is kept, while a real comment
thread (author, avatar, reply link, date) is still dropped; a precision-mode body that keeps far
less than the page's paragraphs hold is cross-checked with the library's default mode.
"""

from __future__ import annotations

from typing import Any

import pytest
from lxml.html import HtmlElement

from pipeline.extract import article as article_module
from pipeline.extract.article import extract_article
from pipeline.models import Article, Page

INTRO = " ".join(
    f"Ingrown toenails {n} press into the skin beside the nail and make shoes painful."
    for n in ("often", "sometimes", "slowly", "quickly")
)


def page(body: str) -> Page:
    text = (
        "<html><body><article><h1>Ingrown toenails</h1>"
        f"<p>{INTRO}</p>{body}</article></body></html>"
    )
    return Page(origin="made-up.html", text=text, kind="html")


def texts(article: Article) -> list[str]:
    return [b.text for b in article.blocks]


def box(heading: str, intro: str, items: list[str]) -> str:
    listed = "".join(
        f"<li><strong>{i.split(':')[0]}:</strong>{i.split(':')[1]}</li>" for i in items
    )
    return (
        '<li class="comment"><div class="comment-body"><div class="comment-content">'
        f'<div class="comment-metadata"><h3>{heading}</h3><p>{intro}</p></div>'
        f"<ul>{listed}</ul></div></div></li>"
    )


CARE = [
    "Soak the foot: Warm salty water twice a day softens the skin.",
    "Wear wide shoes: Roomy shoes take the pressure off the toe.",
]
TREAT = [
    "Partial nail removal: The podiatrist removes the edge of the nail under local anaesthetic.",
    "Antibiotics: A course is given when the toe is infected.",
]


def test_sections_in_a_templates_comment_list_are_kept_in_order() -> None:
    area = (
        '<div class="comments-area"><ol class="comment-list">'
        + box("Treatment options", "Your podiatrist may suggest the following options:", TREAT)
        + box("What you can do at home", "These simple steps help the nail grow out:", CARE)
        + "</ol></div><h2>Conclusion</h2><p>Most ingrown toenails settle with the right care.</p>"
    )
    blocks = extract_article(page(area)).blocks
    kinds = [(b.kind, b.text.split(":")[0]) for b in blocks[1:]]
    assert kinds == [
        ("heading", "Treatment options"),
        ("paragraph", "Your podiatrist may suggest the following options"),
        ("item", "Partial nail removal"),
        ("item", "Antibiotics"),
        ("heading", "What you can do at home"),
        ("paragraph", "These simple steps help the nail grow out"),
        ("item", "Soak the foot"),
        ("item", "Wear wide shoes"),
        ("heading", "Conclusion"),
        ("paragraph", "Most ingrown toenails settle with the right care."),
    ]


@pytest.mark.parametrize(
    "sign",
    [
        '<img class="avatar" src="a.png" alt="">',
        '<span class="says">Sam says:</span>',
        '<time datetime="2024-01-02">2 January 2024</time>',
        '<div class="comment-author">Sam</div>',
    ],
)
def test_a_real_comment_thread_is_still_dropped(sign: str) -> None:
    """One sign of a reader's comment (an avatar, "says", a date, an author) is enough."""
    thread = (
        '<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts</h2>'
        f'<ol class="comment-list"><li class="comment"><div class="comment-body">{sign}'
        '<div class="comment-content"><h3>Great read</h3><p>Thanks so much, my toe is '
        "finally better after reading this wonderful post about toenails.</p></div>"
        "</div></li></ol></div>"
    )
    joined = " ".join(texts(extract_article(page(thread))))
    assert "my toe is finally better" not in joined
    assert "Ingrown toenails often press" in joined


def test_a_precision_body_far_shorter_than_the_page_is_cross_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Precision mode keeps the opening but stops before the steps (as it did on a Japanese
    clinic's page of treatment steps in styled boxes): the default mode's body is taken."""
    real = article_module.run_trafilatura

    def fragment(tree: HtmlElement, url: str | None, *, precision: bool) -> Any:
        doc = real(tree, url, precision=precision)
        if precision:
            main = doc.find("main")
            for element in list(main)[5:]:  # the opening and step 1: 690 characters of 1650
                main.remove(element)
        return doc

    steps = "".join(
        f"<h2>Step {n}</h2><p>{INTRO.replace('Ingrown toenails', f'Step {n} care')}</p>"
        for n in range(1, 5)
    )
    monkeypatch.setattr(article_module, "run_trafilatura", fragment)
    joined = " ".join(texts(extract_article(page(steps))))
    assert "Step 4 care quickly press" in joined


STEP_TEXT = (
    "Under local anaesthetic the podiatrist lifts the edge of the nail and removes the spike "
    "that presses into the skin, then dresses the toe."
)


@pytest.mark.parametrize(
    "title",
    [
        '<p class="title01">Partial nail removal</p>',
        '<p class="middle_title" style="font-weight:bold"><span>STEP１.</span> 部分抜爪</p>',
        '<p style="margin:0; font-weight: 700">Partial nail removal</p>',
    ],
    ids=["title-class", "bold-and-title-class", "bold-style"],
)
def test_a_styled_title_paragraph_is_a_heading(title: str) -> None:
    blocks = extract_article(page(f"{title}<p>{STEP_TEXT}</p>")).blocks
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert headings and headings[0].endswith(("Partial nail removal", "部分抜爪"))


@pytest.mark.parametrize(
    "paragraph",
    [
        # a sentence in bold is emphasis, not a title
        '<p style="font-weight:bold">Always see a podiatrist if the toe is hot and red.</p>',
        # a plain short paragraph without a title class or bold style
        "<p>Partial nail removal</p>",
    ],
    ids=["bold-sentence", "plain-short"],
)
def test_other_paragraphs_stay_paragraphs(paragraph: str) -> None:
    blocks = extract_article(page(f"{paragraph}<p>{STEP_TEXT}</p>")).blocks
    assert not [b for b in blocks if b.kind == "heading"]


@pytest.mark.parametrize(
    ("lines", "items"),
    [
        (
            "・歯磨き指導<br>・歯石の除去<br>・噛み合わせの調整",
            ["歯磨き指導", "歯石の除去", "噛み合わせの調整"],
        ),
        ("■ 냉찜질<br>■ 스트레칭<br>■ 자세 교정", ["냉찜질", "스트레칭", "자세 교정"]),
        ("○ 온찜질<br>○ 휴식", ["온찜질", "휴식"]),
        ("▶︎ 狭心症　▶︎ 心筋梗塞　▶︎ 感染性心内膜症", ["狭心症", "心筋梗塞", "感染性心内膜症"]),
        (
            "①歯垢の付着状態<br>②歯茎からの出血<br>③歯の動揺",
            ["歯垢の付着状態", "歯茎からの出血", "歯の動揺"],
        ),
        ("１．歯垢の付着状態<br>２．歯茎からの出血", ["歯垢の付着状態", "歯茎からの出血"]),
        ("1)Rest the foot<br>2)Ice it twice a day", ["Rest the foot", "Ice it twice a day"]),
        ("1.歯垢の付着状態<br>2.歯茎からの出血", ["歯垢の付着状態", "歯茎からの出血"]),
    ],
    ids=[
        "nakaguro",
        "square",
        "circle",
        "inline-triangle",
        "circled-digits",
        "full-width",
        "paren",
        "dot-no-space",
    ],
)
def test_japanese_and_korean_list_markers_make_items(lines: str, items: list[str]) -> None:
    blocks = extract_article(page(f"<p>{lines}</p><p>{INTRO}</p>")).blocks
    assert [b.text for b in blocks if b.kind == "item"] == items


def test_one_numbered_line_or_a_decimal_is_no_list() -> None:
    blocks = extract_article(
        page("<p>2.5 mm of the nail is removed.<br>The toe heals in a week.</p>")
    ).blocks
    assert not [b for b in blocks if b.kind == "item"]


@pytest.mark.parametrize("mark", ["[...]", "[…]", "(...)"])
def test_a_quotes_cut_mark_is_not_article_text(mark: str) -> None:
    """A quoted passage cut at its start or end ("[...] les lombalgies c'est: raideur...")
    keeps its words; the cut mark is no part of them."""
    quote = "les lombalgies c'est: raideur au réveil, lourdeur, douleurs diffuses, lumbago"
    text = "Selon l'INRS, il faudrait parler de lombalgies au pluriel car: " * 4
    markdown = f"---\ntitle: Lombalgie\n---\n\n{text}\n\n> {mark} {quote} {mark}\n"
    blocks = extract_article(Page(origin="x.md", text=markdown, kind="markdown")).blocks
    assert blocks[-1].text == quote


def test_bold_letters_inside_a_word_stay_in_the_word() -> None:
    """An acrostic list ("**P**rotection", "**E**levation" for PEACE) keeps its words whole:
    inline markup adds no space inside a word."""
    intro = "Les trois premiers jours, suivez le protocole PEACE pour protéger la cheville. " * 3
    items = "\n".join(
        f"* **{word[0]}**{word[1:]} : {text}"
        for word, text in [
            ("Protection", "arrêtez l'activité qui fait mal."),
            ("Elevation", "surélevez la jambe le plus souvent possible."),
        ]
    )
    markdown = f"---\ntitle: Entorse\n---\n\n{intro}\n\n{items}\n"
    blocks = extract_article(Page(origin="x.md", text=markdown, kind="markdown")).blocks
    assert [b.text for b in blocks[1:]] == [
        "Protection: arrêtez l'activité qui fait mal.",
        "Elevation: surélevez la jambe le plus souvent possible.",
    ]
    assert [b.lead for b in blocks[1:]] == ["Protection", "Elevation"]


def test_a_blockquote_holding_a_heading_is_a_layout_box_not_a_quote() -> None:
    """Some page builders wrap each section in a <blockquote>; read as one quote, its heading
    was glued to the next sentence ("...Shoulder Pain?Apart from...")."""
    prose = "Shoulder pain affects many adults at some point and limits daily tasks. " * 3
    html = (
        "<html><head><title>Shoulder pain</title></head><body><article><h1>Shoulder pain</h1>"
        f"<blockquote><p>{prose}</p></blockquote>"
        "<blockquote><h2>What causes shoulder pain?</h2>"
        "<b>Apart from sprains, the most common causes include the following:</b>"
        "<ul><li>Shoulder dislocation</li><li>Frozen shoulder</li></ul></blockquote>"
        "<blockquote><p>A real quotation stays a quote.</p></blockquote>"
        "</article></body></html>"
    )
    blocks = extract_article(Page(origin="x", text=html, kind="html")).blocks
    kinds = [(b.kind, b.text[:28]) for b in blocks]
    assert ("heading", "What causes shoulder pain?") in kinds, kinds
    assert not any("pain?Apart" in b.text for b in blocks)
    assert ("quote", "A real quotation stays a quo") in kinds, kinds


def test_headings_of_boxes_and_later_h1s_are_put_back() -> None:
    """A page builder's cards (<div><h3>Whiplash</h3><p>...</p></div>) and its later <h1>
    section titles ("How to manage") keep their headings in the body."""
    cards = "".join(
        f"<div class='card'><h3>{name}</h3><p>{text}</p></div>"
        for name, text in [
            ("Whiplash", "Injury to the neck, often from car accidents, can cause shoulder pain."),
            ("Nerve compression", "A pinched nerve in the neck can send pain down the arm."),
        ]
    )
    tips = "".join(
        f"<p>{t}</p>"
        for t in (
            "Cold packs around the shoulder for fifteen minutes.",
            "Range of motion exercises in a pain free range.",
        )
    )
    prose = "Shoulder pain is common and can come from the joint, the neck or the muscles. " * 3
    html = (
        "<html><head><title>Shoulder pain</title></head><body><h1>Shoulder Pain</h1>"
        f"<p>{prose}</p><div><h1>Common Conditions</h1><div class='grid'>{cards}</div></div>"
        f"<div><h1>How to manage</h1><div class='box'>{tips}</div></div></body></html>"
    )
    blocks = extract_article(Page(origin="x", text=html, kind="html")).blocks
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert {"Whiplash", "Nerve compression", "How to manage"} <= set(headings), headings


def test_a_markdown_post_ends_without_its_related_posts_line() -> None:
    """A theme's "Te puede interesar: ..." or "Read also: ..." line after the last
    paragraph is site chrome; the same words inside the post stay."""
    text = "El dolor de hombro suele venir del manguito rotador y mejora con ejercicio. " * 3
    cta = "Reserva tu cita y recupera la movilidad de tu hombro."
    related = "Te puede interesar: Osteopatía para deportistas · Cómo el estrés genera tensión"
    markdown = f"---\ntitle: Hombro\n---\n\n{text}\n\n{cta}\n\n{related}\n"
    blocks = extract_article(Page(origin="x.md", text=markdown, kind="markdown")).blocks
    assert blocks[-1].text == cta


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<div>Knee <b>pain</b> eases<br>with rest</div>", "Knee pain easeswith rest"),
        (
            "<div>Knee <script>var x = 1;</script>pain<style>p {}</style> eases</div>",
            "Knee pain eases",
        ),
        ("<script>var x = 1;</script>", ""),
    ],
)
def test_the_visible_text_leaves_out_scripts_and_styles(markup: str, text: str) -> None:
    from lxml.html import fragment_fromstring

    from pipeline.extract.cleanup import VISIBLE_TEXTS, visible_text

    element = fragment_fromstring(markup)
    assert visible_text(element) == text == "".join(VISIBLE_TEXTS(element))


def test_only_classed_boxes_inside_the_body_can_be_subheadings() -> None:
    from lxml.html import document_fromstring

    from pipeline.extract.headings import classed_boxes

    tree = document_fromstring(
        "<html><head><title>t</title></head><body class='b'><div class='x'><p>no class</p>"
        "<span class=''>empty class</span><p class='y'>classed</p></div></body></html>"
    )
    assert [e.get("class") for e in classed_boxes(tree)] == ["x", "", "y"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("  Call us: (555) 010-0199 | Mon_Fri\t9am\n", "call us 555 010 0199 mon_fri 9am"),
        ("Home » Blog » Knee-Pain!", "home blog knee pain"),
        ("Über uns — Kontakt", "über uns kontakt"),
        ("??!", ""),
    ],
)
def test_normalised_text_is_its_lower_cased_words(text: str, words: str) -> None:
    import re

    from pipeline.extract.cleanup import normalise

    assert normalise(text) == words == re.sub(r"\W+", " ", text.lower()).strip()
