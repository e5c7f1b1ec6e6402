"""Languages as data: one `templates/languages/<code>.toml` file per language.

A file holds the heading vocabulary of each section role, sentence cue phrases, stop words and
the fixed words of the cards and captions. Adding a language is adding a file. A language
without a file gets the English file, with a warning that says so.

The language of a text is told by its script first (Hangul, kana), then by the language the
page declares when the text's stop words plainly agree, else by py3langid, whose model ships
inside its package.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, NoReturn

from pipeline.brand import resource_dir
from pipeline.lazy_patterns import PatternsOnUse
from pipeline.models import ConfigError
from pipeline.patterncache import compile_cached

# Section roles with a vocabulary, in the order that breaks a tie between two heading matches
# at the same place; a heading that matches none is "other".
ROLES = (
    "cta", "references", "faq", "professional", "selfcare", "case", "conclusion",
    "symptom", "cause", "treatment",
)  # fmt: skip
OTHER = "other"
FALLBACK = "en"
MATCH_MODES = ("word-start", "anywhere")
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")  # ISO 639: a code never names a path
FILE_KEYS = (
    "name",
    "match",
    "headings",
    "cues",
    "signals",
    "stopwords",
    "words",
    "points",
    "page_kinds",
)
SAMPLE_CHARS = 1500  # enough to tell a language; keeps detection at about 1-2 ms
MIN_LETTERS = 12  # fewer Latin letters than this are too few for the classifier
MIN_CONFIDENCE = 0.5  # a classifier answer below this counts as undecided
CLEAR_WORDS = 30  # a shorter text (a title) is left to the classifier
CLEAR_SHARE = 0.25  # clinic articles run 25-53 % stop words in their own language
STOP_MARGIN = 2.0  # and at most 10 % in another one; Spanish runs 28 % French ones
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
SCRIPT_LANGUAGES = ("ko", "ja")
# Korean, Japanese and Chinese letters: hangul syllables, kana and Han
EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
SCRIPTS = {
    "hangul": re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]"),
    "kana": re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]"),
    "letters": re.compile(r"[^\W\d_]"),
}


@dataclass(frozen=True)
class Wording:
    """The fixed words the tool adds around the article's own, in one language."""

    symptom: str
    cause: str
    takeaway: str
    treatment: str
    key_point: str
    next_step: str
    selfcare: str  # kicker of a self-care slide ("What you can do")
    case: str  # kicker of a patient-story slide
    swipe: str
    story_kicker: str
    story_note: str
    from_blog: str  # the quote card's source line, before the headline
    from_article: str  # the quote caption's line, before the headline
    book: str  # the caption's call to action when the brand kit has none
    # alt text: what each image shows ({position}, {total}, {where}, {topic} are filled in)
    alt_quote: str
    alt_story: str
    alt_slide: str
    alt_cover: str
    alt_closing: str
    alt_next_step: str
    alt_point: str
    alt_topic: str


WORDING_FIELDS = tuple(f.name for f in fields(Wording))


@dataclass(frozen=True)
class Language:
    """One language's data. `headings` and `cues` hold one compiled, case-insensitive regex
    per role in ROLES; use `.search()` on a heading or a sentence."""

    code: str
    name: str
    headings: Mapping[str, re.Pattern[str]]
    cues: Mapping[str, re.Pattern[str]]
    stopwords: frozenset[str]  # lower case
    words: Wording
    warning: str | None = None  # set when this is English standing in for a missing language
    # optional [signals]: named word lists that weigh a sentence without naming a role
    # ("complaint": pain, dolor, 통증), one compiled regex per name
    signals: Mapping[str, re.Pattern[str]] = field(default_factory=dict)
    # optional [points] block: cue phrases of the treatment and self-care points (digest.points_*)
    points: Mapping[str, re.Pattern[str]] = field(default_factory=dict)
    # optional [page_kinds]: what the site's other pages call themselves (digest.kind)
    page_kinds: Mapping[str, re.Pattern[str]] = field(default_factory=dict)

    def heading_role(self, heading: str) -> str:
        """The role whose heading words start earliest in the heading; "other" for none."""
        found = [
            (m.start(), i) for i, r in enumerate(ROLES) if (m := self.headings[r].search(heading))
        ]
        return ROLES[min(found)[1]] if found else OTHER

    def cue_roles(self, sentence: str) -> tuple[str, ...]:
        """Every role with a cue phrase in the sentence, in ROLES order."""
        return tuple(role for role in ROLES if self.cues[role].search(sentence))


def base_code(code: str | None) -> str:
    """ "pt-BR", "ko_KR", "ES" -> "pt", "ko", "es"; English when none is given."""
    return (code or FALLBACK).strip().split("-")[0].split("_")[0].lower() or FALLBACK


def languages_dir(templates: Path | None = None) -> Path:
    return (templates or resource_dir("templates")) / "languages"


