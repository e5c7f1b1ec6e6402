"""The health-copy check: planted claims are flagged, ordinary clinic text is not blocked."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.digest.story import split_sentences
from pipeline.extract.article import extract_article
from pipeline.health import Checked, check_all, check_text, format_finding, load_rules
from pipeline.load.source import load_source
from pipeline.models import ConfigError
from tests.conftest import KNEE, SAMPLE_FILES, corpus_dir

CLAIMS = Path(__file__).parent / "data" / "captions" / "claims.md"


def rules_fired(text: str, headline: bool = False) -> dict[str, str]:
    return {f.rule: f.severity for f in check_text(text, load_rules(), headline)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acupuncture is a guaranteed cure for back pain.",
            {"guaranteed": "block", "cure": "block"},
        ),
        ("Do you suffer from back pain?", {"reader-condition-question": "warn"}),
        ("Are you struggling with sciatica?", {"reader-condition-question": "warn"}),
        ("Acupuncture treats arthritis.", {"treats-condition": "warn"}),
        (
            "Our massage eliminates neck tension for good.",
            {"treats-condition": "warn", "permanent": "block"},
        ),
        ("Herbal tea cures headaches.", {"cure": "block"}),
        ("Permanent relief in three sessions.", {"permanent": "block"}),
        ("The pain was gone permanently after one visit.", {"permanent": "block"}),
        ("Pain relieved permanently after one visit.", {"permanent": "block"}),
        ("A miracle treatment for migraines.", {"miracle": "block"}),
        ("100% of our patients recover.", {"100-percent": "block"}),
        ("Cupping is 100% effective.", {"100-percent": "block"}),
        ("Cupping has no side effects.", {"no-side-effects": "block"}),
        ("Dry needling is clinically proven to reduce pain.", {"clinically-proven": "block"}),
    ],
)
def test_planted_claims_are_flagged(text: str, expected: dict[str, str]) -> None:
    assert rules_fired(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Keep your records secure.",
        "We procure our needles from a licensed supplier.",
        "A pedicure is not a substitute for podiatry.",
        "There is no cure for osteoarthritis, but pain can often be managed.",
        "I’m not ever going to say Osteopathy can cure all that ails us.",
        "Results are not guaranteed.",
        "The tape is hypo-allergenic and 100% waterproof.",
        "Left untreated, it can cause permanent nerve damage.",
        "Some patients report mild bruising, a known side effect.",
    ],
)
def test_ordinary_wording_is_not_blocked(text: str) -> None:
    assert "block" not in rules_fired(text).values()


def test_efficacy_questions_are_checked_in_headlines_only() -> None:
    headline = "Can acupuncture help knee pain?"
    (finding,) = check_text(headline, load_rules(), headline=True)
    assert (finding.rule, finding.severity) == ("efficacy-question", "warn")
    assert finding.suggestion == "Acupuncture may help knee pain."
    assert check_text(headline, load_rules(), headline=False) == []


# Planted sentences and the exact suggestion: hedged where an honest hedge exists ("cure" ->
# "may help with"), the claim dropped with the words that joined it where none does, and
# "Remove this claim." where dropping it would leave a broken sentence.
SUGGESTIONS = [
    ("Do you suffer from back pain?", "Back pain?"),
    ("Acupuncture treats arthritis.", "Acupuncture may help with arthritis."),
    ("Acupuncture is a guaranteed cure for back pain.", "Acupuncture may help with back pain."),
    (
        "There is no cure for arthritis, but herbs cure headaches.",
        "There is no cure for arthritis, but herbs may help with headaches.",
    ),
    (
        "Clinically proven stretching gives permanent relief and 100% results.",
        "Stretching gives relief.",
    ),
    (
        "In our clinic, acupuncture is guaranteed to cure knee pain with no side effects.",
        "In our clinic, acupuncture may help with knee pain.",
    ),
    ("Cupping has no side effects.", "Remove this claim."),
    ("We guarantee results.", "Remove this claim."),
    ("100% of our patients recover.", "Remove this claim."),
    ("100% results in three sessions.", "Remove this claim."),
    ("Cupping is 100% effective.", "Cupping may be effective."),
    ("Cupping works 100% of the time.", "Cupping works."),
    ("A miracle treatment for migraines.", "A treatment for migraines."),
    ("Acupuncture works miracles.", "Remove this claim."),
    ("Our massage eliminates neck tension for good.", "Our massage may help with neck tension."),
    ("Dry needling is clinically proven to reduce pain.", "Dry needling may reduce pain."),
    ("Our clinically proven approach eases back pain.", "Our approach eases back pain."),
    ("Massage is completely safe.", "Remove this claim."),
    ("Is acupuncture effective for back pain?", "Acupuncture may help with back pain."),
    ("Permanent relief in three sessions.", "Relief in three sessions."),
    ("The tendon was cured in a week.", "Remove this claim."),
]
# The only words a suggestion may add: hedges. Everything else must come from the line itself.
HEDGES = ("some patients find", "may help with", "may help", "may be", "help with", "may", "can")


def words_of(text: str) -> list[str]:
    return re.findall(r"[\w%’']+", text.lower())


def added_words(original: str, suggestion: str) -> list[str]:
    text = suggestion.lower()
    if text == "remove this claim.":
        return []
    for hedge in HEDGES:
        text = re.sub(rf"\b{hedge}\b", " ", text)
    return [w for w in words_of(text) if w not in words_of(original)]


@pytest.mark.parametrize(("text", "suggestion"), SUGGESTIONS)
def test_findings_suggest_hedged_wording(text: str, suggestion: str) -> None:
    findings = check_text(text, load_rules(), headline=True)
    assert findings and {f.suggestion for f in findings} == {suggestion}
    assert all(f.text == text for f in findings)


def planted_lines() -> list[str]:
    lines = [text for text, _ in SUGGESTIONS]
    return lines + [
        s
        for line in CLAIMS.read_text(encoding="utf-8").splitlines()
        for s in split_sentences(line.lstrip("-# ").replace("**", ""))
    ]


def test_no_suggestion_adds_wording_beyond_a_hedge() -> None:
    checked = 0
    for line in planted_lines():
        for finding in check_text(line, load_rules(), headline=True):
            assert not added_words(line, finding.suggestion), (line, finding.suggestion)
            checked += 1
    assert checked >= len(SUGGESTIONS)


def test_the_same_line_in_several_files_is_one_finding() -> None:
    line = "Acupuncture treats arthritis."
    (finding,) = check_all([Checked("caption.txt", line), Checked("quote-01.jpg", line)])
    assert finding.where == ("caption.txt", "quote-01.jpg")
    assert format_finding(finding).startswith(
        "health warn [treats-condition] in caption.txt, quote-01.jpg: “Acupuncture treats"
    )


def article_sentences(source: Path) -> list[str]:
    article = extract_article(load_source(str(source), allow_private=False))
    return [article.title, *(s for b in article.blocks for s in split_sentences(b.text))]


def assert_no_block(sources: list[Path]) -> None:
    rules = load_rules()
    for source in sources:
        for sentence in article_sentences(source):
            blocks = [f for f in check_text(sentence, rules, True) if f.severity == "block"]
            assert not blocks, f"{source.name}: false block {blocks[0]}"


def test_sample_articles_get_no_block() -> None:
    assert_no_block(SAMPLE_FILES)


def test_clinic_corpus_gets_no_block() -> None:
    assert_no_block(sorted(corpus_dir("clinic").glob("*--*.md")))


def test_strict_run_with_a_blocked_claim_exits_1_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = hashlib.sha256(CLAIMS.read_bytes()).hexdigest()
    out = tmp_path / "out"
    assert main(["run", str(CLAIMS), "-o", str(out), "--strict"]) == 1
    err = capsys.readouterr().err
    assert "health block [guaranteed]" in err and "health warn [reader-condition-question]" in err
    assert "blocking health-copy finding(s) under --strict; nothing written" in err
    assert not out.exists() or not any(out.iterdir())
    assert hashlib.sha256(CLAIMS.read_bytes()).hexdigest() == before  # the article is untouched


def test_blocked_claims_are_left_out_of_images_and_captions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", str(CLAIMS), "-o", str(tmp_path), "-q"]) == 0
    err = capsys.readouterr().err
    assert "health block [guaranteed]: left out treatment point 1" in err  # even with -q
    (folder,) = list(tmp_path.iterdir())
    manifest = json.loads((folder / "post.json").read_text(encoding="utf-8"))
    assert not [f for f in manifest["health_findings"] if f["severity"] == "block"]
    left = {item["rule"] for item in manifest["left_out"]}
    assert {"guaranteed", "permanent"} <= left
    drawn = [text for image in manifest["images"] for text in image["texts"]]
    posted = [manifest["caption"], *manifest["captions"]["quotes"].values()]
    for item in manifest["left_out"]:
        assert not any(item["text"][:40] in text for text in drawn + posted)
    counters = [c["counter"] for c in manifest["cards"] if c["kind"] != "quote" and c["counter"]]
    assert counters == [f"{i} / {len(counters)}" for i in range(1, len(counters) + 1)]


PORTUGUESE_CLAIMS = """---
title: Dor lombar - o que fazer
---

