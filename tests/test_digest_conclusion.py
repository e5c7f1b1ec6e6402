"""The conclusion (issue 11): the last conclusion section, else a closing paragraph with a
signal of its own (a summing-up opener or a cue phrase from the language files); never a
treatment step, the answer to a question or a paragraph that more of the article follows."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bench_digest import load_article
from pipeline.digest.story import digest_article
from pipeline.digest.vocabulary import is_cue
from pipeline.models import Article, Block
from tests.factories import heading, item, para

CLINIC_DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "clinic-dev" / "files"


def post(title: str, *blocks: Block, language: str | None = None) -> Article:
    return Article(title=title, blocks=blocks, language=language)


def conclusion_of(*blocks: Block, title: str = "Heel pain") -> str | None:
    return digest_article(post(title, *blocks)).conclusion


OPENING = para("Heel pain is a sharp pain under the heel with the first steps in the morning.")
CARE = (heading("Treatment"), item("Stretching the calf"), item("Supportive insoles"))


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        # a closing wish to the reader
        (
            "I hope you will find these exercises helpful! Stretch twice a day.",
            "I hope you will find these exercises helpful! Stretch twice a day.",
        ),
        # a prognosis for most readers that opens its sentence, in French
        (
            "La plupart des patients s'améliorent en quelques semaines.",
            "La plupart des patients s'améliorent en quelques semaines.",
        ),
        # a summary whose only cue is the call to action after it: from the summary on
        (
            "For lasting relief from heel pain, physiotherapy treats the root cause. "
            "Book a consultation with our team today.",
            "For lasting relief from heel pain, physiotherapy treats the root cause. "
            "Book a consultation with our team today.",
        ),
        # a proverb that closes a post on prevention, in English and Spanish
        (
            "When it comes to heel pain, prevention is better than the cure. Stretch daily.",
            "When it comes to heel pain, prevention is better than the cure. Stretch daily.",
        ),
        (
            "Con el dolor de talón, más vale prevenir que curar.",
            "Con el dolor de talón, más vale prevenir que curar.",
        ),
        # a Japanese call to action written with 下さい, and the note under a ※ after it
        (
            "かかとの痛みは当院へお任せ下さい。 ※訪問エリア 東住吉区、住吉区 平野区、阿倍野区",
            "かかとの痛みは当院へお任せ下さい。",
        ),
    ],
    ids=[
        "closing-wish",
        "prognosis-fr",
        "summary-before-cta",
        "proverb-en",
        "proverb-es",
        "ja-kanji-kudasai",
    ],
)
def test_a_cued_last_paragraph_is_the_conclusion(closing: str, expected: str) -> None:
    assert conclusion_of(OPENING, *CARE, para(closing)) == expected


@pytest.mark.parametrize(
    "ending",
    [
        # the answer to the post's last question heading ("03 ...?") is no takeaway
        (
            heading("Does scaling make the gaps between teeth wider?"),
            para("Heel pain can feel worse after scaling because the gums settle back down."),
        ),
        # a German "wenn sie" that means "if it", not the formal "if you"
        (
            para(
                "Die Fersenschmerzen breiten sich aus und stellen, wenn sie unbehandelt "
                "bleiben, eine Gefahr für das Gehen dar."
            ),
        ),
    ],
    ids=["answer-to-a-question", "de-lowercase-sie"],
)
def test_an_uncued_last_paragraph_is_no_conclusion(ending: tuple[Block, ...]) -> None:
    assert conclusion_of(OPENING, *CARE, *ending) is None


def test_a_summing_up_opener_followed_by_more_sections_is_not_the_close() -> None:
    """ "If you have had treatment, keep your check-ups" in the self-care part, then a whole
    section on costs: the post has no closing paragraph."""
    blocks = (
        OPENING,
        *CARE,
        heading("Long-term care at home"),
        item("Stretch your calves every morning."),
        para("If you have had heel pain before, it is important to keep your check-ups."),
        heading("Costs of treatment"),
        para("Insoles are made to measure and usually cost less than a pair of running shoes."),
        para("Many insurers pay part of the cost of a first assessment."),
    )
    assert conclusion_of(*blocks) is None


def test_the_last_conclusion_section_is_the_close() -> None:
    """An early "What to expect" section has the conclusion role too; the closing one wins."""
    blocks = (
        OPENING,
        heading("What to expect"),
        para("Heel pain usually starts mild and gets worse over weeks without care."),
        *CARE,
        heading("Conclusion"),
        para("Heel pain found early settles faster and is easier to treat."),
    )
    assert conclusion_of(*blocks) == "Heel pain found early settles faster and is easier to treat."


def test_a_cued_close_after_a_summary_section_wins() -> None:
    """A case's "Summary of results" section, then more of the post, then a closing line that
    speaks to the reader: the closing line is the conclusion."""
    blocks = (
        OPENING,
        *CARE,
        heading("Summary of results"),
        para("This patient had come in with heel pain for a year."),
        heading("A typical patient"),
        para("Other patients respond even faster to the same care."),
        para("If you think we could help with your heel pain, you can schedule a visit online."),
    )
    assert conclusion_of(*blocks) == (
        "If you think we could help with your heel pain, you can schedule a visit online."
    )


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("davegamba--mal-di-schiena-parte-2.md", "Una volta risolta la disfunzione"),
        ("kibworth-osteopaths--why-sciatica-is-not-a-diagnosis.md", "So there we have it"),
        # both end on the last step of their treatment: the answer key has no conclusion
        ("preston-podiatry--heel-pain.md", None),
        ("jess-brownless--dry-eye.md", None),
    ],
)
def test_real_posts(name: str, words: str | None) -> None:
    found = digest_article(load_article(CLINIC_DEV / name)).conclusion
    assert found is None if words is None else (found is not None and words in found)


@pytest.mark.parametrize(
    ("ending", "expected"),
    [
        # the clinician's offer to help, then the post's legal notes (German)
        (
            (
                para("Gerne berate ich Sie individuell, welche Übungen für Sie geeignet sind."),
                heading("Rechtlicher Hinweis"),
                para(
                    "Nur zur Information – kein Heilversprechen: Diese Inhalte dienen der Bildung."
                ),
                para("Haftungsausschluss: Die Anwendung erfolgt auf eigenes Risiko."),
            ),
            "Gerne berate ich Sie individuell, welche Übungen für Sie geeignet sind.",
        ),
        # a nudge not to wait, then a patient's quoted testimonial (Italian)
        (
            (
                para("Ogni giorno perso è un giorno di dolore. Prenota oggi la tua valutazione."),
                para('"Il mio tallone era bloccato. Oggi cammino senza dolore."'),
            ),
            "Ogni giorno perso è un giorno di dolore. Prenota oggi la tua valutazione.",
        ),
        # the formal "no dude en" (Spanish), then a footnote
        (
            (
                para(
                    "En otra entrada hablaremos de los tratamientos. Si usted cree que tiene "
                    "estos síntomas, no dude en ponerse en contacto con su podólogo."
                ),
                para("*Los precios pueden variar según el tratamiento."),
            ),
            "En otra entrada hablaremos de los tratamientos. Si usted cree que tiene estos "
            "síntomas, no dude en ponerse en contacto con su podólogo.",
        ),
        # "don't wait", then a button's label
        (
            (
                para("Heel pain found early settles faster. Don't wait until it spreads."),
                para("Book your free assessment"),
            ),
            "Heel pain found early settles faster. Don't wait until it spreads.",
        ),
    ],
    ids=["de-offer-legal-notes", "it-testimonial", "es-formal-footnote", "en-button"],
)
def test_a_closing_call_to_action_before_page_furniture_is_the_conclusion(
    ending: tuple[Block, ...], expected: str
) -> None:
    """A post that ends on its call to action, with no takeaway, closes on it: that call is
    the conclusion and the digest's `cta` alike (compose draws it once, as the next step)."""
    digest = digest_article(post("Heel pain", OPENING, *CARE, *ending))
    assert digest.conclusion == expected
    assert digest.cta == expected


