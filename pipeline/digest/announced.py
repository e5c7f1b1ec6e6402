"""Parts a care section announces: "Il trattamento si divide in 3 fasi: valutazione
funzionale, controllo del dolore e dell'infiammazione, recupero funzionale", then a heading for
each phase that names no role ("Controllo del dolore e dell'infiammazione"). The sections the
line names are that care, its phases or methods, in any language: the match is by the words
of their titles, not by a word list."""

from __future__ import annotations

from dataclasses import replace

from pipeline.digest.sections import Section
from pipeline.digest.sentences import stems

CARE_ROLES = ("treatment", "selfcare")
MIN_ANNOUNCED = 2  # distinct titles one line names: a list of the parts, not a word in passing
# ("Patient #1" ... "Patient #4" under "4 examples of patients of mine" are cases, not parts)
SHARE = 2 / 3  # of a title's content words the line holds ("Recupero funzionale e del gesto")


def announced_parts(sections: list[Section]) -> list[Section]:
    """The sections, those without a role that a care section's line announces given its role."""
    found = list(sections)
    for index, section in enumerate(sections):
        if section.role not in CARE_ROLES:
            continue
        run = following_run(sections, index)
        for line in (b.text for b in section.blocks if b.kind != "heading"):
            named = [i for i in run if announces(line, sections[i].title)]
            if len({frozenset(stems(sections[i].title)) for i in named}) >= MIN_ANNOUNCED:
                for i in named:
                    if found[i].role is None:
                        found[i] = replace(found[i], role=section.role)
    return found


def following_run(sections: list[Section], index: int) -> list[int]:
    """The sections after a care section, up to one with a role of another kind."""
    run: list[int] = []
    for later in range(index + 1, len(sections)):
        if sections[later].role not in (None, sections[index].role):
            break
        run.append(later)
    return run


def announces(line: str, title: str) -> bool:
    """The line names the title: most of its content words, in any order."""
    words = set(stems(title))
    return bool(words) and len(words & set(stems(line))) >= SHARE * len(words)
