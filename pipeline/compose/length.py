"""How long a slide's text reads, in any script, and a long point split at a sentence.

DESIGN.md puts at most about 25 words on a point slide. Words are counted by spaces, except in
Japanese and Chinese, which write none: there a kana or Han character counts as a third of a
word, as wide as a third of an English word with its space (a character is one em wide, an
English word about three), so that a 170-character Japanese paragraph takes as many lines as a
57-word English one."""

from __future__ import annotations

import re

from pipeline.digest.sentences import split_sentences

WORDS_PER_CJK_CHAR = 1 / 3
CJK_CHAR = re.compile(  # CJK punctuation, kana, Han, full-width forms, half-width katakana
    r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uff66-\uff9f]"
)
SPLIT_WORDS = 36  # a point longer than this reads as two slides' worth (DESIGN: about 25)
PART_WORDS = 8  # neither half of a split shorter than this: no slide of a lone clause


def reading_words(text: str) -> float:
    """The text's length in words: spaced words, plus a share of a word per kana or Han
    character (Korean spaces its words, so it counts as English does)."""
    cjk = len(CJK_CHAR.findall(text))
    return len(CJK_CHAR.sub("", text).split()) + cjk * WORDS_PER_CJK_CHAR


def split_point(text: str) -> tuple[str, str] | None:
    """A long text cut in two at the sentence boundary that leaves the halves most even, each
    a run of the article's own sentences; None when it is not long, or has no boundary that
    leaves PART_WORDS on both sides."""
    if reading_words(text) <= SPLIT_WORDS:
        return None
    starts = sentence_starts(text)
    halves = [(text[:s].strip(), text[s:].strip()) for s in starts]
    halves = [h for h in halves if min(map(reading_words, h)) >= PART_WORDS]
    if not halves:
        return None
    return min(halves, key=lambda h: max(map(reading_words, h)))


def sentence_starts(text: str) -> list[int]:
    """Where each sentence after the first begins in the text (its own offsets: the text is
    cut, never rejoined, so its spacing stays as written)."""
    starts, position = [], 0
    for sentence in split_sentences(text):
        found = text.find(sentence, position)
        if found < 0:  # the splitter changed the sentence: no safe cut past here
            break
        if found > 0:
            starts.append(found)
        position = found + len(sentence)
    return starts