def test_a_takeaway_is_no_call_to_action() -> None:
    digest = digest_article(
        post("Heel pain", OPENING, *CARE, para("I hope you found this useful. Stretch daily."))
    )
    assert digest.conclusion and digest.cta != digest.conclusion


def test_a_mid_post_sessions_section_followed_by_more_questions_is_no_close() -> None:
    """A FAQ page: "How many treatments do I need?" (a conclusion heading) in the middle, more
    questions answered in prose after it, and the post simply stops."""
    blocks = (
        OPENING,
        heading("How many treatments do I need?"),
        para("Most people come for six to eight sessions over two months."),
        heading("Does it hurt?"),
        para("Most clients feel no pain when the needles go in."),
        heading("Do you re-use the needles?"),
        para("Only sterile, single-use needles are used in our clinic."),
    )
    assert conclusion_of(*blocks) is None


def test_a_summary_followed_only_by_a_price_list_is_the_close() -> None:
    blocks = (
        OPENING,
        *CARE,
        heading("Summary"),
        para("Heel pain found early settles faster and is easier to treat."),
        heading("Our prices"),
        item("First assessment: 60 euros"),
        item("Follow-up session: 45 euros"),
    )
    assert conclusion_of(*blocks) == "Heel pain found early settles faster and is easier to treat."


