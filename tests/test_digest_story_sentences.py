"""The symptom, cause, conclusion and case of a post, found by what each sentence is (issue 11):
small made-up posts in several languages, then real posts from samples/ and the
redistributable clinic-dev files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bench_digest import load_article
from pipeline.digest.sentences import split_sentences
from pipeline.digest.story import digest_article
from pipeline.models import Article, Block
from tests.factories import heading, item, para

ROOT = Path(__file__).resolve().parent.parent
CLINIC_DEV = ROOT.parent / "shared" / "corpus" / "clinic-dev" / "files"


def post(title: str, *blocks: Block, language: str | None = None) -> Article:
    return Article(title=title, blocks=blocks, language=language)


# A post without headings: an opening about the clinic, the complaint, what causes it, care.
UNLABELLED = [
    (
        "en",
        "Heel pain in runners",
        "Our clinic has seen many runners this spring.",
        "You may notice a sharp pain under the heel with your first steps in the morning.",
        "It is usually caused by a sudden increase in weekly mileage.",
    ),
    (
        "es",
        "Dolor de talón en corredores",
        "Nuestra clínica atiende a muchos corredores cada primavera.",
        "Puedes notar un dolor agudo bajo el talón al dar los primeros pasos de la mañana.",
        "Suele deberse a un aumento brusco del kilometraje, y se debe a la sobrecarga.",
    ),
    (
        "fr",
        "Douleur au talon chez les coureurs",
        "Notre cabinet reçoit beaucoup de coureurs au printemps.",
        "Vous pouvez ressentir une douleur vive sous le talon au lever.",
        "Elle est souvent causée par une hausse brutale du kilométrage.",
    ),
    (
        "de",
        "Fersenschmerzen bei Läufern",
        "Unsere Praxis sieht im Frühling viele Läufer.",
        "Sie spüren einen stechenden Fersenschmerz bei den ersten Schritten am Morgen.",
        "Meist wird er durch eine plötzliche Steigerung des Trainingsumfangs verursacht.",
    ),
    (
        "ko",
        "달리기 후 발뒤꿈치 통증",
        "저희 한의원에는 봄마다 많은 러너분들이 찾아오십니다.",
        "아침 첫 걸음에 발뒤꿈치 아래가 찌르듯 아픈 통증이 나타납니다.",
        "갑자기 달리는 거리를 늘린 것이 가장 흔한 원인입니다.",
    ),
    (
        "ja",
        "ランナーのかかとの痛み",
        "当院には春になると多くのランナーが来院されます。",
        "朝の最初の一歩でかかとの下に鋭い痛みを感じることがあります。",
        "走行距離を急に増やしたことが原因であることが多いです。",
    ),
]


@pytest.mark.parametrize(
    ("language", "title", "opening", "symptom", "cause"), UNLABELLED, ids=lambda v: str(v)[:2]
)
def test_without_headings_the_sentences_tell_symptom_and_cause(
    language: str, title: str, opening: str, symptom: str, cause: str
) -> None:
    """The opening sentence about the clinic is neither: the cue phrases and complaint words
    of the language file find the right ones, one sentence each."""
    article = post(title, para(f"{opening} {symptom}"), para(cause), language=language)
    digest = digest_article(article)
    assert (digest.symptom, digest.cause) == (symptom, cause)


def test_in_a_labelled_section_one_representative_sentence() -> None:
    """The section's first sentence that names the complaint, not the whole paragraph."""
    digest = digest_article(
        post(
            "Runner's knee",
            para("Runner's knee is common in people who run on hills."),
            heading("Causes of runner's knee"),
            para(
                "Runner's knee develops when the kneecap does not track smoothly in its groove. "
                "Rapid increases in training load and weak hip muscles add to it. "
                "Flat feet can also play a part."
            ),
            heading("Symptoms"),
            para("The main symptom is a dull ache around the kneecap. It is worse on stairs."),
        )
    )
    assert digest.cause == (
        "Runner's knee develops when the kneecap does not track smoothly in its groove."
    )
    assert digest.symptom == "The main symptom is a dull ache around the kneecap."


def test_a_heading_that_names_the_symptoms_outranks_the_problem() -> None:
    digest = digest_article(
        post(
            "Plantar fasciitis",
            heading("The problem"),
            para("Plantar fasciitis is a painful irritation of the tissue under the foot."),
            heading("증상 · Symptoms"),
            para("Sharp pain under the heel with the first steps in the morning."),
        )
    )
    assert digest.symptom == "Sharp pain under the heel with the first steps in the morning."


