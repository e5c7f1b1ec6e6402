"""Part of stage 2, extract: two more hints at a page's title, for the templates that give no
usable <h1> or <title> (a <title> that is only the site's name, an <h1> that is a call to action):

- the last step of the breadcrumb trail ("Home › Services › Karies Frühdiagnostik"): the
  page's own name in its site's map, a voter like <title>;
- the heading in the page's banner ("carousel-caption", "hero", "page-header"), when it is the
  page's first heading: what a reader sees as the title of a page that names none elsewhere.
- the active item of the tabs above the article ("Stroke rehab | Balance | Lymphedema care"),
  the page's own name among its section's pages when the breadcrumb stops at the section.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from pipeline.extract.cleanup import clean_text

CRUMB = re.compile("breadcrumb", re.I)
CRUMB_HOLDERS = ("ol", "ul", "nav")  # a trail is one of these, or their parent names it
CRUMB_SEPARATORS = re.compile(r"\s*[»›>/|→]\s*")
BANNER_CLASS = re.compile(
    r"(?:^|[\s_-])(?:banner|hero|masthead|jumbotron|caption|page-?header|heading)(?:$|[\s_-])",
    re.I,
)
HEADINGS = ("h1", "h2", "h3")
ACTIVE = re.compile(r"(?:^|\s)(?:active|current|on|selected|is-active|current-menu-item)(?:$|\s)")


def crumb_titles(tree: HtmlElement, trails: list[HtmlElement] | None = None) -> list[str]:
    """The last step of each breadcrumb trail on the page (its last <li>, else the last part of
    its text split at the separators), outermost trails only. `trails`: the page's
    crumb_trails, when the caller has them."""
    found: list[str] = []
    trails = crumb_trails(tree) if trails is None else trails
    for trail in trails:
        if any(a in trails for a in trail.iterancestors()):
            continue  # <nav class="breadcrumb"><ol class="breadcrumb-list">: the outer one
        steps = [clean_text(li.text_content()) for li in trail.iter("li")]
        steps = [s for s in steps if s]
        if not steps:
            parts = CRUMB_SEPARATORS.split(clean_text(trail.text_content()))
            steps = [p for p in parts if p]
        if len(steps) >= 1 and steps[-1] not in found:
            found.append(steps[-1])
    return found


def crumb_trails(tree: HtmlElement) -> list[HtmlElement]:
    """The lists and navs whose class, id or aria-label names a breadcrumb, or whose parent's
    does (<div class="breadcrumbs"><ul>): looking at these few elements, not at every
    element's attributes, costs a tenth as much."""
    trails: list[HtmlElement] = []
    for element in tree.iter(*CRUMB_HOLDERS):
        parent = element.getparent()
        for holder in (element, parent):
            if holder is not None and CRUMB.search(names(holder)) and holder not in trails:
                trails.append(holder)
                break
    return trails


def names(element: HtmlElement) -> str:
    return " ".join(element.get(key) or "" for key in ("class", "id", "aria-label"))


def banner_heading(tree: HtmlElement) -> str:
    """The page's first heading when it sits in a banner (an element whose class names a
    banner, hero, caption or page header): the title of a page with no other."""
    first = next((h for h in tree.iter(*HEADINGS) if not in_page_chrome(h)), None)
    if first is None:
        return ""
    for element in (first, *first.iterancestors()):
        if element.tag in ("body", "html"):
            break
        if BANNER_CLASS.search(element.get("class") or ""):
            return clean_text(" ".join(str(t) for t in first.xpath(".//text()")))
    return ""


def in_page_chrome(element: HtmlElement) -> bool:
    return any(a.tag in ("nav", "footer", "aside") for a in element.iterancestors())


def active_tab(tree: HtmlElement) -> str:
    """The page's own item in a list of tabs inside the content: the last list item marked
    active or current (`<li class="active">`, `aria-current="page"`) outside the site's nav,
    header and footer and outside a breadcrumb trail. Template sites draw a section's pages
    as tabs above the article ("성인운동치료 | ... | 림프부종치료"), under a banner and a
    breadcrumb that name only the section."""
    found = ""
    for item in tree.iter("li"):
        if not marked_current(item) or any(outside_content(a) for a in item.iterancestors()):
            continue
        text = clean_text(item.text_content())
        found = text if text and len(text.split()) <= TAB_WORDS else found
    return found


def marked_current(item: HtmlElement) -> bool:
    link = next(item.iter("a"), None)
    for element in (item, link):
        if element is not None and (
            ACTIVE.search(element.get("class") or "")
            or element.get("aria-current") in ("page", "true")
        ):
            return True
    return False


def outside_content(element: HtmlElement) -> bool:
    return element.tag in ("nav", "header", "footer") or bool(CRUMB.search(names(element)))


TAB_WORDS = 8  # a longer item is no tab's label
