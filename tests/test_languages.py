"""Languages as data: every file loads whole, detection is right on real text, a ninth
language is a file, and a language without a file gets English with a warning."""

from __future__ import annotations

import re
import shutil
from dataclasses import asdict
from pathlib import Path

import pytest

from pipeline.brand import resource_dir
from pipeline.compose.wording import WORDINGS, wording_for
from pipeline.extract import extract_article
from pipeline.languages import (
    OTHER,
    ROLES,
    WORDING_FIELDS,
    detect_language,
    load_language,
    role_sources,
    supported_languages,
)
from pipeline.lazy_patterns import PatternsOnUse
from pipeline.load import load_source
from pipeline.models import ConfigError
from tests.conftest import SAMPLES, corpus_dir

LANGUAGES = ("en", "es", "ko", "fr", "de", "pt", "it", "ja")
# Two or three sentences of clinic-blog text per language, written for these tests.
SNIPPETS = {
    "en": [
        "Knee pain often starts slowly. Many runners notice a dull ache around the kneecap "
        "after long runs, and it gets worse on stairs.",
        "When should you see a doctor? If your back pain comes with numbness or weakness in "
        "the legs, book an appointment straight away.",
    ],
    "es": [
        "El dolor de rodilla suele aparecer poco a poco. Muchos corredores notan una molestia "
        "alrededor de la rótula después de correr.",
        "¿Cuándo conviene ir al médico? Si el dolor de espalda viene con hormigueo o debilidad "
        "en las piernas, pide cita cuanto antes.",
    ],
    "fr": [
        "La douleur au genou apparaît souvent progressivement. Beaucoup de coureurs ressentent "
        "une gêne autour de la rotule après l'effort.",
        "Quand faut-il consulter un médecin ? Si votre mal de dos s'accompagne de fourmillements "
        "dans les jambes, prenez rendez-vous rapidement.",
    ],
    "de": [
        "Knieschmerzen beginnen oft schleichend. Viele Läufer spüren nach langen Strecken einen "
        "dumpfen Schmerz rund um die Kniescheibe.",
        "Wann sollten Sie zum Arzt gehen? Wenn Rückenschmerzen mit Taubheit oder Schwäche in den "
        "Beinen einhergehen, vereinbaren Sie bald einen Termin.",
    ],
    "pt": [
        "A dor no joelho costuma começar aos poucos. Muitos corredores sentem um incômodo ao "
        "redor da patela depois de treinos longos.",
        "Quando procurar um médico? Se a dor nas costas vier acompanhada de formigamento ou "
        "fraqueza nas pernas, agende uma consulta o quanto antes.",
    ],
    "it": [
        "Il dolore al ginocchio spesso compare gradualmente. Molti corridori avvertono un "
        "fastidio intorno alla rotula dopo le uscite più lunghe.",
        "Quando rivolgersi al medico? Se il mal di schiena si accompagna a formicolio o "
        "debolezza alle gambe, prenota subito una visita.",
    ],
    "ko": [
        "무릎 통증은 서서히 시작되는 경우가 많습니다. 오래 달린 뒤 무릎뼈 주변이 뻐근하다고 "
        "느끼는 분들이 많습니다.",
        "언제 병원에 가야 할까요? 허리 통증과 함께 다리가 저리거나 힘이 빠진다면 바로 예약하세요.",
    ],
    "ja": [
        "膝の痛みは少しずつ始まることが多いです。長い距離を走ったあと、膝のお皿のまわりに"
        "違和感を覚える方も少なくありません。",
        "どんなときに受診すべきでしょうか。腰の痛みに足のしびれが伴う場合は、早めにご予約"
        "ください。",
    ],
}
CORPUS_FILES = [
    ("davegamba--mal-di-schiena-parte-2.md", "it"),
    ("melhor-visao--dor-de-cabeca-visual.md", "pt"),
]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_file_has_every_role_and_word(code: str) -> None:
    language = load_language(code)
    assert language.code == code and language.warning is None and language.name
    assert set(language.headings) == set(language.cues) == set(ROLES)
    words = asdict(language.words)
    assert set(words) == set(WORDING_FIELDS) and all(value.strip() for value in words.values())
    for field in ("alt_quote", "alt_slide"):
        assert "{position}" in words[field] and "{total}" in words[field]
    assert "{topic}" in words["alt_point"] and "{where}" in words["alt_closing"]
    assert len(language.stopwords) >= 100


def test_the_bundled_languages_are_the_eight() -> None:
    assert set(supported_languages()) == set(LANGUAGES)
    assert set(WORDINGS) == set(LANGUAGES)


