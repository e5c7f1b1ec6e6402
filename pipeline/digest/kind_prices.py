"""A site's price page: what it shows, not what it is called (pipeline.digest.kind).

A price list is mostly short lines with an amount in a currency, often beside the length of the
session ("Standard Treatment", "30 minutes", "$95.00"): the amount may be a card's heading. A
short page may also say its price in a sentence or two under a title that names the price
("Tarifs des consultations", "¿Qué incluye el precio de la sesión?"). A clinic's article that
names a cost in its sentences, or has a short "Fees" section, is neither.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.languages import role_sources, supported_languages
from pipeline.models import Article

PRICE = re.compile(
    r"(?:[$€£¥￥₩₹]|R\$|\b(?:USD|EUR|GBP|CHF|PKR|INR|Rs\.?|MXN|BRL|CAD|AUD|JPY|KRW)\b)\s?\d"
    r"|\d(?:[\d.,]*\d)?\s?(?:[$€£¥￥₩₹円원]|\b(?:USD|EUR|CHF|PKR|INR|euros?|reais)\b)",
    re.IGNORECASE,
)
PRICE_LINE_CHARS = 80  # a longer text with a price is a sentence about a cost, not a list entry
DURATION_LINE_CHARS = 30  # "45 minutes", "Durée : 1 heure", "60分"
MIN_PRICE_LINES = 3
PRICE_SHARE = 0.2  # of the blocks, headings too; 0.10 at most on 322 real pages with 3 prices
PRICE_PAGE_CHARS = 2000  # a page titled by its price says little else; an article says more
SENTENCE_ENDS = (".", "!", "?", "。", "！", "？")


def priced(article: Article) -> bool:
    """A page that is mostly a list of prices ("Consultation PKR 3,000 / per visit",
    "矯正精密検査 ¥33,000", a card's heading "$125.00" over "45 minutes"): short lines with an
    amount in a currency, with the sessions' lengths beside them. A post about deals or a cost
    in its sentences is not one."""
    texts = [b.text for b in article.blocks]
    prices = sum(map(price_line, texts))
    durations = sum(map(duration_line, texts))
    return prices >= MIN_PRICE_LINES and prices + durations >= PRICE_SHARE * len(texts)


def price_titled(article: Article) -> bool:
    """A short page whose title or first heading names the price ([page_kinds] price_words:
    "Tarifs des consultations", "¿Qué incluye el precio de la sesión?", "Prices") and whose
    text names an amount or the price again."""
    first = [b.text for b in article.blocks[:1] if b.kind == "heading"]
    if not any(price_words().search(name) for name in [article.title, *first] if name):
        return False
    body = [b.text for b in article.blocks if b.kind != "heading"]
    if sum(map(len, body)) > PRICE_PAGE_CHARS:
        return False
    return any(PRICE.search(text) or price_words().search(text) for text in body)


def price_line(text: str) -> bool:
    """A short line with a price that is no sentence: "Follow-up 40 €", "$125.00", not "A
    session costs $80."."""
    return is_line(text, PRICE_LINE_CHARS) and bool(PRICE.search(text))


def duration_line(text: str) -> bool:
    """A short line that gives a length of time ("45 minutes", "30 Min.", "50분"): on a price
    list, the length of the session priced beside it."""
    spaced = DIGIT_LETTER.sub(r"\1 ", text)  # "30min" as "30 min"
    return is_line(text, DURATION_LINE_CHARS) and bool(duration_pattern().search(spaced))


DIGIT_LETTER = re.compile(r"(\d)(?=[^\W\d_])")


def is_line(text: str, chars: int) -> bool:
    """A short text that does not end as a sentence does."""
    return len(text) <= chars and not text.rstrip().endswith(SENTENCE_ENDS)


@lru_cache(maxsize=1)
def price_words() -> re.Pattern[str]:
    """The words, in any language, that name what a visit costs."""
    return compile_page_words("price_words")


@lru_cache(maxsize=1)
def duration_pattern() -> re.Pattern[str]:
    """A number and a unit of time, in any language ([page_kinds] durations)."""
    units = page_words_source("durations")
    return re.compile(rf"\d(?:[.,]\d+)?\s?(?:{units})(?!\w)", re.IGNORECASE)


def compile_page_words(key: str) -> re.Pattern[str]:
    return re.compile(page_words_source(key), re.IGNORECASE)


def page_words_source(key: str) -> str:
    """Every language's [page_kinds] list `key` as one alternation (none: matches nothing)."""
    sources = [role_sources(code, "page_kinds") for code in supported_languages()]
    return "|".join(source[key] for source in sources if key in source) or "(?!x)x"