@lru_cache(maxsize=8)
def supported_languages(templates: Path | None = None) -> tuple[str, ...]:
    """The codes that have a language file, sorted."""
    return tuple(sorted(path.stem for path in languages_dir(templates).glob("*.toml")))


def missing_language_warning(code: str) -> str:
    return f"no language file for '{code}': the cards use English words"


@lru_cache(maxsize=64)
def load_language(code: str | None, templates: Path | None = None) -> Language:
    """The language's file, read once per process; English with a `warning` when it has none.

    `templates` is a templates folder to read instead of the bundled one: its patterns are
    checked at once. The bundled files' patterns are compiled when first used (the tests
    compile them all).
    """
    wanted = base_code(code)
    path = languages_dir(templates) / f"{wanted}.toml"
    if LANGUAGE_CODE.fullmatch(wanted) and path.is_file():
        return read_language(path, check=templates is not None)
    if wanted == FALLBACK:
        raise ConfigError(f"language file {path} is missing from the installation")
    english = load_language(FALLBACK, templates)
    return replace(english, warning=missing_language_warning(wanted))


@lru_cache(maxsize=64)
def load_words(code: str | None, templates: Path | None = None) -> Wording:
    """Only the fixed words of a language's file (English when it has none): what compose
    needs of every language, without compiling its heading and cue patterns."""
    wanted = base_code(code)
    path = languages_dir(templates) / f"{wanted}.toml"
    if LANGUAGE_CODE.fullmatch(wanted) and path.is_file():
        return read_wording(read_file(path), path)
    return load_language(FALLBACK, templates).words


def read_language(path: Path, check: bool = True) -> Language:
    """The file's language; its patterns are compiled at first use, or all now with `check`."""
    data = read_file(path)
    unknown = [key for key in data if key not in FILE_KEYS]
    if unknown:
        fail(path, unknown[0], f"unknown key (expected one of: {', '.join(FILE_KEYS)})")
    mode = data.get("match", "word-start")
    if mode not in MATCH_MODES:
        fail(path, "match", f"must be one of: {', '.join(MATCH_MODES)}")
    headings = read_patterns(data, "headings", path, mode)
    cues = read_patterns(data, "cues", path, mode)
    signals, points, page_kinds = (
        read_cue_lists(data, key, path, mode) for key in ("signals", "points", "page_kinds")
    )
    if check:
        for patterns in (headings, cues, signals, points, page_kinds):
            patterns.compile_all()
    return Language(
        code=path.stem,
        name=text(data, "name", path),
        headings=headings,
        cues=cues,
        stopwords=read_stopwords(data, path),
        words=read_wording(data, path),
        signals=signals,
        points=points,
        page_kinds=page_kinds,
    )


