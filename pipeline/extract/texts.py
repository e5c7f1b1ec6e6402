"""Part of stage 2, extract: a text's white space and its words, as the steps compare them."""

from __future__ import annotations

import re

from pipeline.load.chars import clean_characters

# After str.split and a join, every run of white space is one " " (str.split and re's \s take
# the same characters as white space, the no-break space among them).
SPACE_BEFORE_PUNCTUATION = re.compile(r" ([,.;:!?])")
WORDS = re.compile(r"\w+")


def clean_text(text: str) -> str:
    """The text without invisible characters, its white space (no-break spaces too) collapsed
    to single spaces and trimmed, and no space before a comma, stop or other punctuation."""
    text = " ".join(clean_characters(text).split())
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", text) if " " in text else text


# For ASCII text, each byte that is no word character (re's \w: a letter, a digit or "_")
# becomes a space: bytes.translate does in C what the regular expression does character by
# character, a third faster on the texts of a page's menus, footers and links.
WORD_BYTES = bytes(b if chr(b).isalnum() or b == ord("_") else 32 for b in range(128))
ASCII_NON_WORDS_TABLE = WORD_BYTES + bytes([32]) * 128  # a table of all 256 bytes


def normalise(text: str) -> str:
    """The text's words, lower-cased, one space between them: what is compared across a
    page's regions, links and blocks."""
    if text.isascii():
        words = text.lower().encode().translate(ASCII_NON_WORDS_TABLE).split()
        return b" ".join(words).decode()
    return " ".join(WORDS.findall(text.lower()))  # a fifth faster than replacing the rest
