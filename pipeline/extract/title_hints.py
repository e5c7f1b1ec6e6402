"""Part of stage 2, extract: two more hints at a page's title, for the templates that give no
usable <h1> or <title> (a <title> that is only the site's name, an <h1> that is a call to action):

- the last step of the breadcrumb trail ("Home › Services › Karies Frühdiagnostik"): the
  page's own name in its site's map, a voter like <title>;
- the heading in the page's banner ("carousel-caption", "hero", "page-header"), when it is the
  page's first heading: what a reader sees as the title of a page that names none elsewhere.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from pipeline.extract.cleanup import clean_text

CRUMB_TRAIL = (
    "//*[contains(translate(@class, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')"
    " or contains(translate(@aria-label, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')"
    " or contains(translate(@id, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')]"
)
CRUMB_SEPARATORS = re.compile(r"\s*[»›>/|→]\s*")
BANNER_CLASS = re.compile(
    r"(?:^|[\s_-])(?:banner|hero|masthead|jumbotron|caption|page-?header|heading)(?:$|[\s_-])",
    re.I,
)
HEADINGS = ("h1", "h2", "h3")


def crumb_titles(tree: HtmlElement) -> list[str]:
    """The last step of each breadcrumb trail on the page (its last <li>, else the last part of
    its text split at the separators), outermost trails only."""
    found: list[str] = []
    trails = tree.xpath(CRUMB_TRAIL)
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
