"""Part of stage 2, extract: the words a theme adds to a title inside the same element: the
author's line ("Knee pain<br>by Dr. Lee") and a subtitle set under it ("Psicoterapia
CBT<br><span>Cognitive Behavioral Therapy</span>"). Neither is the headline."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from pipeline.extract.cleanup import VISIBLE_TEXTS, clean_text


def spaced_text(element: HtmlElement) -> str:
    """Visible text, with a space between the texts of child elements (<p>Title<em>Sub</em>)."""
    return clean_text(" ".join(VISIBLE_TEXTS(element)))


def without_byline(element: HtmlElement, text: str) -> str:
    """The title without the author's line that a theme puts at the end of the same heading
    ("¿Qué es dolor anterior de rodilla?<span>Dr. Gastón Gioscia | Deportólogo</span>",
    "Knee pain<br>by Dr. Lee")."""
    children = list(element)
    last = children[-1] if children else None
    if last is None:
        return text
    if last.tag == "br":
        tail = clean_text(last.tail or "")
    elif not (last.tail or "").strip():
        tail = clean_text(last.text_content())
    else:
        return text
    if tail and BYLINE.match(tail) and text.endswith(tail) and len(tail.split()) <= BYLINE_WORDS:
        return text[: -len(tail)].strip() or text
    return text


def without_subtitle(element: HtmlElement, text: str) -> str:
    """The title without the subtitle a theme sets under it in the same heading, in a span
    on a line of its own: after a <br>, or a span the class makes a block ("Psicoterapia
    CBT<br><span>Cognitive Behavioral Therapy</span>", "Knee Pain Treatment <span
    class="block text-2xl">Move freely again</span>"). A title broken before its last words
    ("Treatment of<br><span>knee pain</span>") keeps them."""
    children = list(element)
    last = children[-1] if children else None
    if last is None or last.tag not in SUBTITLE_TAGS or (last.tail or "").strip():
        return text
    before = last.getprevious()
    broken = before is not None and before.tag == "br" and not (before.tail or "").strip()
    if not broken and not BLOCK_CLASS.search(last.get("class") or ""):
        return text
    sub = spaced_text(last)
    main = text[: -len(sub)].strip() if sub and text.endswith(sub) else ""
    words = main.split()
    if len(words) < 2 or len(sub.split()) < 2 or open_end(words[-1]):
        return text
    return main


SUBTITLE_TAGS = ("span", "small")
BLOCK_CLASS = re.compile(r"(?:^|\s)(?:d-)?block(?:\s|$)|subtitle|sub-title|tagline", re.I)


def open_end(word: str) -> bool:
    """A title's last word that leaves it open: a short lower-case word ("of", "de", "la"),
    or a colon, comma or dash ("La cura:")."""
    return (word.islower() and len(word) <= 3) or word.endswith((":", ",", "–", "—", "-"))


BYLINE = re.compile(
    r"^(?:by|por|par|von|di|da|de|written by|escrito por|écrit par)\s+\S"
    r"|^(?:dr|dra|drs|prof|profa?|mr|mrs|ms|doc)\.?\s+[A-ZÀ-Ý]",
    re.I,
)
BYLINE_WORDS = 8
