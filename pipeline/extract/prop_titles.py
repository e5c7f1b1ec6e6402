"""Part of stage 2, extract: the title a page's component sets by its props.

A React, Astro or Vue page often leaves its title to a shared component: the layout sets the
browser's <title> (`<ArticleLayout title="Back pain | Clinic">`, `<PageHead title="…">`), and a
header draws the visible one (`<PageHeader title="…" />`, `<ClinicHeader title="…" />`, a
layout's `h1="…"` prop). Read as markup, these are attributes of an unknown tag, and the page
would have no title or take a section's heading for it. So the first header's title prop (or an
`h1` prop, or a prop named for the banner it fills, `bannerTitle="…"` or `heroTitle="…"`, of
any component) becomes an <h1> where the component stands, and a layout's or head's title prop
the page's <title>. A section's or a card's header (`<SectionHeader title="Symptoms">`) is neither,
nor the site's own header (`<Header title="Clinic">`), which names the site on every page.
"""

from __future__ import annotations

import html
import re

COMPONENT_OPEN = re.compile(r"<([A-Z][\w.]*)(?=[\s/>])")
PROP = re.compile(
    r"(?<![\w.:-])(?P<name>h1|title|heading|headline|pageTitle|(?:banner|hero|header|masthead)Title)"
    r"\s*=\s*"
    r"(?:\"(?P<a>[^\"]*)\"|'(?P<b>[^']*)'|\{\s*([\"'`])(?P<c>(?:(?!\4)[^\\\n])*)\4\s*\})"
)
# a prop that names the banner it fills is the visible title whatever the component's name:
# `<Service bannerTitle="Sciatica">`, `<Layout heroTitle="…">`
BANNER_PROP = re.compile(r"(?:banner|hero|header|masthead)Title")
HEADER = re.compile(r"Header|Hero|Banner|Masthead|Page(?:Title|Heading)|Jumbotron")
DOCUMENT = re.compile(r"Layout|Head|Seo|SEO|Meta|Document|Page$")
NOT_THE_PAGES = re.compile(
    r"Section|Card|Sub|Item|Modal|Dialog|Footer|Nav|Menu|Sidebar|Table|Tab|Accordion|List"
)
# the site's own header, on every page, names the site, not the page: `<Header title="Clinic">`
SITE_HEADER = re.compile(r"^(?:Site|App|Main|Top|Global|Layout)?Header$")
MAX_TAG = 4000  # a component's opening tag is never longer


def prop_titles(markup: str) -> tuple[str, str]:
    """The markup with the visible title a component's props set as an <h1> where the
    component opens, and the document title they set (or "")."""
    document, visible = "", False
    out: list[str] = []
    start = 0
    for match in COMPONENT_OPEN.finditer(markup):
        if match.start() < start:
            continue
        name = match.group(1).rsplit(".", 1)[-1]
        end = tag_end(markup, match.end())
        props = {m.group("name"): prop_value(m) for m in PROP.finditer(markup[match.end() : end])}
        props = {key: value for key, value in props.items() if value}
        if not props or NOT_THE_PAGES.search(name):
            continue
        shown = (
            props.get("h1")
            or (banner_title(props) if not SITE_HEADER.match(name) else None)
            or (
                (props.get("title") or props.get("heading") or props.get("headline"))
                if HEADER.search(name) and not SITE_HEADER.match(name)
                else None
            )
        )
        if shown and not visible:
            visible = True
            closing = markup[end - 2 : end] == "/>"
            out += [markup[start:end] if not closing else markup[start : match.start()]]
            out.append(f"<h1>{html.escape(shown)}</h1>")
            start = end
        if not document and DOCUMENT.search(name) and not HEADER.search(name):
            document = props.get("title") or props.get("pageTitle") or ""
    return "".join([*out, markup[start:]]), document


def banner_title(props: dict[str, str]) -> str | None:
    return next((value for key, value in props.items() if BANNER_PROP.fullmatch(key)), None)


def prop_value(match: re.Match[str]) -> str:
    raw = match.group("a") or match.group("b") or match.group("c") or ""
    return " ".join(html.unescape(raw).split())


def tag_end(markup: str, n: int) -> int:
    """The index just after the `>` that closes the tag, skipping quoted and braced values."""
    depth = 0
    quote = ""
    limit = min(len(markup), n + MAX_TAG)
    while n < limit:
        char = markup[n]
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif char == ">" and depth == 0:
            return n + 1
        n += 1
    return n
