"""A long point split at a sentence into two slides (the words counted as words.py counts)."""

from __future__ import annotations

from pipeline.compose.words import reading_words
from pipeline.digest.sentences import split_sentences

SPLIT_WORDS = 36  # a point longer than this reads as two slides' worth (DESIGN: about 25)
PART_WORDS = 8  # neither half of a split shorter than this: no slide of a lone clause


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
