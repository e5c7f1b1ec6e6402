"""Part of stage 2, extract: a post kept in a Ruby data file, as the page it would show.

Rails sites often keep their blog in seeds, not in HTML or Markdown: `Post.create!(title: "…",
body: <<~HTML … HTML)`, `post = { title: '…', content: <<BODY … BODY }`, `p.body = %Q{…}`.
The strings are read by their keys (rubylex.py), as datatext.py reads a component's data:

- `title`, `headline` (and `titulo`, `titre`, `titel`, `titolo`): the headline; `heading`,
  `subtitle` inside a post's sections: a subheading; a post's own `subtitle`: its dek;
- `body`, `content`, `text`, `html`, `markdown`, `intro` (`body_html`, `content_es` …): the
  article, in the order written; a list's strings are its items;
- `description`, `excerpt`, `summary`: the description, or the article when the post has
  no body; `meta_title`, `seo_description` …: the page's <title> and description;
- never code: slugs, paths, addresses, ids, images, classes, button labels.

A body that holds HTML makes an HTML page; one in Markdown (or plain paragraphs) a Markdown
page, its title and description in front matter. A file of several posts gives the first
that has an article (a seed that makes categories or users first skips them).
"""

from __future__ import annotations

import html
import json
import re
import textwrap
from dataclasses import dataclass, field, replace
from typing import Literal

from pipeline.extract.datatext import (
    CODE_KEYS,
    LONG_ITEM_WORDS,
    PARAGRAPH_WORDS,
    WORDS,
    prose,
)
from pipeline.extract.rubylex import RubyString, ruby_strings
from pipeline.models import ExtractError, Page

TITLE_WORDS = frozenset(("title", "headline", "h1", "titulo", "título", "titre", "titel", "titolo"))
HEADING_WORDS = frozenset(("heading", "subtitle", "subheading", "subtitulo", "subtítulo"))
HEADING_WORDS |= frozenset(f"h{n}" for n in range(2, 7))
BODY_WORDS = frozenset(
    ("body", "content", "contents", "text", "texts", "html", "markdown", "article", "copy")
).union(
    ("paragraph", "paragraphs", "intro", "introduction", "lead", "lede"),
    ("contenido", "cuerpo", "texto", "contenu", "corps", "texte", "inhalt", "conteudo"),
    ("corpo", "testo", "contenuto"),
)
SUMMARY_WORDS = frozenset(("description", "excerpt", "summary", "abstract", "teaser", "dek")).union(
    ("descripcion", "descripción", "resumen", "extracto", "résumé", "resume", "beschreibung"),
    ("zusammenfassung", "descrizione", "riassunto", "sommario", "descricao", "descrição"),
    ("resumo",),
)
LIST_WORDS = frozenset(("items", "list", "points", "bullets", "tips", "steps"))
# a key's trailing words that say its format or language, not what it is (`body_html`, `title_es`)
FORMAT_WORDS = frozenset(("html", "md", "markdown", "rich", "raw", "plain", "full", "long"))
# language codes that keys of a post written in several languages end with (`title_es`)
LOCALES = frozenset(
    ("en", "es", "fr", "de", "pt", "it", "ja", "ko", "ca", "eu", "gl", "nl", "pl", "ru", "zh")
)
META_WORDS = frozenset(("meta", "seo", "og"))
# keys of a page's furniture: their strings are never the article
CHROME_WORDS = frozenset(
    ("button", "cta", "link", "label", "alt", "caption", "placeholder", "hint", "tooltip")
).union(
    ("error", "message", "notice", "flash", "email", "password"),
)
KEY_WORD = re.compile(r"[^\W_]+")
# block elements: a body with them is HTML (Markdown keeps inline ones: <br>, <strong>)
HTML_BLOCK = re.compile(
    r"<(?:p|h[1-6]|ul|ol|li|div|section|article|blockquote|table|figure|main)\b[^>]*>", re.I
)
# what is not words in a body: tags, addresses, Markdown's link, heading, list and bold marks
MARKUP = re.compile(
    r"<[^>]*>|\S*https?://\S*|!?\[|\]\([^)]*\)|^\s*(?:[#>*+-]+|\d+\.)\s|\*\*|`", re.M
)
MARKDOWN_LINE = re.compile(r"^(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>\s)|\*\*\S|\]\(", re.M)


