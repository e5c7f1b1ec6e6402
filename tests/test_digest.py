"""Digest: the clinical story in the article's own words, on real and made-up articles.

Expected digests in tests/expected/ are written by hand (what a marketer would pick); the
faithfulness check re-reads every digest string against the article text independently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from bench.bench_digest import expected_for, load_article, score_digest
from pipeline.digest.points import drop_weak_openers
from pipeline.digest.sections import classify_heading, split_sections
from pipeline.digest.sentences import shorten, stands_alone
from pipeline.digest.story import LIST_JOIN, clean_headline, digest_article
from pipeline.extract.headline import usable_title
from pipeline.models import Article, Block, Digest, Point, RepurposeError
from tests.conftest import ROOT, SAMPLE_FILES, corpus_dir

DATA = ROOT / "tests" / "data" / "digest"
DATA_FILES = sorted(DATA.iterdir())
NEGATION = re.compile(
    r"\b(not|no|never|avoid|without|unless|until|except|nunca|sin)\b|n't\b|않|못|없", re.I
)


def corpus_files() -> list[Path]:
    return sorted(p for p in corpus_dir("clinic").glob("*.md") if p.name != "README.md")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    for curly, straight in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, straight)
    return re.sub(r"[ \t]+", " ", text)


def article_text(article: Article) -> str:
    """Title and blocks, one per line: a line end is a boundary no trim may cross."""
    return normalise("\n".join([article.title, *(b.text for b in article.blocks)]))


def digest_strings(digest: Digest) -> list[str]:
    strings = [digest.headline, *digest.quotes, *digest.keywords]
    strings += [s for s in (digest.symptom, digest.cause, digest.conclusion, digest.cta) if s]
    strings += [s for s in (digest.symptom_label, digest.cause_label) if s]
    for point in digest.treatment_points:
        strings += [point.text, point.short, *([point.label] if point.label else [])]
    return strings


def find_words(piece: str, source: str) -> re.Match[str] | None:
    """The piece in the source, whole words only; a space may stand for a line end (a list
    quoted after its intro line)."""
    words = r"\s+".join(re.escape(w) for w in piece.split())
    return re.search(rf"(?<!\w){words}(?!\w)", source, re.I)


def assert_faithful(value: str, source: str) -> None:
    """Each piece between trims is the article's own text, whole words only, and a clause cut
    never drops a negation from the rest of its sentence."""
    trimmed = value.rstrip().endswith("…")
    for part in value.split(LIST_JOIN):
        pieces = [normalise(p).strip() for p in part.split("…")]
        pieces = [p for p in pieces if p]
        if not pieces:
            continue
        if len(pieces) == 1:
            match = find_piece(pieces[0], source)
        else:  # an omission inside a sentence: a bracketed aside (or the article's own "…")
            gap = r"(?:(?:\s*\([^()]*\))+\s*|\s*(?:\.\.\.)?\s*)"
            joined = gap.join(r"\s+".join(map(re.escape, p.split())) for p in pieces)
            found = re.search(rf"(?<!\w){joined.removesuffix(re.escape('.'))}", source, re.I)
            assert found, f"{value!r} leaves out more than a bracketed aside"
            match = found
        if trimmed:
            rest = re.split(r"[.!?\n]", source[match.end() :], maxsplit=1)[0]
            assert not NEGATION.search(rest), f"trim of {value!r} drops a negation: {rest!r}"


def find_piece(piece: str, source: str) -> re.Match[str]:
    match = find_words(piece, source) or find_words(piece.rstrip(".。！？"), source)
    assert match, f"not the article's own words: {piece!r}"
    return match


def check_file(path: Path) -> Digest:
    article = load_article(path)
    digest = digest_article(article)
    source = article_text(article)
    for value in digest_strings(digest):
        assert_faithful(value, source)
    return digest


@pytest.mark.parametrize("path", [*SAMPLE_FILES, *DATA_FILES], ids=lambda p: p.name)
def test_every_string_is_the_articles_own_text(path: Path) -> None:
    check_file(path)


def test_corpus_digests_are_faithful() -> None:
    for path in corpus_files():
        check_file(path)


def test_digests_of_real_web_pages_are_faithful() -> None:
    """The 109 pages of the extraction corpus (news, blogs, shops): no clinic structure, so the
    fallbacks run; every string must still be the page's own words."""
    checked = 0
    for path in sorted((corpus_dir("extraction") / "html").iterdir()):
        try:
            check_file(path)
        except RepurposeError:
            continue  # a page without article text: the extractor's clear error, not ours
        checked += 1
    assert checked >= 50