@pytest.mark.parametrize(
    ("code", "heading", "role"),
    [
        ("en", "What are the symptoms of runner's knee?", "symptom"),
        ("en", "Signs you may have plantar fasciitis", "symptom"),
        ("en", "Why does it happen?", "cause"),
        ("en", "Risk factors", "cause"),
        ("en", "How can physiotherapy help?", "treatment"),
        ("en", "Treatment options", "treatment"),
        ("en", "What you can do at home", "selfcare"),
        ("en", "Prevention", "selfcare"),
        ("en", "When to see a doctor about these symptoms", "professional"),
        ("en", "Case study", "case"),
        ("en", "The bottom line", "conclusion"),
        ("en", "FAQ", "faq"),
        ("en", "Book now", "cta"),
        ("en", "References", "references"),
        ("en", "Because it hurts", OTHER),
        ("en", "Summer running", OTHER),
        ("es", "Conclusión", "conclusion"),
        ("es", "En resumen", "conclusion"),
        ("es", "Referencias", "references"),
        ("es", "¿Cuándo acudir al médico?", "professional"),
        ("de", "Fazit", "conclusion"),
        ("de", "Quellen", "references"),
        ("de", "Behandlungsmöglichkeiten", "treatment"),
        ("de", "Übungen für zu Hause", "selfcare"),
        ("fr", "En conclusion", "conclusion"),
        ("fr", "Sources", "references"),
        ("fr", "Astuce pour pallier à la douleur", "selfcare"),
        ("it", "In sintesi", "conclusion"),
        ("it", "Domande frequenti", "faq"),
        ("pt", "Em resumo", "conclusion"),
        ("pt", "Quando procurar um médico", "professional"),
        ("ko", "결론", "conclusion"),
        ("ko", "참고문헌", "references"),
        ("ko", "교통사고 후유증의 원인과 해결 방법", "cause"),
        ("ko", "자주 묻는 질문", "faq"),
        ("ko", "치료 사례", "case"),
        ("ja", "まとめ", "conclusion"),
        ("ja", "参考文献", "references"),
        ("ja", "当院の施術", "treatment"),
        ("ja", "セルフケア", "selfcare"),
    ],
)
def test_heading_roles(code: str, heading: str, role: str) -> None:
    assert load_language(code).heading_role(heading) == role


@pytest.mark.parametrize(
    ("code", "sentence", "role"),
    [
        ("en", "Plantar fasciitis is often caused by tight calf muscles.", "cause"),
        ("en", "In conclusion, keep moving and pace yourself.", "conclusion"),
        ("en", "Call us to book your first session.", "cta"),
        ("es", "El dolor se debe a una sobrecarga del tendón.", "cause"),
        ("fr", "La douleur est causée par une inflammation du tendon.", "cause"),
        ("de", "Die Schmerzen werden verursacht durch eine Überlastung.", "cause"),
        ("de", "Zusammenfassend gilt: in Bewegung bleiben.", "conclusion"),
        ("ko", "통증의 원인은 근육 불균형입니다.", "cause"),
        ("ko", "결론적으로 꾸준한 운동이 중요합니다.", "conclusion"),
        ("ja", "肩こりは姿勢の乱れによって起こることがあります。", "cause"),
        ("ja", "まとめると、こまめに体を動かすことが大切です。", "conclusion"),
        ("fr", "Prenez rendez-vous via le lien en bio.", "cta"),
    ],
)
def test_cue_roles(code: str, sentence: str, role: str) -> None:
    assert role in load_language(code).cue_roles(sentence)


@pytest.mark.parametrize(
    ("code", "text"), [(code, text) for code, texts in SNIPPETS.items() for text in texts]
)
def test_detection_on_snippets(code: str, text: str) -> None:
    assert detect_language(text) == code
    assert detect_language(re.split(r"(?<=[.?。])\s*", text)[0]) == code  # the first sentence


@pytest.mark.parametrize(
    ("sample", "code"),
    [
        ("es-dolor-de-espalda.md", "es"),
        ("ko-knee-pain.md", "ko"),
        ("knee-pain-muscle-imbalance.html", "en"),
    ],
)
def test_detection_on_samples(sample: str, code: str) -> None:
    assert detect_language(article_text(SAMPLES / sample)) == code


@pytest.mark.parametrize(("name", "code"), CORPUS_FILES)
def test_detection_on_corpus_articles(name: str, code: str) -> None:
    path = corpus_dir("clinic-dev") / "files" / name
    if not path.is_file():
        pytest.skip(f"../shared/corpus/clinic-dev/files/{name} is absent")
    assert detect_language(article_text(path)) == code


def article_text(path: Path) -> str:
    article = extract_article(load_source(str(path), allow_private=False))
    return f"{article.title}\n\n{article.text}"


def test_the_page_lang_decides_only_a_text_too_short_to_tell() -> None:
    assert detect_language("Dr. Lee", hint="pt-BR") == "pt"
    assert detect_language("", hint=None) == "en"
    assert detect_language(SNIPPETS["de"][0], hint="en-US") == "de"
    assert detect_language("膝の痛み", hint="en") == "ja"  # kana decide at any length
    assert detect_language("무릎 통증", hint="en") == "ko"


