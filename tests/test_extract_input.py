"""extract, input side: what arrives before the article is read.

Invisible characters and control characters never reach a block (nor make the parser give
up); server-side template code never leaks into the text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.extract.article import extract_article
from pipeline.load.chars import clean_characters
from pipeline.load.source import read_file
from pipeline.models import Article, Page

DATA = Path(__file__).parent / "data" / "extract"
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\x00-\x08\x0b-\x1f]")
WORDS = " ".join(
    f"Runners feel knee pain {n} when the thigh muscles tire and the kneecap drifts."
    for n in ("first", "later", "often", "again")
)


def html_page(paragraph: str) -> Page:
    body = f"<p>{WORDS}</p><p>{paragraph}</p><p>{WORDS.replace('pain', 'ache')}</p>"
    text = f"<html><body><article><h1>Knee pain</h1>{body}</article></body></html>"
    return Page(origin="made-up.html", text=text, kind="html")


def all_text(article: Article) -> str:
    return article.title + "\n" + "\n".join(b.text for b in article.blocks)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("zero\u200bwidth\u200c and\u2060joined", "zerowidth andjoined"),
        ("\ufeffBOM and soft\u00adhyphen", "BOM and softhyphen"),
        ("bidi \u200emark\u200f and \u202aembedding\u202c", "bidi mark and embedding"),
        ("escape \x1b bell \x07 C1 \x85 kept\ttab\nline", "escape  bell  C1  kept\ttab\nline"),
        ("refs &#27;&#x200B;&#8203;&shy;&zwnj;&lrm;&#0; gone", "refs  gone"),
        ("&#150; &amp; &#233; &#x1F600; stay", "&#150; &amp; &#233; &#x1F600; stay"),
        ("family \U0001f468\u200d\U0001f469\u200d\U0001f467 stays", None),
        ("a\u200db loose joiner goes", "ab loose joiner goes"),
    ],
)
def test_invisible_and_control_characters_go(raw: str, clean: str | None) -> None:
    assert clean_characters(raw) == (raw if clean is None else clean)


@pytest.mark.parametrize("escape", ["&#27;", "&#x1b;", "\x1b", "&#0;", "\x00", "\x07"])
def test_one_control_character_in_a_paragraph_does_not_lose_the_article(escape: str) -> None:
    article = extract_article(html_page(f"A stray {escape} escape sits in this sentence."))
    assert "A stray escape sits in this sentence." in all_text(article)
    assert "Runners feel knee pain first" in all_text(article)
    assert not INVISIBLE.search(all_text(article)) and "\ufffd" not in all_text(article)


def test_naver_export_with_zero_width_spaces_reads_clean() -> None:
    article = extract_article(read_file(DATA / "naver-zero-width.html"))
    text = all_text(article)
    assert article.title == "무릎 앞쪽 통증, 왜 생길까요?"
    assert "허벅지 앞쪽 근육과 엉덩이 근육의 불균형" in text
    assert "도수치료로 굳은 근육을 풀고, 약해진 엉덩이 근육을 강화하는 운동을" in text
    assert not INVISIBLE.search(text)
    assert all(b.text.strip() for b in article.blocks)