@pytest.mark.parametrize("path", [*SAMPLE_FILES, *DATA_FILES], ids=lambda p: p.name)
def test_digest_matches_the_hand_written_one(path: Path) -> None:
    expected = expected_for(path)
    assert expected is not None, f"write tests/expected/{path.name.split('.')[0]}.json"
    score = score_digest(with_tips_as_points(digest_article(load_article(path))), expected)
    assert score.headline_ok
    assert score.points_found == score.points_expected, f"missed points: {score.missed}"
    assert all(score.fields_ok.values()), score.fields_ok
    assert not score.chrome


def with_tips_as_points(digest: Digest) -> Digest:
    """The hand-written points list what the article advises, by the clinic or at home."""
    return replace(digest, treatment_points=digest.treatment_points + digest.prevention)


def test_corpus_meets_the_targets() -> None:
    """Issue 4 targets: every headline right, >= 85 % of the points, every symptom, no chrome."""
    scores = []
    for path in corpus_files():
        expected = expected_for(path)
        assert expected is not None, f"write tests/expected/{path.stem}.json"
        scores.append(score_digest(digest_article(load_article(path)), expected))
    assert all(s.headline_ok for s in scores)
    found, wanted = sum(s.points_found for s in scores), sum(s.points_expected for s in scores)
    assert found >= 0.85 * wanted
    assert all(s.fields_ok.get("symptom", True) for s in scores)
    assert not any(s.chrome for s in scores)


@pytest.mark.parametrize("path", [*SAMPLE_FILES, *DATA_FILES], ids=lambda p: p.name)
def test_card_lengths(path: Path) -> None:
    digest = digest_article(load_article(path))
    assert all(len(p.short.split()) <= 20 for p in digest.treatment_points)
    assert 2 <= len(digest.quotes) <= 4
    assert all(8 <= len(q.split()) <= 30 for q in digest.quotes)


def test_booking_call_is_never_the_conclusion() -> None:
    digest = digest_article(load_article(DATA / "bare-lines-bursitis.md"))
    assert digest.cta == "Call us today to book your assessment."
    assert digest.conclusion and "book" not in digest.conclusion.lower()


@pytest.mark.parametrize(
    ("path", "language"),
    [
        (ROOT / "samples" / "ko-knee-pain.md", "ko"),
        (ROOT / "samples" / "es-dolor-de-espalda.md", "es"),
        (ROOT / "samples" / "tension-headaches.md", "en"),
    ],
    ids=lambda v: str(v)[-20:],
)
def test_language(path: Path, language: str) -> None:
    assert digest_article(load_article(path)).language == language


def test_spanish_without_declared_language_is_detected() -> None:
    article = load_article(ROOT / "samples" / "es-dolor-de-espalda.md")
    undeclared = Article(title=article.title, blocks=article.blocks, language="en")
    assert digest_article(undeclared).language == "es"


@pytest.mark.parametrize(
    ("title", "site", "headline"),
    [
        ("Knee Pain Explained | Riverside Physio", None, "Knee Pain Explained"),
        ("Back Pain - Riverside Physio Blog", "Riverside Physio", "Back Pain"),
        ("Oakwood Chiropractic | Sciatica explained", "Oakwood Chiropractic", "Sciatica explained"),
        ("Heel pain – causes and treatment", None, "Heel pain – causes and treatment"),
        ("Shin Splints", None, "Shin Splints"),
        ("Back pain | What you need to know", None, "Back pain | What you need to know"),
        ("Heel Pain | Causes & Treatment", None, "Heel Pain | Causes & Treatment"),
        ("Sciatica - Back In Motion", None, "Sciatica - Back In Motion"),
    ],
)
def test_headline_drops_only_the_site_name(title: str, site: str | None, headline: str) -> None:
    assert clean_headline(title, site) == headline


