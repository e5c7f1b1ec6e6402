"""Part of stage 2, extract: footnote markers and reference lists are not the article.

Blocks under a references/sources/bibliography heading go (up to the next heading of the same
or a higher level), and so do footnote markers inside the text: "[12]", "[^1]", superscript
digits "¹²", <sup>12</sup>, and a number glued to an acronym before punctuation ("Selon
l'INRS 22, …"). Real numbers stay ("2 weeks", "age 40,", "L4 5").

REFERENCE_HEADINGS is the one list of heading words, in many languages; when the shared
language files (pipeline/languages.py, role `references`) exist, they replace it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml.html import HtmlElement

from pipeline.models import Block

REFERENCE_HEADINGS = (
    "sources", "source", "references", "reference", "bibliography", "further reading",
    "citations", "works cited", "literature", "referencias", "fuentes", "bibliografía",
    "références", "sources et références", "bibliographie", "quellen", "literatur",
    "quellenangaben", "literaturverzeichnis", "referências", "fontes", "bibliografia",
    "fonti", "riferimenti", "참고문헌", "출처", "참고 문헌", "参考文献", "出典", "引用文献",
)  # fmt: skip
HEADING_KEY = re.compile(r"^[\W\d_]*(?P<words>.*?)[\W_]*$")
MARKERS = re.compile(
    r"\s?\[\^?\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]"  # [12], [^1], [3, 4], [5-7]
    r"|\s?\[\^[\w-]+\]"  # [^note]
    r"|[⁰¹²³⁴⁵⁶⁷⁸⁹]+"  # superscript digits
)
# "INRS 22,", but not names that take a number ("COVID 19", "HPV 16", "DSM 5").
ACRONYM_NUMBER = re.compile(
    r"\b(?!(?:COVID|HPV|HIV|SARS|CD|IL|PM|ISO|DIN|EN|ICD|DSM|BMI|MP|TV)\b)"
    r"(?P<acronym>[A-Z]{2,6}) \d{1,3}(?=[,;:.](?:\s|$))"
)
MAY_MARK = re.compile(r"[\[⁰¹²³⁴⁵⁶⁷⁸⁹]|\d")
SUPERSCRIPT = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]")
ACRONYM_END = re.compile(r"[A-Z] \d")  # the end of every ACRONYM_NUMBER match
FOOTNOTE_SUP = re.compile(r"\s*\[?\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]?\s*")


def is_reference_heading(text: str) -> bool:
    match = HEADING_KEY.match(text.lower())
    return match is not None and match.group("words") in REFERENCE_HEADINGS


def drop_references(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks without reference sections and without footnote markers in their text."""
    kept: list[Block] = []
    skipping: int | None = None  # the level of the reference heading being skipped
    for block in blocks:
        heading = block.kind == "heading" or (len(block.text) < 40 and block.text.endswith(":"))
        level = block.level if block.kind == "heading" else 9
        if skipping is not None and not (block.kind == "heading" and level <= skipping):
            continue
        skipping = None
        if heading and is_reference_heading(block.text):
            skipping = level
            continue
        text = strip_markers(block.text)
        kept.append(block if text == block.text else replace(block, text=text))
    return tuple(kept)


def strip_markers(text: str) -> str:
    if not MAY_MARK.search(text):
        return text
    # Each pattern runs only on a text that holds what it needs: both are tried at every
    # character (an optional space, a word boundary with a look-ahead first).
    if "[" in text or SUPERSCRIPT.search(text):
        text = MARKERS.sub("", text)
    if ACRONYM_END.search(text):
        text = ACRONYM_NUMBER.sub(r"\g<acronym>", text)
    return text.strip()


def drop_footnote_sups(tree: HtmlElement) -> None:
    """Remove, in place, <sup> elements that are only a footnote number (their tail stays)."""
    for sup in list(tree.iter("sup")):
        if FOOTNOTE_SUP.fullmatch(sup.text_content() or "") and sup.getparent() is not None:
            sup.drop_tree()