def test_a_conclusion_section_written_a_line_a_paragraph_reads_on() -> None:
    """ "まとめ" over three one-sentence lines: its key sentences run over the lines, not only
    the first one."""
    blocks = (
        OPENING,
        *CARE,
        heading("まとめ"),
        para("筋膜の硬い部位に独自のアプローチを行い、適度な刺激を与える。"),
        para("痛覚神経を正常化させることで、ご自身の体が自身の力で回復できるようにする。"),
        para("というのが当院の施術です。"),
    )
    found = conclusion_of(*blocks)
    assert found is not None and "ご自身の体が自身の力で回復できるようにする。" in found


def test_we_are_here_for_you_opens_the_closing_call() -> None:
    """ "En X estamos aquí para cuidar de tu salud." before "no dudes en contactarnos": the
    clinic's offer is part of the call, from its first sentence."""
    closing = para(
        "En nuestra clínica estamos aquí para cuidar de tu salud. Si tienes dudas, no dudes "
        "en contactarnos."
    )
    found = conclusion_of(OPENING, *CARE, closing)
    assert found is not None and found.startswith("En nuestra clínica estamos aquí")


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        (
            "Ready to put heel pain behind you? Our physiotherapists will plan your recovery.",
            "Ready to put heel pain behind you? Our physiotherapists will plan your recovery.",
        ),
        ("Vous souffrez du talon à Lyon ?", "Vous souffrez du talon à Lyon ?"),
        (
            "かかとの痛みと、一度向き合ってみませんか？",
            "かかとの痛みと、一度向き合ってみませんか？",
        ),
    ],
    ids=["en", "fr", "ja"],
)
def test_a_closing_question_to_the_reader_is_the_conclusion(closing: str, expected: str) -> None:
    assert conclusion_of(OPENING, *CARE, para(closing)) == expected


def test_the_last_question_of_a_question_and_answer_post_is_no_conclusion() -> None:
    blocks = (
        OPENING,
        *CARE,
        para("Is the treatment painful? Most people feel only a dull ache during a session."),
        para("Will I be sore afterwards? Some soreness for a day or two is common."),
    )
    assert conclusion_of(*blocks) is None


def test_a_link_label_with_a_question_mark_is_no_conclusion() -> None:
    assert conclusion_of(OPENING, *CARE, para("Heel guide - Link?")) is None


