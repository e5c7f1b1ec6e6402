"""Which way a Korean or Japanese cause sentence reads (pipeline/digest/direction.py): there
the effect comes before the phrase ("A는 B의 원인", "AはBの原因"), and "-기 때문에" is
"because", not "because of". Small made-up sentences."""

from __future__ import annotations

import pytest

from pipeline.digest.choose import has_cue
from pipeline.digest.direction import (
    Topic,
    complaint_words,
    names_the_subjects_cause,
    reads_backwards,
    subject_stems,
)
from pipeline.digest.sections import classify_heading, exact_role
from pipeline.digest.story import digest_article
from pipeline.models import Article
from tests.factories import heading, item, para


def topic(headline: str) -> Topic:
    return Topic(frozenset(), subject_stems(headline), complaint_words(headline) > 0)


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        # the post's condition causes something else: an effect
        ("녹내장 Glaucoma", "현재 녹내장은 시력 상실의 주된 원인입니다."),
        ("치주염", "치주염이 치아 상실로 이어지는 이유"),
        ("歯周病", "歯周病は失明の原因になることもあります。"),
        ("歯周病", "歯周病は歯を失うことにつながります。"),
    ],
)
def test_an_effect_told_before_its_phrase(title: str, sentence: str) -> None:
    assert reads_backwards(sentence, topic(title))


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("안구 건조증", "안구 건조증의 가장 흔한 원인은 눈물 부족입니다."),
        # "-는" of a verb ("지속되는") is no topic: the effect is the whole phrase
        ("출산후 골반관리", "골반 내 유착 등은 출산 후 지속되는 통증의 원인이 될 수 있습니다."),
        ("歯周病", "歯周病の直接的原因は、歯垢の中の細菌が出す毒素です。"),
        ("歯周病", "喫煙は歯周病の原因になります。"),
    ],
)
def test_a_cause_of_the_subject(title: str, sentence: str) -> None:
    assert not reads_backwards(sentence, topic(title))


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("잘못된 자세 때문에 허리에 부담이 커집니다.", True),  # because of a noun
        ("잇몸뼈는 회복되기 어렵기 때문에 조기 치료가 핵심입니다.", False),  # because a clause
    ],
)
def test_because_of_and_because(sentence: str, cue: bool) -> None:
    assert has_cue("cause", sentence) is cue


def test_the_condition_as_a_cause_of_something_else_is_no_cause() -> None:
    digest = digest_article(
        Article(
            title="녹내장",
            blocks=(
                heading("녹내장 증상"),
                para("초기에는 증상이 거의 없고 시야가 서서히 좁아집니다."),
                para("현재 녹내장은 시력 상실의 주된 원인입니다."),
            ),
        )
    )
    assert digest.cause is None


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("안구 건조증 원인 및 증상", "cause"),  # both named: the first
        ("증상 및 원인", "symptom"),
        ("진료 예약", "cta"),  # a call to action stays one
    ],
)
def test_a_label_of_two_roles(label: str, role: str) -> None:
    assert exact_role(label) == role


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("스트레스로 생기는 두통입니다.", True),
        ("눈꺼풀 부위에 생기는 염증성 질환", False),  # where, not why
        ("스트레스가 쌓이면 두통이 발생합니다.", True),
        ("추간판 탈출증은 허리 레벨에서 많이 발생합니다.", False),  # where and how often
    ],
)
def test_arising_where_is_no_cause(sentence: str, cue: bool) -> None:
    assert has_cue("cause", sentence) is cue


def test_causes_and_symptoms_in_a_landing_page() -> None:
    opening = "안구 건조증은 노화, 환경 등 여러 원인으로 눈물이 부족해 건조해지는 질환입니다."
    digest = digest_article(
        Article(
            title="안구 건조증",
            blocks=(
                para(opening),
                heading("안구 건조증 원인 및 증상"),
                item("노화"),
                heading("노화", 3),
                heading("안검염", 3),
                item("눈꺼풀의 피부와 속눈썹 부위에 생기는 염증성 질환"),
                item("만성 피로"),
                heading("안구 건조증 환자의 대표 증상"),
                item("눈의 이물감"),
                item("안구 가려움"),
            ),
        )
    )
    assert digest.symptom and digest.symptom.startswith("눈의 이물감")
    assert digest.cause == opening


@pytest.mark.parametrize(
    ("title", "sentence", "told"),
    [
        ("Heel pain", "Flat feet are a common cause of heel pain.", True),
        ("Heel pain", "Heel pain is a common cause of limping.", False),
        ("歯周病", "歯周病の直接的原因は、歯垢の中の細菌が出す毒素です。", True),
        ("歯周病", "歯周病になってしまうと、まず歯肉炎が起こります。", False),
    ],
)
def test_a_phrase_whose_effect_is_the_subject(title: str, sentence: str, told: bool) -> None:
    assert names_the_subjects_cause(sentence, topic(title)) is told


def test_the_cause_of_the_subject_told_outright() -> None:
    told = "歯周病の直接的原因は、歯垢の中で繁殖している細菌が出す毒素です。"
    digest = digest_article(
        Article(
            title="歯周病",
            blocks=(
                para("歯周病は、歯を支える歯茎や骨が徐々に壊されてしまう病気です。"),
                para("歯周病になってしまうと、まず歯肉炎が起こります。"),
                heading("細菌因子"),
                para(told),
                para("もともと細菌が多ければ、炎症が起こりやすくなります。"),
            ),
        )
    )
    assert digest.cause == told


@pytest.mark.parametrize(
    ("heading_text", "role"),
    [
        # "why" a method helps or whom to see: the treatment, not the cause
        ("Warum Osteopathie bei einem Hexenschuss sinnvoll ist", "treatment"),
        ("Perché scegliere la fisioterapia", "treatment"),
        ("Pourquoi consulter un ostéopathe ?", "professional"),
        # why the complaint comes: the cause
        ("Warum entsteht ein Hexenschuss?", "cause"),
        ("Pourquoi ai-je mal au dos ?", "cause"),
        ("Perché viene il mal di schiena?", "cause"),
    ],
)
def test_why_headings(heading_text: str, role: str) -> None:
    assert classify_heading(heading_text)[0] == role
