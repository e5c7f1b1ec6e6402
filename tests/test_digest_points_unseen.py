"""Kinds of treatment and self-care points found on posts from unseen clinics: advice told in
sequence in prose ("Second, you need to ..."), claims about studies that back a point but are
none ("A research report ... found"), and a definition list of methods (names, each followed by
its description). Small made-up articles, in several languages."""

from __future__ import annotations

import pytest

from pipeline.digest.point_blocks import name_pairs, never_told, reports_evidence, vouches
from pipeline.digest.points_sections import is_aside
from pipeline.digest.sections import Section, classify_heading
from pipeline.digest.selfcare import is_advice
from pipeline.digest.story import digest_article
from pipeline.models import Article, Block, Digest
from tests.factories import heading, item, para


def digest(blocks: list[Block], title: str = "Herniated disc") -> Digest:
    return digest_article(Article(title=title, blocks=tuple(blocks)))


def test_advice_told_in_sequence_gives_one_tip_per_step() -> None:
    blocks = [heading("What causes it?"), para("Discs weaken when they are overloaded.")]
    blocks += [heading("Exercise")]
    blocks += [para("First you need to do specific exercises to return the body to balance.")]
    blocks += [para("Second, you need to learn the proper way to perform any movement.")]
    blocks += [para("Third, you need to have the strength to support your spine.")]
    tips = [p.text for p in digest(blocks).prevention]
    assert "Second, you need to learn the proper way to perform any movement." in tips
    assert "Third, you need to have the strength to support your spine." in tips


@pytest.mark.parametrize(
    ("sentence", "advises"),
    [
        ("Second, you need to learn the proper way to lift a heavy box.", True),
        ("It is important that you eat quality, non-processed foods every day.", True),
        ("Here's all you need to know about the condition and its care.", False),
        ("If you need to sit all day, the disc takes the load.", False),
        ("Para mejorar, necesitas caminar un poco cada día sin dolor.", True),
        ("Per guarire devi riposare la spalla per qualche giorno.", True),
        ("So if you suspect tendonitis, stop doing the activities that cause the pain.", True),
        ("Follow the RICE method: rest, ice, and compression.", True),
        ("Suivez les conseils de votre kiné pendant les premiers jours.", True),
        ("O exercício ajuda, mas pare de correr se a dor aumentar.", True),
        ("The pain will stop after a few days of rest.", False),
        ("Para melhorar, você precisa alongar a panturrilha todos os dias.", True),
    ],
)
def test_urged_advice_is_advice(sentence: str, advises: bool) -> None:
    assert is_advice(sentence) is advises


@pytest.mark.parametrize(
    ("sentence", "evidence"),
    [
        ("A research report by a university found that manipulation helps headaches.", True),
        ("Migraine headaches have also been shown to respond to chiropractic care.", True),
        ("A majority of patients with tension headaches are helped by adjustments.", True),
        ("Existem diversas comprovações científicas de que a acupuntura funciona.", True),
        ("L'acupuncture est largement reconnue pour soulager la douleur.", True),
        ("치료 효과가 입증된 방법입니다.", True),
        # what most patients are sent for is the care, not a finding
        ("Por isso, a maioria dos pacientes é encaminhada para uma solução cirúrgica.", False),
        ("We use spinal decompression to ease the pressure on the disc.", False),
    ],
)
def test_a_claim_about_studies_is_evidence_not_a_point(sentence: str, evidence: bool) -> None:
    assert reports_evidence(sentence) is evidence


def test_a_definition_list_gives_one_labelled_point_per_method() -> None:
    blocks = [para("Treatment of lymphoedema combines several methods.")]
    blocks += [item("Manual drainage"), item("A gentle massage moves the fluid out of the arm.")]
    blocks += [item("Compression"), item("Low-stretch bandages keep the swelling down.")]
    points = digest(blocks, "Lymphoedema").treatment_points
    assert [(p.label, p.text) for p in points] == [
        ("Manual drainage", "A gentle massage moves the fluid out of the arm."),
        ("Compression", "Low-stretch bandages keep the swelling down."),
    ]


