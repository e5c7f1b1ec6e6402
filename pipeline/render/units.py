"""The pieces a line may break between: words at spaces, and single characters inside Japanese
or Chinese text, which writes no spaces (kinsoku: a closing mark or small kana stays with the
character before it, an opening bracket with the character after it; a run of Latin letters
or digits stays whole). Korean is spaced and breaks at its spaces, like English.

Where a Japanese phrase (bunsetsu) ends is BudouX's answer (its model ships in the package,
loaded on the first Japanese text): "症状が / 出やすい / 方ほど、". The breaker prefers those.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import budoux

# Kana, CJK ideographs and their punctuation (not Hangul, which is spaced)
IDEOGRAPHIC = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
NO_LINE_START = frozenset(
    "、。，．,.・：；:;？！?!）」』】〕〉》”’ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々"
    "）］｝〙〗ゝゞヽヾ…‥)]}%"
)
NO_LINE_END = frozenset("「『（【〔〈《“‘([｛［〘〖")
CLAUSE_MARKS = frozenset("、。，．！？")  # a line ending after one of these reads naturally
LIST_SEPARATORS = frozenset({"·", "•"})  # between the items of a list set as one text


@dataclass(frozen=True)
class Units:
    """A text cut where lines may break. `spaced[i]` says whether a space stands between part
    i and part i + 1 (words) or not (characters of one Japanese run, a hyphenated word).
    `marks[i]` is a list separator (" · ") standing between them: drawn inside a line, dropped
    where the line breaks, so that it never ends or opens one."""

    parts: tuple[str, ...]
    spaced: tuple[bool, ...]
    marks: tuple[str, ...] = ()
    phrases: frozenset[int] = frozenset()  # unspaced gaps where a Japanese phrase ends

    def mark(self, gap: int) -> str:
        return self.marks[gap] if self.marks else ""

    def join(self, start: int, end: int) -> str:
        text = self.parts[start]
        for i in range(start + 1, end):
            mark = self.mark(i - 1)
            text += (f" {mark} " if mark else " " if self.spaced[i - 1] else "") + self.parts[i]
        return text

    def lines(self, ends: Sequence[int]) -> tuple[str, ...]:
        starts = [0, *ends[:-1]]
        return tuple(self.join(s, e) for s, e in zip(starts, ends, strict=True))

    def gaps(self, space: float, mark: float = 0.0) -> list[float]:
        """The width between each part and the next: a space, nothing, or " · " (`mark` is
        the separator's own width)."""
        return [
            (2 * space + mark if self.mark(i) else space) if spaced else 0.0
            for i, spaced in enumerate(self.spaced)
        ]


def split_units(text: str) -> Units:
    """The words of the text; a word with Japanese or Chinese characters cut between them."""
    parts: list[str] = []
    spaced: list[bool] = []
    marks: list[str] = []
    phrases: set[int] = set()
    pending = ""  # a separator waiting for the next item
    for word in text.split():
        if word in LIST_SEPARATORS and parts:
            pending = word
            continue
        pieces, ends = split_ideographic(word) if IDEOGRAPHIC.search(word) else ([word], [])
        if parts:
            spaced.append(True)
            marks.append(pending)
            pending = ""
        phrases.update(len(parts) + i for i in ends)
        spaced.extend([False] * (len(pieces) - 1))
        marks.extend([""] * (len(pieces) - 1))
        parts.extend(pieces)
    if pending:
        parts[-1] += " " + pending  # a separator ending the text stays as written
    return Units(
        tuple(parts), tuple(spaced), tuple(marks) if any(marks) else (), frozenset(phrases)
    )


def joined_units(pieces: Sequence[Sequence[str]]) -> Units:
    """Words given as their pieces (a hyphenated word's syllables): spaced between words only."""
    parts: list[str] = []
    spaced: list[bool] = []
    for word in pieces:
        if parts:
            spaced.append(True)
        spaced.extend([False] * (len(word) - 1))
        parts.extend(word)
    return Units(tuple(parts), tuple(spaced))


def split_ideographic(word: str) -> tuple[list[str], list[int]]:
    """One piece per character, except where kinsoku or a Latin run keeps characters together;
    and the pieces after which a phrase ends (the word's last piece aside)."""
    pieces: list[str] = []
    phrase_ends: list[int] = []
    starts = phrase_starts(word)
    glue_next = False
    for offset, char in enumerate(word):
        latin = not IDEOGRAPHIC.match(char) and char not in NO_LINE_END
        joins_previous = char in NO_LINE_START or (
            latin and bool(pieces) and not IDEOGRAPHIC.match(pieces[-1][-1])
        )
        if pieces and (glue_next or joins_previous):
            pieces[-1] += char
        else:
            if pieces and offset in starts:
                phrase_ends.append(len(pieces) - 1)
            pieces.append(char)
        glue_next = char in NO_LINE_END
    return pieces, phrase_ends


@lru_cache(maxsize=1024)
def phrase_starts(word: str) -> frozenset[int]:
    """The character offsets where a phrase starts, after the first (BudouX's Japanese model;
    Chinese text gets the same model's guesses)."""
    offsets, at = set(), 0
    for chunk in phrase_parser().parse(word)[:-1]:
        at += len(chunk)
        offsets.add(at)
    return frozenset(offsets)


@lru_cache(maxsize=1)
def phrase_parser() -> budoux.Parser:
    import budoux  # loaded on the first Japanese text (about 20 ms)

    return budoux.load_default_japanese_parser()


def is_ideographic(part: str) -> bool:
    return bool(IDEOGRAPHIC.search(part))


def script_of(char: str) -> str:
    """kanji, katakana, hiragana or other: a break between two of the same kanji or katakana
    most often splits a word ("スケー / ラー", "歯周 / 病")."""
    code = ord(char)
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or char == "々":
        return "kanji"
    if 0x30A0 <= code <= 0x30FF:
        return "katakana"
    if 0x3040 <= code <= 0x309F:
        return "hiragana"
    return "other"
