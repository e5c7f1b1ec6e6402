"""Which sentence tells the cause (pipeline/digest/choose.py), and the clause the symptom and
the cause share: small made-up posts, one for each rule, in several languages. The symptom's
rules: test_digest_choose_symptom.py."""

from __future__ import annotations

import pytest

from pipeline.digest.choose import (
    Topic,
    complaint_words,
    reads_backwards,
    subject_stems,
    talks_of_the_cause,
    tells_a_consequence,
)
from pipeline.digest.direction import tells_an_unknown_cause
from pipeline.digest.sections import classify_heading
from pipeline.digest.story import digest_article
from pipeline.models import Article, Block
from tests.factories import heading, item, para


def post(title: str, *blocks: Block, language: str | None = None) -> Article:
    return Article(title=title, blocks=blocks, language=language)


def topic(headline: str) -> Topic:
    return Topic(frozenset(), subject_stems(headline), complaint_words(headline) > 0)


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        # the post's condition is the cause of something else, not the effect
        ("Shin splints", "It is one of the most common causes of lower leg pain amongst runners."),
        # the condition brings on a complaint: an effect (a symptom), not its cause
        ("Sciatica", "Sciatica affects one side of the body, causing pain that radiates."),
        ("Dolor de mandíbula", "El bruxismo es una causa frecuente de dolor de cabeza."),
        ("Mal di schiena", "Il mal di schiena è la principale causa di limitazioni al lavoro."),
    ],
)
def test_a_cause_told_the_wrong_way_round(title: str, sentence: str) -> None:
    assert reads_backwards(sentence, topic(title))


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("Heel pain", "There are many causes of heel pain, such as flat feet."),
        ("Jaw pain and TMJ", "Stress tenses the muscles, which can contribute to TMJ issues."),
        # a post about a cause: the subject causes the complaint's first step
        ("High-heeled shoes", "High heels also cause the tendons of the foot to tighten."),
        # a plain cue besides the forward one
        ("Neck pain", "Neck pain is often caused by posture, leading to headaches."),
        ("Dolor lumbar", "Estar sentado muchas horas puede provocar dolor lumbar."),
    ],
)
def test_a_cause_told_the_right_way_round(title: str, sentence: str) -> None:
    assert not reads_backwards(sentence, topic(title))


def test_the_condition_as_a_cause_of_something_else_is_no_cause() -> None:
    digest = digest_article(
        post(
            "Shin splints",
            heading("Signs & symptoms"),
            para("It presents as pain along the shin, from a dull ache to a sharp pain."),
            para("It is one of the most common causes of lower leg pain amongst runners."),
        )
    )
    assert digest.cause is None


def test_the_effect_of_the_condition_gives_way_to_its_cause() -> None:
    cause = "Most often a disc in the lower back presses on the nerve root."
    digest = digest_article(
        post(
            "Sciatica",
            para("Sciatica affects one side of the body, causing pain that radiates down the leg."),
            para(cause),
            para("It often results from years of sitting, and the disc wears."),
        )
    )
    assert digest.cause != (
        "Sciatica affects one side of the body, causing pain that radiates down the leg."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Osteopaths always look for the route cause of any injury.",
        "Whatever the cause of sciatica, it is painful.",
        "By addressing the root causes of nerve irritation, chiropractors can help.",
        "Al identificar y tratar la causa raíz, ofrece un alivio más duradero.",
        "통증의 근본 원인을 찾아 치료합니다.",
        "痛みの根本原因を探ります。",
    ],
)
def test_talk_of_finding_the_cause(sentence: str) -> None:
    assert talks_of_the_cause(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The root cause of the patient's knee pain was muscle imbalance.",
        "The most common cause of dry eye disease is blepharitis.",
        "La causa más común es la sobrecarga.",
    ],
)
def test_a_cause_that_is_told(sentence: str) -> None:
    assert not talks_of_the_cause(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody is sure of the exact cause of a migraine, but there are two theories.",
        "The exact cause of fibromyalgia is still unknown.",
        "Se desconoce la causa exacta del dolor.",
        "Les causes de la fibromyalgie restent mal connues.",
        "Die genaue Ursache ist bis heute nicht geklärt.",
        "Le cause precise sono ancora sconosciute.",
        "As causas ainda são desconhecidas.",
        "원인은 아직 밝혀지지 않았습니다.",
        "原因はまだわかっていない。",
    ],
)
def test_an_unknown_cause_is_hedged(sentence: str) -> None:
    assert tells_an_unknown_cause(sentence)
    assert not talks_of_the_cause(sentence)