@dataclass
class Post:
    home: int  # the bracket that holds the post's own keys (-1: the file's top level)
    strings: list[tuple[RubyString, str]] = field(default_factory=list)  # with their roles
    keys: set[str] = field(default_factory=set)  # its own keys, so a repeat starts a new post
    language: str = ""  # the first language code its keys name, if any


def ruby_page(page: Page) -> Page:
    """The first post of a Ruby data file as an HTML or Markdown page; a file without one
    has no article."""
    post = first_post(posts(ruby_strings(page.text)))
    if post is None:
        raise ExtractError(f"{page.origin}: no article text found on the page")
    text, kind = post_page(post)
    return replace(page, text=text, kind=kind)


def key_role(key: str) -> str:
    """What a key's string is: "title", "heading", "body", "summary", "list", "meta-title",
    "meta-description", or "" (code, furniture, or any other data)."""
    words = KEY_WORD.findall(re.sub(r"(?<=[a-z])(?=[A-Z])", "_", key).lower().replace("_", " "))
    if not words or CODE_KEYS.search(key) or CHROME_WORDS.intersection(words):
        return ""
    if words[0] in META_WORDS:
        if TITLE_WORDS.intersection(words):
            return "meta-title"
        return "meta-description" if SUMMARY_WORDS.intersection(words) else ""
    while len(words) > 1 and (words[-1] in FORMAT_WORDS or re.fullmatch("[a-z]{2}", words[-1])):
        words.pop()  # body_html, title_es
    last = words[-1]
    for role, vocabulary in (
        ("title", TITLE_WORDS),
        ("heading", HEADING_WORDS),
        ("body", BODY_WORDS),
        ("summary", SUMMARY_WORDS),
        ("list", LIST_WORDS),
    ):
        if last in vocabulary:
            return "heading" if role == "title" and "sub" in words else role
    return ""


def posts(strings: list[RubyString]) -> list[Post]:
    """The file's posts: each is the strings of the outermost bracket that holds a post's
    own keys (a hash, a call's arguments, the file's top level), with those nested in it;
    at one level, a key given again starts the next post (`p.title = …` in a loop body).
    A post written in several languages keeps the first (`title_es` before `title_en`)."""
    localised = [translated(s) for s in strings]
    kept = [(s, role, lang) for s, lang in localised if (role := key_role(s.key))]
    kept = [(s, role, lang) for s, role, lang in kept if WORDS.search(s.text)]
    holders = {home_bracket(s) for s, role, _ in kept if role in ("title", "body", "summary")}
    found: list[Post] = []
    for string, role, lang in kept:
        chain = (-1, *string.chain)
        home = next((c for c in chain if c in holders), chain[-1])
        own = home_bracket(string) == home and not string.in_array
        key = f"{string.key}/{lang}"
        if not found or found[-1].home != home or (own and key in found[-1].keys):
            found.append(Post(home))
        post = found[-1]
        post.language = post.language or lang
        if lang and lang != post.language:
            continue  # the same post in another language
        if own:
            post.keys.add(key)
        post.strings.append((string, role))
    return found


def translated(string: RubyString) -> tuple[RubyString, str]:
    """A string given under a language's code, and that language: `title: { es: "…" }` is
    read as given under `title` (in the post's own hash), `body_en` stays as it is."""
    code = string.key.lower().replace("-", "_")
    if string.parent and code[:2] in LOCALES and re.fullmatch(r"[a-z]{2}(?:_[a-z]{2})?", code):
        return replace(string, key=string.parent, chain=string.chain[:-1]), code[:2]
    words = KEY_WORD.findall(code.replace("_", " "))
    return string, (words[-1] if len(words) > 1 and words[-1] in LOCALES else "")


def home_bracket(string: RubyString) -> int:
    return string.chain[-1] if string.chain else -1


def first_post(found: list[Post]) -> Post | None:
    """The first post with an article body; else the first with a description; else none."""
    for roles in (("body", "list"), ("summary",)):
        for post in found:
            if any(role in roles and shown(s, role) for s, role in post.strings):
                return post
    return None