def test_a_list_of_names_or_of_sentences_is_no_definition_list() -> None:
    names = [item("Ice"), item("Rest"), item("Compression"), item("Elevation")]
    assert name_pairs(names) == []
    sentences = [item("Rest the foot for two days."), item("Put ice on it for ten minutes.")]
    assert name_pairs(sentences * 2) == []
    assert name_pairs([item("Ice"), item("Cold eases the swelling quickly.")]) == []  # one pair


@pytest.mark.parametrize(
    "title",
    [
        "How to Heal",
        "Cómo curar la fascitis",
        "Comment guérir une entorse",
        "Wie heilen Bandscheibenvorfälle?",
        "Como curar a tendinite",
        "Come guarire dalla capsulite",
        "허리 통증 낫는 방법",
        "腰痛の治す方法",
    ],
)
def test_a_heading_on_how_to_heal_is_the_treatment(title: str) -> None:
    assert classify_heading(title)[0] == "treatment"


def test_methods_under_how_to_heal_are_the_points() -> None:
    blocks = [heading("What causes it?"), para("Discs weaken when they are overloaded.")]
    blocks += [heading("How to Heal"), para("I use several modalities to help people heal.")]
    blocks += [heading("Spinal Decompression", 3), para("A decompression table eases the disc.")]
    blocks += [heading("Nutrition", 3), para("At my office I offer nutritional counselling.")]
    points = digest(blocks).treatment_points
    assert [p.label for p in points] == ["Spinal Decompression", "Nutrition"]


def test_what_a_method_treats_and_whether_it_hurts_are_no_points() -> None:
    blocks = [para("Acupuncture inserts fine needles into specific points of the body.")]
    blocks += [heading("How does acupuncture work?", 3)]
    blocks += [para("The needles are inserted into acupoints to restore the flow of Qi.")]
    blocks += [para("We then leave the needles in place for twenty minutes.")]
    blocks += [heading("What can Acupuncture treat?", 3), para("Indications:")]
    blocks += [para("Pain Management: Neck and Back Pain, Sciatica.", lead="Pain Management")]
    blocks += [para("Skin Issues: Acne, Eczema.", lead="Skin Issues")]
    blocks += [heading("Does acupuncture hurt?", 3), para("Not really.")]
    blocks += [para("Most clients feel no pain when we insert the needles.")]
    texts = [p.text for p in digest(blocks, "Acupuncture").treatment_points]
    assert "The needles are inserted into acupoints to restore the flow of Qi." in texts
    assert not {"Neck and Back Pain, Sciatica.", "Not really."} & set(texts)


@pytest.mark.parametrize(
    "title",
    [
        "What can Acupuncture treat?",
        "Is dry needling painful?",
        "¿Duele la punción seca?",
        "O que a quiropraxia trata?",
        "Cosa cura l'osteopatia?",
        "침 치료는 아픈가요?",
        "鍼は痛いですか？",
    ],
)
def test_an_indications_or_does_it_hurt_heading_is_beside_the_treatment(title: str) -> None:
    assert is_aside(Section(title, 3, None, None, False, ()))


@pytest.mark.parametrize("title", ["Is it safe to run?", "How can acupuncture help?"])
def test_a_question_on_what_the_reader_may_do_or_how_it_helps_stays(title: str) -> None:
    assert not is_aside(Section(title, 3, None, None, False, ()))


def test_a_numbered_part_over_method_subsections_gives_the_methods() -> None:
    blocks = [heading("1. A torn ligament"), para("A sprain tears a ligament.")]
    blocks += [heading("2. Why rehabilitation is essential"), para("Without it, it gives way.")]
    blocks += [item("Your ankle stays stiff."), item("Your balance is worse.")]
    blocks += [heading("3. Your return to sport with us"), para("We do more than massage.")]
    blocks += [heading("Joint recovery", 3), item("We mobilise the ankle to loosen it.")]
    blocks += [heading("Muscle strengthening", 3), item("We strengthen the calf muscles.")]
    blocks += [heading("Proprioception", 3), item("Balance exercises on a wobble board.")]
    points = digest(blocks, "Ankle sprain").treatment_points
    labels = [p.label for p in points]
    assert labels[-3:] == ["Joint recovery", "Muscle strengthening", "Proprioception"]
    assert "Your ankle stays stiff." not in [p.text for p in points]  # why it matters: no point


