"""The page's declared language is taken without the classifier only when the text's stop
words plainly agree; every other text is left to the classifier, which answers as before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import languages
from pipeline.extract import extract_article
from pipeline.languages import SAMPLE_CHARS, declared_language_clear, detect_language
from pipeline.load import load_source
from tests.conftest import ROOT, SAMPLES
from tests.test_languages import SNIPPETS

ENGLISH = " ".join(SNIPPETS["en"]) * 2  # two snippets twice: 60 words, a third stop words
SPANISH = " ".join(SNIPPETS["es"]) * 2
PORTUGUESE = " ".join(SNIPPETS["pt"]) * 2


def no_classifier() -> object:
    raise AssertionError("the classifier was asked")


def test_a_text_plainly_in_its_declared_language_skips_the_classifier(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(languages, "identifier", no_classifier)
    assert detect_language(ENGLISH, hint="en-GB") == "en"
    assert detect_language(" ".join(SNIPPETS["de"]) * 2, hint="de") == "de"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (SPANISH, "en"),  # a wrong declaration
        (ENGLISH, "de"),
        (ENGLISH, "nl"),  # a language without a file
        (SNIPPETS["en"][0], "en"),  # too few words to be plain
        (PORTUGUESE, "es"),  # a close language: left to the classifier
    ],
)
def test_other_texts_are_left_to_the_classifier(text: str, hint: str) -> None:
    assert not declared_language_clear(text[:SAMPLE_CHARS], hint)


def test_a_wrong_declaration_is_still_overruled() -> None:
    assert detect_language(SPANISH, hint="en") == "es"
    assert detect_language(ENGLISH, hint="de") == "en"


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.*")), ids=lambda p: p.name)
def test_samples_get_the_classifier_s_answer(path: Path) -> None:
    if not path.name.endswith((".html", ".md")):
        pytest.skip("not an article")
    article = extract_article(load_source(str(path), allow_private=False))
    sample = " ".join([article.title, *(b.text for b in article.blocks[:20])])
    code, _ = languages.identifier().classify(sample[:SAMPLE_CHARS])
    if code not in ("ko", "ja"):  # those are told by their script
        assert detect_language(sample, hint=article.language) == code


def test_extraction_imports_no_language_model() -> None:
    """trafilatura is imported with py3langid hidden (numpy comes with it), and py3langid is
    importable again afterwards, for the texts that need the classifier."""
    probe = (
        "import sys, pipeline.extract.article, trafilatura.utils as u;"
        "print('numpy' in sys.modules, u.LANGID_FLAG);"
        "import py3langid; print('numpy' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "False", "True"]
