"""Treatment points and self-care tips from lists that extraction glued into one paragraph,
sub-lists under a treatment heading, and footnote numbers that must not reach a point: small
made-up articles in several languages, and the corpus's redistributable posts when present."""

from __future__ import annotations

import pytest

from pipeline.digest.point_blocks import speaks_of_care
from pipeline.digest.story import digest_article
from pipeline.extract import extract_article
from pipeline.load import load_source
from pipeline.models import Article, Block
from tests.conftest import corpus_dir


def heading(text: str, level: int = 2) -> Block:
    return Block("heading", text, level=level)


def para(text: str, lead: str | None = None) -> Block:
    return Block("paragraph", text, lead=lead)


def item(text: str) -> Block:
    return Block("item", text)


def labels_and_texts(article: Article) -> list[str]:
    return [f"{p.label or ''} {p.text}" for p in digest_article(article).treatment_points]


def test_numbered_list_glued_to_its_intro_gives_one_point_per_entry() -> None:
    glued = (
        "At the clinic we use an integrated approach: 1. Manual Therapy – gentle mobilisation "
        "of the knee 2. Massage Therapy – techniques for the quads and hips 3. Strength "
        "Exercises – building resilience"
    )
    blocks = [para("Knee pain at the front of the knee is common in runners.")]
    blocks += [heading("How we treat knee pain"), para(glued)]
    points = digest_article(Article(title="Knee pain", blocks=tuple(blocks))).treatment_points
    assert [p.label for p in points] == ["Manual Therapy", "Massage Therapy", "Strength Exercises"]
    assert all(not p.text[-1:].isdigit() for p in points)  # no "alignment 2" numbering left


def test_numbers_that_are_not_a_list_stay_in_the_sentence() -> None:
    text = "Rest for 2 weeks. Then 16.6% of patients return after 1 month of loading."
    blocks = [heading("Treatment"), para(text)]
    found = " ".join(labels_and_texts(Article(title="Heel pain", blocks=tuple(blocks))))
    assert "2 weeks" in found and "1 month" in found


def test_labels_run_together_in_one_paragraph_become_separate_points() -> None:
    run = (
        "Spinal Manipulation: Quick pressure on the vertebrae eases the nerves. "
        "Spinal Mobilization: Gentle pressure stretches the spine. "
        "Massage: Massage loosens tight muscles."
    )
    blocks = [heading("How do chiropractors treat headaches?")]
    blocks += [para("Options may include:"), para(run, lead="Spinal Manipulation")]
    points = digest_article(Article(title="Headaches", blocks=tuple(blocks))).treatment_points
    assert [p.label for p in points] == ["Spinal Manipulation", "Spinal Mobilization", "Massage"]
    assert points[2].text == "Massage loosens tight muscles."


def test_sub_lists_under_a_treatment_heading_give_their_items_in_portuguese() -> None:
    blocks = [heading("Tratamentos"), para("O tratamento visa aliviar sintomas.")]
    blocks += [heading("Para olho seco, opções incluem:", 3), item("Lágrimas artificiais")]
    blocks += [item("Compressas quentes para estimular as glândulas")]
    blocks += [heading("Para blefarite, higiene é chave:", 3), item("Limpeza diária")]
    blocks += [item("Pomadas antibióticas para infecções bacterianas")]
    points = digest_article(Article(title="Olho seco", blocks=tuple(blocks))).treatment_points
    texts = [p.text for p in points]
    assert "Compressas quentes para estimular as glândulas" in texts
    assert "Pomadas antibióticas para infecções bacterianas" in texts


def test_a_patients_list_of_complaints_under_a_treatment_heading_is_not_a_treatment() -> None:
    blocks = [heading("4 patients, 4 diagnoses"), para("I treated four women this year.")]
    blocks += [heading("Patient #1:", 5), item("Heavy bleeding"), item("Felt cold a lot")]
    blocks += [heading("Patient #2:", 5), item("Headaches"), item("Anxiety")]
    found = labels_and_texts(Article(title="Heavy bleeding", blocks=tuple(blocks)))
    assert not any("Felt cold" in f or "Anxiety" in f for f in found)


def test_footnote_numbers_at_clause_ends_never_reach_a_point_in_french() -> None:
    body = [
        "Une douleur lors de l’effort contrarié 12.",
        "L’exercice physique est la solution la plus avantageuse 51.",
        "Les ondes de choc peuvent être intéressantes en complément 52, 53.",
    ]
    blocks = [heading("Traitement"), *(item(t) for t in body)]
    found = labels_and_texts(Article(title="Tendinopathies", blocks=tuple(blocks)))
    assert len(found) == 3
    assert not any(any(ch.isdigit() for ch in f) for f in found)


def test_one_number_is_not_a_footnote_pattern() -> None:
    blocks = [heading("Treatment"), item("Most patients improve by the age of 40.")]
    found = labels_and_texts(Article(title="Back pain", blocks=tuple(blocks)))
    assert found == [" Most patients improve by the age of 40."]


def test_a_numbered_label_keeps_its_number() -> None:
    blocks = [heading("Treatment")]
    blocks += [Block("item", f"Phase {n}: loading step {n}.", lead=f"Phase {n}") for n in (1, 2, 3)]
    labels = [
        p.label for p in digest_article(Article(title="x", blocks=tuple(blocks))).treatment_points
    ]
    assert labels == ["Phase 1", "Phase 2", "Phase 3"]


