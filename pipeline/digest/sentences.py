"""Sentence tools for the digest: splitting, faithful trimming, word stems and ranking.

Trimming keeps the article's own words: a text is cut only at a sentence or clause boundary,
never mid-word, and never where the dropped part holds a negation or a limiting condition
("do not apply ice directly", "until the pain has gone"). A clause cut is marked with "…".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from pipeline.digest.vocabulary import term_pattern

ELLIPSIS = "…"
SHORT_WORDS = 20
QUOTE_WORDS = (8, 30)
MIN_CUT_WORDS = 5

# A sentence ends after . ! or ? (and a closing quote or bracket, which stays with it).
# A Japanese or Chinese full stop ends a sentence whatever follows it, with or without a space;
# Markdown's hard line breaks ("\ ") between two sentences go with the space.
SENTENCE_END = re.compile(
    r"(?:(?<=[.!?。])|(?<=[.!?。][\"”’')]))(?:\\?\s)+(?=[“\"‘'(]?[A-Z0-9À-ÖØ-ÞÁÉÍÓÚÑ¿¡가-힣])"
    r"|(?<=[。！？])\s*(?=[^\s」』）)])"
)
# Two sentences glued without a space ("...the sciatic nerve.The pain"), not "www.Example".
GLUED_HINT = re.compile(r"[a-zß-öø-ÿ][.!?][A-ZÀ-ÖØ-Þ]")
GLUED = re.compile(r"(?<=[a-zß-öø-ÿ]{3}[.!?])(?<!www[.])(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2})")
# Places a clause may end: punctuation first, else just before a linking word ("and", "which").
CLAUSE_CUTS = (
    re.compile(r"[,;:—–]\s"),
    re.compile(
        r"\s(?=(and|which|because|so that|while|whereas|as well as|by \w+ing"
        r"|y|que|porque|mientras)\s)"
    ),
)
# The rest of a list after a comma: ", heat packs and gentle exercise."
WORDS_1_3 = r"[^\s,;:]+(?:\s[^\s,;:]+){0,2}"
LIST_TAIL = re.compile(rf",?\s(?:{WORDS_1_3},\s)*({WORDS_1_3}\s)?(and|or|y|o)\s{WORDS_1_3}[.!?]?$")
# Words that must never be cut away: dropping them would flip or widen the claim.
GUARD = re.compile(
    r"\b(not|no|never|none|nor|cannot|avoid|without|unless|until|except|only|if|but|however"
    r"|nunca|sin|evite|evitar|salvo|hasta|si|pas|jamais|sans|nicht|nie|kein\w*|ohne|não|nunca"
    r"|sem|non|mai|senza)\b|n['’]t\b|않|안 |못|없|말고|마세요|금지|ない|ません|ず[、。]",
    re.I,
)
# A bracketed aside with the space before it; one that warns must stay.
ASIDE = re.compile(r"\s*\([^()]*\)")
ASIDE_GUARD = re.compile(
    r"\b(not|never|cannot|avoid|unless|except|if|nunca|evite|evitar|salvo)\b|n['’]t\b|않|못|없|마세요",
    re.I,
)
# Sentences that lean on the one before them.
LEANS_BACK = re.compile(
    r"(This|These|That|Those|They|It|Its|Their|Such|Both|Therefore|Thus|Hence|However|But|And"
    r"|Also|Otherwise|Instead|Esto|Esta|Este|Estos|Estas|Eso|Por eso|Sin embargo|Adem[aá]s|"
    r"이것은|이는|이러한|이때)\b"
)
# Sentences about the article itself rather than the condition.
META = re.compile(
    r"\b(let[’']s|let us|in this (post|article|blog)|below|read on|we[’']ll"
    r"|we will (look|explore)|(I|we) hope (this|that|it)|as (described|mentioned) above)\b",
    re.I,
)
OPENS_MID_STORY = re.compile(
    r"(This|These|That|Those|They|Them|It|Its|He|She|His|Her|Their|Also|However|So|But|And|Or|"
    r"Then|Therefore|Thus|Again|Here|Secondly|Firstly|Finally|Well|As|By|Over|Both|Such|Which|"
    r"Esto|Esta|Este|Estos|Estas|Eso|Ello|Por eso|Además|Pero|También|이것은|이는|이러한|그래서|"
    r"하지만|또한|그러나|따라서)\b"
)
STOPWORDS = frozenset(
    """a an and are as at be been being but by can could did do does for from had has have how
    i if in into is it its just may me might more most much my no not of on or our out over so
    such than that the their them then there these they this those to too up us very was we
    were what when where which while who why will with would you your also about after all any
    before both each few here just only other own same some under until again further once
    el la los las un una unos unas y o de del al en con por para que se su sus es son lo como
    más pero muy ya también le les nos este esta estos estas ese esa""".split()  # noqa: SIM905
)


def split_sentences(text: str) -> list[str]:
    """Sentences of a text, keeping abbreviations like "Dr." or "e.g." inside their sentence;
    two sentences glued without a space ("...the nerve.The pain") are two."""
    if GLUED_HINT.search(text):
        text = GLUED.sub(" ", text)
    pieces = [p.strip() for p in SENTENCE_END.split(text) if p and p.strip()]
    sentences: list[str] = []
    for piece in pieces:
        if sentences and ends_with_abbreviation(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


@lru_cache(maxsize=1)
def abbreviation_end() -> re.Pattern[str]:
    """An abbreviation at a text's end, of any language (`abbreviation` in the language
    files' [signals]: "Dr.", "e.g.", "z.B.", "bzw.", "p. ex.")."""
    return re.compile(rf"(?:{term_pattern('signals', 'abbreviation').pattern})$")


