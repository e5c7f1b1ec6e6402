"""Treatment points told in prose: a list inside a sentence ("may include A, B and C"), a list
that a labelled paragraph stands before, a bold "Treatment:" paragraph under each cause, and
a diagnosis section beside the treatments. Small made-up articles in several languages, and
the corpus's redistributable posts when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.brand import resource_dir
from pipeline.digest.points_prose import list_items, split_prose_list
from pipeline.digest.story import digest_article
from pipeline.extract import extract_article
from pipeline.languages import load_language, supported_languages
from pipeline.load import load_source
from pipeline.models import Article, Block, ConfigError, Point
from tests.conftest import corpus_dir
from tests.factories import heading, item, para


def treatment(blocks: list[Block], title: str = "Knee pain") -> list[Point]:
    return list(digest_article(Article(title=title, blocks=tuple(blocks))).treatment_points)


def texts(points: list[Point] | None) -> list[str]:
    return [p.text for p in points or []]


def test_a_list_after_may_include_gives_one_point_per_method_in_english() -> None:
    sentence = "Treatment may include education, pelvic floor exercises and manual therapy."
    assert texts(split_prose_list(sentence)) == [
        "education",
        "pelvic floor exercises",
        "manual therapy",
    ]


def test_a_spanish_list_ends_before_the_clause_that_follows_it() -> None:
    sentence = (
        "Utilizo técnicas de fisioterapia, como terapia manual profunda, movilizaciones y "
        "estiramientos, para restaurar el equilibrio natural."
    )
    assert texts(split_prose_list(sentence)) == [
        "terapia manual profunda",
        "movilizaciones",
        "estiramientos",
    ]


def test_a_listed_method_of_nine_words_is_still_a_method_in_portuguese() -> None:
    """ "o uso de óculos ou lentes de contato corretivas" is one method (glasses or lenses)."""
    sentence = (
        "O tratamento pode incluir o uso de óculos ou lentes de contato corretivas, "
        "exercícios para os olhos ou cirurgia."
    )
    assert texts(split_prose_list(sentence)) == [
        "o uso de óculos ou lentes de contato corretivas",
        "exercícios para os olhos",
        "cirurgia",
    ]


def test_a_list_after_utilizing_gives_its_methods_and_keeps_the_head() -> None:
    sentence = (
        "Together, I will help you understand your worry, give you coping tools, and change "
        "the way you think, by utilizing a CBT approach and exposure therapy."
    )
    found = texts(split_prose_list(sentence))
    assert found[-2:] == ["a CBT approach", "exposure therapy"]
    assert found[0].startswith("Together, I will help you understand your worry")


def test_a_long_head_stays_a_point_cut_where_a_clause_ends_in_german() -> None:
    sentence = (
        "Die manuelle Therapie lockert die verspannte Muskulatur des Kiefers spürbar, "
        "ergänzt durch Maßnahmen wie Wärme, Dehnübungen und Entspannungstraining."
    )
    found = texts(split_prose_list(sentence))
    head = "Die manuelle Therapie lockert die verspannte Muskulatur des Kiefers spürbar…"
    assert found[0] == head
    assert found[1:] == ["Wärme", "Dehnübungen", "Entspannungstraining"]


def test_a_list_of_what_is_used_gives_its_methods_in_english_and_italian() -> None:
    sentence = "We calm the nerve using gentle hands on treatment, sports tape and exercises."
    assert texts(split_prose_list(sentence)) == [
        "gentle hands on treatment",
        "sports tape",
        "exercises",
    ]
    italian = "Il dolore si riduce utilizzando terapia manuale, esercizi e ghiaccio."
    assert texts(split_prose_list(italian)) == ["terapia manuale", "esercizi", "ghiaccio"]


def test_a_french_list_needs_two_items_and_whole_list_words() -> None:
    assert split_prose_list("Le traitement comprend du repos.") is None
    # "come" (Italian "as") must not be found inside "começa"
    assert split_prose_list("O diagnóstico começa com uma consulta, exames e testes.") is None
    items = list_items("des exercices, des étirements et de la glace.")
    assert items == ["des exercices", "des étirements", "de la glace"]


def test_a_treatment_section_in_prose_gives_its_listed_methods() -> None:
    blocks = [heading("Treatment")]
    blocks += [para("Physio for pelvic pain may include education, breathing exercises and yoga.")]
    assert texts(treatment(blocks)) == ["education", "breathing exercises", "yoga"]


def test_one_labelled_paragraph_does_not_hide_the_list_beside_it_in_spanish() -> None:
    blocks = [heading("Cómo te ayuda la terapia")]
    blocks += [para("Estas técnicas son como tiritas: útiles, pero no curan.", lead="Estas")]
    blocks += [para("Juntos podemos:"), item("Identificar los patrones de pensamiento.")]
    blocks += [item("Construir una autoestima sólida.")]
    found = texts(treatment(blocks, "Ansiedad"))
    assert "Identificar los patrones de pensamiento." in found
    assert "Construir una autoestima sólida." in found


def test_a_bold_treatment_paragraph_under_each_cause_is_its_point_in_portuguese() -> None:
    blocks = [heading("As causas mais comuns")]
    for number, (cause, care) in enumerate(
        [("Cárie profunda", "removemos a cárie."), ("Bruxismo", "a placa protege os dentes.")],
        start=1,
    ):
        blocks += [heading(f"{number}) {cause}", 3), para(f"{cause} dói muito à noite.")]
        blocks += [para(f"O tratamento: {care}", lead="O tratamento")]
    points = treatment(blocks, "Dor de dente")
    assert [(p.label, p.text) for p in points] == [
        ("Cárie profunda", "removemos a cárie."),
        ("Bruxismo", "a placa protege os dentes."),
    ]


def test_a_diagnosis_section_is_set_aside_beside_listed_treatments() -> None:
    blocks = [heading("Diagnosis"), para("We examine the knee. We test your strength.")]
    blocks += [heading("Treatment options"), item("Manual therapy"), item("Taping")]
    assert texts(treatment(blocks)) == ["Manual therapy", "Taping"]


def test_benefits_and_what_it_is_are_set_aside_beside_the_sessions_in_spanish() -> None:
    blocks = [heading("¿Qué es la osteopatía?"), para("Es una terapia manual. Busca equilibrio.")]
    blocks += [heading("Beneficios principales"), heading("1. Mejora la movilidad", 3)]
    blocks += [para("Las manipulaciones restauran el movimiento.")]
    blocks += [heading("2. Reduce el estrés", 3), para("Las técnicas relajan el sistema nervioso.")]
    blocks += [heading("El enfoque de la clínica"), para("Nuestras sesiones incluyen:")]
    blocks += [item("Evaluación completa: analizamos tu postura.", lead="Evaluación completa")]
    blocks += [item("Seguimiento continuo: ajustamos tu plan.", lead="Seguimiento continuo")]
    labels = [p.label for p in treatment(blocks, "Osteopatía")]
    assert labels == ["Evaluación completa", "Seguimiento continuo"]


def test_an_indications_list_is_set_aside_in_german() -> None:
    blocks = [heading("Behandlung"), item("Manuelle Techniken am Kiefergelenk"), item("Übungen")]
    blocks += [heading("Indikationen für die Behandlung"), item("Zähneknirschen"), item("Tinnitus")]
    assert texts(treatment(blocks, "CMD")) == ["Manuelle Techniken am Kiefergelenk", "Übungen"]


def test_only_goals_and_indications_listed_leave_the_treatment_to_the_prose_in_german() -> None:
    text = "Durch gezielte manuelle Techniken und Übungen wird die Kiefermuskulatur entlastet."
    blocks = [para("Die CMD umfasst Verspannungen im Kiefer."), para(text)]
    blocks += [
        heading("Behandlungsschwerpunkte:", 3),
        item("Schmerzlinderung"),
        item("Entspannung"),
    ]
    blocks += [
        heading("Indikationen für die Behandlung:", 3),
        item("Zähneknirschen"),
        item("Tinnitus"),
    ]
    assert texts(treatment(blocks, "CMD")) == [text]


def test_what_it_costs_is_set_aside_in_german() -> None:
    blocks = [heading("Behandlung"), item("Reinigung der Zahnfleischtaschen"), item("Antibiotika")]
    blocks += [heading("Kosten einer Zahnfleischbehandlung")]
    blocks += [para("Die Therapie ist eine Leistung der gesetzlichen Krankenkasse.")]
    found = texts(treatment(blocks, "Parodontitis"))
    assert found == ["Reinigung der Zahnfleischtaschen", "Antibiotika"]


def test_a_long_treatment_section_gives_at_most_eight_sentences() -> None:
    sentences = [f"Session {n} uses gentle manual therapy on the knee." for n in range(12)]
    blocks = [heading("Treatment"), para(" ".join(sentences))]
    assert len(treatment(blocks)) == 8


def test_a_section_beside_the_treatment_stays_when_nothing_else_is_there() -> None:
    blocks = [heading("Benefits of shockwave therapy"), item("No downtime"), item("Pain relief")]
    assert texts(treatment(blocks, "Shockwave")) == ["No downtime", "Pain relief"]


def test_a_list_of_conditions_is_not_a_list_of_methods() -> None:
    sentence = "Counseling can help anxiety disorders such as OCD, social anxiety and panic."
    assert split_prose_list(sentence) is None
    causes = (
        "Condições oculares podem causar dores de cabeça, como miopia, astigmatismo e presbiopia."
    )
    assert split_prose_list(causes) is None


def test_a_labelled_list_of_causes_is_not_treatment_in_portuguese() -> None:
    blocks = [item("Abaixo, listamos algumas condições oculares que podem causar dores de cabeça:")]
    blocks += [item("Miopia: os objetos distantes aparecem embaçados.", lead="Miopia")]
    blocks += [item("Astigmatismo: a córnea tem forma irregular.", lead="Astigmatismo")]
    blocks += [para("O tratamento pode incluir o uso de óculos corretivos.")]
    found = texts(treatment(blocks, "Dor de cabeça"))
    assert found == ["O tratamento pode incluir o uso de óculos corretivos."]


def test_a_stage_told_first_gives_the_paragraph_that_says_what_is_done_in_korean() -> None:
    blocks = [heading("1) 치은염"), para("치은염은 잇몸에만 염증이 있는 초기 단계입니다.")]
    blocks += [item("잇몸 출혈"), item("잇몸 붓기")]
    blocks += [para("이 단계에서는 스케일링과 올바른 구강 위생 관리로 회복이 가능합니다.")]
    blocks += [heading("2) 치주염"), para("치주염은 잇몸뼈까지 진행된 염증입니다.")]
    blocks += [para("비수술적 치주치료가 필요할 수 있습니다.")]
    points = treatment(blocks, "치주염")
    assert [(p.label, p.text) for p in points] == [
        ("치은염", "이 단계에서는 스케일링과 올바른 구강 위생 관리로 회복이 가능합니다."),
        ("치주염", "비수술적 치주치료가 필요할 수 있습니다."),
    ]


def test_a_section_named_for_a_method_keeps_its_first_paragraph() -> None:
    blocks = [heading("1. Kinesio taping"), para("Elastic strips lift the skin a little.")]
    blocks += [para("Physiotherapy goes on alongside it.")]
    blocks += [heading("2. Ice packs"), para("Cold calms the swelling.")]
    blocks += [para("Exercises follow later.")]
    found = texts(treatment(blocks))
    assert found == ["Elastic strips lift the skin a little.", "Cold calms the swelling."]


def test_a_paragraph_that_ends_on_a_call_to_action_keeps_its_treatment() -> None:
    text = (
        "We use a CBT approach and exposure therapy. You don't have to feel stuck anymore! "
        "Call today to schedule a free consultation."
    )
    blocks = [heading("Therapy can help"), para(text)]
    assert texts(treatment(blocks, "Anxiety")) == ["We use a CBT approach and exposure therapy."]


def test_a_numbered_listicle_keeps_a_step_whose_title_says_treatment() -> None:
    blocks = [para("Here are the most recommended treatments for back pain:")]
    for number, title in enumerate(["Manual Therapy", "Postural Correction"], start=1):
        blocks += [heading(f"{number}. {title}"), para(f"{title} eases the back.")]
    blocks += [heading("3. Electrotherapy Treatments")]
    blocks += [para("Techniques like TENS and ultrasound reduce pain. They are gentle.")]
    labels = [p.label for p in treatment(blocks, "Back pain")]
    assert labels == ["Manual Therapy", "Postural Correction", "Electrotherapy Treatments"]


def test_a_method_listed_in_two_sentences_is_one_point() -> None:
    blocks = [heading("Treatment")]
    blocks += [para("Options include hormonal therapies, yoga and acupuncture.")]
    blocks += [para("Physio may include pain education, Yoga and mindfulness.")]
    found = texts(treatment(blocks, "Pelvic pain"))
    assert [t.casefold() for t in found].count("yoga") == 1
    assert "mindfulness" in found and "acupuncture" in found


def test_a_line_that_points_to_another_page_is_never_a_point() -> None:
    blocks = [heading("Prolotherapy"), para("Injections start a healing response.")]
    blocks += [para("Read more about prolotherapy and regenerative injection therapy.")]
    blocks += [heading("Proloterapia", 3), para("Saiba mais sobre a proloterapia no nosso blog.")]
    found = " ".join(texts(treatment(blocks, "Runner's knee")))
    assert "healing response" in found
    assert "Read more" not in found and "Saiba mais" not in found


def test_real_post_in_prose_keeps_its_treatment_sentence() -> None:
    path = corpus_dir("clinic-dev") / "files" / "jess-brownless--dry-eye.md"
    digest = digest_article(extract_article(load_source(str(path))))
    found = " ".join(texts(list(digest.treatment_points)))
    assert "artifical tear drops" in found
    assert "antibiotic" in found


def test_every_language_file_has_the_same_point_words() -> None:
    keys = {code: set(load_language(code).points) for code in supported_languages()}
    assert len(keys) == 8 and len({frozenset(k) for k in keys.values()}) == 1, keys
    assert {"list_intro", "list_joins", "tips_intro", "advice", "imperative"} <= keys["en"]


def test_a_bad_point_pattern_is_a_config_error_naming_the_key(tmp_path: Path) -> None:
    english = (resource_dir("templates") / "languages" / "en.toml").read_text(encoding="utf-8")
    (tmp_path / "languages").mkdir()
    broken = english.replace("list_joins = ['and',", "list_joins = ['(and',")
    (tmp_path / "languages" / "en.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"points\.list_joins"):
        load_language("en", tmp_path)


def test_a_description_under_no_heading_is_never_drawn_as_treatment() -> None:
    """One paragraph that tells what sciatica is and how it comes about, and no word of care:
    no treatment points (they would go on slides under a "Treatment" kicker)."""
    text = (
        "Sciatica is pain felt along the back of the leg, without any problem in the leg itself. "
        "As pressure on the discs grows, the rings around them tear and the back pain grows. "
        "In time the ring breaks and the soft core, a kind of gel that absorbs shocks, leaks out. "
        "It escapes into the canal and presses on the nerve, which is felt as pain. "
        "Its signs include low back pain, pain along the nerve and weakness in the leg."
    )
    article = Article(title="Sciatica", blocks=(para(text),))
    assert digest_article(article).treatment_points == ()


def test_an_apposition_is_not_a_list() -> None:
    """Two comma pieces with no 'and' or 'or': the second names the first, it is not a
    second method."""
    sentence = "Another surgery involves lengthening the calf muscle, a process called a recession."
    assert split_prose_list(sentence) is None
    listed = split_prose_list("Treatment may include heat, massage and gentle stretching.")
    assert listed is not None and [p.text for p in listed][-3:] == [
        "heat",
        "massage",
        "gentle stretching",
    ]


def test_a_sentence_that_tells_a_cause_is_not_cut_into_a_list() -> None:
    """ "Poor posture, such as slouching or hunching, can lead to imbalances and pain" names
    what causes the pain: it is told whole, never cut into "can lead to imbalances"."""
    sentence = (
        "Poor posture, such as slouching or hunching the shoulders, can lead to muscle "
        "imbalances and chronic shoulder pain."
    )
    assert split_prose_list(sentence) is None
    assert split_prose_list("Treatment may include massage, taping and exercise.") is not None
