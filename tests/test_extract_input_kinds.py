"""extract, input kinds seen on new clinic sites: an article kept in a front-matter field, a
short page in a dense script, a heading whose text a theme wraps in a paragraph, a
copywriter's draft that labels its H1, and kramdown's or Pandoc's attribute lists."""

from __future__ import annotations

import pytest

from pipeline.extract.blocks import article_chars
from pipeline.extract.markdown_syntax import strip_site_syntax
from pipeline.models import ExtractError
from tests.factories import SENTENCE, block_texts, extract_text


def test_an_article_kept_as_html_in_a_toml_field_is_the_body() -> None:
    body = f"<p>{SENTENCE * 3}</p><p>It helps with:</p><ul><li><p>chronic back pain</p></li></ul>"
    source = f'+++\ncontent_html = "{body}"\ntitle = "Knee pain"\nlayout = "page"\n+++\n'
    article = extract_text(source)
    assert article.title == "Knee pain"
    assert block_texts(article) == [
        ("paragraph", (SENTENCE * 3).strip()),
        ("paragraph", "It helps with:"),
        ("item", "chronic back pain"),
    ]


def test_an_article_kept_as_markdown_in_a_yaml_field_is_the_body() -> None:
    source = (
        "---\ntitle: Knee pain\ndescription: A page about knee pain and what helps it.\n"
        f"sections:\n  - body: |\n      ## Why it hurts\n\n      {SENTENCE * 2}\n\n"
        f"      {SENTENCE}\n---\n"
    )
    article = extract_text(source)
    assert block_texts(article)[0] == ("heading", "Why it hurts")
    assert "A page about knee pain" not in " ".join(b.text for b in article.blocks)


def test_settings_in_front_matter_are_no_body() -> None:
    source = '+++\ntitle = "Knee pain"\ncolor = "var(--body-color)"\nweight = 4\n+++\n'
    with pytest.raises(ExtractError, match="no article text"):
        extract_text(source)


def test_a_short_japanese_page_is_measured_as_its_english_twin() -> None:
    japanese = "爪が皮膚に食い込んで化膿した状態が陥入爪です。ハイヒールや深爪が原因です。"
    assert article_chars(japanese) == 2 * len(japanese) - japanese.count("。")
    assert article_chars("Knee pain") == len("Knee pain")
    page = (
        '<div class="item"><h3><img src="nail.png"><p>巻き爪/陥入爪</p></h3>'
        f'<div class="contents"><p>{japanese}<br>{japanese}<br>{japanese}</p>'
        "</div></div>"
    )
    article = extract_text(page, "html")
    assert article.title == "巻き爪/陥入爪"
    assert japanese in " ".join(b.text for b in article.blocks)


def test_a_short_english_fragment_is_still_refused() -> None:
    with pytest.raises(ExtractError, match="no article text"):
        extract_text(
            "<div><h3><p>Nails</p></h3><p>Ingrown nails hurt. We treat them.</p></div>", "html"
        )


def test_a_paragraph_inside_a_heading_stays_the_heading() -> None:
    page = f"<html><body><article><h2><div class='t'>Why it hurts</div></h2><p>{SENTENCE * 4}</p>"
    page += f"<h2>What helps</h2><p>{SENTENCE * 2}</p></article></body></html>"
    headings = [b.text for b in extract_text(page, "html").blocks if b.kind == "heading"]
    assert headings == ["Why it hurts", "What helps"]


def test_a_copywriters_draft_gives_the_title_it_labels_as_the_h1() -> None:
    draft = (
        "# Page: Knee rehab (runner's knee)\n**Suggested URL:** `knee-rehab`\n\n---\n\n"
        "## SEO settings\n- **SEO title:** Knee rehab in Leeds | Clinic\n\n"
        "### H1: Back to Running Without Knee Pain\n\n### Introduction\n"
        f"{SENTENCE * 4}\n"
    )
    article = extract_text(draft)
    assert article.title == "Back to Running Without Knee Pain"
    joined = " ".join(b.text for b in article.blocks)
    assert "SEO title" not in joined and "Page:" not in joined and SENTENCE.strip() in joined


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[What does a session include?]{.heading}", ["What does a session include?"]),
        ("## Why it hurts {#why}", ["## Why it hurts"]),
        ("## Why it hurts {: .big #why}", ["## Why it hurts"]),
        ("{: .align-to-center}", []),
        ("{:toc}", []),
        ("{#intro .lead}", []),
        ("A set {1, 2} stays, and so does [a link](https://x.test).", None),
    ],
)
def test_attribute_lists_never_reach_the_text(line: str, expected: list[str] | None) -> None:
    kept = [part for part in strip_site_syntax(f"{line}\n").split("\n") if part.strip()]
    assert kept == (expected if expected is not None else [line])


def test_a_block_attribute_line_after_a_paragraph_goes_and_the_paragraph_stays() -> None:
    article = extract_text(f"# Knee pain\n\n{SENTENCE * 4}\n{{: .align-to-center}}\n")
    assert block_texts(article) == [("paragraph", (SENTENCE * 4).strip())]


def test_a_sentence_that_opens_with_h1_is_no_draft_label() -> None:
    text = (
        "# Antihistaminika\n\n"
        + SENTENCE * 2
        + "\n\nH1: Diese Rezeptoren sitzen in der Haut, den Bronchien und den Gefäßen, und"
        " ihre Blockade lindert Juckreiz, Niesen und Quaddeln bei den meisten Patienten.\n"
    )
    article = extract_text(text)
    assert article.title == "Antihistaminika"
    assert SENTENCE.strip() in " ".join(b.text for b in article.blocks)
