"""Stage 2, extract: the article's main text as structured blocks, plus its metadata.

HTML goes through trafilatura (main-content extraction, precision settings) in its XML form,
which keeps headings, lists, tables and bold lead-ins. On top of the library
(corrections in pipeline/extract_cleanup.py, metadata in pipeline/extract_metadata.py):

- comment markup that holds the article's own sections (a template's comment list reused for
  text: a heading inside, no author, avatar, reply link or date) loses its comment names;
- a short <p> that a "title" class or a bold inline style makes a subheading becomes an <h3>;
- elements hidden by a conventional CSS class ("hide", "d-none", "sr-only", ...) go first:
  e-mail dialogs, print-only citations and screen-reader labels are not the article;
- <span>s inside text paragraphs are unwrapped, so the library's class/id/style
  pruning cannot cut words out of the middle of a paragraph;
- text written straight into a <div> between <br><br>s is wrapped in <p>s, so the
  library sees paragraphs (it lost the first one, before an inline link);
- a short precision-mode result, or one under half the text of the page's paragraphs and list
  items and of the element that holds its paragraphs, is cross-checked with the library's
  default mode;
- paragraphs left in later chunks of a body split around ads are recovered;
- a subheading the library dropped between two kept blocks it stands between in the page
  comes back (precision mode drops link-only and oddly nested headings);
- blocks whose whole text is a link's text are dropped at the body's edges and in runs
  (related posts, "next article" teasers, menus that slipped through);
- blocks that repeat text of the page's nav, header, aside or footer are dropped;
- blocks from cards of other posts (3+ sibling <article>s outside the headline's) are dropped;
- short blocks that are site chrome ("Share this post", "Related: ...", "Contact detail icon",
  cookie notices, copyright lines) are dropped;
- the headline (and a dek equal to the meta description) is not part of the body;
- literal bullets become items, a bare label line above its text becomes a heading;
- metadata comes from JSON-LD, OpenGraph and <head> first, the library's search second.

Markdown is the article already: its YAML front matter gives the metadata.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from lxml import etree
from lxml.html import HtmlElement, document_fromstring

from pipeline.extract.cleanup import (
    clean_text,
    collect_link_texts,
    drop_captions,
    drop_chrome,
    drop_hidden,
    drop_post_cards,
    recover_chunks,
    unquote_layout_boxes,
    unwrap_item_headings,
    unwrap_paragraph_spans,
    wrap_loose_text,
)

if TYPE_CHECKING:
    pass

from pipeline.extract.blocks import (
    MIN_ARTICLE_CHARS,
    article_chars,
    drop_headline,
    first_heading,
    nest_labels,
    split_bullets,
)
from pipeline.extract.comments import keep_content_comments
from pipeline.extract.components import component_to_html
from pipeline.extract.contact import drop_contact_boxes
from pipeline.extract.file_title import file_title
from pipeline.extract.heading_markup import inline_heading_blocks
from pipeline.extract.headings import recover_headings
from pipeline.extract.headline import (
    html_headline,
    part_heading,
    title_heading,
    top_heading,
    usable_banner,
    usable_title,
)
from pipeline.extract.jsx import jsx_to_html
from pipeline.extract.library import remove_empty_elements, strip_double_tags
from pipeline.extract.markdown import extract_markdown
from pipeline.extract.metadata import read_metadata
from pipeline.extract.parse import load_html
from pipeline.extract.precise import library_body
from pipeline.extract.references import drop_footnote_sups, drop_references
from pipeline.extract.regions import collect_region_texts, drop_repeated_chrome
from pipeline.extract.section_title import section_title
from pipeline.extract.sibling_lists import recover_opened_lists, recover_sibling_lists
from pipeline.extract.slides import recover_slides
from pipeline.extract.styled import raise_styled_headings
from pipeline.extract.templates import strip_server_code
from pipeline.extract.titleline import title_line
from pipeline.load.chars import clean_characters
from pipeline.models import Article, Block, ExtractError, NoArticleTextError, Page

XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
CROSS_CHECK_CHARS = 500  # a shorter precision-mode body is compared with the default mode
CROSS_CHECK_RATIO = 2.0  # ... and replaced when the default mode finds this much more
PAGE_TEXT_TAGS = frozenset(("p", "li", "h2", "h3", "td"))  # a body under half their text: cut
PAGE_CHROME = frozenset(("nav", "header", "footer", "aside", "form"))
HOST_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td")  # a body's paragraph on the page
HOST_MIN_CHARS = 30  # shorter texts ("Share", a date) are found in too many places
BLOCK_TAGS = ("head", "p", "item", "quote", "row")
INLINE_XML = ("hi", "lb", "ref")  # trafilatura's inline elements
XML_KINDS = {"p": "paragraph", "item": "item", "quote": "quote", "row": "paragraph"}


def extract_article(page: Page) -> Article:
    if not page.characters_cleaned:  # a Page not made by load
        page = replace(page, text=clean_characters(page.text), characters_cleaned=True)
    if page.kind == "jsx":
        page = replace(page, text=jsx_to_html(page.text), kind="html")
    elif page.kind == "component":
        html = component_to_html(page.text, page.path or page.origin)
        page = replace(page, text=html, kind="html")
    elif page.kind == "ruby":  # a Rails seed: its first post, as HTML or Markdown
        from pipeline.extract.rubydata import ruby_page  # only for Ruby sources

        page = ruby_page(page)
    article = extract_markdown(page) if page.kind == "markdown" else extract_html(page)
    body = "".join(b.text for b in article.blocks if b.kind != "heading")
    if article_chars(body) < MIN_ARTICLE_CHARS:
        raise NoArticleTextError(f"{page.origin}: no article text found on the page", article)
    return article


def extract_html(page: Page) -> Article:
    source = strip_server_code(page.text)
    tree = parse_html(replace(page, text=inline_heading_blocks(source.text)))
    drop_hidden(tree)
    keep_content_comments(tree)
    raise_styled_headings(tree)
    drop_footnote_sups(tree)
    unwrap_paragraph_spans(tree)
    unquote_layout_boxes(tree)
    unwrap_item_headings(tree)
    wrap_loose_text(tree)
    doc = run_trafilatura(tree, page.url, precision=True)
    if is_fragment(tree, doc):
        # Precision mode sometimes keeps only a fragment: cross-check with the default mode
        other = run_trafilatura(tree, page.url, precision=False)
        if body_chars(other) >= CROSS_CHECK_RATIO * body_chars(doc):
            doc = other
    if body_chars(doc) < CROSS_CHECK_CHARS:
        doc = more_structure(doc, run_trafilatura(tree, page.url, precision=None))
    if doc is None:
        raise ExtractError(f"{page.origin}: no article text found on the page")
    main = doc.find("main")
    blocks = tuple(blocks_from_xml(main)) if main is not None else ()
    blocks += recover_chunks(tree, blocks)
    blocks = recover_opened_lists(tree, recover_sibling_lists(tree, blocks))
    blocks = recover_slides(tree, blocks)
    blocks = drop_references(recover_headings(tree, blocks))  # before "Sources" goes as chrome
    blocks = drop_contact_boxes(drop_chrome(blocks, collect_link_texts(tree)))
    blocks = drop_repeated_chrome(blocks, collect_region_texts(tree, blocks))
    blocks = drop_captions(drop_post_cards(tree, blocks))
    meta = read_metadata(tree, page.url)
    body = "\n".join(b.text for b in blocks if b.kind != "heading")
    voted = html_headline(tree, meta, source.title_hint, body=body)
    voted = title_line(tree, blocks, voted) or voted  # a plain line above the body
    voted = section_title(tree, blocks, voted, source.title_hint) or voted
    title = voted or meta.get("title") or ""
    if not usable_title(title) or (not voted and part_heading(title)):  # no title, a placeholder
        # ("Untitled Document") or the library's guess, a section heading ("What causes it?")
        title = (
            usable_banner(tree)
            or top_heading(tree)
            or title_heading(blocks)
            or html_headline(tree, meta, None, headings_alone=True)
            or file_title(page.path)
            or first_heading(blocks)
        )
    blocks = drop_headline(blocks, voted, *meta.titles, dek=meta.get("description") or "")
    if blocks and blocks[0].kind == "heading" and blocks[0].level == 1:
        blocks = blocks[1:]  # a leading H1 is the headline, even when it differs from `title`
    return Article(
        title=title,
        blocks=blocks,
        author=meta.get("author"),
        date=meta.get("date"),
        site_name=meta.get("site_name"),
        description=meta.get("description"),
        language=meta.get("language"),
        image=meta.get("image"),
        url=meta.get("url") or page.url,
    )


def run_trafilatura(tree: HtmlElement, url: str | None, *, precision: bool | None) -> Any:
    """trafilatura's body in its XML vocabulary (head, p, list/item, table/row/cell, hi for
    bold, lb for line breaks) wrapped in <doc><main>, or None. The library's body element
    (precise.py: its bare_extraction, or in precision mode its steps on one copy of the tree)
    skips its XML serialisation and fingerprinting, which we do not use; `fast` skips its
    second opinions (readability and jusText), which cost a third of its time and changed
    F1 on the extraction corpus by 0.002, because our own recovery of headings, chunks and
    chrome does that work."""
    focus = "precision" if precision else "recall" if precision is None else "balanced"
    body = library_body(tree, url, focus)
    if body is None or not len(body):
        return None
    strip_double_tags(body)
    remove_empty_elements(body)
    body.tag = "main"
    doc = etree.Element("doc")
    doc.append(body)
    return doc


def more_structure(doc: Any, recall: Any) -> Any:
    """A short body, or the recall mode's when it keeps lists that the other modes dropped
    (on short condition pages, the symptom and cause lists under their headings) along
    with all of their text."""
    if recall is None or count(recall, "item") <= count(doc, "item"):
        return doc
    return recall if body_chars(recall) > body_chars(doc) else doc


def count(doc: Any, tag: str) -> int:
    main = doc.find("main") if doc is not None else None
    return sum(1 for _ in main.iter(tag)) if main is not None else 0


def body_chars(doc: Any) -> int:
    main = doc.find("main") if doc is not None else None
    return len("".join(main.itertext()).strip()) if main is not None else 0


def is_fragment(tree: HtmlElement, doc: Any) -> bool:
    """Whether a precision-mode body may be a fragment that the default mode would complete:
    a short body, or one under half the text of the page's paragraphs, list items, headings
    and cells and under half of those in the smallest element that holds the body's own
    paragraphs. Text elsewhere on the page (a sidebar, teasers of other posts, comments that
    are not marked as asides) is what both modes leave out, and a second pass there changes
    nothing: on the extraction corpus and the clinic-dev pages, it ran on 23 pages and changed
    the body of 6, all of them short bodies or bodies under half of their own element's text;
    the test by the element leaves it out on 13 of the other 17."""
    kept = body_chars(doc)
    if kept < CROSS_CHECK_CHARS:
        return True
    if CROSS_CHECK_RATIO * kept >= page_text_chars(tree):
        return False
    host = body_host(tree, doc)
    return host is None or CROSS_CHECK_RATIO * kept < page_text_chars(host)


def body_host(tree: HtmlElement, doc: Any) -> HtmlElement | None:
    """The smallest element of the page that holds every paragraph of the body found in it
    (by its text), or None when fewer than two are found."""
    main = doc.find("main")
    kept = {" ".join("".join(e.itertext()).split()) for e in main.iter("p", "item", "head")}
    kept = {text for text in kept if len(text) >= HOST_MIN_CHARS}
    found = [e for e in tree.iter(*HOST_TAGS) if " ".join(e.text_content().split()) in kept]
    if len(found) < 2:
        return None
    host = found[0]
    for element in found[1:]:
        while not is_within(element, host):
            host = host.getparent()
    return host


def is_within(element: HtmlElement, host: HtmlElement) -> bool:
    return element is host or any(parent is host for parent in element.iterancestors())


def page_text_chars(root: HtmlElement) -> int:
    """The characters of the paragraphs, list items, subheadings and table cells in `root`
    (the page, or one of its elements), each counted once, outside navigation, header, footer,
    asides and forms: in one walk that counts such an element whole and does not enter it,
    nor the chrome."""
    if root.tag in PAGE_TEXT_TAGS:
        return len(" ".join(root.text_content().split()))
    total = 0
    walk = etree.iterwalk(root, events=("start",))
    for _, element in walk:
        if element.tag in PAGE_TEXT_TAGS:
            total += len(" ".join(element.text_content().split()))
            walk.skip_subtree()
        elif element.tag in PAGE_CHROME:
            walk.skip_subtree()  # the root too: all it holds is chrome
    return total


def parse_html(page: Page) -> HtmlElement:
    """The page as an lxml tree (an XML declaration, which lxml refuses in text, removed)."""
    text = XML_DECLARATION.sub("", page.text, count=1)
    tree = load_html(text, cleaned=page.characters_cleaned) if text.strip() else None
    if text.strip() and (tree is None or tree.tag != "html"):  # a fragment: wrap it
        try:
            tree = document_fromstring(text)
        except (etree.ParserError, ValueError):
            tree = None
    if tree is None:
        raise ExtractError(f"{page.origin}: the page is empty or cannot be read as HTML")
    return tree


def blocks_from_xml(main: Any) -> list[Block]:
    layout = {cell for cell in main.iter("cell") if is_layout_cell(cell)}
    for cell in layout:
        wrap_cell_runs(cell)
    blocks: list[Block] = []
    for element in main.iter(*BLOCK_TAGS):
        if element.tag in ("p", "head", "item") and in_table_text(element, layout):
            continue  # its text is taken with the parent
        if element.tag == "head":
            text = clean_text(xml_text(element))
            level = heading_level(element)
            blocks.extend([Block(kind="heading", text=text, level=level)] if text else [])
        elif element.tag == "row":
            cells = [cell for cell in element.iter("cell") if cell not in layout]
            texts = (clean_text(xml_text(cell)) for cell in cells)
            blocks.extend(split_bullets("paragraph", " ".join(t for t in texts if t), None))
        else:
            bold = element.find(".//hi[@rend='#b']")
            lead = clean_text(xml_text(bold)) if bold is not None else None
            blocks.extend(split_bullets(XML_KINDS[element.tag], xml_text(element), lead))
    return nest_labels(blocks)


def in_table_text(element: Any, layout: AbstractSet[Any]) -> bool:
    """Inside a list item or quote (a paragraph there is part of its text), or inside a table
    cell of data, whose text is taken with its row. A `layout` cell's blocks stand alone."""
    for parent in element.iterancestors():
        if parent.tag == "cell":
            return parent not in layout
        if parent.tag in ("item", "quote") and element.tag == "p":
            return True
    return False


