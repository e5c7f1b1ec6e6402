"""Part of stage 2, extract: a React/Next.js component whose article is written in JSX, as HTML.

The markup the component returns is kept; imports and code around it go. Expressions go too,
except strings (`{"text"}`, `{'text'}` and template literals, whose `${…}` parts go): they
are text the reader sees. Components are read by their names, the way a person would:
`<Heading2>` is an `<h2>`, `<Paragraph>` a `<p>`, `<ListItem>` an `<li>`, `<Bold>` a
`<strong>`; any other component is a `<div>`. `className` becomes `class`.
Markup that shows almost no text (`<ServicePage title="…" sections={[…]} />`) takes the
texts of the component's data instead (datatext.py).
"""

from __future__ import annotations

import html
import re

from pipeline.extract.datatext import data_html, expression_text, thin_markup
from pipeline.extract.headline import part_heading, usable_title
from pipeline.extract.jsx_consts import element_end, markup_consts, with_consts
from pipeline.extract.prop_titles import prop_titles, tag_end

RETURN_MARKUP = re.compile(r"\breturn\s*\(?\s*(?=<)")
ELEMENT_PROP = re.compile(r"(?<=[\w-])=\s*(?=<[A-Za-z])")
# the header of a part of the text (a question of an accordion, a card's), never the page's
# own (`Layout.Header`, the site's bar)
PART_HEADER = re.compile(r"(?:Accordion|Card|Panel|Collapse|Disclosure|Faq|FAQ)\w*\.Header$")
COMPONENT_TAG = re.compile(r"<(/?)([A-Z][\w.]*)")
JSX_COMMENT = re.compile(r"\{\s*/\*.*?\*/\s*\}", re.DOTALL)
FRAGMENT = re.compile(r"<(/?)>")
DEFAULT_EXPORT = re.compile(r"\bexport\s+default\s+(?:function\s+|class\s+)?([A-Z]\w*)")
COMPONENT_DEFINITION = re.compile(r"\b(?:const|function|class)\s+([A-Z]\w*)\s*[:=(<{]")
CAMEL_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")  # "TMJPain" -> TMJ, Pain
GENERIC_NAME_WORDS = frozenset(
    [
        "page",
        "post",
        "blog",
        "article",
        "articles",
        "content",
        "component",
        "section",
        "screen",
        "view",
        "template",
        "layout",
        "index",
        "app",
        "main",
        "default",
        "props",
        "container",
        "wrapper",
    ]
)
# Component names to HTML tags, by the words in the name (first match wins).
COMPONENT_NAMES = (
    (re.compile(r"^(?:Heading|H|Title)([1-6])$"), "h"),
    (re.compile(r"Sub(?:title|heading)|Heading|Headline"), "h2"),
    (re.compile(r"Title"), "h1"),
    (re.compile(r"Paragraph|^P$|^Text$|Lead"), "p"),
    (re.compile(r"ListItem|^Li$|^Item$"), "li"),
    (re.compile(r"(?<!Un)OrderedList|^Ol$|NumberedList"), "ol"),
    (re.compile(r"List$|^Ul$"), "ul"),
    (re.compile(r"Bold|Strong"), "strong"),
    (re.compile(r"Italic|^Em$|Emphasis"), "em"),
    (re.compile(r"Quote"), "blockquote"),
    (re.compile(r"Link$|^A$|Anchor"), "a"),
    (re.compile(r"Image|Img|Picture|Icon"), "img"),
)


def jsx_to_html(source: str) -> str:
    """The HTML a JSX component renders, as far as it can be read without running it."""
    source = drop_element_props(source)  # before the markup's end is looked for
    match = RETURN_MARKUP.search(source)
    start = match.end() if match else source.find("<")
    end = (element_end(source, start) if start >= 0 else None) or source.rfind(">") + 1
    markup = source[max(start, 0) : end] if end > start >= 0 else ""
    markup = with_consts(markup, markup_consts(source, max(start, 0)))
    markup, document_title = prop_titles(JSX_COMMENT.sub("", markup))
    markup = replace_expressions(markup)
    markup = FRAGMENT.sub(r"<\1div>", markup)
    markup = COMPONENT_TAG.sub(lambda m: f"<{m.group(1)}{html_tag(m.group(2))}", markup)
    markup = re.sub(r"\bclassName=", "class=", markup)
    title = metadata_title(source) or document_title or None
    title = title or (None if shows_title(markup) else component_title(source))
    head = f"<title>{html.escape(title)}</title>" if title else ""
    if thin_markup(markup):  # the words are the data a shared component draws
        data_head, data_body = data_html(source)
        head, markup = data_head or head, markup + data_body
    return f"<html><head>{head}</head><body><article>{markup}</article></body></html>"