def test_a_short_symptom_item_comes_with_the_next_items() -> None:
    """ "눈의 이물감" alone says little: the list's first three items together."""
    digest = digest_article(
        post(
            "안구 건조증",
            para("안구 건조증은 눈물이 부족해 눈이 건조해지는 질환입니다."),
            heading("안구 건조증의 대표 증상"),
            item("눈의 이물감"),
            item("눈 시림"),
            item("충혈"),
            item("시력 저하"),
            language="ko",
        )
    )
    assert digest.symptom == "눈의 이물감; 눈 시림; 충혈"


def test_a_lead_in_comes_with_its_list() -> None:
    digest = digest_article(
        post(
            "Heel pain",
            para("Heel pain is one of the most common forms of foot pain in adults."),
            para("There are many causes of heel pain, such as:"),
            item("Excessive pronation"),
            item("Achilles tendonitis"),
            item("Tight calf muscles"),
            item("Worn-out shoes"),
        )
    )
    assert digest.cause == (
        "There are many causes of heel pain, such as: Excessive pronation; Achilles tendonitis;"
        " Tight calf muscles…"
    )


def test_a_lead_in_names_labelled_items_by_their_labels() -> None:
    """Items that each describe one cause ("Miopia: os objetos distantes…") are named by their
    label after the lead-in that tells the cause."""
    digest = digest_article(
        post(
            "Dor de cabeça e visão",
            para("Se você sofre de dores de cabeça frequentes, a visão pode ser a causa."),
            para("Abaixo, listamos condições oculares que podem causar dores de cabeça:"),
            item("Astigmatismo: a córnea tem uma forma irregular."),
            item("Miopia: os objetos distantes parecem embaçados."),
            item("Presbiopia: o foco do olho diminui com a idade."),
            item("Estrabismo: os olhos não se alinham."),
            language="pt",
        )
    )
    assert digest.cause == (
        "Abaixo, listamos condições oculares que podem causar dores de cabeça:"
        " Astigmatismo; Miopia; Presbiopia…"
    )


def test_position_alone_is_no_evidence() -> None:
    """A post about something else gets no symptom and no cause, in any language."""
    for title, first, second in [
        ("Clinic news", "Our clinic opened on Mill Lane.", "We painted the waiting room."),
        ("Noticias", "Nuestra clínica abrió en mayo.", "Pintamos la sala de espera."),
        ("Neuigkeiten", "Unsere Praxis hat neu eröffnet.", "Wir haben neu gestrichen."),
    ]:
        digest = digest_article(post(title, para(first), para(second)))
        assert (digest.symptom, digest.cause) == (None, None)


def test_symptom_and_cause_are_never_the_same_sentence() -> None:
    digest = digest_article(
        post("Neck pain", para("Neck pain is often caused by long hours at a desk."))
    )
    assert digest.symptom != digest.cause


def test_a_link_line_is_never_the_symptom() -> None:
    digest = digest_article(
        post(
            "Back pain",
            para("My back pain is back pic.twitter.com/abc123 — A Runner (@arunner) May 2020"),
            para("Back pain often feels like a dull ache low in the back."),
        )
    )
    assert digest.symptom == "Back pain often feels like a dull ache low in the back."


def test_a_conclusion_section_passes_over_a_caption() -> None:
    digest = digest_article(
        post(
            "치주염",
            para("치주염은 잇몸과 잇몸뼈에 생기는 염증입니다."),
            heading("마무리"),
            para("치은염 → 치주염 → 진행된 치주염 (예시 이미지)"),
            para("치주염은 초기에 발견하면 치아를 오래 유지할 수 있습니다."),
            language="ko",
        )
    )
    assert digest.conclusion == "치주염은 초기에 발견하면 치아를 오래 유지할 수 있습니다."


def closing_post(last: Block, *after: Block) -> Article:
    return post(
        "Tendinitis",
        para("Tendinitis causes pain and tenderness just outside a joint."),
        heading("Treatment"),
        item("Rest and ice"),
        item("Physical therapy"),
        last,
        *after,
    )


def test_a_last_paragraph_with_a_closing_cue_closes_the_post() -> None:
    closing = "Most cases are successfully treated with rest and physical therapy."
    assert digest_article(closing_post(para(closing))).conclusion == closing


@pytest.mark.parametrize(
    "after",
    [
        # advice to see someone is not a takeaway
        (para("If it spreads down your arm, ask your GP for an assessment."),),
        # a post that ends on a FAQ simply stops
        (
            para("Most cases of tendinitis settle with rest and physical therapy."),
            heading("Frequently asked questions"),
            heading("Is tendinitis serious?", level=3),
            para("Tendinitis is rarely serious."),
        ),
        # a last paragraph about something else
        (para("The waiting room has new chairs this spring."),),
        # a last step of the treatment, about the subject but with no closing cue
        (para("Our physiotherapists can tape the tendon to unload it while tendinitis heals."),),
        # a prognosis cue inside a sentence about the first treatment, not opening it
        (para("The first treatment is rest, and in most cases can control tendinitis well."),),
    ],
    ids=["see-your-gp", "after-a-faq", "other-subject", "treatment-step", "cue-mid-sentence"],
)
def test_no_conclusion_is_made_up(after: tuple[Block, ...]) -> None:
    assert digest_article(closing_post(*after)).conclusion is None


