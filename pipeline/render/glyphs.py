"""Which font draws which character: cmap coverage and script runs.

Pillow has no font fallback, so text is split into runs that one font each can draw: the text
font first, then the Korean and Japanese fonts (Japanese first for Japanese text), then a colour
emoji font when one is installed. A character no font covers is dropped and reported, never
drawn as a box ("tofu").
"""

from __future__ import annotations

import re
import struct
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Characters that join the run before them (emoji presentation, ZWJ, skin tones, combining marks).
JOINERS = frozenset({0x200D, 0xFE0E, 0xFE0F, 0x20E3, *range(0x1F3FB, 0x1F400)})
SPACES = frozenset(" \u00a0\u2009\u202f")
KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def reads_as_japanese(text: str) -> bool:
    """Kana, or kanji without Hangul: the Japanese font should draw its CJK characters."""
    return bool(KANA.search(text) or (HAN.search(text) and not HANGUL.search(text)))


@dataclass(frozen=True)
class Coverage:
    """Sorted, non-overlapping (first, last) code point ranges a font maps to a glyph."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def covers(self, char: str) -> bool:
        code = ord(char)
        index = bisect_right(self.starts, code) - 1
        return index >= 0 and code <= self.ends[index]


@lru_cache(maxsize=16)
def font_coverage(path: Path) -> Coverage:
    """Read the font's cmap (formats 4 and 12) without loading the whole font."""
    data = path.read_bytes()
    ranges = sorted(read_cmap_ranges(data))
    merged: list[list[int]] = []
    for first, last in ranges:
        if merged and first <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return Coverage(tuple(r[0] for r in merged), tuple(r[1] for r in merged))


def read_cmap_ranges(data: bytes) -> list[tuple[int, int]]:
    (num_tables,) = struct.unpack_from(">H", data, 4)
    for i in range(num_tables):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"cmap":
            return read_subtable_ranges(data, offset)
    return []


def read_subtable_ranges(data: bytes, cmap: int) -> list[tuple[int, int]]:
    """The best Unicode subtable: format 12 (full Unicode) before format 4 (BMP)."""
    (count,) = struct.unpack_from(">H", data, cmap + 2)
    found: dict[int, int] = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        if platform == 0 or (platform == 3 and encoding in (1, 10)):
            (fmt,) = struct.unpack_from(">H", data, cmap + offset)
            found.setdefault(fmt, cmap + offset)
    if 12 in found:
        return read_format12(data, found[12])
    if 4 in found:
        return read_format4(data, found[4])
    return []


def read_format12(data: bytes, table: int) -> list[tuple[int, int]]:
    (groups,) = struct.unpack_from(">I", data, table + 12)
    ranges = []
    for i in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, table + 16 + 12 * i)
        if glyph or first != last:
            ranges.append((first, last))
    return ranges


def read_format4(data: bytes, table: int) -> list[tuple[int, int]]:
    (seg_x2,) = struct.unpack_from(">H", data, table + 6)
    segs = seg_x2 // 2
    ends = struct.unpack_from(f">{segs}H", data, table + 14)
    starts = struct.unpack_from(f">{segs}H", data, table + 16 + seg_x2)
    range_at = table + 16 + 3 * seg_x2
    offsets = struct.unpack_from(f">{segs}H", data, range_at)
    ranges: list[tuple[int, int]] = []
    for i in range(segs):
        first, last = starts[i], ends[i]
        if first == 0xFFFF:
            continue
        if offsets[i] == 0:
            ranges.append((first, last))
            continue
        for code in range(first, last + 1):  # glyph ids looked up one by one
            at = range_at + 2 * i + offsets[i] + 2 * (code - first)
            (glyph,) = struct.unpack_from(">H", data, at)
            if glyph:
                ranges.append((code, code))
    return ranges


@dataclass(frozen=True)
class Run:
    """A stretch of text one font draws, named by its place in the fallback chain."""

    font: str
    text: str


FontChain = tuple[tuple[str, Path], ...]  # (name, font file), first choice first
EMOJI_PRESENTATION = "\ufe0f"


@lru_cache(maxsize=2048)  # a few articles' words and lines
def split_runs(text: str, chain: FontChain) -> tuple[tuple[Run, ...], frozenset[str]]:
    """Split text into runs of the first font covering each character; return the missing ones.

    A font's cmap is read only when an earlier font lacks a character, so plain Latin text never
    opens the Korean or emoji font.
    """
    if covers_whole(text, chain[0][1]):
        return (Run(chain[0][0], text),), frozenset()
    runs: list[Run] = []
    missing: set[str] = set()
    for index, char in enumerate(text):
        wants_emoji = text[index + 1 : index + 2] == EMOJI_PRESENTATION
        name = pick_font(char, chain, runs[-1].font if runs else None, wants_emoji)
        if name is None:
            missing.add(char)
        elif runs and runs[-1].font == name:
            runs[-1] = Run(name, runs[-1].text + char)
        else:
            runs.append(Run(name, char))
    return tuple(runs), frozenset(missing)


def covers_whole(text: str, path: Path) -> bool:
    """Whether the first font draws every character of the text, so that it is one run: the
    loop below would pick that font for each (none is a joiner, which follows the run before
    it or asks for emoji). Each distinct character is looked up once, not each occurrence."""
    if text.isascii():
        return covers_ascii(path)
    coverage = font_coverage(path)
    return all(ord(c) not in JOINERS and coverage.covers(c) for c in set(text))


@lru_cache(maxsize=16)
def covers_ascii(path: Path) -> bool:
    coverage = font_coverage(path)
    return all(coverage.covers(chr(code)) for code in range(0x20, 0x7F))


def pick_font(char: str, chain: FontChain, previous: str | None, wants_emoji: bool) -> str | None:
    if char in SPACES:
        return chain[0][0]
    if ord(char) in JOINERS:
        return previous  # None at the start of the text: a stray joiner is dropped
    if wants_emoji:  # "❤️": the emoji font first, though the text font has a plain heart
        chain = tuple(sorted(chain, key=lambda item: item[0] != "emoji"))
    for name, path in chain:
        if font_coverage(path).covers(char):
            return name
    return None
