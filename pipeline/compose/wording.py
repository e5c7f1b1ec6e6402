"""The fixed words the tool adds around the article's own: kickers, cues and caption labels.

The words live in each language's file, `templates/languages/<code>.toml` ([words]), chosen by
the digest's language; a language without a file gets English. The brand kit's own texts (cta,
disclaimer) are never translated: they stay as the brand wrote them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from pipeline.languages import Wording, load_words, supported_languages

__all__ = ["WORDINGS", "Wording", "generic_kickers", "wording_for"]


class LanguageWordings(Mapping[str, Wording]):
    """Every language file's words by code, read when first asked for."""

    def __getitem__(self, code: str) -> Wording:
        if code not in supported_languages():
            raise KeyError(code)
        return load_words(code)

    def __iter__(self) -> Iterator[str]:
        return iter(supported_languages())

    def __len__(self) -> int:
        return len(supported_languages())


WORDINGS: Mapping[str, Wording] = LanguageWordings()


def wording_for(language: str | None) -> Wording:
    """The table for a language code ("es", "ko-KR"); English when there is none."""
    return load_words(language)


def generic_kickers() -> frozenset[str]:
    """Kickers that say nothing a caption line needs ("Treatment"), in every language."""
    return frozenset(word.lower() for w in WORDINGS.values() for word in (w.treatment, w.key_point))