def drop_element_props(markup: str) -> str:
    """A prop whose value is an element (`image=<StaticImage src="…" />`) with an empty
    value: the element's "/>" would end the tag it stands in (and the element whose end is
    looked for), and the rest of the tag would be read as text."""
    out: list[str] = []
    done = 0
    for match in ELEMENT_PROP.finditer(markup):
        if match.start() < done:
            continue
        end = tag_end(markup, match.end() + 1)
        if markup[end - 2 : end] == "/>":
            out += [markup[done : match.start()], '=""']
            done = end
    return "".join(out) + markup[done:]


NEXT_METADATA = re.compile(r"\bexport\s+const\s+metadata\b[^=]{0,40}=\s*(?=\{)")
METADATA_TITLE = re.compile(r"^\s*title\s*:\s*([\"'`])(?P<title>(?:(?!\1)[^\n\\])+)\1", re.M)


def metadata_title(source: str) -> str | None:
    """The <title> a Next.js page sets in `export const metadata = { title: "…" }`."""
    match = NEXT_METADATA.search(source)
    if match is None:
        return None
    block = source[match.end() : closing_brace(source, match.end()) + 1]
    found = METADATA_TITLE.search(block)
    return html.unescape(found.group("title")).strip() or None if found else None


def component_title(source: str) -> str | None:
    """The component's name made readable, the title a reader of the page would give it
    ("ColpoDellaStrega" -> "Colpo Della Strega", "SciaticaPage" -> "Sciatica"): the default
    export's name, else the first component defined. A page without an <h1> has no other
    title; a name of only generic words ("BlogPost", "Page") gives none."""
    names = DEFAULT_EXPORT.findall(source) + COMPONENT_DEFINITION.findall(source)
    for name in names:
        words = [w for w in CAMEL_WORD.findall(name) if w.lower() not in GENERIC_NAME_WORDS]
        if words:
            return " ".join(words)
    return None


def shows_title(markup: str) -> bool:
    """The markup shows a heading that can be the page's title: not a call to action or a
    part of the story ("Cos'è l'Osteopatia?", not "PERCHE' SUCCEDE?"), and an <h1> or a
    heading above the first paragraph, not one of the body's subheadings ("Controllo del
    dolore" after the story's opening paragraphs). A reader sees it as the title, not the
    component's name, which is the developer's word."""
    first = PARAGRAPH.search(markup)
    top = first.start() if first else len(markup)
    for match in MARKUP_HEADING.finditer(markup):
        if match.group(1) != "1" and match.start() > top:
            continue
        text = html.unescape(" ".join(re.sub(r"<[^>]*>", " ", match.group(2)).split()))
        if usable_title(text) and not part_heading(text):
            return True
    return False


MARKUP_HEADING = re.compile(r"<h([1-3])\b[^>]*>(.*?)</h\1\s*>", re.S | re.I)
PARAGRAPH = re.compile(r"<p\b", re.I)


def html_tag(component: str) -> str:
    if PART_HEADER.search(component):  # a part's header (Accordion.Header) holds its heading
        return "h3"
    name = component.rsplit(".", 1)[-1]
    for pattern, tag in COMPONENT_NAMES:
        match = pattern.search(name)
        if match:
            return tag + (match.group(1) if match.groups() else "")
    return "div"


def replace_expressions(markup: str) -> str:
    """Each top-level `{…}`: a string's text, or nothing (code, comments, attribute values)."""
    out: list[str] = []
    n = 0
    while n < len(markup):
        if markup[n] != "{":
            out.append(markup[n])
            n += 1
            continue
        end = closing_brace(markup, n)
        inner = markup[n + 1 : end]
        out.append('""' if out and out[-1] == "=" else expression_text(inner))
        n = end + 1
    return "".join(out)


def closing_brace(text: str, start: int) -> int:
    """The index of the brace closing the one at `start`, skipping strings; the end if none."""
    depth = 0
    quote = ""
    n = start
    while n < len(text):
        char = text[n]
        if quote:
            if char == "\\":
                n += 1
            elif char == quote:
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return n
        n += 1
    return len(text) - 1
