"""Part of stage 2, extract: a Markdown file's front matter, and an article kept inside it.

Front matter is YAML between `---` lines (Jekyll, Astro, Eleventy, Gatsby, Hexo, Nuxt) or
TOML between `+++` lines (Hugo). Some CMSs (Statamic, Tiptap-based editors) keep the whole
article in the front matter as a ProseMirror document: nodes `{type: heading | paragraph |
bulletList | orderedList | listItem | blockquote | text, content: [...], attrs, marks}`. That
document is written out as HTML, in the order it appears, so it reads like any other body.
Others (Hugo, Netlify CMS, Forestry) keep it as one field whose string is the body's HTML
(`content = "<p>…</p><ul>…</ul>"`) or Markdown (a `body: |` block of paragraphs).
"""

from __future__ import annotations

import html
import re
import tomllib
from typing import Any

YAML_FRONT_MATTER = re.compile(r"\A\ufeff?---\s*\n(?P<data>.*?)\n---\s*(?:\n|\Z)", re.DOTALL)
TOML_FRONT_MATTER = re.compile(r"\A\ufeff?\+\+\+\s*\n(?P<data>.*?)\n\+\+\+\s*(?:\n|\Z)", re.DOTALL)
PLAIN_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*[:=]\s*(?P<value>.*)$")
BLOCK_NODES = {
    "paragraph": "p",
    "bulletList": "ul",
    "bullet_list": "ul",
    "orderedList": "ol",
    "ordered_list": "ol",
    "listItem": "li",
    "list_item": "li",
    "blockquote": "blockquote",
}
MARK_TAGS = {"bold": "strong", "strong": "strong", "italic": "em", "em": "em"}


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The front matter as a dict ({} when there is none or it cannot be read), and the body."""
    for pattern, parse in ((YAML_FRONT_MATTER, load_yaml), (TOML_FRONT_MATTER, tomllib.loads)):
        match = pattern.match(text)
        if match:
            try:
                loaded = parse(match.group("data"))
            except (ValueError, RecursionError):  # YAMLError and TOMLDecodeError are ValueErrors
                loaded = read_plain_keys(match.group("data"))
            return (loaded if isinstance(loaded, dict) else {}), text[match.end() :]
    return {}, text


MAX_FRONT_MATTER = 64 * 1024
MAX_DEPTH = 32
YAML_ALIAS = re.compile(r"(?:^|[\s\[{,:-])[&*][\w-]+", re.M)


def load_yaml(data: str) -> Any:
    """YAML front matter, safely: no anchors or aliases (a few lines of them can expand to
    gigabytes), no huge or deeply nested documents; such front matter is read key by key."""
    if len(data) > MAX_FRONT_MATTER or YAML_ALIAS.search(data) or nesting(data) > MAX_DEPTH:
        raise ValueError("front matter with aliases, too large or too deep is read key by key")
    import yaml  # only for Markdown sources

    try:
        return yaml.safe_load(data)
    except yaml.YAMLError as exc:
        raise ValueError(str(exc)) from None


def read_plain_keys(data: str) -> dict[str, Any]:
    """Top-level `key: value` lines of front matter that is not valid YAML (an unquoted
    colon: `title: Dry Eye: Symptoms and Treatment`), values taken as written."""
    found: dict[str, Any] = {}
    for line in data.splitlines():
        match = PLAIN_KEY.match(line)
        if match and match.group("value").strip():
            found.setdefault(match.group("key"), match.group("value").strip().strip("\"'"))
    return found


def prosemirror_html(data: Any) -> str:
    """Every ProseMirror block found anywhere in `data`, as HTML, in document order."""
    if isinstance(data, dict):
        if data.get("type") in BLOCK_NODES or data.get("type") == "heading":
            return node_html(data)
        return "".join(prosemirror_html(value) for value in data.values())
    if isinstance(data, list):
        return "".join(prosemirror_html(item) for item in data)
    return ""


# The fields a template prints as the page's furniture, never as its body.
NOT_BODY_KEYS = frozenset(
    [
        *("title", "heading", "headline", "subtitle", "description", "summary", "excerpt"),
        *("seo", "meta_title", "meta_description", "permalink", "slug", "url", "layout"),
        *("image", "thumbnail", "date", "author"),
    ]
)
INTRO_KEY = re.compile(r"intro|lead|lede", re.I)
HTML_HEADING = re.compile(
    r"\s*<(h[1-6])\b[^>]*>[^<>]*(?:<(?!/?h[1-6])[^>]*>[^<>]*)*</\1\s*>\s*", re.I
)
# never-a-body names that may name a section of text, a mapping of its own (`heading:
# {content: "<p>…</p>"}`); `seo:` or `image:` never do
TEXT_KEYS = frozenset(("title", "heading", "headline", "subtitle", "description", "summary"))
HTML_BLOCK = re.compile(r"<(?:p|ul|ol|li|h[1-6]|div|blockquote|table|br)\b[^>]*>", re.I)
MARKDOWN_PARAGRAPHS = re.compile(r"\S\n[ \t]*\n[ \t]*\S")  # two paragraphs at least


def field_bodies(data: Any, key: str = "") -> list[tuple[str, bool]]:
    """Every string in the front matter (anywhere: a field, a list of sections) that holds
    a body: HTML with block tags, or Markdown of two paragraphs or more, in document order,
    each with whether it is HTML. Titles, descriptions and addresses are never a body; a
    section kept under such a name (`heading: {content: "<p>…</p>"}`) is read."""
    if isinstance(data, dict):
        return dict_bodies(data)
    if isinstance(data, list):
        return [found for value in data for found in field_bodies(value, key)]
    if isinstance(data, str) and len(data) >= MIN_BODY_FIELD:
        if HTML_BLOCK.search(data):
            return [(data, True)]
        if MARKDOWN_PARAGRAPHS.search(data):
            return [(data, False)]
    return []


MIN_BODY_FIELD = 80  # a shorter string is a label or a setting


def dict_bodies(data: dict[Any, Any]) -> list[tuple[str, bool]]:
    """The bodies of a mapping's fields, in order. A string that is only an HTML heading is
    the heading of the text beside it (a question's `title: <h4>…</h4>` over its `content`),
    kept when a field beside it holds text; beside only a picture or a link it is a label.
    A field named as the page's opening (`intro_text`, `lead`) comes first: Hugo stores TOML
    fields in alphabetical order, not in the order the layout shows them."""
    texted = any(
        isinstance(value, str)
        and len(value) >= MIN_BODY_FIELD
        and not HTML_HEADING.fullmatch(value)
        for value in data.values()
    )
    found: list[tuple[str, bool]] = []
    for name, value in sorted(data.items(), key=lambda item: not INTRO_KEY.match(str(item[0]))):
        if isinstance(value, str) and HTML_HEADING.fullmatch(value):
            found += [(value, True)] if texted else []
        elif str(name).lower() not in NOT_BODY_KEYS or (
            isinstance(value, (dict, list)) and str(name).lower() in TEXT_KEYS
        ):
            found += field_bodies(value, str(name))
    return found


def node_html(node: dict[str, Any]) -> str:
    kind = str(node.get("type"))
    content = node.get("content")
    children = [c for c in content if isinstance(c, dict)] if isinstance(content, list) else []
    if kind == "text":
        return marked_text(node)
    if kind in ("hardBreak", "hard_break"):
        return "<br>"
    inner = "".join(node_html(child) for child in children)
    if kind == "heading":
        attrs = node.get("attrs")
        level = attrs.get("level") if isinstance(attrs, dict) else None
        tag = f"h{min(max(level, 1), 6)}" if isinstance(level, int) else "h2"
        return f"<{tag}>{inner}</{tag}>"
    block = BLOCK_NODES.get(kind)
    return f"<{block}>{inner}</{block}>" if block else inner


def marked_text(node: dict[str, Any]) -> str:
    text = html.escape(str(node.get("text") or ""))
    for mark in node.get("marks") or []:
        tag = MARK_TAGS.get(str(mark.get("type"))) if isinstance(mark, dict) else None
        text = f"<{tag}>{text}</{tag}>" if tag else text
    return text


def nesting(data: str) -> int:
    """How deep flow collections ([...], {...}) nest, counted over the raw text."""
    depth = deepest = 0
    for char in data:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return deepest
