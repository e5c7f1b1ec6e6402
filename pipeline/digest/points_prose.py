"""Lists told in a sentence: "Treatment may consist of education, pelvic floor exercises and
breathing exercises", "técnicas como terapia manual, movilizaciones y estiramientos".

Each listed method becomes a point of its own (short points share one list slide). What comes
before the list stays a point when it says more than "treatment may include": it is cut at a
clause boundary, as `shorten` cuts, with "…" where the list was. The words that open a list
and join its last items are the language files' ([points] list_intro and list_joins).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.digest.sentences import ELLIPSIS, is_safe_cut, shorten, word_count
from pipeline.digest.vocabulary import find_role_term, term_pattern
from pipeline.models import Point

MAX_ITEM_WORDS = 10  # a listed method is a phrase, not a clause
MAX_OPENED_ITEM_WORDS = 15  # ... or a phrase with its purpose, in a list the sentence announces
OPENINGS = ("list_opening", "method_list")  # the [points] words that open a list sentence
MIN_ITEMS = 2
UNJOINED_ITEMS = 3  # a list without 'and' or 'or' names at least this many
HEAD_WORDS = 6  # the words before a list that say what it lists
INTRO_WORDS = 8  # a head this short only announces the list ("Treatment may include")


@lru_cache(maxsize=1)
def join_word() -> re.Pattern[str]:
    """A word that joins the last items of a list ("and", "o", "und"), spaces around it."""
    joins = term_pattern("points", "list_joins").pattern
    return re.compile(rf"(?:^|\s+)(?:{joins})\s+")


def split_prose_list(sentence: str) -> list[Point] | None:
    """The sentence as its head (when it says more than an intro) and one point per listed
    method, or None when it lists fewer than two."""
    match = list_intro(sentence)
    if not match or names_conditions(last_words(sentence[: match.start()])):
        return None  # "disorders such as OCD, ...": what is treated, not how
    if term_pattern("signals", "cause_of").search(sentence, match.end()):
        return None  # "Poor posture, such as slouching, can lead to ...": a cause, told whole
    items = list_items(sentence[match.end() :], longest_item(sentence))
    if len(items) < MIN_ITEMS:
        return None
    head = head_points(sentence[: match.start()], sentence[match.start() :])
    if head is None:
        return None
    return [*head, *(Point(None, i, i) for i in items)]


def list_intro(sentence: str) -> re.Match[str] | None:
    """Where the words that open a list are, as whole words, past the sentence's start, or
    the words that open a sentence that is a list ("These include", "Dazu gehören")."""
    if opening := term_pattern("points", "list_opening").match(sentence):
        return opening
    for match in term_pattern("points", "list_intro").finditer(sentence):
        after = sentence[match.end() : match.end() + 1]
        if match.start() > 0 and not (after.isalnum() and match.group()[-1:].isalnum()):
            return match
    return None


def names_conditions(text: str) -> bool:
    """Words of conditions or causes ("disorders", "condições que podem causar")."""
    return find_role_term("points", "conditions", text) is not None


def last_words(text: str, count: int = HEAD_WORDS) -> str:
    return " ".join(text.split()[-count:])


def longest_item(sentence: str) -> int:
    """How long a listed phrase may be: longer in a sentence that opens by announcing the
    list ("Your treatment plan might include A, exercises to improve range of motion and
    strengthen muscles, and C"), whose list runs to its end."""
    opened = any(term_pattern("points", key).match(sentence) for key in OPENINGS)
    return MAX_OPENED_ITEM_WORDS if opened else MAX_ITEM_WORDS


def list_items(tail: str, longest: int = MAX_ITEM_WORDS) -> list[str]:
    """The listed phrases, up to the end of the sentence: cut at its commas, the list ends at
    the last piece that holds a joining word ("B and C"), split there; a piece after it goes on
    about the list ("..., to restore balance"). The list also ends before a long phrase."""
    tail = re.split(r"[.;!?。](?:\s|$)|[:：]", tail.strip(" :"), maxsplit=1)[0]
    pieces = [p for p in re.split(r"\s*[,、，]\s*", tail) if p.strip()]
    joined = [i for i, piece in enumerate(pieces) if join_word().search(piece)]
    if not joined and len(pieces) < UNJOINED_ITEMS:
        return []  # "lengthening the calf, a process called ...": an apposition, not a list
    end = joined[-1] if joined else len(pieces) - 1
    last = join_word().split(pieces[end], maxsplit=1) if pieces else []
    items: list[str] = []
    for piece in [*pieces[:end], *last]:
        piece = piece.strip(" .,;")
        if not piece:
            continue
        if word_count(piece) > longest or not re.search(r"[^\W\d_]", piece):
            break
        items.append(piece)
    return items


def head_points(head: str, rest: str) -> list[Point] | None:
    """The words before the list as a point, none when they only announce it, None when they
    cannot be cut safely (the sentence then stays whole)."""
    head = head.rstrip(" ,:")
    if word_count(head) <= INTRO_WORDS:
        return []
    cut = head.rfind(",")
    prefix = head[:cut] if cut > 0 else head
    if not is_safe_cut(prefix, head[len(prefix) :] + rest):
        return None
    text = prefix + ELLIPSIS
    return [Point(None, text, shorten(text))]


def lists_methods(text: str) -> bool:
    """A sentence that opens by saying what the treatment consists of and lists it: the
    language files' [points] method_list."""
    opening = term_pattern("points", "method_list").match(text)
    return opening is not None and bool(split_prose_list(text))


def methods_told_elsewhere(texts: list[str], points: list[Point]) -> list[Point]:
    """The methods listed by such a sentence outside the treatment sections ("Your treatment
    plan might include A, B and C" under "What to expect"), those no point holds yet."""
    held = " ".join(p.text for p in points).casefold()
    found = [p for t in texts if lists_methods(t) for p in split_prose_list(t) or []]
    return [p for p in found if p.text.casefold() not in held]