@pytest.mark.parametrize(
    "sentence",
    [
        "Place a thin towel between the ice and your heel, and do not apply ice directly to the"
        " skin because it can burn the skin when it is left there for a long time.",
        "Avoid stretching the calf muscles for the first few weeks of your recovery, at least"
        " until the pain and the swelling around the tendon have completely gone away.",
    ],
)
def test_short_form_never_drops_a_negation(sentence: str) -> None:
    short = shorten(sentence)
    assert_faithful(short, normalise(sentence))


def test_short_form_cuts_at_a_clause() -> None:
    sentence = (
        "Needles were inserted around the knee joint and surrounding muscles to reduce"
        " inflammation, which also helped relax overactive muscles that were pulling the kneecap"
        " out of line."
    )
    assert shorten(sentence) == (
        "Needles were inserted around the knee joint and surrounding muscles to reduce"
        " inflammation…"
    )


def test_empty_article_gives_empty_fields() -> None:
    digest = digest_article(Article(title="Untitled", blocks=()))
    assert digest.headline == "Untitled"
    assert (digest.symptom, digest.cause, digest.conclusion, digest.cta) == (None,) * 4
    assert digest.treatment_points == ()
    assert digest.quotes == ()


def test_unrelated_text_does_not_fill_missing_fields() -> None:
    blocks = (
        Block("paragraph", "Our clinic opened its new building on Mill Lane this spring."),
        Block("paragraph", "The team painted the waiting room and added a children's corner."),
    )
    digest = digest_article(Article(title="Clinic news", blocks=blocks))
    assert (digest.symptom, digest.cause, digest.conclusion) == (None, None, None)


def test_glued_bullets_and_labelled_headings() -> None:
    blocks = (
        Block("heading", "1. Symptom: Chronic Knee Pain", level=2),
        Block("paragraph", "The knee aches after long walks and on the stairs."),
        Block("heading", "2. Cause: Muscle Imbalance", level=2),
        Block("paragraph", "Weak hip muscles let the knee drift inwards."),
        Block(
            "paragraph", "Treatment: • Acupuncture: Needles ease the pain. • Exercises: Hip work."
        ),
    )
    digest = digest_article(Article(title="Knee pain", blocks=blocks))
    assert (digest.symptom_label, digest.cause_label) == ("Chronic Knee Pain", "Muscle Imbalance")
    assert [p.label for p in digest.treatment_points] == ["Acupuncture", "Exercises"]


@pytest.mark.parametrize(
    ("heading", "role", "own_words"),
    [
        ("1. Symptom: Chronic Knee Pain", "symptom", "Chronic Knee Pain"),
        ("Signs & Symptons", "symptom", None),
        ("The problem", "symptom", None),
        ("What does it feel like?", "symptom", None),
        ("2. Cause: Muscle Imbalance", "cause", "Muscle Imbalance"),
        ("Why it happens", "cause", None),
        ("What causes it?", "cause", None),
        ("Treatment Methods: Acupuncture and Exercise", "treatment", "Acupuncture and Exercise"),
        ("How do we fix it?", "treatment", None),
        ("Our approach", "treatment", None),
        ("So what about that Sciatica? How can Osteopathy help?", "treatment", None),
        ("Bottom line", "conclusion", None),
        ("What to expect", "conclusion", None),
        ("증상: 계단에서 심해지는 통증", "symptom", "계단에서 심해지는 통증"),
        ("원인", "cause", None),
        ("치료 방법", "treatment", None),
        ("Conclusión", "conclusion", None),
        ("¿Por qué aparece?", "cause", None),
        ("When should I see a doctor?", "professional", None),
        ("Fazit", "conclusion", None),
        ("En resumen", "conclusion", None),
        ("まとめ", "conclusion", None),
        ("Prevention tips", "selfcare", None),
        ("Frequently asked questions", "faq", None),
        ("Sources:", "references", None),
        ("Patient history", "case", None),
        ("Meet our team", None, None),
    ],
)
def test_heading_roles(heading: str, role: str | None, own_words: str | None) -> None:
    assert classify_heading(heading) == (role, own_words)


