"""Part of stage 2, extract: an HTML page's metadata.

JSON-LD, OpenGraph and <head> tags come first (they are what the site says about itself);
trafilatura's own metadata search (bylines, visible dates, the <h1>) fills what they leave
out, without guessing dates from free text such as copyright years.
"""

from __future__ import annotations

import html
import json
import re
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from pipeline.extract.byline import find_author
from pipeline.extract.library import set_date_params
from pipeline.extract.library import trafilatura_metadata as library
from pipeline.load.chars import clean_characters


@dataclass(frozen=True)
class PageMeta:
    """What an HTML page says about its article. `titles` holds every headline-like string
    (metadata title, <title>, <title> before " | Site") to keep out of the body."""

    fields: dict[str, str]
    titles: tuple[str, ...]

    def get(self, key: str) -> str | None:
        return self.fields.get(key) or None


def read_metadata(tree: HtmlElement, url: str | None) -> PageMeta:
    """The page's metadata: JSON-LD, OpenGraph and <head> tags first; trafilatura's own
    metadata search (bylines, visible dates, the <h1>) only for what they leave out."""
    found = read_head_metadata(tree)
    page_title = found.pop("page_title", "")
    head_title = found.get("title", "")  # the library's guess (often a subheading) is not kept out
    if not all(found.get(key) for key in ("title", "author", "date")):
        for key, value in library_metadata(tree, url, skip=frozenset(found)).items():
            if value and squash(value):
                found.setdefault(key, squash(value))
    found.setdefault("title", page_title)
    if found.get("date"):
        found["date"] = normalise_date(found["date"])
    titles = (head_title, page_title, re.split(r" [|–—:-] ", page_title)[0])
    return PageMeta(found, titles)


def title_sources(tree: HtmlElement) -> list[tuple[str, str]]:
    """("meta", og:title / twitter:title / JSON-LD headline) and ("title", <title>) pairs."""
    found = [("meta", ld_text(item.get("headline"))) for item in read_json_ld(tree)]
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or "").lower()
        if name in ("og:title", "twitter:title"):
            found.append(("meta", squash(meta.get("content") or "")))
    title = tree.findtext(".//title")
    found.append(("title", squash(title or "")))
    unique = {text: source for source, text in reversed(found) if text}
    return [(source, text) for text, source in reversed(unique.items())]


def library_metadata(
    tree: HtmlElement, url: str | None, skip: frozenset[str] = frozenset()
) -> dict[str, str]:
    """trafilatura's `extract_metadata` (its meta tags, JSON-LD, bylines, the <h1>, htmldate
    without guessing from free text), in its order, for the fields we keep: its category,
    tag and licence searches, which cost a third of it, are left out, and so are its byline
    search and htmldate when the page's own metadata gave the author or the date (`skip`):
    the byline search alone costs as much as the rest together."""
    meta = library.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    with suppress(Exception):  # the library's own guard: its JSON-LD reader has bugs
        meta = library.extract_meta_json(tree, meta)
    meta.title = meta.title or library.extract_title(tree)
    if "author" not in skip:
        meta.author = meta.author or find_author(tree)
    meta.url = meta.url or library.extract_url(tree, url)
    date = None
    if "date" not in skip:  # no guessed dates
        from htmldate import find_date  # here: it imports urllib3 (pipeline.extract.library)

        date = find_date(tree, **{**set_date_params(False), "url": meta.url})
    sitename = (meta.sitename or library.extract_sitename(tree) or "").lstrip("@")
    if sitename and "." not in sitename and not sitename[0].isupper():
        sitename = sitename.title()
    elif not sitename and meta.url and (host := library.META_URL.match(meta.url)):
        sitename = host[1]
    fields = {"title": meta.title, "author": meta.author, "date": date, "site_name": sitename}
    fields |= {"description": meta.description, "image": meta.image, "url": meta.url}
    return {key: str(value) for key, value in fields.items() if value}


def normalise_date(value: str) -> str:
    """ISO date-times are cut to their date (2024-09-29T09:00-07:00 -> 2024-09-29)."""
    match = re.match(r"\d{4}-\d{2}-\d{2}(?=$|[T ])", value)
    return match.group(0) if match else value


def read_head_metadata(tree: HtmlElement) -> dict[str, str]:
    """Title, author, date, site name, description, language, image and canonical URL from
    JSON-LD, OpenGraph/meta tags and <link rel=canonical>; JSON-LD wins, then OpenGraph."""
    found: dict[str, str] = {}
    for item in read_json_ld(tree):
        for key, value in json_ld_fields(item).items():
            found.setdefault(key, value)
    metas = {
        (m.get("property") or m.get("name") or "").lower(): squash(m.get("content") or "")
        for m in tree.iter("meta")
    }
    for key, names in META_NAMES.items():
        meta_value = next((metas[n] for n in names if metas.get(n)), "")
        if meta_value:
            found.setdefault(key, meta_value)
    canonical = tree.find(".//link[@rel='canonical']")
    if canonical is not None and canonical.get("href"):
        found.setdefault("url", canonical.get("href", ""))
    language = tree.get("lang") or tree.get("xml:lang")
    if language:
        found.setdefault("language", language)
    title = tree.findtext(".//title")
    if title and squash(title):
        found["page_title"] = squash(title)
    return found


META_NAMES = {
    "title": ("og:title", "twitter:title"),
    "author": ("author", "article:author", "dc.creator"),
    "date": ("article:published_time", "date", "dc.date", "pubdate"),
    "site_name": ("og:site_name", "application-name"),
    "description": ("description", "og:description", "twitter:description"),
    "language": ("og:locale", "content-language"),
    "image": ("og:image", "og:image:url", "twitter:image"),
    "url": ("og:url",),
}


def read_json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """The page's JSON-LD objects (including @graph members); invalid JSON is skipped."""
    items: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                graph = item.get("@graph")
                items.extend(g for g in graph if isinstance(g, dict)) if isinstance(
                    graph, list
                ) else items.append(item)
    return items


def json_ld_fields(item: dict[str, Any]) -> dict[str, str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if not any(isinstance(k, str) and k.endswith(ARTICLE_TYPES) for k in kinds):
        return {}
    fields = {
        "title": ld_text(item.get("headline") or item.get("name")),
        "author": ld_text(item.get("author")),
        "date": ld_text(item.get("datePublished")),
        "site_name": ld_text(item.get("publisher")),
        "description": ld_text(item.get("description")),
        "language": ld_text(item.get("inLanguage")),
        "image": ld_text(item.get("image"), "url"),
        "url": ld_text(item.get("mainEntityOfPage"), "@id") or ld_text(item.get("url")),
    }
    return {k: v for k, v in fields.items() if v}


ARTICLE_TYPES = ("Article", "BlogPosting", "NewsArticle", "Report", "WebPage", "MedicalWebPage")


def ld_text(value: Any, key: str = "name") -> str:
    """A JSON-LD value as text: a string, the `key` of an object, or the first of a list."""
    if isinstance(value, list):
        return ld_text(value[0], key) if value else ""
    if isinstance(value, dict):
        return ld_text(value.get(key), key)
    return squash(value) if isinstance(value, str) else ""


def squash(text: str) -> str:
    """Whitespace collapsed, and HTML entities left in metadata decoded: JSON-LD and
    doubly escaped meta tags often carry "don&#39;t" or "Q&amp;A"."""
    return re.sub(r"\s+", " ", clean_characters(html.unescape(text)).replace("\u00a0", " ")).strip()