CASE = [
    (
        "en",
        "Case study",
        "A 45-year-old runner came to us with knee pain of two years.",
        "After six sessions her knee pain had improved and she was back to running.",
    ),
    (
        "es",
        "Caso clínico",
        "Una paciente de 38 años acudió con dolor lumbar desde hacía meses.",
        "Tras cinco sesiones el dolor mejoró y volvió a trabajar.",
    ),
    (
        "de",
        "Fallbeispiel",
        "Eine 52-jährige Patientin kam mit Nackenschmerzen zu uns.",
        "Nach vier Behandlungen war sie schmerzfrei.",
    ),
    (
        "ko",
        "치료 사례",
        "40대 여성 환자분이 허리 통증으로 내원하셨습니다.",
        "치료 4회 후 통증이 크게 호전되었습니다.",
    ),
]


@pytest.mark.parametrize(("language", "label", "history", "outcome"), CASE, ids=lambda v: v[:2])
def test_a_case_is_its_history_and_its_outcome(
    language: str, label: str, history: str, outcome: str
) -> None:
    article = post(
        "Title",
        para("A first paragraph about the complaint and its pain."),
        heading(label),
        para(history),
        para("We treated the area twice a week."),
        para(outcome),
        language=language,
    )
    assert digest_article(article).case == f"{history} … {outcome}"


def test_a_numbered_patient_heading_is_a_case() -> None:
    article = post(
        "Heavy periods",
        heading("Patient #1:"),
        para("This woman came in with periods lasting ten days."),
        para("Within three months her cycles were normalized."),
    )
    assert digest_article(article).case == (
        "This woman came in with periods lasting ten days. … "
        "Within three months her cycles were normalized."
    )


def test_no_case_without_one() -> None:
    """An age in passing is no case, and "cannot recover" is no progress."""
    article = post(
        "Glaucoma",
        para("Most people over 40 years old should have their eye pressure checked."),
        para("A nerve that has died cannot recover, so checks matter."),
    )
    assert digest_article(article).case is None


def test_japanese_sentences_end_at_a_full_stop() -> None:
    assert split_sentences("歯周病は怖いです。歯磨きをしましょう。「はい」と言った。") == [
        "歯周病は怖いです。",
        "歯磨きをしましょう。",
        "「はい」と言った。",
    ]


def test_a_markdown_hard_break_between_sentences() -> None:
    assert split_sentences("It helps.\\ \\ The most common cause is X.") == [
        "It helps.",
        "The most common cause is X.",
    ]


# Real posts: the redistributable clinic-dev files and samples/.
REAL = [
    (
        CLINIC_DEV / "preston-podiatry--mortons-neuroma.md",
        "symptom",
        "burning pain under the ball of the foot",
    ),
    (
        CLINIC_DEV / "preston-podiatry--mortons-neuroma.md",
        "cause",
        "due to a compression of the digital nerves",
    ),
    (
        CLINIC_DEV / "jess-brownless--dry-eye.md",
        "cause",
        "The most common cause of dry eye disease is blepharitis",
    ),
    (
        CLINIC_DEV / "melhor-visao--dor-de-cabeca-visual.md",
        "symptom",
        "Se você sofre de dores de cabeça frequentes",
    ),
    (
        CLINIC_DEV / "kibworth-osteopaths--why-sciatica-is-not-a-diagnosis.md",
        "symptom",
        "Sciatic symptoms typically include pain",
    ),
    (
        CLINIC_DEV / "kibworth-osteopaths--high-heeled-shoes.md",
        "conclusion",
        "So there we have it, your body just isn’t built for high heels",
    ),
    (ROOT / "samples" / "ko-knee-pain.md", "cause", "엉덩이 근육이 약해지면"),
    (ROOT / "samples" / "es-dolor-de-espalda.md", "symptom", "molestia sorda"),
]


@pytest.mark.parametrize(("path", "field", "words"), REAL, ids=lambda v: str(v)[-30:])
def test_real_posts(path: Path, field: str, words: str) -> None:
    found = getattr(digest_article(load_article(path)), field)
    assert found is not None and words in found
    assert len(found.split()) <= 60  # one sentence or clause for a card, not a page
