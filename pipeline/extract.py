"""Stage 2, extract: the article's main text as structured blocks, plus its metadata.

HTML goes through trafilatura (main-content extraction) in its XML form, which keeps headings,
lists and bold lead-ins. Markdown is the article already: front matter gives the metadata.
"""

from __future__ import annotations

import re
from typing import Any

import markdown as markdown_lib
import trafilatura
import yaml
from bs4 import BeautifulSoup, Tag
from lxml import etree

from pipeline.models import Article, Block, ExtractError, Page

BULLET_PREFIX = re.compile(r"^\s*[•●▪◦·\-–—*]\s+")
LEAD_IN = re.compile(r"^(?P<lead>[^:.!?]{2,60}):\s+\S")
FRONT_MATTER = re.compile(r"\A---\s*\n(?P<yaml>.*?)\n---\s*\n", re.DOTALL)
MIN_ARTICLE_CHARS = 200


def extract_article(page: Page) -> Article:
    article = extract_markdown(page) if page.kind == "markdown" else extract_html(page)
    if sum(len(b.text) for b in article.blocks if b.kind != "heading") < MIN_ARTICLE_CHARS:
        raise ExtractError(f"{page.origin}: no article text found on the page")
    return article


def extract_html(page: Page) -> Article:
    xml = trafilatura.extract(
        page.text,
        url=page.url,
        output_format="xml",
        include_formatting=True,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
    )
    if not xml:
        raise ExtractError(f"{page.origin}: no article text found on the page")
    doc = etree.fromstring(xml.encode("utf-8"))
    main = doc.find("main")
    blocks = tuple(blocks_from_xml(main)) if main is not None else ()
    title = clean_text(doc.get("title") or "")
    blocks = drop_headline(blocks, title)
    return Article(
        title=title or first_heading(blocks),
        blocks=blocks,
        author=doc.get("author"),
        date=doc.get("date"),
        site_name=doc.get("sitename"),
        description=doc.get("description"),
        language=doc.get("language") or html_language(page.text),
        image=doc.get("image"),
        url=doc.get("url") or page.url,
    )


def blocks_from_xml(main: Any) -> list[Block]:
    blocks: list[Block] = []
    for element in main.iter("head", "p", "item", "quote"):
        if element.tag == "p" and element.getparent().tag in ("item", "quote"):
            continue  # its text is taken with the parent
        text = clean_text("".join(element.itertext()))
        if not text:
            continue
        if element.tag == "head":
            level = int((element.get("rend") or "h2").lstrip("h") or 2)
            blocks.append(Block(kind="heading", text=text, level=level))
            continue
        kind = {"p": "paragraph", "item": "item", "quote": "quote"}[element.tag]
        bold = element.find(".//hi[@rend='#b']")
        blocks.append(
            make_block(
                kind, text, clean_text("".join(bold.itertext())) if bold is not None else None
            )
        )
    return blocks


def make_block(kind: str, text: str, bold: str | None = None) -> Block:
    """A paragraph or list item, with a bullet stripped and its bold lead-in found."""
    if BULLET_PREFIX.match(text):
        text = BULLET_PREFIX.sub("", text)
        kind = "item" if kind == "paragraph" else kind
    lead = None
    match = LEAD_IN.match(text)
    if match and (bold is None or text.startswith(bold.rstrip(":").strip())):
        lead = match.group("lead").strip()
    elif bold and text.startswith(bold) and bold.rstrip(".: ") and len(bold) < 60:
        lead = bold.rstrip(".: ")
    return Block(kind=kind, text=text, lead=lead)  # type: ignore[arg-type]


def extract_markdown(page: Page) -> Article:
    text = page.text
    meta: dict[str, Any] = {}
    match = FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group("yaml"))
        except yaml.YAMLError:
            loaded = None
        meta = loaded if isinstance(loaded, dict) else {}
        text = text[match.end() :]
    html = markdown_lib.markdown(text, extensions=["extra", "sane_lists"])
    blocks = tuple(blocks_from_html(BeautifulSoup(html, "html.parser")))
    title = clean_text(str(meta.get("title") or "")) or first_heading(blocks)
    return Article(
        title=title,
        blocks=drop_headline(blocks, title),
        author=str(meta["author"]) if meta.get("author") else None,
        date=str(meta["date"]) if meta.get("date") else None,
        description=str(meta["description"]) if meta.get("description") else None,
        language=str(meta.get("lang") or meta.get("language") or "en"),
    )


def blocks_from_html(soup: BeautifulSoup) -> list[Block]:
    blocks: list[Block] = []
    for element in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote"]):
        if not isinstance(element, Tag):
            continue
        if element.name == "p" and element.find_parent(["li", "blockquote"]):
            continue
        text = clean_text(element.get_text(" "))
        if not text:
            continue
        if element.name.startswith("h"):
            blocks.append(Block(kind="heading", text=text, level=int(element.name[1])))
            continue
        kind = {"p": "paragraph", "li": "item", "blockquote": "quote"}[element.name]
        bold = element.find(["strong", "b"])
        blocks.append(make_block(kind, text, clean_text(bold.get_text(" ")) if bold else None))
    return blocks


def drop_headline(blocks: tuple[Block, ...], title: str) -> tuple[Block, ...]:
    """The headline is not part of the body text."""
    key = normalise(title)
    return tuple(b for b in blocks if not (b.kind == "heading" and normalise(b.text) == key))


def first_heading(blocks: tuple[Block, ...]) -> str:
    for block in blocks:
        if block.kind == "heading":
            return block.text
    return ""


def html_language(html: str) -> str | None:
    match = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z-]+)", html[:5000], re.IGNORECASE)
    return match.group(1) if match else None


def clean_text(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    return re.sub(r"\s+([,.;:!?])", r"\1", text)


def normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()