@pytest.mark.parametrize(
    ("heading", "chrome"),
    [("Related posts", True), ("2 Comments", True), ("Sources of pain", False)],
)
def test_chrome_headings_end_the_article(heading: str, chrome: bool) -> None:
    blocks = (
        Block("paragraph", "Knee pain often starts after a sudden increase in running."),
        Block("heading", heading, level=2),
        Block("paragraph", "Tight hips and weak glutes can also play a part in knee pain."),
    )
    texts = [b.text for s in split_sections(blocks) for b in s.blocks]
    assert (blocks[2].text not in texts) == chrome


def test_short_form_leaves_no_list_half_told() -> None:
    sentence = (
        "Treatment is usually given weekly over two or three cycles, and we also offer advice on"
        " diet, heat packs and gentle exercise."
    )
    assert shorten(sentence) == "Treatment is usually given weekly over two or three cycles…"


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("Recovery time", "conclusion"),
        ("Recovery exercises", "selfcare"),
        ("Helpful resources", None),
        ("How can we help?", "treatment"),
        ("Was hilft akut", "selfcare"),
        ("Was besser vermieden wird", "selfcare"),
    ],
)
def test_loose_heading_words(heading: str, role: str | None) -> None:
    assert classify_heading(heading)[0] == role


def test_numbered_story_parts_are_not_a_listicle() -> None:
    blocks = (
        Block("heading", "1. Introduction", level=2),
        Block("paragraph", "Knee pain affects runners and walkers alike."),
        Block("heading", "2. Anatomy", level=2),
        Block("paragraph", "The kneecap glides in a groove at the end of the thigh bone."),
        Block("heading", "3. Symptoms", level=2),
        Block("paragraph", "A dull ache around the kneecap, worse on stairs."),
        Block("heading", "4. Treatment", level=2),
        Block("item", "Hip strengthening exercises"),
        Block("item", "Taping to ease pain while you build strength"),
    )
    digest = digest_article(Article(title="Runner's knee", blocks=blocks))
    assert [p.text for p in digest.treatment_points] == [b.text for b in blocks[-2:]]


@pytest.mark.parametrize(
    "text", ["•", "• • •", "Q: ? A:", "**", "Causes", "a: - B. - C. - D", "\n"]
)
def test_odd_blocks_give_a_digest(text: str) -> None:
    article = Article(title="Odd", blocks=(Block("paragraph", text), Block("item", text)))
    assert digest_article(article).headline == "Odd"


@pytest.mark.parametrize(
    "sentence",
    [
        "Let’s explore how muscle imbalances can cause joint pain and what treatments help.",
        "Let's look at how muscle imbalances can cause joint pain in the knee.",
        "In this post we explain how muscle imbalances can cause joint pain.",
    ],
)
def test_sentences_about_the_article_are_not_pull_quotes(sentence: str) -> None:
    assert not stands_alone(sentence)


def test_a_plain_statement_is_a_pull_quote() -> None:
    assert stands_alone("Muscle imbalances can play a significant role in creating pain.")


def test_shorten_prefers_cutting_before_a_means_phrase_to_splitting_a_pair() -> None:
    sentence = (
        "Acupuncture was used to reduce inflammation and relieve pressure on the knee joint "
        "by targeting the muscles that were out of balance."
    )
    assert shorten(sentence) == (
        "Acupuncture was used to reduce inflammation and relieve pressure on the knee joint…"
    )


def test_shorten_leaves_out_a_bracketed_aside_to_fit() -> None:
    heels = (
        "Heels ideally need to have a supportive insole and be as low "
        "(try to stick to no more than 1.5 inches) as possible."
    )
    assert shorten(heels) == (
        "Heels ideally need to have a supportive insole and be as low … as possible."
    )
    warning = (
        "Hold an ice pack on the sore heel for twenty minutes three or four times every day "
        "(never directly on bare skin) after you walk."
    )
    assert shorten(warning) == warning  # an aside that warns is never left out