def test_detection_is_deterministic() -> None:
    """The same text always gets the same answer (its speed is `make bench`'s to measure)."""
    text = article_text(SAMPLES / "knee-pain-muscle-imbalance.html")
    assert {detect_language(text) for _ in range(20)} == {"en"}


def test_a_language_without_a_file_gets_english_and_a_warning() -> None:
    language = load_language("nl-BE")
    assert language.code == "en"
    assert language.warning == "no language file for 'nl': the cards use English words"
    assert language.words == load_language("en").words == wording_for("xx")
    assert load_language("es-MX").warning is None and wording_for("es-MX") == WORDINGS["es"]
    assert load_language("../templates/x").warning  # a code never names a path


def test_a_ninth_language_is_a_file(tmp_path: Path) -> None:
    languages = tmp_path / "languages"
    shutil.copytree(resource_dir("templates") / "languages", languages)
    english = (languages / "en.toml").read_text(encoding="utf-8")
    dutch = english.replace('name = "English"', 'name = "Dutch"').replace(
        'symptom = "Symptom"', 'symptom = "Klacht"'
    )
    (languages / "nl.toml").write_text(dutch, encoding="utf-8")
    assert "nl" in supported_languages(tmp_path)
    language = load_language("nl", tmp_path)
    assert (language.code, language.name, language.warning) == ("nl", "Dutch", None)
    assert language.words.symptom == "Klacht"
    assert load_language("nl").warning  # the bundled folder still has no Dutch


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('selfcare = "What you can do"\n', ""), "'words.selfcare' must be a text"),
        (('swipe = "Swipe →"', "swipe = 3"), "'words.swipe' must be a text"),
        (("\n[cues]\n", "\n[cues]\nlegs = ['knee']\n"), "'cues.legs' is not a role"),
        (("faq = [\n  'frequently", "faq = [\n  '(frequently"), "'cues.faq' has a bad pattern"),
        (('match = "word-start"', 'match = "fuzzy"'), "'match' must be one of"),
        (("\n[stopwords]", "\n[stopword]"), "'stopword' unknown key"),
        (('name = "English"', "name = 1"), "'name' must be a text"),
        (("\n[words]", "\n[words\n"), "is not valid TOML"),
        (("\nabout = ['about", "\nabout = ['(about"), "'page_kinds.about' has a bad pattern"),
    ],
)
def test_bad_language_file_is_a_config_error_naming_file_and_key(
    change: tuple[str, str], message: str, tmp_path: Path
) -> None:
    english = (resource_dir("templates") / "languages" / "en.toml").read_text(encoding="utf-8")
    assert change[0] in english
    (tmp_path / "languages").mkdir()
    path = tmp_path / "languages" / "en.toml"
    path.write_text(english.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)) as error:
        load_language("en", tmp_path)
    assert str(path) in str(error.value)


def test_role_sources_are_the_patterns_load_language_compiles() -> None:
    """The all-language patterns are built from the files' uncompiled sources: the same text
    as each language's own compiled pattern."""
    for code in supported_languages():
        language = load_language(code)
        for kind in ("headings", "cues"):
            sources = role_sources(code, kind)
            assert sources == {role: p.pattern for role, p in getattr(language, kind).items()}


def test_a_fragment_that_breaks_the_all_language_pattern_is_a_config_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pipeline.digest import vocabulary

    monkeypatch.setattr(vocabulary, "role_sources", lambda code, kind: {"faq": "(?:(unclosed)"})
    vocabulary.term_pattern.cache_clear()
    try:
        with pytest.raises(ConfigError, match="patterns for 'faq' do not compile"):
            vocabulary.term_pattern("cues", "faq")
    finally:
        vocabulary.term_pattern.cache_clear()


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_bundled_pattern_compiles(code: str) -> None:
    """The bundled files' patterns are compiled on first use in a run: here, all of them."""
    language = load_language(code)
    for table in ("headings", "cues", "signals", "points", "page_kinds"):
        patterns = getattr(language, table)
        assert all(isinstance(patterns[name], re.Pattern) for name in patterns), table
    assert set(language.headings) == set(ROLES) and set(language.cues) == set(ROLES)


def test_patterns_are_compiled_once_and_only_when_looked_up() -> None:
    made: list[str] = []

    def make(name: str) -> re.Pattern[str]:
        made.append(name)
        if name == "bad":
            raise ConfigError("bad pattern")
        return re.compile(name)

    patterns = PatternsOnUse(("knee", "back", "bad"), make)
    assert (list(patterns), len(patterns), made) == (["knee", "back", "bad"], 3, [])
    assert patterns["knee"] is patterns["knee"] and made == ["knee"]
    assert patterns.get("hip") is None and "hip" not in patterns and made == ["knee"]
    with pytest.raises(ConfigError):
        patterns["bad"]
    with pytest.raises(ConfigError):
        patterns.compile_all()
    assert made == ["knee", "bad", "back", "bad"]  # a failed one is tried again