def test_real_numbered_steps_post_keeps_its_steps() -> None:
    path = (
        corpus_dir("clinic-dev") / "files" / "kibworth-osteopaths--coping-with-lower-back-pain.md"
    )
    digest = digest_article(extract_article(load_source(str(path))))
    labels = " ".join(p.label or "" for p in digest.treatment_points)
    assert "Support the injury" in labels and "Strengthen" in labels


def test_a_korean_sentence_opening_with_a_method_word_is_not_split_into_a_label() -> None:
    """ "한약을 정제하여 ..." opens with 한약 (a method) and its case ending: no label line that
    Markdown glued to the text, so the "약침" subsection keeps its paragraph as its point."""
    article = Article(
        title="교통사고 후유증",
        blocks=(
            para("교통사고 후에는 목과 허리에 통증이 서서히 나타나는 경우가 많습니다."),
            heading("다양한 치료법", 3),
            heading("추나", 4),
            para("척추의 배열을 바르게 잡아 허리, 목, 골반 통증을 효율적으로 잡아줍니다."),
            heading("약침", 4),
            para(
                "한약을 정제하여 직접 아픈 부위에 주입합니다. "
                "경제적으로 한약 효과를 누리실 수 있습니다."
            ),
        ),
        language="ko",
    )
    points = digest_article(article).treatment_points
    assert [p.label for p in points] == ["추나", "약침"]
    assert points[1].text.startswith("한약을 정제하여")


def test_a_japanese_treatment_heading_is_no_method_name_and_its_sentences_are_points() -> None:
    """ "…の治療方法について" names the section's kind, not one method: its paragraph gives one
    point a sentence, not one giant point."""
    text = "温熱療法などの理学療法が治療に用いられる。慢性の痛みには、腰や下肢のストレッチも有効。"
    blocks = [para("腰が痛む。"), heading("変形性脊椎症の治療方法について", 3), para(text)]
    found = digest_article(Article(title="変形性脊椎症", blocks=tuple(blocks))).treatment_points
    assert [p.text for p in found] == [
        "温熱療法などの理学療法が治療に用いられる。",
        "慢性の痛みには、腰や下肢のストレッチも有効。",
    ]


def test_a_booking_line_in_portuguese_french_or_japanese_is_no_point() -> None:
    blocks = [heading("Tratamento"), para("A fisioterapia fortalece os músculos da coluna.")]
    blocks += [para("Fale com a fisioterapeuta pelo WhatsApp e agende sua avaliação!")]
    blocks += [para("Prenez rendez-vous au cabinet pour un bilan complet.")]
    blocks += [para("大阪市内の訪問マッサージなら当院へお任せ下さい。")]
    assert labels_and_texts(Article(title="Dor nas costas", blocks=tuple(blocks))) == [
        " A fisioterapia fortalece os músculos da coluna."
    ]


def test_a_method_section_after_home_care_among_the_treatments_is_a_point() -> None:
    """ "Home Treatments" between "How is it diagnosed?" and "Braces and Supports" does not end
    the run of the post's method sections: the night splints are a treatment point."""
    blocks = [heading("What are the symptoms?"), para("Pain under the heel in the morning.")]
    blocks += [heading("How is it treated?"), para("Your podiatrist may recommend shockwave.")]
    blocks += [heading("Home Treatments"), para("Apply ice for 15 minutes three times a day.")]
    blocks += [heading("Braces and Supports")]
    blocks += [para("Night splints are another treatment that can help stretch your calf.")]
    texts = labels_and_texts(Article(title="Heel pain", blocks=tuple(blocks)))
    assert (
        "Braces and Supports Night splints are another treatment that can help stretch your calf."
        in texts
    ), texts


def test_common_care_methods_are_care_in_a_long_treatment_section() -> None:
    """A treatment section told in nine sentences keeps only those that speak of care: a
    night guard, laser light and relaxation are care; "under more compression" is not."""
    told = [
        "Jaw pain can look very different from one patient to the next.",
        "Patients who grind their teeth at night might find a night guard useful.",
        "Some patients feel better within a week, others need a month or more.",
        "Low-level laser light can calm the muscles around the joint.",
        "The joint sits just in front of the ear on each side of the head.",
        "Stress often plays a part, so relaxation techniques are worth learning.",
        "Clenching puts the joint under more compression during the day.",
        "Many people never notice the clicking sound at all.",
        "Most cases settle within a few months with simple care.",
    ]
    blocks = [para("Jaw pain is a common problem of the joint that connects jaw and skull.")]
    blocks += [heading("Treatment overview"), *(para(t) for t in told)]
    found = labels_and_texts(Article(title="TMD therapy", blocks=tuple(blocks)))
    assert [p.strip() for p in found] == [told[1], told[3], told[5]]


@pytest.mark.parametrize(
    "sentence",
    [
        "El láser de baja potencia reduce la inflamación de la articulación.",
        "Une gouttière portée la nuit protège les dents du grincement.",
        "Eine Aufbissschiene entlastet das Kiefergelenk in der Nacht.",
        "Le onde d'urto stimolano la guarigione del tendine.",
        "A placa de bruxismo protege os dentes durante o sono.",
    ],
)
def test_common_care_methods_are_care_in_every_language(sentence: str) -> None:
    assert speaks_of_care(sentence)