def test_a_question_before_a_quoted_answer_is_no_closing_question() -> None:
    blocks = (
        OPENING,
        *CARE,
        para("Does removing tartar hurt your teeth?"),
        para("“My teeth always feel sensitive after a cleaning.”"),
    )
    assert conclusion_of(*blocks) is None


def test_the_last_answer_of_a_faq_is_no_conclusion_when_a_question_names_a_treatment() -> None:
    """ "## Questions fréquentes" with "### Combien de séances…?" (a treatment question) and
    then "### Faut-il faire une radio…?": the later questions still belong to the FAQ, so the
    closing answer "…apportez-les" is no takeaway."""
    found = conclusion_of(
        para("Le lumbago est une douleur aiguë du bas du dos."),
        heading("Questions fréquentes", 2),
        heading("Combien de séances faut-il pour un lumbago?", 3),
        para("Cela dépend de la douleur et de votre activité. Souvent deux ou trois séances."),
        heading("Faut-il faire une radio avant de venir?", 3),
        para(
            "Non, aucun examen n'est nécessaire. Si vous en avez déjà, apportez-les: ils"
            " complètent l'examen. N'hésitez pas à nous appeler."
        ),
        title="Lumbago",
    )
    assert found is None


def test_a_subsection_takes_the_role_of_the_heading_it_sits_under() -> None:
    from pipeline.digest.candidates import inherited_roles
    from pipeline.digest.sections import Section

    def section(heading: str, level: int, role: str | None) -> Section:
        return Section(heading, level, role, None, False, ())

    sections = [
        section("Causes", 2, "cause"),
        section("Poor posture", 3, None),
        section("FAQ", 2, "faq"),
        section("How many sessions?", 3, "treatment"),
        section("Can I come in pain?", 3, None),
        section("Outlook", 2, None),
    ]
    assert inherited_roles(sections) == ["cause", "cause", "faq", "treatment", "faq", None]


def test_a_closing_section_of_prose_gives_its_first_paragraph_that_asks_or_closes() -> None:
    # a heading of no role after the story, a closing paragraph, then a contact paragraph
    # without a cue of its own: the close is the first paragraph, not the contact line
    closing = (
        "If you're tired of struggling with heel pain, don't wait any longer to seek help. "
        "Our team will help you walk in comfort again."
    )
    found = conclusion_of(
        OPENING,
        *CARE,
        heading("Taking a Step Towards Pain-Free Walking"),
        para(closing),
        para("For more information on orthotics, write to the Heel Clinic at the front desk."),
    )
    assert found == closing


def test_a_closing_section_under_a_role_heading_is_no_closing_run() -> None:
    # the same two paragraphs in a treatment section: only the last paragraph can close
    found = conclusion_of(
        OPENING,
        heading("Treatment"),
        para("If you're unsure, we can help you choose insoles. They spread the load."),
        para("Insoles are made to measure in two weeks from a scan of the foot."),
    )
    assert found is None


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        # the claim names the subject; the cue is the reader's "if" after it
        (
            "Priorizar tu salud mental es un paso valiente. "
            "Si sientes que necesitas ayuda, no dudes en contactarnos.",
            "Priorizar tu salud mental es un paso valiente. "
            "Si sientes que necesitas ayuda, no dudes en contactarnos.",
        ),
        # a first sentence that does not name the subject is no claim: from the cue
        (
            "Dazu gehört ein gutes Schuhwerk. Nur so lässt sich der Fersenschmerz vermeiden.",
            "Nur so lässt sich der Fersenschmerz vermeiden.",
        ),
    ],
)
def test_a_short_closing_paragraph_opens_on_its_claim_when_it_names_the_subject(
    closing: str, expected: str
) -> None:
    title = "Salud mental" if closing.startswith("Priorizar") else "Fersenschmerz"
    opening = para("Der Fersenschmerz ist ein stechender Schmerz unter der Ferse am Morgen.")
    assert conclusion_of(opening, *CARE, para(closing), title=title) == expected


