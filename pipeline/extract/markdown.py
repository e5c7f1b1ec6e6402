"""Part of stage 2, extract: a Markdown post (front matter, body, footnotes, tables) as an
article. Markdown's own libraries are imported only here, only for Markdown sources."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pipeline.extract.blocks import (
    MIN_ARTICLE_CHARS,
    article_chars,
    drop_headline,
    first_heading,
    nest_labels,
    split_bullets,
)
from pipeline.extract.cleanup import clean_text, drop_captions, is_chrome
from pipeline.extract.contact import drop_contact_boxes
from pipeline.extract.file_title import file_title
from pipeline.extract.frontmatter import field_bodies, prosemirror_html, split_front_matter
from pipeline.extract.headline import markdown_headline, title_heading
from pipeline.extract.markdown_syntax import strip_site_syntax
from pipeline.extract.metadata import normalise_date
from pipeline.extract.references import FOOTNOTE_SUP, drop_references
from pipeline.models import Article, Block, Page

# CommonMark's hard line break, a backslash at the end of a line (CMS editors write one on a
# line of its own as a spacer), which Python-Markdown would print: its two-space form
HARD_BREAK = re.compile(r"(?<!\\)\\[ \t]*\n")

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

ROW_LABEL_WORDS = 5  # a table's first cell this short labels the row


def extract_markdown(page: Page) -> Article:
    import markdown as markdown_lib  # Markdown's own libraries, only for Markdown sources
    from bs4 import BeautifulSoup

    meta, text = split_front_matter(page.text)
    text = HARD_BREAK.sub("  \n", strip_site_syntax(text))
    html = markdown_lib.markdown(text, extensions=["extra", "sane_lists"])
    if article_chars(BeautifulSoup(html, "html.parser").get_text().strip()) < MIN_ARTICLE_CHARS:
        html += prosemirror_html(meta)  # a CMS entry that keeps its article in the front matter
        for body, is_html in field_bodies(meta):  # ... or its HTML or Markdown in a field
            html += (
                body
                if is_html
                else markdown_lib.markdown(
                    strip_site_syntax(body), extensions=["extra", "sane_lists"]
                )
            )
    soup = BeautifulSoup(html, "html.parser")
    for note in soup.select("sup, div.footnote"):
        if note.name == "div" or FOOTNOTE_SUP.fullmatch(note.get_text()):
            note.decompose()  # Markdown footnotes: the [^1] markers and the notes
    blocks = drop_contact_boxes(drop_captions(drop_references(tuple(blocks_from_html(soup)))))
    blocks = drop_closing_chrome(blocks)
    labelled, blocks = labelled_h1(blocks)
    title = (
        labelled
        or markdown_headline(meta, blocks)
        or title_heading(blocks)
        or file_title(page.path)
        or first_heading(blocks)
    )
    if blocks and blocks[0].kind == "heading" and blocks[0].level == 1:
        blocks = blocks[1:]  # a leading H1 is the headline, even when it differs from `title`
    return Article(
        title=title,
        blocks=drop_headline(blocks, title),
        author=meta_text(meta, "author"),
        date=normalise_date(meta_text(meta, "date") or "") or None,
        description=meta_text(meta, "description"),
        language=meta_text(meta, "lang") or meta_text(meta, "language") or "en",
        image=meta_text(meta, "image"),
    )


# A copywriter's draft names the page's <h1> in a line of its own: "### H1: Title", "**H1:** Title".
H1_LABEL = re.compile(r"^\s*H1\s*[:：]\s*(?P<title>\S.*)$", re.I)
MAX_TITLE_WORDS = 20  # a longer line is a sentence of the article ("H1: histamine receptors …")


def labelled_h1(blocks: tuple[Block, ...]) -> tuple[str, tuple[Block, ...]]:
    """The title a draft labels as the page's H1, and the blocks without that line; above it,
    the draft's working title ("# Page: Back pain rehab") and its notes are no part of the page."""
    for n, block in enumerate(blocks):
        match = H1_LABEL.match(block.text) if block.kind in ("heading", "paragraph") else None
        if match and len(match.group("title").split()) <= MAX_TITLE_WORDS:
            return clean_text(match.group("title")), blocks[n + 1 :]
    return "", blocks