def ends_with_abbreviation(text: str) -> bool:
    return abbreviation_end().search(text[-12:]) is not None


IDEOGRAPHS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # kana and Han: written without spaces


def word_count(text: str) -> int:
    return len(text.split())


def shorten(text: str, max_words: int = SHORT_WORDS) -> str:
    """The first sentence, cut back at a safe clause boundary if it is still too long.

    When the first sentence has no safe cut, a later sentence that fits is used instead; when
    none fits either, the first sentence is kept whole (the card shrinks its type).
    """
    sentences = split_sentences(text) or [text.strip()]
    for sentence in sentences:
        sentence = close_parenthesis(sentence)
        if word_count(sentence) <= max_words:
            return sentence
        bare = drop_asides(sentence)
        if word_count(bare) <= max_words:
            return bare
        cut = cut_clause(bare, max_words) or cut_clause(sentence, max_words)
        if cut:
            return cut
    return sentences[0]


def drop_asides(sentence: str) -> str:
    """The sentence with its bracketed asides left out ("be as low … as possible"), unless
    one holds a warning ("(never on bare skin)") or the sentence would be left too short."""
    bare = ASIDE.sub(f" {ELLIPSIS}", sentence)  # the omission stays marked, as a clause cut is
    bare = re.sub(rf" {ELLIPSIS}\.", ELLIPSIS, bare)
    bare = re.sub(rf" {ELLIPSIS}([,;:!?])", rf"{ELLIPSIS}\1", bare).strip()
    dropped = " ".join(ASIDE.findall(sentence))
    if ASIDE_GUARD.search(dropped) or word_count(bare) < MIN_CUT_WORDS:
        return sentence
    return bare


def close_parenthesis(sentence: str) -> str:
    """A sentence whose bracket is never closed is cut before the bracket, when that is safe."""
    if sentence.count("(") <= sentence.count(")"):
        return sentence
    start = sentence.rfind("(")
    prefix, dropped = sentence[:start].rstrip(" ,"), sentence[start:]
    return prefix + ELLIPSIS if is_safe_cut(prefix, dropped) else sentence


