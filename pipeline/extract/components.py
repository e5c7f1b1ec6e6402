"""Part of stage 2, extract: a Vue, Svelte or Astro component whose article is its markup, as HTML.

Sites built with these frameworks keep a page's article in the component's markup, around
code: a Vue file's `<template>`, a Svelte file outside its `<script>` and `<style>`, an Astro
file after its `---` code fence. The markup is kept and the code goes, as for JSX (jsx.py):
`{{ expression }}` (Vue) and `{expression}` (Svelte, Astro) go, except string literals, which
are text the reader sees; Svelte's `{#if}`/`{/each}` blocks go; attributes that bind code
(`:key`, `@click`, `v-if`, `on:click`, `bind:value`, `client:load`) go; components are read by
their names (`<PageTitle>` is an `<h1>`, `<router-link>` stays an unknown inline tag).
"""

from __future__ import annotations

import html
import re

from pipeline.extract.datatext import data_html, expression_text, thin_markup
from pipeline.extract.jsx import COMPONENT_TAG, html_tag, replace_expressions
from pipeline.extract.prop_titles import prop_titles

SUFFIXES = (".vue", ".svelte", ".astro")
CODE_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
SCRIPT_BLOCK = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.I | re.S)
ASTRO_FENCE = re.compile(r"\A\s*---\n.*?\n---[ \t]*\n", re.S)
TEMPLATE_OPEN = re.compile(r"<template\b[^>]*>", re.I)
TEMPLATE_CLOSE = re.compile(r"</template\s*>", re.I)
MUSTACHE = re.compile(r"\{\{(.*?)\}\}", re.S)
# An opening tag, its quoted or braced attribute values read whole (they may hold ">").
TAG = re.compile(r"""<[A-Za-z][^\s/>]*(?:"[^"]*"|'[^']*'|\{[^{}]*\}|[^'"{}>])*>""")
# Each attribute with its value, read whole, so that a "#" or "@" inside a value is never taken
# for an attribute. One that binds code goes: Vue's :x / @x / #x / v-x, Svelte's on:/bind:/use:/
# class:, Astro's client:/set:. Its value is code, never text.
ATTRIBUTE = re.compile(r"""(\s+)([^\s=>/]+)(\s*=\s*(?:"[^"]*"|'[^']*'|\{[^{}]*\}|[^\s>]+))?""")
CODE_NAME = re.compile(r"[:@#].*|v-.+|(?:on|bind|use|class|client|set|transition):.+")


def component_to_html(source: str, name: str) -> str:
    """The HTML a single-file component renders, as far as it can be read without running it;
    with the texts of its data when its markup shows too few (datatext.py)."""
    data = " ".join(m.group(0) for m in SCRIPT_BLOCK.finditer(source))  # no bound attributes
    data += "".join(m.group(0) for m in ASTRO_FENCE.finditer(source))
    if name.lower().endswith(".astro"):
        source = ASTRO_FENCE.sub("", source, count=1)
    source = CODE_BLOCK.sub(" ", source)
    if name.lower().endswith(".vue"):
        source = template_markup(source)
        source = MUSTACHE.sub(lambda m: expression_text(m.group(1)), source)
    source, document_title = prop_titles(source)
    markup = TAG.sub(lambda m: ATTRIBUTE.sub(keep_attribute, m.group(0)), source)
    markup = replace_expressions(markup)
    markup = COMPONENT_TAG.sub(lambda m: f"<{m.group(1)}{html_tag(m.group(2))}", markup)
    head = f"<title>{html.escape(document_title)}</title>" if document_title else ""
    if thin_markup(markup):
        data_head, data_body = data_html(data)
        head = data_head or head
        markup += data_body
    return f"<html><head>{head}</head><body><article>{markup}</article></body></html>"


def template_markup(source: str) -> str:
    """A Vue file's outer `<template>` content; nested `<template v-if>` tags stay as wrappers."""
    opening = TEMPLATE_OPEN.search(source)
    closings = list(TEMPLATE_CLOSE.finditer(source))
    if not opening or not closings or closings[-1].start() < opening.end():
        return source
    inner = source[opening.end() : closings[-1].start()]
    return TEMPLATE_CLOSE.sub("</div>", TEMPLATE_OPEN.sub("<div>", inner))


def keep_attribute(match: re.Match[str]) -> str:
    return "" if CODE_NAME.fullmatch(match.group(2)) else match.group(0)
