"""Part of stage 1, load: characters no reader sees, removed before anything else reads the text.

Invisible format characters (zero-width spaces and joiners, word joiner, byte-order marks,
soft hyphens, bidi marks and every other Unicode "Cf" character) and control characters
(C0 and C1, except newline, tab and carriage return) go, both as characters and as HTML
character references ("&#8203;", "&#x1b;", "&shy;"), so that one stray escape character in a
paragraph cannot make the HTML parser give up on the article. A zero-width joiner between
two emoji and the tag characters of a flag stay: they are part of one visible emoji.
"""

from __future__ import annotations

import re

# Control characters but \t \n \r, and every format ("Cf") character of Unicode 15.
INVISIBLE_BMP = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
)
INVISIBLE_ASTRAL = (
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
INVISIBLE = f"[{INVISIBLE_BMP}{INVISIBLE_ASTRAL}]"
EMOJI = "[\u2600-\u27bf\U0001f000-\U0001faff]"
# What stays: an emoji (with its variation selector and skin tone) and the joiner after it
# when another emoji follows; a black flag and the tag characters that make it a flag.
INVISIBLE_OR_KEPT = re.compile(
    rf"(?P<kept>{EMOJI}\ufe0f?[\U0001f3fb-\U0001f3ff]?\u200d(?={EMOJI})"
    rf"|\U0001f3f4[\U000e0020-\U000e007f]+)|{INVISIBLE}"
)
# A quick test for the common case, a page with nothing to remove: one scan for an invisible
# BMP character, and a test for any astral one (an emoji or an invisible tag character), which
# are rare; ASCII text has no astral characters to look for. The scan for the BMP class alone
# is a fifth faster than for the class with the astral range, and the astral test is a
# UTF-16 encoding (in C), longer by two bytes for each astral character.
BMP_INVISIBLE = re.compile(f"[{INVISIBLE_BMP}]")
# A numeric reference to a C0 control or an invisible character (C1 numbers are Windows-1252
# punctuation in HTML: "&#150;" is an en dash), or a named one.
REFERENCE = re.compile(
    r"&#(?:x0*(?P<hex>[0-9a-f]{1,6})|0*(?P<dec>[0-9]{1,7}));?"
    r"|&(?P<name>shy|zwnj|lrm|rlm|ZeroWidthSpace|NoBreak|InvisibleTimes);",
    re.IGNORECASE,
)


def clean_characters(text: str) -> str:
    """The text without invisible format characters and control characters."""
    if "&" in text:
        text = REFERENCE.sub(drop_reference, text)
    if not BMP_INVISIBLE.search(text) and (text.isascii() or not has_astral(text)):
        return text
    return INVISIBLE_OR_KEPT.sub(lambda m: m.group("kept") or "", text)


def has_astral(text: str) -> bool:
    """Whether the text holds a character beyond the BMP (an emoji, a tag character)."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def drop_reference(match: re.Match[str]) -> str:
    """ "" for a reference to an invisible or control character; the reference otherwise."""
    if match.group("name"):
        return ""
    number = int(match.group("hex"), 16) if match.group("hex") else int(match.group("dec"))
    if 0x80 <= number <= 0x9F or number in (0x9, 0xA, 0xD, 0x200D):
        return match.group(0)  # C1 numbers are Windows-1252 punctuation, by the HTML rules
    if number == 0 or number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return ""
    return "" if re.fullmatch(INVISIBLE, chr(number)) else match.group(0)