def test_a_plain_cause_outranks_an_unknown_one() -> None:
    cause = "Tension headaches are most often caused by stiff joints in the upper neck."
    digest = digest_article(
        post(
            "Headaches",
            para("A headache feels like a tight band of pain around the head."),
            para(cause),
            para("Nobody is sure of the exact cause of a migraine, but it is caused by nerves."),
        )
    )
    assert digest.cause == cause


def test_a_hedged_cause_alone_is_still_the_cause() -> None:
    cause = "The exact cause is not fully understood, but it is more common with diabetes."
    digest = digest_article(
        post(
            "Frozen shoulder",
            para("The shoulder becomes painful and gradually stiffens over months."),
            heading("What causes it?"),
            para(cause),
            heading("How we help"),
            para("We treat it with gentle mobilisation and exercise."),
        )
    )
    assert digest.cause == cause


def test_finding_the_cause_is_not_the_cause() -> None:
    cause = "Tendinitis follows a sudden increase in training that the tendon cannot take."
    digest = digest_article(
        post(
            "Tendinitis",
            heading("Causes"),
            para("We always look for the root cause of your tendon pain."),
            para(cause),
        )
    )
    assert digest.cause == cause


@pytest.mark.parametrize(
    "sentence",
    [
        "That's why the neck often hurts only a day later.",
        "Por eso el dolor aparece al día siguiente.",
        "C'est pourquoi la douleur apparaît le lendemain.",
        "Deshalb kommt der Schmerz erst am nächsten Tag.",
        "그렇기 때문에 교통사고 시에는 통증이 변하는 것을 잘 살펴야 합니다.",
        "そのため、セルフメンテナンスでは手に負えなくなります。",
    ],
)
def test_a_consequence_opens_the_sentence(sentence: str) -> None:
    assert tells_a_consequence(sentence)


def test_a_consequence_is_not_the_cause() -> None:
    """ "That is why ... due to" leans on the sentence before: its cue tells no cause."""
    cause = "Whiplash is caused by a sudden jolt of the head."
    digest = digest_article(
        post(
            "Whiplash",
            para(
                "After a crash the body releases substances that mask pain. That is why the"
                " neck often hurts only a day later, due to the slow swelling of the muscles."
            ),
            para(cause),
        )
    )
    assert digest.cause == cause


def test_a_paragraph_that_is_a_label_is_not_the_cause() -> None:
    cause = "歯周病の直接的原因は、歯垢の中で繁殖している細菌が出す毒素です。"
    digest = digest_article(
        post(
            "歯周病",
            para("歯周病は歯を失う一番の理由です。"),
            para("歯周病の発生原因とかかりやすい状態"),
            para(cause),
            language="ja",
        )
    )
    assert digest.cause == cause