def cut_clause(sentence: str, max_words: int) -> str | None:
    """The longest prefix of at most `max_words` words ending at a safe clause boundary: at a
    punctuation mark when there is one ("wear and tear" is not split), else before a link word."""
    for boundary in CLAUSE_CUTS:
        best: str | None = None
        for match in boundary.finditer(sentence):
            prefix = sentence[: match.start()].rstrip(" ,;:—–")
            if word_count(prefix) > max_words:
                break
            if is_safe_cut(prefix, sentence[match.start() :]):
                best = prefix
        if best:
            return best + ELLIPSIS
    return None


def is_safe_cut(prefix: str, dropped: str) -> bool:
    """A cut keeps enough words, drops no negation or condition, closes its brackets, does not
    end on a dangling word, and does not leave a list half-told ("diet…" of "diet, heat, rest")."""
    return (
        word_count(prefix) >= MIN_CUT_WORDS
        and not GUARD.search(dropped)
        and not LIST_TAIL.match(dropped)
        and prefix.count("(") == prefix.count(")")
        and not re.search(r"\b(such as|like|e\.g|for example|including|of|the|a|to)$", prefix, re.I)
    )


def stems(text: str) -> list[str]:
    """Content-word stems: five letters of a Latin word, two syllables of a Korean one."""
    found: list[str] = []
    for word in re.findall(r"\w+", text.lower()):
        if word in STOPWORDS or word.isdigit():
            continue
        if re.match(r"[가-힣]", word):
            found.append(word[:2])
        elif len(word) > 2:
            found.append(word[:5])
    return found


@lru_cache(maxsize=4096)
def stem_set(text: str) -> frozenset[str]:
    """The distinct stems of a text (cached: ranking asks for each sentence many times)."""
    return frozenset(stems(text))


def stands_alone(sentence: str, finished: bool = True) -> bool:
    """A sentence a reader understands without the text around it; `finished=False` also takes
    a list item that has no full stop ("Rest from sporting activity until the pain resolves")."""
    low, high = QUOTE_WORDS
    end = sentence.rstrip("”\"'")
    return (
        low <= word_count(sentence) <= high
        and (end.endswith((".", "!")) or (not finished and end[-1:].isalnum()))
        and not OPENS_MID_STORY.match(sentence)
        and not META.search(sentence)
        and sentence.count("(") == sentence.count(")")
        and sentence.count("“") == sentence.count("”")
        and re.match(r"[“\"‘'¿¡]?[A-Z0-9ÁÉÍÓÚÑ가-힣]", sentence) is not None
    )


def rank_central(sentences: Sequence[str], bonus: Iterable[str] = ()) -> list[str]:
    """Sentences ordered by how much of the text's vocabulary they share (most central first)."""
    counts = Counter(s for sentence in sentences for s in stem_set(sentence))
    favoured = set(bonus)

    def score(sentence: str) -> float:
        own = stem_set(sentence)
        if not own:
            return 0.0
        shared = sum(counts[s] - 1 for s in own) + 2 * len(own & favoured)
        return shared / (len(own) + 4)

    return sorted(sentences, key=score, reverse=True)


def pick_quotes(
    sentences: Sequence[str], bonus: Iterable[str] = (), items: Sequence[str] = (), limit: int = 4
) -> list[str]:
    """Up to `limit` pull quotes that stand alone, in article order, no two alike; list items
    without a full stop are used only when fewer than two sentences qualify."""
    candidates = [s for s in dict.fromkeys(sentences) if stands_alone(s)]
    if len(candidates) < 2:
        candidates += [i for i in items if stands_alone(i, finished=False) and i not in candidates]
    chosen: list[str] = []
    for sentence in rank_central(candidates, bonus):
        if all(overlap(sentence, other) < 0.6 for other in chosen):
            chosen.append(sentence)
        if len(chosen) == limit:
            break
    return sorted(chosen, key=candidates.index)


def overlap(first: str, second: str) -> float:
    a, b = stem_set(first), stem_set(second)
    return len(a & b) / max(1, min(len(a), len(b)))


def size(text: str) -> int:
    """Words, or for a text written without spaces (Japanese) about a word per three
    characters."""
    words = word_count(text)
    return max(words, len(text) // 3) if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text) else words
