"""Short condition pages built of boxes: a heading as the first child of a box above its list,
and a heading inside each list item above the item's text (template sites of many clinics).
The library's precision mode drops such lists; the headings are what tells the symptom list
from the cause list, so they and the lists must come through, each label apart from its text."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
from lxml.html import document_fromstring

from pipeline.digest import digest_article
from pipeline.extract.article import extract_article
from pipeline.extract.headings import recover_headings
from pipeline.extract.sibling_lists import recover_sibling_lists
from pipeline.load.source import read_file
from pipeline.models import Block, Page
from tests.factories import SENTENCE, block_texts, extract_text

BOXES = """<html lang="{lang}"><head><title>{title}</title></head><body>
<div class="contents"><div class="box text-center"><h3>{title}</h3><p>{intro}</p></div>
<div class="box2"><div class="left" style="background-image: url('a.jpg')">
  <h4><i><span></span></i><strong>{cause_head}</strong></h4>
  <div><ul>{causes}</ul></div></div>
<div class="right" style="background-image: url('b.jpg')">
  <h4><i><span></span></i><strong>{symptom_head}</strong></h4>
  <div><ul>{symptoms}</ul></div></div></div>
<div class="box5"><h3>{tips_head}</h3><ul>{tips}</ul></div>
</div></body></html>"""


@dataclass(frozen=True)
class Boxes:
    title: str
    intro: str
    cause_head: str
    causes: list[str]
    symptom_head: str
    symptoms: list[str]
    tips_head: str
    tips: list[tuple[str, str]]


PAGES = {
    "ko": Boxes(
        title="요추염좌",
        intro="요추염좌는 허리 통증질환 가운데 가장 흔한 질환입니다. 요추염좌로 인한 요통은"
        " 운동선수나 노동자들에게 흔한 질환으로 주로 근육과 인대의 손상으로 인해"
        " 허리 주변이 과도하게 긴장됨에 따라 발생합니다.",
        cause_head="요추염좌 원인",
        causes=["허리 근육이 직접적 외상을 입은 경우", "장시간 바르지 않은 자세로 있을 경우"],
        symptom_head="요추염좌 증상",
        symptoms=["움직일 때 극심한 통증이 동반됩니다.", "재채기를 할 때 통증이 증가합니다."],
        tips_head="요추염좌 예방법",
        tips=[("1. 절대 안정", "무리하지 말고 절대 안정을 취하는 것이 좋습니다."),
              ("2. 스트레칭", "의자에 오래 앉는 경우 스트레칭을 하는 것이 좋습니다.")],
    ),
    "en": Boxes(
        title="Lumbar sprain",
        intro="A lumbar sprain is the most common cause of low back pain in adults. It happens"
        " when the muscles and ligaments around the low back are stretched too far or torn.",
        cause_head="Causes of lumbar sprain",
        causes=[
            "A direct blow to the muscles of the low back",
            "Sitting in a poor posture for hours",
        ],
        symptom_head="Symptoms of lumbar sprain",
        symptoms=["Sharp pain when you bend or move.", "Pain that gets worse when you sneeze."],
        tips_head="Preventing lumbar sprain",
        tips=[("1. Rest", "Stop what hurts and rest your back for a day or two."),
              ("2. Stretching", "Stretch your back every hour when you sit for a long time.")],
    ),
}  # fmt: skip


def page(lang: str) -> Page:
    parts = PAGES[lang]
    fields = {k: v for k, v in asdict(parts).items() if isinstance(v, str)}
    html = BOXES.format(
        lang=lang,
        causes="".join(f"<li>{text}</li>" for text in parts.causes),
        symptoms="".join(f"<li>{text}</li>" for text in parts.symptoms),
        tips="".join(
            f'<li class="p30"><h4><strong>{label}</strong></h4><p>{text}</p></li>'
            for label, text in parts.tips
        ),
        **fields,
    )
    return Page(origin="made-up.php", text=html, kind="html")


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_box_headings_and_their_lists_come_through(lang: str) -> None:
    parts = PAGES[lang]
    blocks = extract_article(page(lang)).blocks
    texts = [(b.kind, b.text) for b in blocks]
    for head, items in ((parts.cause_head, parts.causes), (parts.symptom_head, parts.symptoms)):
        at = texts.index(("heading", head))
        assert texts[at + 1 : at + 3] == [("item", text) for text in items]
    at = texts.index(("heading", parts.tips_head))
    label, text = parts.tips[0]
    assert ("heading", label) in texts[at:] and ("item", text) in texts[at:]
    assert not [t for _, t in texts if t.startswith(label) and t != label]  # never glued


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_the_story_reads_the_box_lists(lang: str) -> None:
    parts = PAGES[lang]
    digest = digest_article(extract_article(page(lang)))
    assert digest.symptom and digest.cause
    assert items_of(digest.symptom) <= {text.rstrip(".") for text in parts.symptoms}
    assert items_of(digest.cause) <= {text.rstrip(".") for text in parts.causes}


def items_of(text: str) -> set[str]:
    """The items a story field is made of (a short list is joined with "; ")."""
    return {part.rstrip(".") for part in text.split("; ")}


LAYOUT_TABLE = """<html lang="en"><head><title>Spondylosis | Home Visit Massage</title></head><body>
<table width="838"><tr><td class="menu"><a href="/">Home</a> <a href="/menu">Menu</a></td>
<td class="conts"><div><strong><h2>Spondylosis</h2></strong></div><br /><br />
<div style="padding-left:20px;">
Spondylosis is the wear of the spine that can press on the nerves around it.<br />
Pain after walking far or after sitting still for a long time is common.<br /><br />
・Pain when you bend or straighten your lower back<br />
・Pain in the morning, when you get up<br />
・Stiffness when you start to move<br /><br />
<u><b>How spondylosis is treated</b></u><br /><br />
Heat, a lumbar support and exercises for the back and belly muscles are used.<br />
Surgery is rarely needed for the lower back.<br />
</div></td></tr></table></body></html>"""


def test_a_page_laid_out_in_a_table_keeps_its_blocks_apart() -> None:
    """An old site's page in one layout cell: its heading, paragraphs and "・" list stay
    separate blocks instead of one paragraph of the whole cell."""
    page = Page(origin="old.php", text=LAYOUT_TABLE, kind="html")
    texts = [(b.kind, b.text) for b in extract_article(page).blocks]
    assert ("item", "Pain in the morning, when you get up") in texts
    assert ("heading", "How spondylosis is treated") in texts
    at = texts.index(("heading", "How spondylosis is treated"))
    assert texts[at + 1][1].startswith("Heat, a lumbar support")
    assert all(len(text) < 200 for _, text in texts)


MARKDOWN_TABLE = """# Home physiotherapy for back pain