@pytest.mark.parametrize(
    ("title", "sentence", "symptom", "cause"),
    [
        (
            "Back and neck pain",
            "Back and neck pain are common issues for people of all ages, often caused by poor"
            " posture or injuries.",
            "Back and neck pain are common issues for people of all ages…",
            "often caused by poor posture or injuries.",
        ),
        (
            "CMD-Behandlung",
            "Die CMD umfasst Beschwerden wie Verspannungen und Kieferschmerzen, die durch"
            " Fehlfunktionen im Kiefergelenk verursacht werden.",
            "Die CMD umfasst Beschwerden wie Verspannungen und Kieferschmerzen…",
            "die durch Fehlfunktionen im Kiefergelenk verursacht werden.",
        ),
    ],
    ids=["en", "de"],
)
def test_one_sentence_tells_the_symptom_and_then_its_cause(
    title: str, sentence: str, symptom: str, cause: str
) -> None:
    """The symptom keeps the sentence up to the clause that tells the cause, and the cause
    card gets that clause: the two cards share the sentence, not repeat it."""
    digest = digest_article(post(title, para(sentence), para("We offer safe treatments.")))
    assert (digest.symptom, digest.cause) == (symptom, cause)


def test_a_cause_heading_that_reads_backwards_heads_no_cause_section() -> None:
    """ "Why can dry eye cause tearing?" tells what dry eye brings on: the cause is the
    sentence that says what dry eye comes from."""
    cause = "O olho seco ocorre quando há uma produção insuficiente de lágrimas."
    digest = digest_article(
        post(
            "Olho seco: sintomas e tratamentos",
            heading("O que é olho seco?"),
            para(cause),
            heading("Por que o olho seco pode causar lacrimejamento?"),
            para("Parece contraditório, mas o lacrimejamento é uma reação comum."),
            para("O corpo tenta compensar a falta de lubrificação com mais lágrimas."),
            heading("Sintomas"),
            para("Os sintomas incluem ardor e coceira nos olhos."),
            language="pt",
        )
    )
    assert digest.cause == cause


@pytest.mark.parametrize(
    "text",
    [
        "What is the TMJ, and Why Is It Important?",
        "Warum ist das wichtig?",
        "Pourquoi est-ce important ?",
        "왜 중요할까요?",
        # why not to neglect it: a warning, not its cause
        "Cos'è la parodontite e perché non va sottovalutata",
        "Pourquoi ne faut-il pas négliger une entorse ?",
        "Warum man Rückenschmerzen nicht ignorieren sollte",
    ],
)
def test_why_it_matters_is_no_cause_heading(text: str) -> None:
    assert classify_heading(text)[0] != "cause"


@pytest.mark.parametrize(
    "text",
    [
        "Why does my back hurt?",
        "Perché la spalla si è congelata?",
        "Pourquoi le dos fait mal",
        "Warum entstehen Rückenschmerzen?",
    ],
)
def test_why_it_hurts_is_a_cause_heading(text: str) -> None:
    assert classify_heading(text)[0] == "cause"


def test_a_lead_in_outranks_the_later_sentences_of_its_items() -> None:
    """The further sentences of a list's items come after the list's lead-in, as its later
    items do."""
    digest = digest_article(
        post(
            "Dor de cabeça e visão",
            para("Se você sofre de dores de cabeça frequentes, a visão pode ser a causa."),
            para("Abaixo, listamos condições oculares que podem causar dores de cabeça:"),
            item(
                "Astigmatismo: a córnea tem uma forma irregular. Essa condição pode causar"
                " dores de cabeça ao ler."
            ),
            item("Miopia: os objetos distantes parecem embaçados."),
            item("Presbiopia: o foco do olho diminui com a idade."),
            language="pt",
        )
    )
    assert digest.cause is not None
    assert digest.cause.startswith("Abaixo, listamos condições oculares")


def test_a_sentence_that_ends_on_a_colon_is_not_the_cause() -> None:
    """It only opens what follows ("Doctors speak of several kinds, because:")."""
    article = Article(
        title="Low back pain",
        blocks=(
            para("Low back pain is pain between the ribs and the buttocks."),
            heading("Causes"),
            para("According to the health agency, low back pain is best spoken of as plural, as:"),
            para("Lifting heavy loads with a bent back strains the muscles of the low back."),
        ),
    )
    assert digest_article(article).cause == (
        "Lifting heavy loads with a bent back strains the muscles of the low back."
    )