@pytest.mark.parametrize(
    "title",
    [
        "Why rehabilitation is essential",
        "Why physiotherapy is so important after surgery",
        "Effects of dry needling",
        "Effetti basati sull'evidenza della terapia con dry needling",
    ],
)
def test_why_the_treatment_matters_or_what_it_achieves_is_beside_it(title: str) -> None:
    assert is_aside(Section(title, 2, None, None, False, ()))


@pytest.mark.parametrize(
    ("sentence", "vouched"),
    [
        ("Mit 15 Jahren Erfahrung als Podotherapeutin helfe ich bei Fußbeschwerden.", True),
        ("Dr. Smith is the only chiropractor in town who is equipped to treat discs.", True),
        ("Our physiotherapists have 20 years of experience with sports injuries.", True),
        ("A study found that manual therapy eases neck pain.", True),
        ("We use taping and felt padding to take the pressure off the toe.", False),
    ],
)
def test_who_the_practitioner_is_vouches_for_care_but_tells_none(
    sentence: str, vouched: bool
) -> None:
    assert vouches(sentence) is vouched


def test_a_post_without_structure_draws_no_credentials() -> None:
    blocks = [para("With more than 15 years of experience as a podiatrist, I treat foot pain.")]
    blocks += [para("Small changes such as taping or felt padding can already help.")]
    blocks += [para("Insoles and a silicone toe orthosis can be a solution too.")]
    texts = [p.text for p in digest(blocks, "Foot pain").treatment_points]
    assert texts and not any("years of experience" in t for t in texts)


@pytest.mark.parametrize(
    ("sentence", "legal"),
    [
        ("Für Schäden durch eigenständige Anwendung übernimmt die Praxis keine Haftung.", True),
        ("The clinic accepts no liability for injuries from following these tips.", True),
        ("La clinique décline toute responsabilité en cas de mauvaise utilisation.", True),
        ("当院では一切の責任を負いかねます。", True),
        ("We take responsibility for your whole programme of exercises.", False),
    ],
)
def test_a_liability_notice_is_never_told(sentence: str, legal: bool) -> None:
    assert never_told(sentence) is legal


def test_a_read_on_line_is_no_tip() -> None:
    blocks = [para("Tendonitis is the inflammation of a tendon after repeated strain.")]
    blocks += [para("Read on to learn about the symptoms that you shouldn't ignore.")]
    blocks += [heading("Tennis elbow"), para("It's important to take a break from the sport.")]
    tips = [p.text for p in digest(blocks, "Tendonitis").prevention]
    assert tips == ["It's important to take a break from the sport."]


def test_a_defined_item_that_only_advises_is_a_tip_not_a_method() -> None:
    blocks = [para("Treatment of lymphoedema combines several methods.")]
    blocks += [item("Manual drainage"), item("A gentle massage moves the fluid out of the arm.")]
    blocks += [item("Compression"), item("Low-stretch bandages keep the swelling down.")]
    tips = ["Avoid tight clothes and heavy bags.", "You must keep the skin clean."]
    blocks += [item("Skin care"), item(" ".join(tips))]
    found = digest(blocks, "Lymphoedema")
    assert [p.label for p in found.treatment_points] == ["Manual drainage", "Compression"]
    assert [p.text for p in found.prevention] == tips


@pytest.mark.parametrize(
    ("lead", "language"),
    [
        ("The treatment of heel pain depends on the cause of the problem.", "en"),
        ("O tratamento dependerá da causa subjacente da dor no calcanhar, que pode incluir:", "pt"),
        ("El tratamiento del dolor de talón depende de la causa.", "es"),
    ],
)
def test_a_line_saying_the_treatment_depends_on_the_cause_is_no_point(
    lead: str, language: str
) -> None:
    blocks = (
        para("Heel pain is a sharp pain under the heel with the first steps in the morning."),
        heading("Treatment"),
        item(lead),
        item("Custom orthotics to correct the way the foot rolls in"),
        item("Ice on the heel for twenty minutes after a long walk"),
    )
    points = digest_article(Article(title="Heel pain", blocks=blocks, language=language))
    texts = [p.text for p in points.treatment_points]
    assert lead not in texts and len(texts) == 2, texts
