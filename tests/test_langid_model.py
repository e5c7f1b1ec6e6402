"""The unpacked copy of py3langid's model in the user's cache: same answers, and only a copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import langid_model

TEXTS = {
    "de": "Rückenschmerzen sind bei Erwachsenen häufig und haben viele Ursachen.",
    "fr": "La douleur lombaire est fréquente chez les adultes et a de nombreuses causes.",
    "pt": "A dor de cabeça visual pode ter muitas causas diferentes nos adultos.",
    "en": "Knee pain is common among adults and can have many different causes.",
}


def classify_all(identifier: object) -> dict[str, str]:
    return {want: identifier.classify(text)[0] for want, text in TEXTS.items()}  # type: ignore[attr-defined]


def test_the_cached_model_answers_as_the_bundled_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = langid_model.load_identifier()  # unpacks the bundled model and saves the copy
    folder = langid_model.cache_dir()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{n}.npy" for n in langid_model.PARTS
    )
    second = langid_model.load_identifier()  # maps the copy
    assert classify_all(first) == classify_all(second) == {k: k for k in TEXTS}


def test_a_broken_or_unwritable_cache_falls_back_to_the_bundled_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    cache.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    assert classify_all(langid_model.load_identifier()) == {k: k for k in TEXTS}
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "good"))
    folder = langid_model.cache_dir()
    folder.mkdir(parents=True)
    (folder / "ptc.npy").write_bytes(b"not an array")
    assert classify_all(langid_model.load_identifier()) == {k: k for k in TEXTS}
    assert len((folder / "ptc.npy").read_bytes()) > 1_000_000  # and the damaged copy is made again