CLOSING_TAIL = 3  # site chrome is looked for among the body's last blocks


def drop_closing_chrome(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The body without the site's lines it ends on: a related-posts line ("Te puede
    interesar: ...", "Read also: ..."), a share or tag line, that a theme's Markdown post
    writes after its last paragraph."""
    end = len(blocks)
    while end > max(0, len(blocks) - CLOSING_TAIL) and is_chrome(blocks[end - 1].text):
        end -= 1
    return blocks[:end]


def meta_text(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if isinstance(value, list):  # `author: [a, b]` in front matter
        value = ", ".join(str(v) for v in value)
    return clean_text(str(value)) or None if value not in (None, "") else None


def blocks_from_html(soup: BeautifulSoup) -> list[Block]:
    from bs4 import Tag

    blocks: list[Block] = []
    tags = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "tr"]
    for element in soup.find_all(tags):
        if not isinstance(element, Tag):
            continue
        if element.name == "p" and element.find_parent(["li", "blockquote", "td"]):
            continue
        if element.name == "p" and holds_only_headings(element):
            continue  # raw HTML's <p><h4>…</h4></p>: the heading is a block of its own
        if element.name == "tr":
            blocks.extend(table_row(element))
            continue
        if element.name.startswith("h"):
            text = clean_text(element_text(element))
            blocks.extend([Block(kind="heading", text=text, level=int(element.name[1]))])
            continue
        kind = {"p": "paragraph", "li": "item", "blockquote": "quote"}[element.name]
        for nested in element.find_all(["ul", "ol"]):
            nested.extract()  # nested list items are blocks of their own
        bold = element.find(["strong", "b"])
        lead = clean_text(element_text(bold)) if bold else None
        blocks.extend(split_bullets(kind, element_text(element), lead))
    return nest_labels([b for b in blocks if b.text])


def holds_only_headings(paragraph: Tag) -> bool:
    headings = paragraph.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    inner = "".join(h.get_text() for h in headings)
    return bool(headings) and clean_text(inner) == clean_text(paragraph.get_text())


def element_text(element: Tag) -> str:
    """The element's text as the reader sees it: inline markup joins its text to the words
    around it ("**P**rotection" is "Protection", not "P rotection"); a line break or a block
    inside the element (a paragraph in a list item) separates it."""
    from bs4.element import NavigableString, Tag

    parts: list[str] = []
    for node in element.descendants:
        if isinstance(node, NavigableString):
            parts.append(str(node))
        elif isinstance(node, Tag) and node.name in BREAKING_TAGS:
            parts.append("\n" if node.name == "br" else " ")
    return "".join(parts)


BREAKING_TAGS = frozenset(
    [
        "br",
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "table",
        "tr",
        "td",
        "th",
        "pre",
        "figure",
        "figcaption",
        "img",
    ]
)


def table_row(row: Tag) -> list[Block]:
    """A table row of a Markdown post as one item: a short first cell labels the rest
    ("**Comfort** | Treatment at home" -> "Comfort: Treatment at home"); a header row goes."""
    cells = [clean_text(element_text(cell)) for cell in row.find_all(["td", "th"])]
    cells = [cell for cell in cells if cell]
    if not cells or row.find("td") is None:
        return []
    first, rest = cells[0], " ".join(cells[1:])
    if rest and len(first.split()) <= ROW_LABEL_WORDS and not first.endswith((".", ":")):
        return [Block(kind="item", text=f"{first}: {rest}", lead=first)]
    return [Block(kind="item", text=" ".join(cells))]