def shown(string: RubyString, role: str) -> bool:
    """A body string a reader sees: words once its markup, addresses and Markdown marks are
    out, long enough to be a paragraph (a list's items may be short); never a path, an
    address or a class list."""
    plain = " ".join(MARKUP.sub(" ", string.text).split())
    if not prose(plain):
        return False
    return string.in_array or role == "list" or len(plain.split()) >= PARAGRAPH_WORDS


def is_html(text: str) -> bool:
    """A body written in HTML rather than in Markdown or plain paragraphs."""
    tags = len(HTML_BLOCK.findall(text))
    return tags > 0 and tags >= len(MARKDOWN_LINE.findall(text))


def post_page(post: Post) -> tuple[str, Literal["html", "markdown"]]:
    """The post as the text of an HTML or a Markdown page, and which of the two."""
    title = meta_title = description = meta_description = ""
    parts: list[tuple[str, str]] = []  # ("h", text), ("html", markup), ("md", text), ("li", text)
    has_body = any(role in ("body", "list") and shown(s, role) for s, role in post.strings)
    for string, role in post.strings:
        text = string.text.strip()
        own = home_bracket(string) == post.home and not string.in_array
        if role == "title" and not title and own:
            title = " ".join(text.split())
        elif role == "meta-title":
            meta_title = meta_title or " ".join(text.split())
        elif role == "meta-description":
            meta_description = meta_description or " ".join(text.split())
        elif role == "heading" and own:
            description = description or " ".join(text.split())  # the post's own dek
        elif role == "title" and own:
            continue  # a second title: the same post in another language (`title_en`)
        elif role in ("title", "heading") and len(text.split()) < LONG_ITEM_WORDS:
            parts.append(("h", " ".join(text.split())))
        elif role == "summary" and has_body:
            description = description or " ".join(text.split())
        elif role in ("body", "list", "summary") and shown(string, role):
            parts.append(body_part(string, role))
    description = meta_description or description
    if any(kind == "html" for kind, _ in parts):
        return html_page(title, meta_title or title, description, parts), "html"
    return markdown_page(title or meta_title, description, parts), "markdown"


def body_part(string: RubyString, role: str) -> tuple[str, str]:
    text = string.text.strip()
    if is_html(text):
        return "html", text
    if string.in_array or role == "list":
        words = len(text.split())
        long = words >= LONG_ITEM_WORDS and text.endswith((".", "!", "?", "。"))
        return ("md" if long else "li"), " ".join(text.split())
    return "md", flush_left(string.text)


def flush_left(text: str) -> str:
    """A string's lines without the indentation of the code around it, which Markdown would
    read as a code block: a `<<-` heredoc's, or a `%{…}` string's continued lines."""
    text = textwrap.dedent(text.strip("\n"))
    first, _, rest = text.partition("\n")
    return (first.strip() + "\n" + textwrap.dedent(rest)).strip() if rest else first.strip()


def html_page(title: str, head_title: str, description: str, parts: list[tuple[str, str]]) -> str:
    head = f"<title>{html.escape(head_title)}</title>" if head_title else ""
    if description:
        head += f'<meta name="description" content="{html.escape(description)}">'
    body = [f"<h1>{html.escape(title)}</h1>"] if title else []
    in_list = False
    for kind, text in parts:
        if (kind == "li") != in_list:
            body.append("<ul>" if kind == "li" else "</ul>")
            in_list = kind == "li"
        if kind == "html":
            body.append(text)
        elif kind == "md":
            body += [f"<p>{html.escape(p)}</p>" for p in re.split(r"\n\s*\n", text) if p.strip()]
        else:
            tag = "h2" if kind == "h" else "li"
            body.append(f"<{tag}>{html.escape(text)}</{tag}>")
    if in_list:
        body.append("</ul>")
    return f"<html><head>{head}</head><body><article>{''.join(body)}</article></body></html>"


def markdown_page(title: str, description: str, parts: list[tuple[str, str]]) -> str:
    front = [
        f"{key}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in (("title", title), ("description", description))
        if value
    ]
    lines = ["---", *front, "---", ""] if front else []
    previous = ""
    for kind, text in parts:
        if kind == "h":
            lines += ["", f"## {text}", ""]
        elif kind == "li":
            lines += ["", f"- {text}"] if previous != "li" else [f"- {text}"]
        else:
            lines += ["", text, ""]
        previous = kind
    return "\n".join(lines) + "\n"