def test_the_first_summing_up_paragraph_of_the_closing_section_is_the_close() -> None:
    # "Se você..." opens two paragraphs: the second is the clinic's address line
    found = conclusion_of(
        para("A crise de ansiedade é um medo intenso que chega de repente."),
        heading("Sintomas"),
        item("O coração dispara e a respiração fica curta."),
        item("As mãos tremem e suam."),
        heading("Você não precisa passar por isso sozinho"),
        para("Se você tem crises frequentes, procure um psicólogo."),
        para("Se você está em Niterói, a clínica atende de segunda a sexta."),
        title="Crise de ansiedade",
    )
    assert found == "Se você tem crises frequentes, procure um psicólogo."


def test_an_invitation_to_follow_a_social_account_is_no_conclusion() -> None:
    found = conclusion_of(
        OPENING,
        *CARE,
        para("If you want more tips like these, follow my profile on Instagram @heelclinic!"),
    )
    assert found is None


@pytest.mark.parametrize(
    "closing",
    [
        "Start these stretches today, and take the first step toward a pain-free morning.",
        "Faites le premier pas vers des matins sans douleur au talon.",
        "Dê o primeiro passo para manhãs sem dor no calcanhar.",
        "아침의 발뒤꿈치 통증에서 벗어나는 첫걸음을 내딛어 보세요.",
    ],
)
def test_taking_the_first_step_closes_a_post(closing: str) -> None:
    assert conclusion_of(OPENING, *CARE, para("Rest helps in the first days."), para(closing))


@pytest.mark.parametrize(
    "sentence",
    ["かかとの痛みのない朝へ、第一歩を踏み出しましょう。", "Machen Sie den ersten Schritt."],
)
def test_taking_the_first_step_is_a_call_to_action_in_every_file(sentence: str) -> None:
    assert is_cue("cta", sentence)


def test_a_first_step_that_is_part_of_the_story_is_no_call_to_action() -> None:
    last = para("The first step in finding the cause of heel pain is a scan of the foot.")
    assert conclusion_of(OPENING, *CARE, para("Rest helps in the first days."), last) is None


@pytest.mark.parametrize(
    "closing",
    [
        # the subject named again by its headline word
        "Heel pain is common but it settles: each of these steps helps it.",
        # or referred back to: "this condition", "questa patologia"
        "Our clinic in Leeds has treated this condition for twenty years.",
        "Il nostro centro a Teramo è il punto di riferimento per questa patologia.",
    ],
)
def test_a_paragraph_after_the_last_list_that_names_the_subject_closes_the_post(
    closing: str,
) -> None:
    found = conclusion_of(
        OPENING,
        heading("Recovery"),
        para("This phase keeps the pain from coming back."),
        item("Calf stretching"),
        item("Balance training"),
        item("Graded return to running"),
        para(closing),
    )
    assert found == closing


def test_a_paragraph_after_the_last_list_that_does_not_name_the_subject_is_no_close() -> None:
    found = conclusion_of(
        OPENING,
        heading("Recovery"),
        para("This phase keeps the pain from coming back."),
        item("Calf stretching"),
        item("Balance training"),
        item("Graded return to running"),
        para("Sessions last forty minutes and take place twice a week."),
    )
    assert found is None


@pytest.mark.parametrize(
    "title",
    [
        "Closing thoughts",
        "Final remarks",
        "Reflexiones finales",
        "Consideraciones finales",
        "Palavras finais",
        "Schlussgedanken",
        "Ein letztes Wort",
        "Derniers mots",
        "Per finire",
        "글을 마치면서",
        "맺으며",
    ],
)
def test_closing_headings_of_every_language_mark_the_conclusion(title: str) -> None:
    close = "Heel pain settles in most people within a few months of steady care."
    found = conclusion_of(OPENING, *CARE, heading(title), para(close))
    assert found == close


def test_a_heading_about_closing_hours_is_no_conclusion() -> None:
    closing_hours = para("The clinic opens at eight and closes at six on weekdays.")
    assert conclusion_of(OPENING, *CARE, heading("Closing hours"), closing_hours) is None
