"""Part of stage 2, extract: a site generator's own syntax in a Markdown post, taken out
before the Markdown is read.

Generators put their tags in the Markdown, and a reader never sees them on the page: Jekyll's
Liquid tags (`{% include video.html %}`), Hugo's shortcodes (`{{< figure src=… >}}`), the block
components of Nuxt Content (`::name{attr}` … `::`, with `#slot` lines) and of VitePress or
Docusaurus (`::: tip` … `:::`), MDX's `import` and `export` lines, and the attribute lists of
kramdown and Pandoc (`{: .class}` on a line of its own, `[text]{.heading}`, `## Title {#id}`).
A tag goes; the text a paired tag wraps stays. Code fences are left alone.
"""

from __future__ import annotations

import re

TEMPLATE_TAG = re.compile(r"\{%-?.*?-?%\}|\{\{[<%].*?[>%]\}\}", re.DOTALL)
OUTPUT_LINE = re.compile(r"[ \t]*\{\{.*?\}\}[ \t]*")  # a line that only prints a variable
COMPONENT_FENCE = re.compile(  # `::name{attr}`, `::name[label]{attr}`, `::: tip`, closing `::`
    r"[ \t]*:{2,}(?:[ \t]*[A-Za-z][\w-]*(?:\[[^\]\n]*\])?(?:\{[^}\n]*\})?(?:[ \t].*)?)?[ \t]*"
)
SLOT_LINE = re.compile(r"[ \t]*#[A-Za-z][\w-]*[ \t]*")  # `#title` opens a slot inside a component
MODULE_LINE = re.compile(
    r"import[ \t].*\bfrom[ \t]+['\"].*|import[ \t]+['\"].*"
    r"|export[ \t]+(?:default|const|let|var|function|async|class)\b.*"
)
# `{: .class}`, `{:toc}`, `{#id .class}` alone on a line: kramdown's attribute list for the
# block next to it, or a definition of one
ATTRIBUTE_LINE = re.compile(r"[ \t]*\{(?::[^{}\n]*|[ \t]*[.#][\w-][^{}\n]*)\}[ \t]*")
# Pandoc's bracketed span `[text]{.class}` (never a link: `[text](url)`, nor an image)
BRACKETED_SPAN = re.compile(r"(?<![!\]\\])\[(?P<text>[^\[\]\n]+)\]\{[ \t]*[.#:][^{}\n]*\}")
# an attribute list at the end of a heading: `## Title {#id}`, `## Title {: .big}`
HEADING_ATTRIBUTES = re.compile(
    r"^(?P<head>[ \t]*#{1,6}[ \t].*?)[ \t]*\{:?[ \t]*[.#][^{}\n]*\}[ \t]*#*[ \t]*$"
)
FENCED_CODE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.MULTILINE | re.DOTALL)


def strip_site_syntax(text: str) -> str:
    """The Markdown without the generator's tags (see the module's docstring)."""
    if "{" not in text and "::" not in text and "import" not in text and "export" not in text:
        return text
    out, start = [], 0
    for code in FENCED_CODE.finditer(text):  # fenced code stays as it is
        out += [strip_prose(text[start : code.start()]), code.group()]
        start = code.end()
    return "".join([*out, strip_prose(text[start:])])


def strip_prose(text: str) -> str:
    """One stretch of the post between code fences, without its tags."""
    lines: list[str] = []
    depth = 0  # how many component blocks are open: a `#slot` line counts only inside one
    for line in TEMPLATE_TAG.sub("", text).split("\n"):
        if COMPONENT_FENCE.fullmatch(line):
            depth = max(depth - 1, 0) if line.strip(": \t") == "" else depth + 1
            lines.append("")
        elif (depth and SLOT_LINE.fullmatch(line)) or OUTPUT_LINE.fullmatch(line):
            lines.append("")  # a slot's name, or a variable printed on a line of its own
        elif MODULE_LINE.fullmatch(line):
            lines.append("")  # MDX's import and export lines
        elif "{" in line:
            lines.append(without_attributes(line))
        else:
            lines.append(line)
    return "\n".join(lines)


def without_attributes(line: str) -> str:
    """The line without kramdown's and Pandoc's attribute lists (see ATTRIBUTE_LINE)."""
    if ATTRIBUTE_LINE.fullmatch(line):
        return ""
    heading = HEADING_ATTRIBUTES.match(line)
    line = heading.group("head") if heading else line
    return BRACKETED_SPAN.sub(r"\g<text>", line)
