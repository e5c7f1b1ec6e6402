"""Part of stage 2, extract: a heading whose text a theme wraps in a paragraph or a block
(`<h3><img …><p>Ingrown nails</p></h3>`, `<h2><div class="t">Causes</div></h2>`).

HTML allows no <p> inside a heading, so the parser closes the heading at the <p>: the heading
is left empty and its text becomes a paragraph of the body. A browser shows it as the heading,
so the paragraph and block tags inside a heading are made inline before the page is parsed.
"""

from __future__ import annotations

import re

HEADING_OPEN = re.compile(r"<h([1-6])\b[^>]*>", re.I)
HEADING_CLOSE = {level: re.compile(f"</h{level}", re.I) for level in "123456"}
BLOCK_TAG = re.compile(r"<(/?)(?:p|div)\b[^>]*>", re.I)
MAX_HEADING_SOURCE = 2000  # a heading's markup longer than this is no heading of a theme


def inline_heading_blocks(text: str) -> str:
    """The page with every <p> and <div> inside a heading made a <span>. Each heading's end is
    looked for in the text itself, ignoring case: a lower-cased copy of the page cost a pass
    over every character, and its positions are not the text's where lowering lengthens a
    character (a dotted capital I becomes two)."""
    out: list[str] = []
    start = 0
    for match in HEADING_OPEN.finditer(text):
        if match.start() < start:
            continue
        closing = HEADING_CLOSE[match.group(1)]
        close = closing.search(text, match.end(), match.end() + MAX_HEADING_SOURCE)
        if close is None:
            continue
        inner = text[match.end() : close.start()]
        if "<p" in inner.lower() or "<div" in inner.lower():
            out += [text[start : match.end()], BLOCK_TAG.sub(r"<\1span>", inner)]
            start = close.start()
    return "".join([*out, text[start:]])
