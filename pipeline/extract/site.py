"""Part of stage 2, extract: what a clinic's home page says about the clinic itself, for
`repurpose brand init`: its name, Instagram handle, colours, logo candidates and language.

Pure parsing: the page's HTML in, a `SiteFacts` out. Fetching the page, its stylesheets and
its logos is `commands/brand.py`'s work, through load's safe fetcher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml.html import HtmlElement

from pipeline.extract.metadata import ld_text, read_json_ld
from pipeline.languages import detect_language

ORGANIZATION_TYPES = (
    "Organization", "MedicalOrganization", "MedicalClinic", "MedicalBusiness", "LocalBusiness",
    "Physician", "Dentist", "HealthAndBeautyBusiness", "Hospital", "Optician", "Pharmacy",
)  # fmt: skip
INSTAGRAM_HOSTS = ("instagram.com", "www.instagram.com", "m.instagram.com")
NOT_PROFILES = frozenset({"p", "reel", "reels", "explore", "accounts", "stories", "tv", "about"})
HANDLE = re.compile(r"[A-Za-z0-9._]{1,30}")
HEX = re.compile(r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
RGB = re.compile(r"rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})")
CUSTOM_PROPERTY = re.compile(r"(--[\w-]+)\s*:\s*([^;}{]+)")
BRAND_WORDS = ("primary", "brand", "accent", "main", "theme", "secondary", "highlight")
TITLE_SEPARATORS = re.compile(r"\s+[|–—·:-]\s+")
ICON_RELS = ("apple-touch-icon", "apple-touch-icon-precomposed", "icon", "shortcut icon")


@dataclass(frozen=True)
class Colour:
    """A colour the site uses, and where it was found (for the kit's comment)."""

    hex: str  # #RRGGBB, upper case
    source: str  # "theme-color", "--primary-color", "logo"


@dataclass(frozen=True)
class SiteFacts:
    name: str | None
    name_source: str | None  # "og:site_name", "JSON-LD MedicalClinic", "<title>"
    handle: str | None
    colours: tuple[Colour, ...]  # most telling first
    logos: tuple[str, ...]  # absolute URLs of logo and icon images, most likely first
    stylesheets: tuple[str, ...]  # absolute URLs of linked CSS, for more custom properties
    language: str | None  # the page's lang attribute, e.g. "ko"


def read_site(html: str, url: str) -> SiteFacts:
    tree = lxml.html.fromstring(html) if html.strip() else lxml.html.fromstring("<html/>")
    organization = find_organization(read_json_ld(tree))
    name, name_source = site_name(tree, organization)
    return SiteFacts(
        name=name,
        name_source=name_source,
        handle=instagram_handle(tree, organization),
        colours=(*theme_colours(tree), *css_colours(inline_css(tree))),
        logos=logo_urls(tree, organization, url),
        stylesheets=stylesheet_urls(tree, url),
        language=page_language(tree),
    )


def find_organization(items: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON-LD object describing the clinic (an Organization or a subtype), else {}."""
    for item in items:
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and k in ORGANIZATION_TYPES for k in kinds):
            return item
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and publisher.get("name"):
            return publisher
    return {}


def site_name(tree: HtmlElement, organization: dict[str, Any]) -> tuple[str | None, str | None]:
    """og:site_name, then the JSON-LD organization's name, then the <title> before " | "; and
    which it was."""
    for meta in tree.iter("meta"):
        tag = (meta.get("property") or meta.get("name") or "").lower()
        if tag == "og:site_name" and (name := squash(meta.get("content") or "")):
            return name, "og:site_name"
    if name := ld_text(organization.get("name")):
        return squash(name), f"JSON-LD {ld_text(organization.get('@type')) or 'Organization'}"
    title = TITLE_SEPARATORS.split(squash(tree.findtext(".//title") or ""))[0]
    return (title, "<title>") if title else (None, None)


def instagram_handle(tree: HtmlElement, organization: dict[str, Any]) -> str | None:
    """The first profile linked on the page or in the organization's sameAs, as @name."""
    same_as = organization.get("sameAs")
    links = [str(s) for s in (same_as if isinstance(same_as, list) else [same_as]) if s]
    links += [a.get("href") or "" for a in tree.iter("a")]
    for link in links:
        if handle := handle_from_url(link):
            return handle
    return None


def handle_from_url(link: str) -> str | None:
    parts = urlsplit(link.strip())
    if (parts.hostname or "").lower() not in INSTAGRAM_HOSTS:
        return None
    first = parts.path.strip("/").split("/")[0]
    if first.lower() in NOT_PROFILES or not HANDLE.fullmatch(first):
        return None
    return f"@{first}"


def theme_colours(tree: HtmlElement) -> list[Colour]:
    found = []
    for meta in tree.iter("meta"):
        name = (meta.get("name") or "").lower()
        colour = parse_colour(meta.get("content") or "")
        if name in ("theme-color", "msapplication-tilecolor") and colour:
            found.append(Colour(colour, name))
    return found


def inline_css(tree: HtmlElement) -> str:
    """The page's own <style> blocks and style attributes."""
    blocks = [style.text or "" for style in tree.iter("style")]
    blocks += [element.get("style") or "" for element in tree.iter() if element.get("style")]
    return "\n".join(blocks)


def css_colours(css: str) -> list[Colour]:
    """Colours of CSS custom properties, those named like a brand colour ("--primary") first."""
    found = []
    for name, value in CUSTOM_PROPERTY.findall(css):
        if colour := parse_colour(value):
            found.append(Colour(colour, name))
    unique = {c.hex: c for c in reversed(found)}  # the first place each colour appears
    ranked = sorted(unique.values(), key=lambda c: brand_rank(c.source))
    return [c for c in ranked if brand_rank(c.source) < len(BRAND_WORDS)]


def brand_rank(name: str) -> int:
    lower = name.lower()
    return next((i for i, word in enumerate(BRAND_WORDS) if word in lower), len(BRAND_WORDS))


def parse_colour(value: str) -> str | None:
    """#RGB, #RRGGBB or rgb()/rgba() as #RRGGBB, else None (named colours and var() too)."""
    if match := HEX.search(value):
        digits = match.group(0)[1:]
        digits = "".join(c * 2 for c in digits) if len(digits) == 3 else digits
        return f"#{digits.upper()}"
    if match := RGB.search(value):
        channels = [min(255, int(c)) for c in match.groups()]
        return "#" + "".join(f"{c:02X}" for c in channels)
    return None


def logo_urls(tree: HtmlElement, organization: dict[str, Any], url: str) -> tuple[str, ...]:
    """The JSON-LD logo, <img> elements named like a logo, then the icons, largest first."""
    found = [ld_logo(organization)]
    for img in tree.iter("img"):
        names = " ".join(img.get(k) or "" for k in ("class", "id", "alt", "src")).lower()
        if "logo" in names:
            found.append(img.get("src") or "")
    found += [href for _, href in sorted(icon_links(tree), reverse=True)]
    absolute = [urljoin(url, link.strip()) for link in found if link and link.strip()]
    web = [link for link in absolute if urlsplit(link).scheme in ("http", "https")]
    return tuple(dict.fromkeys(web))


def ld_logo(organization: dict[str, Any]) -> str:
    logo = organization.get("logo")
    if isinstance(logo, dict):
        logo = logo.get("url") or logo.get("contentUrl")
    return logo if isinstance(logo, str) else ""


def icon_links(tree: HtmlElement) -> list[tuple[int, str]]:
    """(declared size, href) of each <link rel="icon"> and apple-touch-icon."""
    icons = []
    for link in tree.iter("link"):
        rel = " ".join((link.get("rel") or "").lower().split())
        if rel in ICON_RELS and link.get("href"):
            sizes = re.findall(r"(\d+)x\d+", link.get("sizes") or "")
            size = max(map(int, sizes)) if sizes else (180 if "apple" in rel else 0)
            icons.append((size, link.get("href") or ""))
    return icons


def stylesheet_urls(tree: HtmlElement, url: str) -> tuple[str, ...]:
    """Linked stylesheets on the site's own host, where its colour variables usually are."""
    host = urlsplit(url).hostname
    found = []
    for link in tree.iter("link"):
        if "stylesheet" in (link.get("rel") or "").lower() and link.get("href"):
            absolute = urljoin(url, link.get("href") or "")
            if urlsplit(absolute).hostname == host:
                found.append(absolute)
    return tuple(dict.fromkeys(found))


def page_language(tree: HtmlElement) -> str | None:
    """The <html lang> code; without one, the language the page's text is written in."""
    code = (tree.get("lang") or "").split("-")[0].split("_")[0].strip().lower()
    if re.fullmatch(r"[a-z]{2,3}", code):
        return code
    text = squash(" ".join(tree.xpath("//body//text()[not(ancestor::script|ancestor::style)]")))
    return detect_language(text) if len(text) > 40 else None


def squash(text: str) -> str:
    return " ".join(text.split())