A dor lombar é uma dor na parte de baixo das costas que piora ao ficar sentado muito tempo.

## Causas

A dor lombar é causada pela fraqueza dos músculos que sustentam a coluna e pela má postura.

## Tratamento

- A fisioterapia garante a cura da dor lombar em poucas sessões.
- Exercícios de fortalecimento para o abdômen e as costas, três vezes por semana.

## O que você pode fazer

- O movimento orientado é essencial para a cura da dor lombar.
- Faça pausas a cada hora para caminhar e alongar as costas durante o trabalho.
- Durma de lado com um travesseiro entre os joelhos para aliviar a coluna.
"""


def test_a_blocked_claim_in_another_language_is_left_out_tips_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The language's own rules decide what is left out (cura is a Portuguese cure claim), and
    a self-care tip is left out as a treatment point is: the rest of the set is written."""
    source = tmp_path / "dor-lombar.md"
    source.write_text(PORTUGUESE_CLAIMS, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(source), "-o", str(out), "-q"]) == 0
    err = capsys.readouterr().err
    assert "left out treatment point 1" in err and "left out self-care tip 1" in err
    (folder,) = list(out.iterdir())
    manifest = json.loads((folder / "post.json").read_text(encoding="utf-8"))
    assert "cure" in {item["rule"] for item in manifest["left_out"]}
    drawn = " ".join(text for image in manifest["images"] for text in image["texts"])
    assert "cura" not in drawn and "cura" not in manifest["caption"]
    assert "Faça pausas a cada hora" in drawn  # the other tips are drawn