def treatment_article(*sentences: str) -> Article:
    blocks = (
        Block("heading", "Symptoms", level=2),
        Block("paragraph", "A dull ache along the inside of the shin after running on hard roads."),
        Block("heading", "Treatment", level=2),
        *(Block("item", s) for s in sentences),
    )
    return Article(title="Shin Splints", blocks=blocks)


def test_points_trim_small_talk_and_skip_pointers_when_others_exist() -> None:
    article = treatment_article(
        "Well firstly, work out why the symptoms are there before anything else.",
        "We calm the irritated tissue around the shin with gentle hands-on treatment.",
        "This may include the use of sports tape or a brace for a few weeks.",
        "Well, once symptoms are quieter, strengthening the calf muscles is key.",
        "A graded return to running keeps the load on the shin within what it tolerates.",
    )
    texts = [p.text for p in digest_article(article).treatment_points]
    assert texts == [
        "work out why the symptoms are there before anything else.",
        "We calm the irritated tissue around the shin with gentle hands-on treatment.",
        "once symptoms are quieter, strengthening the calf muscles is key.",
        "A graded return to running keeps the load on the shin within what it tolerates.",
    ]
    only = treatment_article("This may include the use of sports tape or a brace for weeks.")
    assert [p.text for p in digest_article(only).treatment_points] == [
        "This may include the use of sports tape or a brace for weeks."
    ]


def test_sciatica_points_open_with_no_small_talk() -> None:
    source = corpus_dir("clinic") / "kibworth-osteopaths--why-sciatica-is-not-a-diagnosis.md"
    points = digest_article(load_article(source)).treatment_points
    assert points and not [p.text for p in points if p.text.startswith("Well")]


def test_a_list_of_twelve_methods_keeps_every_one() -> None:
    source = ROOT / "tests" / "data" / "compose" / "twelve-methods.md"
    leads = re.findall(r"^- \*\*(.+?):\*\*", source.read_text(encoding="utf-8"), re.M)
    points = digest_article(load_article(source)).treatment_points
    assert len(leads) == 12 and [p.label for p in points] == leads


def test_a_filler_opener_is_trimmed_off_a_point_not_the_point_dropped() -> None:
    point = Point(None, "Well firstly, work out WHY the symptoms are there.", "")
    (trimmed,) = drop_weak_openers([point, Point(None, "Gentle exercises are provided.", "")])[:1]
    assert trimmed.text == "work out WHY the symptoms are there."
    assert trimmed.short == "work out WHY the symptoms are there."


def test_a_labelled_point_keeps_a_this_opener_an_unlabelled_one_is_dropped() -> None:
    labelled = Point("Support the injury", "This may include the use of sports tape.", "")
    unlabelled = Point(None, "This may include the use of sports tape.", "")
    other = Point(None, "Gentle exercises are provided at each visit.", "")
    assert drop_weak_openers([labelled, other]) == [labelled, other]
    assert drop_weak_openers([unlabelled, other]) == [other]


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("Multifocal contact lenses", None),
        ("Lentes de contacto", None),
        ("Lentilles de contact", None),
        ("Kontaktlinsen", None),
        ("Lentes de contato", None),
        ("Contact us", "cta"),
        ("Contactos", "cta"),
        ("Contactez-nous", "cta"),
        ("Kontakt", "cta"),
        ("Contato", "cta"),
    ],
)
def test_contact_lenses_are_no_call_to_action(heading: str, role: str | None) -> None:
    """An optometrist's "Contact lenses" names a treatment, in five languages; "Contact us"
    still asks the reader to get in touch."""
    assert classify_heading(heading)[0] == role
    assert usable_title(heading) or role == "cta"  # a page about contact lenses has a title


@pytest.mark.parametrize(
    "heading",
    [
        "What to do during a flare-up",
        "What not to do",
        "Qué hacer en casa",
        "O que fazer na crise",
        "Was tun bei Rückenschmerzen?",
        "Cosa fare in caso di distorsione",
        "Prevenindo novas crises",
    ],
)
def test_what_to_do_headings_are_self_care(heading: str) -> None:
    assert classify_heading(heading)[0] == "selfcare"
