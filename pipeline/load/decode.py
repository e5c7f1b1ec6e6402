"""Part of stage 1, load: bytes to text, the way browsers do it.

A byte-order mark wins, then the HTTP header's charset, then a <meta> charset, then
detection (valid UTF-8 first, then charset-normalizer, which takes Windows-1252 for Latin
text when it fits); UTF-8 when all else fails.
"""

from __future__ import annotations

import codecs
import re

from pipeline.load.chars import clean_characters

META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
}


def decode_html(body: bytes, header_charset: str | None) -> tuple[str, str]:
    """Bytes to text: a byte-order mark wins (as in browsers), then the HTTP header's
    charset, then a <meta> charset, then detection (valid UTF-8 first, then
    charset-normalizer); UTF-8 when all else fails. Invisible and control characters go
    (pipeline/load/chars.py).

    A <meta> charset is overruled by valid multi-byte UTF-8: pages saved by a browser are
    re-encoded as UTF-8 but keep their original <meta>, and other text is almost never
    valid UTF-8 by accident."""
    for bom, bom_encoding in BOMS:
        if body.startswith(bom):
            return clean_characters(body.decode(bom_encoding, errors="replace")), bom_encoding
    encoding = known_codec(header_charset)
    if encoding is None:
        match = META_CHARSET.search(body[:4096])
        encoding = known_codec(match.group(1).decode("ascii")) if match else None
        if encoding not in (None, "utf-8") and is_utf8(body):
            encoding = "utf-8"
    if encoding is None and (body.isascii() or is_utf8(body)):
        encoding = "utf-8"
    if encoding is None:
        encoding = detect_charset(body[:65536])
    return clean_characters(body.decode(encoding, errors="replace")), encoding


def detect_charset(sample: bytes) -> str:
    """charset-normalizer's guess, except Windows-1252 for Latin text when that is one of its
    candidates: on a few accented letters it often guesses cp1250 or even cp1006, turning
    "na\xefve" into "naďve"."""
    import charset_normalizer  # here: 15 ms to import, for the rare page it is needed for

    results = charset_normalizer.from_bytes(sample)
    best = results.best()
    guess = known_codec(best.encoding if best else None) or "utf-8"
    if best is None or guess == "cp1252":
        return guess
    candidate = any(known_codec(match.encoding) == "cp1252" for match in results)
    latin = all("Latin" in name or "Punctuation" in name for name in best.alphabets)
    letters = sum(byte < 0x80 and chr(byte).isalpha() for byte in sample)
    few_others = sum(byte >= 0x80 for byte in sample) * 20 <= letters
    return "cp1252" if candidate and (latin or few_others) else guess


def is_utf8(body: bytes) -> bool:
    """Valid UTF-8 with at least one multi-byte character."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not body.isascii()


def known_codec(name: str | None) -> str | None:
    if not name:
        return None
    name = WHATWG_ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