def test_findings_go_into_post_json_with_keep_flagged(tmp_path: Path) -> None:
    assert main(["run", str(CLAIMS), "-o", str(tmp_path), "-q", "--keep-flagged"]) == 0
    (folder,) = list(tmp_path.iterdir())
    manifest = json.loads((folder / "post.json").read_text(encoding="utf-8"))
    findings = manifest["health_findings"]
    rules = {f["rule"] for f in findings}
    assert {"guaranteed", "cure", "permanent", "reader-condition-question"} <= rules
    for finding in findings:
        assert set(finding) == {"severity", "rule", "text", "match", "suggestion", "why", "where"}
        assert finding["match"].lower() in finding["text"].lower()
        assert finding["suggestion"] != finding["text"]
        assert all((folder / where).is_file() for where in finding["where"])
    # what is written is what was generated: the check reports, it does not rewrite
    assert "guaranteed cure" in manifest["caption"]


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ('[[rule]]\nid = "x"\nseverity = "maybe"\nforms = [["a", "b"]]\n', "x: severity"),
        ('[[rule]]\nid = "y"\nseverity = "warn"\nforms = [["(", "b"]]\n', "y: bad pattern"),
        ('[[rule]]\nid = "z"\nseverity = "warn"\nforms = ["a"]\n', "z: each form"),
        ("conditions = []\n", "no [[rule]] tables"),
        ("rule = [\n", "not valid TOML"),
    ],
)
def test_bad_rules_file_is_a_config_error(rules: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "health.toml"
    path.write_text(rules, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        load_rules(path)


def test_a_question_headline_is_a_warning_not_a_block(tmp_path: Path) -> None:
    assert main(["run", str(KNEE), "-o", str(tmp_path), "-q", "--strict"]) == 0
    (folder,) = list(tmp_path.iterdir())
    manifest = json.loads((folder / "post.json").read_text(encoding="utf-8"))
    (finding,) = [f for f in manifest["health_findings"] if "carousel-01.jpg" in f["where"]]
    assert (finding["rule"], finding["severity"]) == ("efficacy-question", "warn")
    assert "caption.txt" in finding["where"]
    assert finding["text"] == manifest["digest"]["headline"]
    assert finding["suggestion"] == "Treating Muscle Imbalance may help Chronic Joint Pain."


def test_a_headline_finding_lists_every_file_that_shows_the_headline(tmp_path: Path) -> None:
    assert main(["run", str(KNEE), "-o", str(tmp_path), "-q"]) == 0
    (folder,) = list(tmp_path.iterdir())
    manifest = json.loads((folder / "post.json").read_text(encoding="utf-8"))
    headline = manifest["digest"]["headline"]
    (finding,) = [f for f in manifest["health_findings"] if f["rule"] == "efficacy-question"]
    images = {i["file"] for i in manifest["images"] if any(headline in t for t in i["texts"])}
    captions = {p.name for p in folder.glob("caption*.txt") if headline in p.read_text("utf-8")}
    assert {"story-01.jpg", "carousel-01.jpg", "caption-story.txt"} <= images | captions
    assert set(finding["where"]) == images | captions
