"""Part of stage 2, extract: web addresses out of the text the digest reads.

A post sends its reader to another site by address ("Ask your insurer: http://www.example.de/
costs.html", "Visit www.example.org for the list"). An address is no words for a card: an
address in brackets goes with them; a sentence that ends on an address it leads to with a colon
or a dash is cut before it ("Ask your insurer"); any other sentence with an address goes. A
block left with nothing goes too. The extracted article keeps its addresses (they are part of
the page's text); the digest reads the blocks through this filter.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.models import Block

URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'»”)\]。、！？「」（）]+", re.I)
BRACKETED = re.compile(r"\s*\(\s*(?:https?://|www\.)[^\s()]+\s*\)", re.I)
# a sentence ends at a stop and a space (not after an initial: "P.O. Box", "J. Smith"), or at
# a CJK stop
BOUNDARY = re.compile(r"(?<=[.!?])(?<![\s.(][A-Za-z]\.)\s+|(?<=[。！？])")
LEAD_TO = re.compile(r"\s*[:：–—-]\s*$")  # "… bei Ihrer Kasse: " before the address
TRAILING = " .,;:!?)]»”\"'"
MIN_CUT_CHARS = 12  # a shorter sentence left before its address ("See", "Web:") says nothing


def without_urls(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with no web address in their text (see the module's docstring)."""
    kept: list[Block] = []
    for block in blocks:
        if not URL.search(block.text):
            kept.append(block)
            continue
        text = text_without_urls(block.text)
        if text:
            lead = block.lead if block.lead and text.startswith(block.lead) else None
            kept.append(replace(block, text=text, lead=lead))
    return tuple(kept)


def text_without_urls(text: str) -> str:
    text = BRACKETED.sub("", text)
    while (match := URL.search(text)) is not None:
        start = max((b.end() for b in BOUNDARY.finditer(text, 0, match.start())), default=0)
        after = BOUNDARY.search(text, match.end())
        end = after.start() if after else len(text)
        text = text[:start] + cut_sentence(text[start:end], match.start() - start) + text[end:]
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def cut_sentence(sentence: str, at: int) -> str:
    """The sentence before the address that starts at `at`, when the sentence leads to it
    with a colon or a dash and ends with it; else nothing."""
    address = URL.match(sentence, at)
    rest = sentence[address.end() :] if address else ""
    before = sentence[:at]
    if rest.strip(TRAILING) or not LEAD_TO.search(before):
        return ""
    before = LEAD_TO.sub("", before).strip()
    return before if len(before) >= MIN_CUT_CHARS else ""
