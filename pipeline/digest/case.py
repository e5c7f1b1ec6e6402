"""A patient case and its progress, when the post tells one (issue 11, "case studies").

A case is told under a heading of its own ("Case study", "Patient history", "환자 사례") or,
in a post without one, in sentences with a case cue ("a patient came to us", "45-year-old",
"내원하신"). Its text is the history's opening sentence and the first sentence after it that
tells progress without a negation (language files' `progress` words: improved,
schmerzfrei, 호전), joined by
" … ", in the article's own words.
"""

from __future__ import annotations

from pipeline.digest.choose import candidates
from pipeline.digest.sections import Section
from pipeline.digest.sentences import GUARD, word_count
from pipeline.digest.vocabulary import term_pattern

__all__ = ["find_case"]

JOIN = " … "
MIN_CUED = 2  # case-cue sentences a post without a case heading needs to tell a case
MIN_WORDS = 4  # "Heavy uterine bleeding" is a label, not the history


def find_case(sections: list[Section]) -> str | None:
    """The case's history and outcome, or None when the post tells no case. Without a case
    heading, a post needs a few case sentences and an outcome."""
    texts = [t for t in (c.text for c in candidates(sections)) if is_statement(t)]
    in_case = [t for t in case_texts(sections) if is_statement(t)]
    cued = [t for t in texts if term_pattern("cues", "case").search(t)]
    story = in_case or (cued if len(cued) >= MIN_CUED else [])
    if not story:
        return None
    history = story[0]
    outcome = next((t for t in texts[texts.index(history) + 1 :] if tells_progress(t)), None)
    if outcome:
        return f"{history}{JOIN}{outcome}"
    return history if in_case else None


def case_texts(sections: list[Section]) -> list[str]:
    """The sentences under a case heading: a section with the case role ("Case study") or one
    numbered case ("Patient #1", "Caso 2"), which keeps its own role for the other fields."""
    numbered = term_pattern("signals", "case_heading")
    cases = [
        s for s in sections if s.role == "case" or numbered.search(s.heading or "") is not None
    ]
    return [c.text for c in candidates(cases)]


def is_statement(text: str) -> bool:
    """A sentence, not a lead-in, a question or a label."""
    return word_count(text) >= MIN_WORDS and not text.rstrip().endswith((":", "?"))


def tells_progress(text: str) -> bool:
    """A sentence that says the patient got better, not that they could not ("cannot recover")."""
    return term_pattern("signals", "progress").search(text) is not None and not GUARD.search(text)