Back pain is one of the most common reasons people see a physiotherapist, and most of it
gets better with the right exercise and advice at home.

![Spine](spine.jpg)
*Caption: Knowing how the spine works is the first step to treating it well.*

**Why treatment at home helps:**

| Advantage | What it means |
| :--- | :--- |
| **Comfort** | Treatment in the comfort of your own home, with no travel. |
| **A plan for you** | The exercises are fitted to your home, your furniture and your day. |
| Safety | Ideal for older people who find travel hard or risky. |
"""


def test_a_markdown_table_is_a_labelled_list_and_captions_go() -> None:
    page = Page(origin="post.md", text=MARKDOWN_TABLE, kind="markdown")
    blocks = extract_article(page).blocks
    rows = [(b.kind, b.lead, b.text) for b in blocks if b.kind == "item"]
    assert rows == [
        ("item", "Comfort", "Comfort: Treatment in the comfort of your own home, with no travel."),
        (
            "item",
            "A plan for you",
            "A plan for you: The exercises are fitted to your home, your furniture and your day.",
        ),
        ("item", "Safety", "Safety: Ideal for older people who find travel hard or risky."),
    ]
    assert not [b for b in blocks if "Advantage" in b.text or "Caption" in b.text]


def test_a_heading_that_opens_its_section_box_comes_back() -> None:
    """When the library drops the heading that is the first child of its section's box, the
    heading comes back above the box's first paragraph once the box's first two paragraphs
    follow each other in the body; a lone box's heading whose text is not in the body does not."""
    tree = document_fromstring(
        "<html><body><div class='section'><h3>What causes plantar fasciitis?</h3>"
        "<p>Extra weight puts pressure on the ligament.</p><p>Runners are at risk too.</p></div>"
        "<div class='widget'><h3>Office hours</h3><p>Monday to Friday, 9 to 6.</p>"
        "<p>Saturday, 9 to 1.</p></div></body></html>"
    )
    body = (
        Block("paragraph", "Heel pain is common."),
        Block("paragraph", "Extra weight puts pressure on the ligament."),
        Block("paragraph", "Runners are at risk too."),
    )
    blocks = recover_headings(tree, body)
    assert [b.text for b in blocks] == [
        "Heel pain is common.",
        "What causes plantar fasciitis?",
        "Extra weight puts pressure on the ligament.",
        "Runners are at risk too.",
    ]


