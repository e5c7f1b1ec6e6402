"""Part of stage 2, extract: a heading whose text a theme wraps in a paragraph or a block
(`<h3><img …><p>Ingrown nails</p></h3>`, `<h2><div class="t">Causes</div></h2>`).

HTML allows no <p> inside a heading, so the parser closes the heading at the <p>: the heading
is left empty and its text becomes a paragraph of the body. A browser shows it as the heading,
so the paragraph and block tags inside a heading are made inline before the page is parsed.
"""

from __future__ import annotations

import re

HEADING_OPEN = re.compile(r"<h([1-6])\b[^>]*>", re.I)
BLOCK_TAG = re.compile(r"<(/?)(?:p|div)\b[^>]*>", re.I)
MAX_HEADING_SOURCE = 2000  # a heading's markup longer than this is no heading of a theme


def inline_heading_blocks(text: str) -> str:
    """The page with every <p> and <div> inside a heading made a <span>."""
    lowered = text.lower()
    if "<h" not in lowered:
        return text
    out: list[str] = []
    start = 0
    for match in HEADING_OPEN.finditer(text):
        if match.start() < start:
            continue
        close = lowered.find(f"</h{match.group(1)}", match.end(), match.end() + MAX_HEADING_SOURCE)
        if close < 0:
            continue
        inner = text[match.end() : close]
        if "<p" in inner.lower() or "<div" in inner.lower():
            out += [text[start : match.end()], BLOCK_TAG.sub(r"<\1span>", inner)]
            start = close
    return "".join([*out, text[start:]])
