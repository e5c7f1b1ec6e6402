"""Part of stage 2, extract: a component's article written as data, not as markup.

React and Vue sites often keep a page's words in the component's data and let a shared
component draw them: props of a `<ServicePage title="…" overview="…" sections={[…]}>`, an
array of `{heading: '…', items: ['…']}` objects, a Vue `ref({title: '…', text: ['…']})` or
`data()`. The markup then holds no text of its own. When it holds too little, the strings of
the component's data are read in their order, by their keys, the way a template would show
them:

- `title`, `heading`, `headline`, `subtitle` ...: a heading (the first `title` the page's <h1>);
- `metaTitle`, `metaDescription`: the page's <title> and description;
- a string in an array: a list item, or a paragraph when it is a long sentence;
- any other string of words: a paragraph;
- never code: class lists, paths, addresses, identifiers, `src`, `alt`, `href`, `className`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from pipeline.extract.templates import KEY

TOKEN = re.compile(
    r"(?P<comment>//[^\n]*|/\*.*?\*/)"
    # a JSX attribute's "..." may run over lines, a JavaScript '...' may not
    r"|(?P<string>\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)"
    r"|(?P<key>[A-Za-z_$][\w$]*)\s*(?::|=(?![=>])\s*\{?)"
    r"|(?P<open>[\[{(])|(?P<close>[\]})])",
    re.S,
)
STRING = re.compile(
    r"\A\s*(?:\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`)\s*\Z", re.S
)
# a translation call whose argument is the text in the source language (i18next's `t("…")`,
# WordPress's `__("…", "theme")`, Vue's `$t("…")`): the text the page shows, as a
# template's (templates.py)
TRANSLATED = re.compile(
    r"\A\s*(?:i18n\.|intl\.)?(?:t|__|_|\$t|translate)\(\s*"
    r"(?:\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'|`((?:[^`\\$]|\\.)*)`)\s*(?:,[^()]*)?\)\s*\Z",
    re.S,
)
TEMPLATE_PART = re.compile(r"\$\{[^{}]*\}")
TITLE_KEYS = re.compile(r"^(?:title|heading|headline|subtitle|subheading|h[1-6])$", re.I)
META_KEYS = {"metatitle": "title", "metadescription": "description", "seotitle": "title"}
# keys whose value is code or an address, never text the reader sees as prose
CODE_KEYS = re.compile(
    r"(?:^|_)(?:class(?:name)?|style|src|href|to|url|path|canonical|id|key|slug|type|variant"
    r"|color|icon|image|img|alt|as|rel|target|lang|locale|name|component|layout|route|link)$"
    r"|(?:Alt|Src|Url|Href|Image|Img|Icon|Class|Id|Path)$",
    re.I,
)
WORDS = re.compile(r"[^\W\d_]{2,}")
# an HTML element's opening tag, its quoted or braced attribute values read whole: its
# attributes (<iframe title="Map">, aria-label) are no text of the page, unlike the props of a
# component (<ServicePage title="...">)
ELEMENT_TAG = re.compile(r"""<[a-z][\w-]*(?:"[^"]*"|'[^']*'|\{[^{}]*\}|[^'"{}>])*>""")
PARAGRAPH_WORDS = 5  # a shorter string outside a list is a label, a name or an address
CLASS_WORD = re.compile(r"^[a-z0-9:_\[\]/.!#%-]+$")
LONG_ITEM_WORDS = 20  # a sentence this long in an array is a paragraph of text, not a list item
THIN_CHARS = 200  # markup with less text than this draws its words from data


@dataclass(frozen=True)
class Text:
    key: str
    text: str
    in_array: bool


def data_texts(source: str) -> list[Text]:
    """The component's string literals with the key they are given under, in source order."""
    found: list[Text] = []
    stack: list[tuple[str, str]] = []  # open bracket, the key it was given under
    pending, pending_end = "", -1
    source = ELEMENT_TAG.sub(" ", source)
    for match in TOKEN.finditer(source):
        kind, value = match.lastgroup, match.group()
        if pending and source[pending_end : match.start()].strip():
            pending = ""  # something else came between the key and this token
        if kind == "key":
            pending, pending_end = match.group("key"), match.end()
            continue
        if kind == "open":
            stack.append((value, pending if value != "(" else ""))
        elif kind == "close":
            opener = {"]": "[", "}": "{", ")": "("}[value]
            while stack and stack.pop()[0] != opener:
                pass
        elif kind == "string":
            array = bool(stack) and stack[-1][0] == "[" and not pending
            key = pending or (stack[-1][1] if array else "")
            if key or array:  # a string of no key is code: "use client", an import's path
                found.append(Text(key, literal_text(value), array))
        pending = ""
    return found


def literal_text(literal: str) -> str:
    """A data string's words on one line."""
    return " ".join(expression_text(literal).split())


def expression_text(inner: str) -> str:
    """What a JavaScript string literal shows (a space for any other expression): its quotes,
    `${…}` parts and escapes taken out; the same for the string of a translation call."""
    match = STRING.match(inner) or TRANSLATED.match(inner)
    if not match:
        return " "
    text = next(g for g in match.groups() if g is not None)
    if match.re is TRANSLATED and KEY.fullmatch(text.strip()):
        return " "  # a key into a translation file, not the text shown
    return TEMPLATE_PART.sub("", text).replace("\\n", "\n").replace("\\", "")


def data_html(source: str) -> tuple[str, str]:
    """The <head> and <body> markup of the component's data texts."""
    head: list[str] = []
    body: list[str] = []
    in_list = False
    has_h1 = False
    for item in data_texts(source):
        tag = text_tag(item)
        if not tag:
            continue
        text = html.escape(item.text)
        if tag in ("title", "description"):
            head.append(
                f"<title>{text}</title>"
                if tag == "title"
                else f'<meta name="description" content="{text}">'
            )
            continue
        if tag == "h" and not has_h1 and item.key.lower() == "title":
            tag, has_h1 = "h1", True
        elif tag == "h":
            tag = "h2"
        if (tag == "li") != in_list:
            body.append("<ul>" if tag == "li" else "</ul>")
            in_list = tag == "li"
        body.append(f"<{tag}>{text}</{tag}>")
    if in_list:
        body.append("</ul>")
    return "".join(head), "".join(body)


def text_tag(item: Text) -> str:
    """How a data string shows: "h", "p", "li", "title", "description", or "" (code)."""
    meta = META_KEYS.get(item.key.lower())
    if meta:
        return meta
    if (item.key and CODE_KEYS.search(item.key)) or not WORDS.search(item.text):
        return ""
    if TITLE_KEYS.match(item.key):
        return "h"
    if not prose(item.text):
        return ""
    if item.in_array:
        words = len(item.text.split())
        long = words >= LONG_ITEM_WORDS and item.text.endswith((".", "!", "?", "。"))
        return "p" if long else "li"
    return "p" if len(item.text.split()) >= PARAGRAPH_WORDS else ""


def prose(text: str) -> bool:
    """Words a reader sees: two words or more, not a list of classes, a path or an address."""
    words = text.split()
    if len(words) < 2 or re.search(r"https?://|^[./@~#]|\.(?:jpe?g|png|svg|webp|css|js)\b", text):
        return False
    coded = sum(1 for w in words if CLASS_WORD.match(w) and re.search(r"[-:\d]", w))
    return not all(CLASS_WORD.match(w) for w in words) or coded * 2 < len(words)


def thin_markup(markup: str) -> bool:
    """The markup shows less text than an article has."""
    text = re.sub(r"<[^>]*>", " ", markup)
    return len(" ".join(text.split())) < THIN_CHARS