def is_layout_cell(cell: Any) -> bool:
    """A table cell that holds a page section (headings, lists or several paragraphs), as old
    sites laid out whole pages in tables, not a value of a data table."""
    if cell.find(".//head") is not None or cell.find(".//list") is not None:
        return True
    return len(cell.findall("p")) >= 2


def wrap_cell_runs(cell: Any) -> None:
    """Text and inline elements written straight into a layout cell, between its blocks, in
    <p>s of their own (in place), so they are not lost between the blocks taken one by one."""
    children: list[Any] = []
    text, run = cell.text, []
    for child in list(cell):
        if child.tag in INLINE_XML:
            run.append(child)  # with its tail
            continue
        children.extend(run_paragraph(text, run))
        text, run, child.tail = child.tail, [], None
        children.append(child)
    children.extend(run_paragraph(text, run))
    cell.text = None
    cell[:] = children


def run_paragraph(text: str | None, inline: list[Any]) -> list[Any]:
    """A <p> of the text and inline elements, or nothing when they hold no words."""
    if not (text or "").strip() and not any(xml_text(e).strip() for e in inline):
        return []
    paragraph = etree.Element("p")
    paragraph.text = text
    paragraph.extend(inline)
    return [paragraph]


def heading_level(element: Any) -> int:
    match = re.fullmatch(r"h([1-6])", element.get("rend") or "")
    return int(match.group(1)) if match else 2


def has_ancestor(element: Any, tags: tuple[str, ...]) -> bool:
    return any(parent.tag in tags for parent in element.iterancestors())


def xml_text(element: Any) -> str:
    """An element's text with line breaks kept as newlines and nested list items left out."""
    parts = [element.text or ""] if element.tag != "lb" else ["\n"]
    for child in element:
        if child.tag == "p" and element.tag == "item":
            parts.append("\n")  # a paragraph inside an item starts a line of its own
        if child.tag != "list":
            parts.append(xml_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
