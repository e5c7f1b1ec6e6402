"""Lists that extraction glued into one paragraph, taken apart again.

Two shapes many posts share: a numbered list written straight after its intro line, which
Markdown joins into the paragraph ("...we use: 1. Exercises – ... 2. Massage – ..."), and
labelled entries run together in one paragraph, each opening with a bold label ("Spinal
Manipulation: ... Spinal Mobilization: ... Massage: ..."). Each entry becomes an item, the
intro stays a paragraph; the words are never changed, only cut where the list is.
"""

from __future__ import annotations

import itertools
import re

from pipeline.models import Block

# "1. ", "2) " at the start of the text or after a space, before a word.
NUMBER_MARK = re.compile(r"(?:^|(?<=\s))(\d{1,2})[.)]\s+(?=[^\W\d_])")
# After a sentence's end: a short label of capitalised words, then a colon ("Massage: ...").
RUN_LABEL = re.compile(
    r"(?<=[.!?])\s+(?P<label>[A-ZÀ-Ý][\w'’-]*(?:\s(?:[A-ZÀ-Ý&][\w'’-]*|and|of|de|y|e|et|und))"
    r"{0,3}):\s+(?=\S)"
)
LABEL = re.compile(r"^(?P<lead>[^:.!?]{2,40})\s*[:–—]\s+(?=\S)|^(?P<dash>.{2,40}?)\s[–—-]\s(?=\S)")


def unfold_glued_list(block: Block) -> list[Block] | None:
    """The block as its intro paragraph and one item per glued entry, or None."""
    if block.kind == "heading":
        return None
    return glued_numbers(block) or run_together_labels(block)


def glued_numbers(block: Block) -> list[Block] | None:
    """ "...address knee pain: 1. Exercises – ... 2. Massage – ..." : the numbers count up from
    1, the first after the intro's colon or sentence end (or at the start)."""
    marks = list(NUMBER_MARK.finditer(block.text))
    start = next(
        (i for i, m in enumerate(marks) if m.group(1) == "1" and opens_list(block, m)), None
    )
    if start is None:
        return None
    run = [marks[start]]
    for mark in marks[start + 1 :]:
        if int(mark.group(1)) == len(run) + 1:
            run.append(mark)
    if len(run) < 2:
        return None
    head = block.text[: run[0].start()].strip()
    ends = [m.start() for m in run[1:]] + [len(block.text)]
    entries = [block.text[m.end() : end].strip() for m, end in zip(run, ends, strict=True)]
    return intro(block, head) + [labelled_item(e) for e in entries if e]


def opens_list(block: Block, mark: re.Match[str]) -> bool:
    before = block.text[: mark.start()].rstrip()
    return not before or before[-1] in ":.!?"


def run_together_labels(block: Block) -> list[Block] | None:
    """ "Spinal Manipulation: ... Spinal Mobilization: ... Massage: ..." in one paragraph that
    opens with such a label: one item per label."""
    lead = block.lead or ""
    if block.kind != "paragraph" or not lead or not block.text.startswith(lead + ":"):
        return None
    cuts = [m.start("label") for m in RUN_LABEL.finditer(block.text)]
    if not cuts:
        return None
    bounds = [0, *cuts, len(block.text)]
    entries = [block.text[a:b].strip() for a, b in itertools.pairwise(bounds)]
    return [labelled_item(e) for e in entries if e]


def intro(block: Block, head: str) -> list[Block]:
    if not head:
        return []
    lead = block.lead if block.lead and head.startswith(block.lead) else None
    return [Block(kind=block.kind, text=head, lead=lead)]


def labelled_item(text: str) -> Block:
    """An item, with its label as the lead-in when it opens with one ("Massage: ...")."""
    match = LABEL.match(text)
    lead = (match.group("lead") or match.group("dash")).strip() if match else None
    return Block(kind="item", text=text, lead=lead)
