"""A site generator's tags in a Markdown post never reach the article's text; the words they
wrap do (extract/markdown_syntax.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import extract_article
from pipeline.extract.markdown_syntax import strip_site_syntax
from pipeline.load import load_source
from tests.conftest import corpus_dir
from tests.factories import block_texts, extract_text

BODY = "Weak hip muscles let the knee drift inwards, which loads the kneecap."


def lines(text: str) -> list[str]:
    return [line for line in strip_site_syntax(text).split("\n") if line.strip()]


@pytest.mark.parametrize(
    "tag",
    [
        '{% include video.html id="abc" %}',  # Jekyll (Liquid)
        "{% youtube M8mCbdZMiUU %}",
        '{{< figure src="/img/knee.jpg" caption="Runner" >}}',  # Hugo
        "{{% notice tip %}}",
        "{{ site.phone }}",  # a line that only prints a variable
        "import Figure from '../components/Figure'",  # MDX
        "export const meta = { title: 'Knee' }",
        "::youtube[Knee exercises]{#lcnJSTwWriM}",  # a leaf directive (remark-directive)
    ],
)
def test_a_tag_on_its_own_line_goes(tag: str) -> None:
    assert lines(f"{BODY}\n\n{tag}\n\n{BODY}") == [BODY, BODY]


def test_a_paired_tag_keeps_the_words_it_wraps() -> None:
    link = "See [the first part]({% post_url 2015-04-15-x %})."
    text = "{{< note >}}\n" + BODY + "\n{{< /note >}}\n\n" + link
    assert lines(text) == [BODY, "See [the first part]()."]


def test_component_blocks_keep_their_text_not_their_fences_or_slots() -> None:
    text = (
        '::post-split-section{image="/img/knee.jpg"}\n#title\nWhat causes it\n\n#default\n'
        + BODY
        + "\n::\n\n::: tip Good to know\nMost people improve within six weeks.\n:::\n"
    )
    assert lines(text) == [
        "What causes it",
        BODY,
        "Most people improve within six weeks.",
    ]


def test_prose_and_code_are_left_alone() -> None:
    text = (
        "Export your exercise diary before the visit.\n\n#physio #knee\n\n"
        "```\n{% raw %}\nimport x from 'y'\n```\n"
    )
    assert strip_site_syntax(text) == text


def test_a_post_with_no_tags_is_returned_as_it_is() -> None:
    assert strip_site_syntax(BODY) is BODY


def test_a_real_jekyll_post_loses_its_liquid_links_but_keeps_the_sentence() -> None:
    post = corpus_dir("clinic-dev") / "files" / "davegamba--mal-di-schiena-parte-2.md"
    text = extract_article(load_source(str(post))).text
    assert "{%" not in text and "post_url" not in text
    assert "come ne ha parlato ampiamente Dave in questo articolo." in text


def test_a_nuxt_post_makes_cards_without_its_component_syntax(tmp_path: Path) -> None:
    post = tmp_path / "knee.md"
    post.write_text(
        "---\ntitle: Knee pain on the stairs\n---\n\n"
        "Knee pain on the stairs is common in runners and in people who sit all day. "
        "It starts slowly, and it is worst going down, after a long day at the desk.\n\n"
        '::post-split-section{image="/img/knee.jpg"}\n#title\nWhat causes it\n\n#default\n'
        + BODY
        + "\n::\n",
        encoding="utf-8",
    )
    article = extract_article(load_source(str(post)))
    assert [b.text for b in article.blocks] == [
        "Knee pain on the stairs is common in runners and in people who sit all day. "
        "It starts slowly, and it is worst going down, after a long day at the desk.",
        "What causes it",
        BODY,
    ]


def test_a_backslash_line_break_is_a_break_not_a_backslash() -> None:
    """CommonMark's hard line break (a backslash at the end of a line, alone on a line as a
    CMS editor's spacer) is not printed; an escaped backslash stays."""
    text = (
        "# Sciatica\n\n" + "Sciatica runs down the leg and hurts when you sit. " * 5 + "\n\n\\\n"
        "Rest the back for a day.\nWalk a little\\\nevery hour, the path C:\\\\ stays.\n"
    )
    texts = [t for _, t in block_texts(extract_text(text))]
    assert texts[-1] == "Rest the back for a day. Walk a little every hour, the path C:\\ stays."


def test_a_heading_wrapped_in_a_paragraph_of_raw_html_is_one_heading() -> None:
    """Raw HTML in a Markdown post, `<p><h4>Who is at risk?</h4></p>`: one heading, not a
    heading and a paragraph of the same words."""
    text = (
        "---\ntitle: Myopia control\n---\n"
        + "Myopia blurs distance vision. " * 8
        + "\n\n<p><h4>Who is at <em>risk</em>?</h4></p>\n\n"
        + "Children who read a lot indoors are at risk, as their eyes grow too long. " * 3
    )
    texts = [pair for pair in block_texts(extract_text(text)) if pair[1] == "Who is at risk?"]
    assert texts == [("heading", "Who is at risk?")]