@lru_cache(maxsize=64)
def read_file(path: Path) -> dict[str, Any]:
    """The file's TOML, parsed once per process (shared: only read, never changed)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"language file {path} is not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"language file {path} is not UTF-8 text: save it as UTF-8") from None


def fail(path: Path, key: str, problem: str) -> NoReturn:
    raise ConfigError(f"language file {path}: '{key}' {problem}")


def text(data: dict[str, Any], key: str, path: Path, prefix: str = "") -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        fail(path, f"{prefix}{key}", "must be a text in quotes")
    return str(value)


def table(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        fail(path, key, f"is missing: add a [{key}] table")
    return dict(value or {})


def text_list(data: dict[str, Any], key: str, path: Path, prefix: str = "") -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        fail(path, f"{prefix}{key}", 'must be a list of texts, e.g. ["symptoms", "signs"]')
    return [str(v) for v in value or []]


def read_patterns(data: dict[str, Any], key: str, path: Path, mode: str) -> PatternsOnUse:
    """One regex per role from its list of fragments; every role must have a list."""
    roles = table(data, key, path)
    unknown = [role for role in roles if role not in ROLES]
    if unknown:
        fail(path, f"{key}.{unknown[0]}", f"is not a role (roles: {', '.join(ROLES)})")
    fragments = {role: text_list(roles, role, path, f"{key}.") for role in ROLES}
    return PatternsOnUse(
        ROLES, lambda role: compile_fragments(fragments[role], mode, path, f"{key}.{role}")
    )


@lru_cache(maxsize=64)
def role_sources(code: str, kind: str) -> dict[str, str]:
    """A language's "headings" or "cues" (one uncompiled pattern per role), or an optional
    table of named lists ("signals", "points", "page_kinds"): for patterns built over every language
    (pipeline.digest.vocabulary), which compile them once, together. `load_language` is what
    checks the file; a bad fragment shows when they are compiled."""
    path = languages_dir() / f"{code}.toml"
    data = read_file(path)
    if kind not in ("headings", "cues") and kind not in data:
        return {}
    mode = data.get("match", "word-start")
    names = table(data, kind, path)
    return {name: pattern_source(text_list(names, name, path, f"{kind}."), mode) for name in names}


def pattern_source(fragments: list[str], mode: str) -> str:
    """ "word-start": a fragment starts a word ("cause" finds "Causes", not "because")."""
    start = r"(?<!\w)" if mode == "word-start" else ""
    return start + "(?:" + "|".join(fragments) + ")"


def compile_fragments(fragments: list[str], mode: str, path: Path, key: str) -> re.Pattern[str]:
    try:
        return compile_cached(pattern_source(fragments, mode), re.IGNORECASE)
    except re.error as combined:
        for fragment in fragments:  # name the fragment at fault
            try:
                re.compile(fragment)
            except re.error as exc:
                fail(path, key, f"has a bad pattern {fragment!r} ({exc})")
        fail(path, key, f"has patterns that do not go together ({combined})")


def read_cue_lists(data: dict[str, Any], key: str, path: Path, mode: str) -> PatternsOnUse:
    """An optional table of named fragment lists ("[signals]", "[points]"), one regex per
    name; a bad fragment is named by its key ("signals.complaint")."""
    lists = table(data, key, path) if key in data else {}
    fragments = {name: text_list(lists, name, path, f"{key}.") for name in lists}
    return PatternsOnUse(
        tuple(fragments),
        lambda name: compile_fragments(fragments[name], mode, path, f"{key}.{name}"),
    )


def read_stopwords(data: dict[str, Any], path: Path) -> frozenset[str]:
    stopwords = table(data, "stopwords", path)
    text(stopwords, "source", path, "stopwords.")
    return frozenset(word.lower() for word in text_list(stopwords, "words", path, "stopwords."))


def read_wording(data: dict[str, Any], path: Path) -> Wording:
    words = table(data, "words", path)
    unknown = [key for key in words if key not in WORDING_FIELDS]
    if unknown:
        fail(path, f"words.{unknown[0]}", f"is not a word field ({', '.join(WORDING_FIELDS)})")
    return Wording(**{key: text(words, key, path, "words.") for key in WORDING_FIELDS})


def detect_language(text: str, hint: str | None = None) -> str:
    """The language code of a text: by script for Korean and Japanese, else by py3langid.

    The page's own `hint` (its lang attribute) decides only when the text is too short, or
    the classifier too unsure, to tell. The answer may be a code without a language file.
    """
    sample = text[:SAMPLE_CHARS]
    counts = script_counts(sample)
    letters = counts["letters"]
    if counts["hangul"] and counts["hangul"] >= 0.3 * letters:
        return "ko"
    if counts["kana"] and counts["kana"] >= 0.05 * letters:
        return "ja"
    if letters < MIN_LETTERS:
        return base_code(hint)
    if hint and declared_language_clear(sample, base_code(hint)):
        return base_code(hint)
    code, confidence = identifier().classify(sample)
    if confidence < MIN_CONFIDENCE and hint:
        return base_code(hint)
    return str(code)


def declared_language_clear(sample: str, code: str) -> bool:
    """The page's declared language plainly is the text's own: in a text of CLEAR_WORDS words
    or more, its stop words are at least CLEAR_SHARE of the words, and STOP_MARGIN times the
    share of any other language with a file. Such a text needs no classifier (whose model
    costs more to load than the rest of the digest); a page that declares a wrong language, a
    language without a file, or a text close to another language (Spanish and Portuguese
    share many stop words) is left to the classifier."""
    stopwords = stopword_lists()
    if code not in stopwords:
        return False
    words = [word.lower() for word in WORD.findall(sample)]
    if len(words) < CLEAR_WORDS:
        return False
    shares = {
        other: sum(w in listed for w in words) / len(words) for other, listed in stopwords.items()
    }
    own = shares.pop(code)
    return own >= CLEAR_SHARE and own >= STOP_MARGIN * max(shares.values(), default=0.0)


@lru_cache(maxsize=1)
def stopword_lists() -> dict[str, frozenset[str]]:
    """The stop words of every bundled language written with spaces between words (Korean
    and Japanese are told by their script)."""
    found = {}
    for code in supported_languages():
        if code not in SCRIPT_LANGUAGES:
            path = languages_dir() / f"{code}.toml"
            found[code] = read_stopwords(read_file(path), path)
    return found


def script_counts(text: str) -> dict[str, int]:
    """Letters by script: "hangul", "kana", and "letters" (all, Latin included)."""
    return {name: len(pattern.findall(text)) for name, pattern in SCRIPTS.items()}


@lru_cache(maxsize=1)
def identifier() -> Any:
    """py3langid's bundled model (97 languages), with probabilities that sum to 1; imported on
    first use, so that Korean and Japanese posts and commands that detect nothing skip it."""
    from pipeline.langid_model import load_identifier

    return load_identifier()
