"""Health-copy rules in every supported language: each rule flags a claim and lets its hedged
twin through; a negatable rule lets the negated claim through too."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.digest.sentences import split_sentences
from pipeline.extract import extract_article
from pipeline.health import (
    REMOVE_CLAIM,
    Checked,
    check_all,
    check_text,
    load_rules,
    rules_for,
    rules_path,
)
from pipeline.languages import detect_language, supported_languages
from pipeline.load import load_source
from pipeline.models import ConfigError
from tests.conftest import CORPUS, SAMPLES

# (language, rule, claim, hedged twin, negated claim or None when the rule is not negatable)
CASES = [
    ("es", "guaranteed", "Resultados garantizados desde la primera sesión.",
     "Muchos pacientes notan mejoría desde la primera sesión.",
     "No garantizamos resultados: cada cuerpo es distinto."),
    ("es", "cure", "Esta terapia cura la ciática.", "Esta terapia puede ayudar con la ciática.",
     "No existe una cura para la artrosis."),
    ("es", "miracle", "Un tratamiento milagroso para la espalda.",
     "Un tratamiento para la espalda.", None),
    ("es", "100-percent", "Un tratamiento 100% eficaz.",
     "Un tratamiento eficaz para muchas personas.", None),
    ("es", "no-side-effects", "Un método natural y sin efectos secundarios.",
     "Un método natural; como todo tratamiento, puede tener efectos secundarios.", None),
    ("es", "clinically-proven", "Un método clínicamente probado contra el dolor.",
     "Un método que algunos estudios han analizado.", None),
    ("es", "permanent", "Alivio permanente del dolor de espalda.",
     "Alivio del dolor de espalda.", None),
    ("es", "reader-condition-question", "¿Sufres de dolor de espalda?",
     "El dolor de espalda es frecuente en quienes trabajan sentados.", None),
    ("fr", "guaranteed", "Des résultats garantis dès la première séance.",
     "Beaucoup de patients se sentent mieux après quelques séances.",
     "Nous ne pouvons pas garantir de résultats."),
    ("fr", "cure", "L'acupuncture guérit la migraine.",
     "L'acupuncture peut aider contre la migraine.",
     "Aucun traitement ne peut guérir l'arthrose."),
    ("fr", "miracle", "Une méthode miracle contre le mal de dos.",
     "Une méthode contre le mal de dos.", None),
    ("fr", "100-percent", "Une méthode efficace à 100 %.",
     "Une méthode efficace chez de nombreux patients.", None),
    ("fr", "no-side-effects", "Une technique douce et sans effets secondaires.",
     "Une technique douce ; comme tout soin, elle peut avoir des effets secondaires.", None),
    ("fr", "clinically-proven", "Une méthode scientifiquement prouvée contre la douleur.",
     "Une méthode étudiée contre la douleur.", None),
    ("fr", "permanent", "Un soulagement définitif de vos douleurs.",
     "Un soulagement de vos douleurs.", None),
    ("fr", "reader-condition-question", "Souffrez-vous de maux de dos ?",
     "Le mal de dos touche beaucoup de personnes.", None),
    ("de", "guaranteed", "Garantierte Ergebnisse nach drei Sitzungen.",
     "Viele Patienten spüren nach drei Sitzungen eine Besserung.",
     "Wir können keine Ergebnisse garantieren."),
    ("de", "cure", "Akupunktur heilt Migräne.", "Akupunktur kann bei Migräne helfen.",
     "Akupunktur heilt Migräne nicht."),
    ("de", "cure", "Physiotherapie kann Rückenschmerzen heilen.",
     "Physiotherapie kann bei Rückenschmerzen helfen.",
     "Es gibt keine Heilung für Arthrose."),
    ("de", "miracle", "Ein Wundermittel gegen Rückenschmerzen.",
     "Ein Mittel, das bei Rückenschmerzen helfen kann.", None),
    ("de", "100-percent", "Die Methode ist zu 100 % wirksam.",
     "Die Methode ist bei vielen Patienten wirksam.", None),
    ("de", "no-side-effects", "Sanft und ohne Nebenwirkungen.",
     "Sanft; wie jede Behandlung kann sie Nebenwirkungen haben.", None),
    ("de", "clinically-proven", "Eine klinisch bewiesene Methode gegen Rückenschmerzen.",
     "Eine Methode gegen Rückenschmerzen.", None),
    ("de", "permanent", "Dauerhafte Linderung Ihrer Beschwerden.",
     "Linderung Ihrer Beschwerden.", None),
    ("de", "reader-condition-question", "Leiden Sie unter Rückenschmerzen?",
     "Rückenschmerzen sind häufig.", None),
    ("pt", "guaranteed", "Resultados garantidos já na primeira sessão.",
     "Muitos pacientes notam melhora já na primeira sessão.", "Não garantimos resultados."),
    ("pt", "cure", "A acupuntura cura a enxaqueca.",
     "A acupuntura pode ajudar com a enxaqueca.", "Não existe uma cura para a artrose."),
    ("pt", "miracle", "Um tratamento milagroso para a dor nas costas.",
     "Um tratamento para a dor nas costas.", None),
    ("pt", "100-percent", "Um tratamento 100% eficaz.", "Um tratamento eficaz.", None),
    ("pt", "no-side-effects", "Um método natural e sem efeitos colaterais.",
     "Um método natural.", None),
    ("pt", "clinically-proven", "Um método cientificamente comprovado contra a dor.",
     "Um método contra a dor.", None),
    ("pt", "permanent", "Alívio definitivo da dor nas costas.", "Alívio da dor nas costas.",
     None),
    ("pt", "reader-condition-question", "Você sofre de dor nas costas?",
     "A dor nas costas é comum em quem trabalha sentado.", None),
    ("it", "guaranteed", "Risultati garantiti fin dalla prima seduta.",
     "Molti pazienti notano un miglioramento già dalla prima seduta.",
     "Non possiamo garantire risultati."),
    ("it", "cure", "L'agopuntura guarisce la cervicale.",
     "L'agopuntura può aiutare a trattare la cervicale.",
     "Nessun trattamento può guarire l'artrosi."),
    ("it", "cure", "La cura definitiva per il mal di schiena.",
     "Le cure fisioterapiche per il mal di schiena.",
     "Non esiste una cura definitiva per l'artrosi."),
    ("it", "miracle", "Un rimedio miracoloso per il mal di schiena.",
     "Un rimedio per il mal di schiena.", None),
    ("it", "100-percent", "Un trattamento efficace al 100%.", "Un trattamento efficace.", None),
    ("it", "no-side-effects", "Un metodo naturale e senza effetti collaterali.",
     "Un metodo naturale.", None),
    ("it", "clinically-proven", "Un metodo scientificamente provato contro il dolore.",
     "Un metodo contro il dolore.", None),
    ("it", "permanent", "Sollievo definitivo dal mal di schiena.",
     "Sollievo dal mal di schiena.", None),
    ("it", "reader-condition-question", "Soffri di mal di schiena?",
     "Il mal di schiena è molto comune.", None),
    ("ko", "cure", "무릎 통증, 이제 완치됩니다.",
     "무릎 통증, 꾸준히 관리하면 좋아질 수 있습니다.", "모든 통증이 완치되는 것은 아닙니다."),
    ("ko", "cure", "허리 디스크도 완치될 수 있습니다.", "허리 디스크도 좋아질 수 있습니다.",
     None),
    ("ko", "100-percent", "100% 완치를 목표로 합니다.", "꾸준한 치료를 목표로 합니다.", None),
    ("ko", "100-percent", "100% 효과를 경험하세요.", "효과를 경험하세요.", None),
    ("ko", "guaranteed", "3회 치료로 반드시 좋아질 것이라 확신합니다.",
     "꾸준히 관리하면 좋아질 수 있습니다.", "효과를 보장해 드릴 수는 없습니다."),
    ("ko", "no-side-effects", "부작용 없는 안전한 치료입니다.",
     "치료 전 부작용에 대해 충분히 설명해 드립니다.", None),
    ("ko", "miracle", "기적의 치료법을 만나 보세요.", "치료법을 만나 보세요.", None),
    ("ko", "clinically-proven", "임상적으로 입증된 치료법입니다.", "치료법입니다.", None),
    ("ko", "permanent", "재발 없는 허리 치료.", "허리 치료.", None),
    ("ko", "reader-condition-question", "허리 통증으로 고생하고 계신가요?",
     "허리 통증은 흔한 증상입니다.", None),
    ("ja", "cure", "肩こりを完治させます。", "肩こりの改善を目指します。",
     "すべての痛みが完治するわけではありません。"),
    ("ja", "guaranteed", "必ず治る整体です。", "改善を目指す整体です。",
     "必ず治るとは限りません。"),
    ("ja", "guaranteed", "効果を保証します。", "効果には個人差があります。",
     "効果を保証するものではありません。"),
    ("ja", "100-percent", "100%効果を実感できます。", "効果を実感できます。", None),
    ("ja", "no-side-effects", "副作用なしの安心施術。", "施術前に副作用についてご説明します。",
     None),
    ("ja", "miracle", "奇跡の整体で腰痛改善。", "整体で腰痛改善。", None),
    ("ja", "clinically-proven", "科学的に証明された施術法です。",
     "研究が進められている施術法です。", None),
    ("ja", "permanent", "再発しない体づくり。", "再発しにくい体づくりを目指します。", None),
    ("ja", "reader-condition-question", "しつこい肩こりでお悩みではありませんか？",
     "肩こりは多くの方に見られます。", None),
]  # fmt: skip
IDS = [f"{language}-{rule}-{i}" for i, (language, rule, *_) in enumerate(CASES)]


def rules_fired(text: str, language: str) -> set[str]:
    return {finding.rule for finding in check_text(text, rules_for(language), headline=True)}


@pytest.mark.parametrize(("language", "rule", "claim", "twin", "negated"), CASES, ids=IDS)
def test_claim_is_flagged_and_its_hedged_twin_is_not(
    language: str, rule: str, claim: str, twin: str, negated: str | None
) -> None:
    assert rule in rules_fired(claim, language)
    assert rule not in rules_fired(twin, language)
    if negated is not None:
        assert rule not in rules_fired(negated, language)


@pytest.mark.parametrize(("language", "rule", "claim", "twin", "negated"), CASES, ids=IDS)
def test_the_suggestion_no_longer_makes_the_claim(
    language: str, rule: str, claim: str, twin: str, negated: str | None
) -> None:
    findings = [f for f in check_text(claim, rules_for(language), True) if f.rule == rule]
    suggestion = findings[0].suggestion
    assert suggestion == REMOVE_CLAIM or rule not in rules_fired(suggestion, language)


def test_negated_cases_belong_to_negatable_rules() -> None:
    for language, rule, _, _, negated in CASES:
        (found,) = [r for r in rules_for(language).rules if r.id == rule]
        assert found.negatable or negated is None, (language, rule)


@pytest.mark.parametrize(
    ("language", "claim", "suggestion"),
    [
        ("es", "Esta terapia cura la ciática.", "Esta terapia puede ayudar con la ciática."),
        ("es", "Un método natural y sin efectos secundarios.", "Un método natural."),
        ("fr", "L'acupuncture guérit la migraine.", "L'acupuncture peut aider contre la migraine."),
        ("de", "Akupunktur heilt Migräne.", "Akupunktur kann bei Migräne helfen."),
        ("de", "Garantierte Ergebnisse nach drei Sitzungen.", "Ergebnisse nach drei Sitzungen."),
        ("pt", "Um tratamento 100% eficaz.", "Um tratamento eficaz."),
        ("it", "Sollievo definitivo dal mal di schiena.", "Sollievo dal mal di schiena."),
        ("ko", "허리 디스크도 완치될 수 있습니다.", "허리 디스크도 좋아질 수 있습니다."),
        ("ko", "100% 완치를 목표로 합니다.", REMOVE_CLAIM),
        ("ja", "奇跡の整体で腰痛改善。", "整体で腰痛改善。"),
    ],
)
def test_hedged_suggestions(language: str, claim: str, suggestion: str) -> None:
    (finding, *_) = check_text(claim, rules_for(language), True)
    assert finding.suggestion == suggestion


def test_every_supported_language_has_rules_of_its_own() -> None:
    files = {load_rules(path).language for path in rules_path().parent.glob("health*.toml")}
    assert set(supported_languages()) <= files and "*" in files


def test_a_post_gets_its_languages_rules_plus_the_independent_ones() -> None:
    spanish = {rule.id for rule in rules_for("es-MX").rules}
    assert "number-one" in spanish and "treats-condition" not in spanish
    assert rules_for("es").language == "es" and rules_for("nl").language == "nl"
    assert {r.id for r in rules_for("nl").rules} == {r.id for r in rules_for("en").rules}
    # an English rule does not fire on Italian "cure" (care, treatments)
    assert not check_all_text("Le cure fisioterapiche aiutano molti pazienti.", "it")
    assert check_all_text("Il centro No.1 per il mal di schiena.", "it") == ["number-one"]
    assert check_all_text("강남 No.1 한의원입니다.", "ko") == ["number-one"]


def check_all_text(text: str, language: str) -> list[str]:
    return [f.rule for f in check_all([Checked("caption.txt", text)], language=language)]


def test_a_rules_file_with_a_bad_negation_after_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "health-xx.toml"
    path.write_text(
        'language = "xx"\nnegation_after = "("\n[[rule]]\nid = "a"\nseverity = "warn"\n'
        'forms = [["a", "b"]]\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="negation_after: bad pattern"):
        load_rules(path)


def article_blocks(path: Path) -> tuple[str, list[str]]:
    """The article's language and its sentences, title first."""
    article = extract_article(load_source(str(path), allow_private=False))
    sentences = [s for block in article.blocks for s in split_sentences(block.text)]
    return detect_language(f"{article.title}\n{article.text}"), [article.title, *sentences]


def test_real_articles_in_other_languages_get_no_block() -> None:
    """The samples, and the shared corpus's Italian and Portuguese articles when present."""
    files = CORPUS / "clinic-dev" / "files"
    paths = [SAMPLES / "es-dolor-de-espalda.md", SAMPLES / "ko-knee-pain.md"]
    paths += [files / "davegamba--mal-di-schiena-parte-2.md"]
    paths += [files / "melhor-visao--dor-de-cabeca-visual.md"]
    for path in (p for p in paths if p.is_file()):
        language, sentences = article_blocks(path)
        assert language != "en", path.name
        for sentence in sentences:
            findings = check_text(sentence, rules_for(language), headline=True)
            assert not [f for f in findings if f.severity == "block"], (path.name, sentence)