SIBLING_BOXES = Path(__file__).parent / "data" / "extract" / "sibling-boxes.html"  # made up


def test_a_list_of_sentences_in_a_box_beside_the_articles_box_comes_back() -> None:
    """The tips box shares its class with the box that holds the article: its heading and its
    sentences come back in order; its list of links and the comments list do not."""
    article = extract_article(read_file(SIBLING_BOXES))
    texts = [b.text for b in article.blocks]
    assert texts[-5] == "Tips para prevenir la hipersensibilidad"
    assert [b.kind for b in article.blocks[-5:]] == ["heading"] + ["item"] * 4
    assert texts[-4].startswith("No cepillar los dientes") and texts[-1].startswith("Acudir")
    assert not any("Dolor de muela" in t or "gracias" in t for t in texts)


def test_a_list_the_article_has_as_labels_and_texts_does_not_come_back_whole() -> None:
    """A box beside the article's box holds a list the article kept split at its labels
    ("Bleeding:" a heading, its text an item): the whole items are not added again, also
    when a line break inside an item joins two words in the page's tree ("bleed
    when<br/>you brush")."""
    page = (
        f'<html><body><div class="box"><p>{SENTENCE}</p></div><div class="box"><ul>'
        "<li><b>Bleeding:</b> The gums bleed when<br/>you brush your teeth.</li>"
        "<li><b>Swelling:</b> The gums turn dark red and swell up.</li>"
        "</ul></div></body></html>"
    )
    blocks = (
        Block("paragraph", SENTENCE.strip()),
        Block("heading", "Bleeding:", level=4),
        Block("item", "The gums bleed when you brush your teeth."),
        Block("heading", "Swelling:", level=4),
        Block("item", "The gums turn dark red and swell up."),
    )
    assert recover_sibling_lists(document_fromstring(page), blocks) == blocks


def test_a_heading_set_straight_into_a_list_heads_the_item_after_it() -> None:
    """`<ul><h6>Mosaic warts.</h6><br><li>…</li></ul>` (a heading between the items, not
    inside one): each heading stays with its item, in order, not after the whole list."""
    items = [
        "In the form of a nail, they go deep into the skin and can be very painful to walk on.",
        "A group of warts on the sole of the foot, shallow and covered with dead skin.",
    ]
    page = (
        f"<html><body><article><p>{SENTENCE * 3}</p><p>Two types are found:</p>"
        f'<ul class="simple-list"><h6>Punctate warts.</h6><br><li><p>{items[0]}</p></li><br>'
        f"<h6>Mosaic warts.</h6> <br><li><p>{items[1]}</p></li></ul>"
        f"<p>{SENTENCE * 2}</p></article></body></html>"
    )
    texts = [text for _, text in block_texts(extract_text(page, "html"))]
    first, second = (texts.index(t) for t in ("Punctate warts.", "Mosaic warts."))
    assert texts[first + 1] == items[0] and texts[second + 1] == items[1]
