"""Part of stage 2, extract: the JSX a component keeps in a constant before its `return`.

Pages often build part of the article first (`const accordion = (<Accordion>…</Accordion>);`)
and hand it to a layout component (`<Service accordion={accordion}>`) or place it
(`{accordion}`). The constant's markup is the page's text as much as what `return` holds: it
goes where `{name}` places it, else after the returned markup. The returned markup ends where
its root element closes, so code after it (`export const Head = () => …`) is no text.
"""

from __future__ import annotations

import re

JSX_CONST = re.compile(r"\b(?:const|let)\s+([a-z]\w*)\s*=\s*\(?\s*(?=<[A-Za-z>])")
TAG_NAME = re.compile(r"<([A-Za-z][\w.]*)?")


def element_end(source: str, start: int) -> int | None:
    """The index just after the element that opens at `start` ("<Accordion …>" to its own
    "</Accordion>", counting nested ones; "<>" to "</>"), or None when it does not close."""
    name = TAG_NAME.match(source, start)
    if name is None:
        return None
    tag = name.group(1) or ""
    opening = re.compile(rf"<{re.escape(tag)}(?=[\s>/])" if tag else r"<>")
    closing = re.compile(rf"</{re.escape(tag)}\s*>" if tag else r"</>")
    head_end = source.find(">", start)
    if tag and head_end > 0 and source[head_end - 1] == "/":
        return head_end + 1  # "<Service … />"
    depth, n = 0, start
    while n < len(source):
        if match := opening.match(source, n):
            depth += 1
            n = match.end()
        elif match := closing.match(source, n):
            depth -= 1
            n = match.end()
            if depth == 0:
                return n
        else:
            n += 1
    return None


def markup_consts(source: str, before: int) -> dict[str, str]:
    """The constants holding markup that are defined before `before`, by name."""
    found: dict[str, str] = {}
    for match in JSX_CONST.finditer(source, 0, before):
        end = element_end(source, match.end())
        if end is not None and end <= before:
            found[match.group(1)] = source[match.end() : end]
    return found


def with_consts(markup: str, consts: dict[str, str]) -> str:
    """The returned markup with each constant it uses: in place of `{name}`, else after it
    when a prop passes it (`accordion={accordion}`)."""
    after: list[str] = []
    for name, text in consts.items():
        placed = re.compile(rf"(?<!=)\{{\s*{name}\s*\}}")
        if spot := placed.search(markup):
            markup = markup[: spot.start()] + text + markup[spot.end() :]
        elif re.search(rf"=\{{\s*{name}\s*\}}", markup):
            after.append(text)
    return markup + "".join(after)
