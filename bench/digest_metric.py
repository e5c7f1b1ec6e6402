"""Pure scoring functions for the digest benchmark (bench/bench_digest.py): strings in, numbers out.

- `normalise`: NFKC, HTML entities decoded, tags and Markdown link/emphasis syntax removed,
  typographic quotes made plain, whitespace collapsed, lower-cased: the answer key's own rule.
- `tokens`: Unicode word runs; a run holding Hangul, kana or CJK ideographs becomes its
  character bigrams (Korean is agglutinative and Japanese has no spaces, so whole runs would
  almost never match), so token F1 means the same in every language.
- `f1` / `containment`: multiset token overlap; containment is the share of the truth's
  tokens found in the other text.
- `match_items`: a maximum one-to-one matching of truth items to found items (augmenting
  paths), where a pair counts when `item_matches` holds for any of the found item's forms.
- `chrome_reasons`: why a found string looks like site chrome, template code or a reference
  list rather than article prose; general patterns, never per site.
- `untraced_pieces`: the clause pieces of a drawn text that are not in the source text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

HEADLINE_F1 = 0.8
FIELD_F1 = 0.25
ITEM_F1 = 0.35
ITEM_CONTAINMENT = 0.5

WORD = re.compile(r"\w+")
CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7a3]")
TAG = re.compile(r"<[^>]{1,300}>")
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"\*+|__+|(?<!\w)_+|_+(?!\w)")
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
# clause and sentence boundaries a drawn text may have been trimmed at
PIECE_SPLIT = re.compile(
    r"[.!?;:,。、！？；：]+(?=\s|$)|[。、！？；：…]|\.\.\.|\s[·•–—-]\s|[·•]|[()\[\]]"
)
PIECE_EDGES = " \"'`«»¿¡*-–—/"
ASIDE = re.compile(r"\s*\([^()]*\)")

LATIN = "[a-zA-Z\u00c0-\u024f]"  # glued footnote numbers: Latin script only (CJK glues numbers)
CHROME = {
    # the word alone or heading a compound ("Cookie-Einstellungen"), but not the hyphened
    # adjective "cookie-cutter" ("no cookie-cutter plans"): lower case after the hyphen
    "cookie notice": r"\bcookies?\b(?!-(?-i:[a-z]))",
    "subscribe": r"\bsubscri(be|ption)\b|suscr[ií]b|abonn|abonnier|inscreva|iscriviti",
    "newsletter": r"newsletter|bolet[ií]n",
    "copyright": r"©|\bcopyright\b|all rights reserved|todos los derechos",
    "navigation": r"\b(skip to (main )?content|main menu|toggle navigation|back to top"
    r"|previous post|next post|related (posts|articles)|leave a (comment|reply)"
    r"|share (this|on)|posted in|follow us|breadcrumb)\b|^(home|menu|blog|contact( us)?)$",
    "read more": r"\bread more\b|continue reading|leer m[aá]s|lire la suite|weiterlesen"
    r"|leia mais|ler mais|leggi di pi[uù]|더\s?보기|続きを読む",
    "footnote marker": rf"\[\d{{1,3}}\]|\[\^\w+\]|{LATIN}{{3,}}\d{{1,3}}(?=[\s,.;:)]|$)"
    rf"|{LATIN}{{2}}[.,;:)]\d{{1,3}}(,\d{{1,3}})*(?=\s|$)"
    # a number after a word, then a comma, or a stop that ends the text ("INRS 22, les",
    # "strategy 3."): never a numbered label ("Fase 3: Preparazione") or an ordinal inside
    # a sentence ("nach der 3. Behandlung")
    rf"|{LATIN}{{3}} \d{{1,3}}(?:,(?=\s|$)|[.;:]$)",
    "reference list": r"\bet al\b|\bdoi\b|\bretrieved (from|on)\b|\bpubmed\b|\bpmid\b"
    r"|\bisbn\b|\bvol\.\s*\d|\bpp\.\s*\d",
    "link or url": r"https?://|\bwww\.|\]\(",
    "template code": r"\{\{|\}\}|\{%|%\}|<\?|\?>|<%|%>|@(section|include|extends|yield)\b"
    r"|</?[a-z][a-z0-9]*[\s>/]|&[a-z]+;|&#\d+;|\\$|^\s*[-+]{3}\s*$",
}
POINT_CHROME = {"e-mail": r"[\w.+-]+@[\w-]+\.[\w.]+"}
PHONE = re.compile(r"(?<![\w.,])\+?\(?\d[\d ()./-]{6,}\d(?![\w.,])")
PHONE_DIGITS = 9  # fewer digits are years, dates and page ranges
CHROME_RES = {name: re.compile(p, re.I | re.M) for name, p in CHROME.items()}
POINT_CHROME_RES = {name: re.compile(p, re.I) for name, p in POINT_CHROME.items()}


def normalise(text: str) -> str:
    text = html.unescape(unicodedata.normalize("NFKC", text))
    text = unicodedata.normalize("NFKC", text)
    text = INVISIBLE.sub("", TAG.sub(" ", text))
    text = EMPHASIS.sub("", MD_LINK.sub(r"\1", text))
    return " ".join(text.translate(QUOTES).split()).lower()


def tokens(text: str) -> list[str]:
    found: list[str] = []
    for run in WORD.findall(normalise(text)):
        if CJK.search(run) and len(run) > 1:
            found += [run[i : i + 2] for i in range(len(run) - 1)]
        else:
            found.append(run)
    return found


def f1(truth: str, found: str) -> float:
    want, got = Counter(tokens(truth)), Counter(tokens(found))
    shared = sum((want & got).values())
    if not shared:
        return 0.0
    precision, recall = shared / sum(got.values()), shared / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def containment(truth: str, found: str) -> float:
    want, got = Counter(tokens(truth)), Counter(tokens(found))
    total = sum(want.values())
    return sum((want & got).values()) / total if total else 0.0


def field_matches(truth: str, found: str | None, threshold: float = FIELD_F1) -> bool:
    return found is not None and f1(truth, found) >= threshold


def item_matches(truth: str, forms: Sequence[str]) -> bool:
    """A truth item matches a found item (given as its forms, e.g. text and label+text)."""
    return any(
        f1(truth, form) >= ITEM_F1 or containment(truth, form) >= ITEM_CONTAINMENT for form in forms
    )


def match_items(truth: Sequence[str], found: Sequence[Sequence[str]]) -> dict[int, int]:
    """Truth index -> found index, as many pairs as possible, each item used once."""
    edges = [[j for j, forms in enumerate(found) if item_matches(t, forms)] for t in truth]
    owner: dict[int, int] = {}  # found index -> truth index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(truth)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def chrome_reasons(text: str, *, point: bool = False) -> list[str]:
    """Why the text looks like chrome; phone numbers and e-mail addresses only in points."""
    checks = {**CHROME_RES, **(POINT_CHROME_RES if point else {})}
    reasons = [name for name, pattern in checks.items() if pattern.search(text)]
    return reasons + (["phone number"] if point and has_phone(text) else [])


def has_phone(text: str) -> bool:
    return any(len(re.sub(r"\D", "", m)) >= PHONE_DIGITS for m in PHONE.findall(text))


def pieces(text: str) -> list[str]:
    """A drawn text cut at sentence and clause boundaries, ellipses and list separators."""
    parts = (p.strip(PIECE_EDGES) for p in PIECE_SPLIT.split(normalise(text)))
    return [p for p in parts if WORD.search(p)]


def source_forms(source: str) -> tuple[str, str]:
    """The normalised source, and the same with bracketed asides left out (cards drop them)."""
    text = normalise(source)
    return text, " ".join(ASIDE.sub("", text).split())


def untraced_pieces(text: str, source: tuple[str, str]) -> list[str]:
    return [p for p in pieces(text) if p not in source[0] and p not in source[1]]


def strip_fixed(text: str, fixed: Sequence[str]) -> str:
    """The text without the tool's fixed words: "" when it is one, else minus a fixed lead-in."""
    text = text.strip()
    if text in fixed:
        return ""
    for word in sorted((f for f in fixed if f), key=len, reverse=True):
        if text.startswith(word + " "):
            return text[len(word) + 1 :].strip()
    return text
