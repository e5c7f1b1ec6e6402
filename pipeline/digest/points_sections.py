"""Treatment points from the article's sections: the treatment sections (one point per
subsection, labelled paragraph, list item or sentence), sections that each name a method, and
numbered steps."""

from __future__ import annotations

import re

from pipeline.digest.point_blocks import (
    NOTE,
    WRAP_UP,
    care_blocks,
    content_blocks,
    lead_label,
    list_text,
    make_point,
    sentence_point,
    speaks_of_care,
    vouches,
)
from pipeline.digest.points_advice import advice_points, asked_tips
from pipeline.digest.points_prose import lists_methods, split_prose_list
from pipeline.digest.points_topics import (
    groups_methods,
    method_topics,
    names_a_method,
    numbered_steps,
    parent_index,
    treatment_paragraph,
)
from pipeline.digest.sections import Role, Section, exact_role, loose_role
from pipeline.digest.sentences import (
    LEANS_BACK,
    OPENS_MID_STORY,
    rank_central,
    shorten,
    split_sentences,
    stems,
    word_count,
)
from pipeline.digest.vocabulary import find_role_term, is_cue
from pipeline.models import Block, Point

ARTICLE = re.compile(r"^[^\W\d_]{1,3}\s+(?=\w{4})")  # a short first word: "Le", "El", "Die", "The"
LATIN = re.compile(r"[A-Za-zÀ-ÿ]")  # a heading in Korean or Japanese names its kind at the end
MAX_POINTS = 8  # points picked from running text
CARE_ROLES = ("treatment", "selfcare")
LABEL_WORDS = 4  # a label that names one method or tip ("Heat and Cold Therapy")
FRAGMENT_WORDS = 8  # an item this short, one clause, tells about its label
LIST_ITEMS = 5  # items quoted on a labelled list's point
MANY_CARE_SENTENCES = 3  # sentences of care that make a self-care section in prose a list
COUNTER = re.compile(r"^\W*([^\W\d_]+)\s*(?:#|n[º°o.]\s*)?\d{1,2}\s*[:.)–—-]")  # "Stretch 1:"


def points_from_sections(sections: list[Section], role: str = "treatment") -> list[Point]:
    """Points of the sections with this role: one per subsection ("### Acupuncture"), or else
    one per labelled paragraph, list item or sentence. The points of a section beside the
    treatment (diagnosis, benefits, who it is for, what it is) are left out when other
    sections give two points or more, and none is given when only such sections do."""
    points: list[Point] = []
    aside: list[Point] = []
    used: set[int] = set()
    steps = numbered_steps(sections)
    readers = steps if reader_steps(sections, steps) else set()  # the reader's exercises
    topics = method_topics(sections) | (steps - readers) if role == "treatment" else set()
    beside = aside_indices(sections)
    owners = point_owners(sections)
    for index, section in enumerate(sections):
        if index in used:
            continue  # a subsection, already taken with its treatment section
        if section.role == role == "treatment":  # a step's or topic's parts are its own
            used.update(range(index + 1, index + 1 + len(subsections(sections, index))))
        own: list[Point] = []
        if index in readers and role == "selfcare":
            own += [p for p in [point_from_section(section)] if p]
        elif index in readers or (index in steps and role != "treatment"):
            continue  # the reader's exercise, or a step of the clinic's programme
        if index in steps and groups_methods(sections, index):  # "3. Back to sport with us"
            children = subsections(sections, index)  # over "### Proprioception", "### Jumps"
            used.update(range(index + 1, index + 1 + len(children)))
            own += [p for c in children if (p := point_from_section(c))]
        elif index in topics and (point := point_from_section(section)):
            own.append(point)
        if section.role == role == owners[index] and index not in topics | readers:
            children = subsections(sections, index)
            used.update(range(index + 1, index + 1 + len(children)))
            mine = [c for c, o in zip(children, owners[index + 1 :], strict=False) if o == role]
            own += own_list(section, children) or children_points(mine, role) or points_in(section)
        points += own
        aside += own if index in beside else []
    kept = [p for p in points if not any(p is q for q in aside)]
    asked = asked_tips(sections) if role == "selfcare" else []
    if not kept:
        return asked  # only sections beside the treatment: the post's prose says more
    return (kept if len(kept) >= 2 else points) + asked


def reader_steps(sections: list[Section], steps: set[int]) -> bool:
    """Numbered steps that are the reader's to do ("1. Toe Raises": "Stand with your feet…
    Slowly lift your toes…"): half of them or more tell the reader what to do. They are
    self-care tips, not the clinic's programme."""
    from pipeline.digest.selfcare import advises_reader  # selfcare builds on points

    told = sum(advises_reader(sections[i]) for i in steps)
    return bool(steps) and 2 * told >= len(steps)


def own_list(section: Section, children: list[Section]) -> list[Point]:
    """The points of a list the section holds itself when no subsection is a care section of
    its own ("How to prevent acne?" over six tips, then "### Does self-care help?" and
    "### Related reading"): such subsections add a remark, not the points. A subsection
    "### Treatment" under an assessment list holds them."""
    items = [b for b in content_blocks(section) if b.kind == "item"]
    cared = any(c.role in CARE_ROLES and not c.title.endswith("?") and tells(c) for c in children)
    return points_in(section) if len(items) >= 2 and not cared else []


def tells(section: Section) -> bool:
    """A section with something of its own to tell: a list, or a paragraph of one sentence at
    least; not a line of a few words set as a heading over a few more ("이런 기본 관리만 잘
    지켜도" over "수술 후 통증과 회복 기간은"), nor a heading with nothing under it."""
    from pipeline.digest.selfcare import ADVICE_WORDS, size  # selfcare builds on points

    blocks = content_blocks(section)
    items = [b for b in blocks if b.kind == "item"]
    return len(items) >= 2 or any(size(b.text) >= ADVICE_WORDS[0] for b in blocks)


def children_points(children: list[Section], role: Role) -> list[Point]:
    """The points of a section's subsections: one per labelled list when two or more of them
    are such labels ("**Manual Therapy:**" over "- Joint mobilizations"), else one per
    subsection, or one per item of a list of treatments or tips."""
    if series := counted_series(children):  # "Stretch 1: …" over "How to perform", "Key points"
        return [p for c in series if (p := point_from_section(c))]
    labels = [c for c in children if labelled_list(c)]
    if len(labels) >= 2:
        return [p for c in children for p in [labelled_list_point(c)] if p]
    parallel = any(c.role in CARE_ROLES for c in children)
    methods = [c for c in children if not is_aside(c)]  # "### Assessment", "### Benefits"
    return [p for c in methods for p in subsection_points(c, parallel, role)]


def counted_series(children: list[Section]) -> list[Section]:
    """The subsections of the first rank when they count one kind of thing, each with parts of
    its own below it ("Stretch 1: Upper Trapezius" over "How to perform" and "Key points",
    "Übung 2: …", "Ejercicio 3 - …"): each is one point, its parts tell about it."""
    top = min((c.level for c in children), default=0)
    first = [c for c in children if c.level == top]
    counters = {m.group(1).casefold() for c in first if (m := COUNTER.match(c.heading or ""))}
    counted = (
        len(first) >= 2
        and len(counters) == 1
        and all(COUNTER.match(c.heading or "") for c in first)
    )
    parts = [c for c in children if c.level > top]
    plain = all(  # "How to perform", "Key points": no method of their own ("Atropine drops")
        c.role in (None, "conclusion") and not speaks_of_care(c.title) for c in parts
    )
    return first if (counted or (len(first) >= 2 and plain)) and parts else []


def labelled_list_point(section: Section) -> Point | None:
    """A labelled list as one point: its label over its items ("Manual Therapy" over "Joint
    mobilizations; Myofascial release"); a subsection that is no such list, its own point."""
    if not labelled_list(section):
        return point_from_section(section)
    text = list_text([b.text for b in content_blocks(section)], LIST_ITEMS)
    return Point(label=section.title, text=text, short=shorten(text))


def labelled_list(section: Section) -> bool:
    """A short label that names one method or tip over a list of short phrases, nothing else
    ("**Night Guard:**" over "- Protects teeth from grinding", "- Worn during sleep"): its
    items tell about it; the label is the point."""
    blocks = content_blocks(section)
    title = section.title
    return (
        len(blocks) >= 2
        and all(b.kind == "item" and is_fragment(b.text) for b in blocks)
        and 0 < word_count(title) <= LABEL_WORDS
        and not re.search(r"[?,]", title)
        and not exact_role(title)
        and not is_aside(section)
        and not find_role_term("signals", "case_heading", title)  # "Patient #1:" and complaints
        and not names_a_situation(title)  # "If you work at a desk": its items are tips each
    )


def names_a_situation(title: str) -> bool:
    """A label that says when or for whom its tips apply ("Si haces deporte", "At work"), not a
    method its items tell about: the language files' [points] situation, at its start (at its
    end in Korean or Japanese: "운동할 때")."""
    match = find_role_term("points", "situation", title)
    return match is not None and (match.start() == 0 or not LATIN.search(title))


def is_fragment(text: str) -> bool:
    """A phrase, not a sentence: a few words, one clause ("Custom-fit vs. over-counter")."""
    return word_count(text) <= FRAGMENT_WORDS and len(split_sentences(text)) == 1


def point_owners(sections: list[Section]) -> list[Role | None]:
    """Which list each section's points belong to: a self-care group under a treatment heading
    gives the reader's tips ("### Self-Care Strategies" under "## Conservative Treatment"),
    a labelled list or a subsection without a list of its own belongs to its parent's
    ("**Exercise Therapy:**" under "### Physiotherapy Treatment", "**Lifestyle Factors:**"
    under "### Causes and Risk Factors"), anything else to its own role."""
    owners: list[Role | None] = []
    for index, section in enumerate(sections):
        parent = parent_index(sections, index)
        inherited = owners[parent] if parent is not None else None
        listed = bool(inherited) and labelled_list(section)
        own = section.role and (is_group(sections, index) or is_home_care(section, inherited))
        part = inherited in CARE_ROLES and not own
        owners.append(inherited if listed or part else section.role)
    return owners


def is_home_care(section: Section, inherited: Role | None) -> bool:
    """A section named for the reader's own care, in prose, under the clinic's treatment ("####
    Home Treatments" under "### How is it treated?"): the reader's tips, not the clinic's."""
    return inherited == "treatment" and exact_role(section.title) == "selfcare"


def is_group(sections: list[Section], index: int) -> bool:
    """A section that lists points of its own: subsections, or a list that is not a labelled
    list's short phrases."""
    section = sections[index]
    below = index + 1 < len(sections) and sections[index + 1].level > section.level > 0
    items = [b for b in section.blocks if b.kind == "item"]
    return below or (len(items) >= 2 and not labelled_list(section))


def aside_indices(sections: list[Section]) -> set[int]:
    """The sections beside the treatment, with their subsections but the reader's own care
    ("#### Home Treatments" under "### How is it diagnosed?")."""
    found: set[int] = set()
    for index, section in enumerate(sections):
        if is_aside(section):
            below = range(index + 1, index + 1 + len(subsections(sections, index)))
            found.add(index)
            found.update(i for i in below if not is_home_care(sections[i], section.role))
    return found


def is_aside(section: Section) -> bool:
    """A section named for what is beside the treatment: how the problem is found, the
    benefits, who it is for, what it is ("Diagnosis", "Beneficios", "Indikationen")."""
    plain = section.title.lstrip("¿¡\"'“ ")
    return any(opens_aside(t) for t in (plain, ARTICLE.sub("", plain)))  # "Le diagnostic ..."


def opens_aside(title: str) -> bool:
    """A title that opens with the words of an aside (anywhere in Korean or Japanese)."""
    match = find_role_term("points", "aside", title)
    return match is not None and (match.start() == 0 or not LATIN.search(title))


def subsection_points(section: Section, parallel: bool, role: Role) -> list[Point]:
    """One point for a subsection ("### Acupuncture"), or one per item when it is a list of
    treatments or tips, or a list beside one ("For dry eye, options include:" and "For
    blepharitis, hygiene is key:"); a patient's list of complaints is not."""
    items = [b for b in content_blocks(section) if b.kind == "item"]
    asks = section.title.endswith("?")
    mine = role == "selfcare" and not section.role  # "### The first 3 days" under "First aid"
    listed = section.role in CARE_ROLES or ((parallel or mine) and not asks)
    if len(items) >= 2 and listed:
        return [make_point(b) for b in content_blocks(section) if b in items or is_tip_callout(b)]
    if role == "selfcare" and (tips := advice_points(section, titled=True)):
        return tips
    return [p for p in [point_from_section(section)] if p]


def subsections(sections: list[Section], index: int) -> list[Section]:
    """The sections under a heading, up to the next heading of its level or above, or one
    about something other than treatment; a summary two ranks below ("#### Key points" under
    "### Stretch 1" under "## The stretches") is one part's, not the post's."""
    parent = sections[index]
    children: list[Section] = []
    kin = (None, parent.role, *(CARE_ROLES if parent.role in CARE_ROLES else ()))
    for section in sections[index + 1 :]:
        listed = parent.role in CARE_ROLES and labelled_list(section)  # "Trigger Point Injections"
        summary = section.role == "conclusion" and section.level > parent.level + 1  # "Key points"
        if section.level <= parent.level or not (section.role in kin or listed or summary):
            break
        children.append(section)
    return children


def points_in(section: Section) -> list[Point]:
    blocks = [b for b in care_blocks(section) if not WRAP_UP.match(b.text)]
    labelled = [b for b in blocks if lead_label(b) and not NOTE.match(b.lead or "")]
    items = [b for b in blocks if b.kind == "item"]
    chosen = listed_blocks(blocks, labelled, items)
    if chosen:
        return [make_point(b) for b in chosen]
    if section.role == "selfcare" and (tips := advice_points(section, titled=False)):
        return tips
    if names_a_method(section) and not names_many(section, blocks):
        return [p for p in [point_from_section(section)] if p]
    return points_from_sentences(blocks)


def names_many(section: Section, blocks: list[Block]) -> bool:
    """A self-care section under a short title that tells several kinds of care in prose, a
    sentence each ("Was hilft akut": "Wärme ist … sehr wirksam. … Magnesium fördert die
    Muskelentspannung."): its sentences are the tips, not its first paragraph."""
    sentences = [s for b in blocks if b.kind == "paragraph" for s in split_sentences(b.text)]
    caring = [s for s in sentences if speaks_of_care(s)]
    return section.role == "selfcare" and len(caring) >= MANY_CARE_SENTENCES


def listed_blocks(blocks: list[Block], labelled: list[Block], items: list[Block]) -> list[Block]:
    """The blocks a section lists its points in: its labelled items when most items carry a
    label; else all its items, with a labelled paragraph beside them when there are several
    ("**Buccal massage** is..." after the list); else its labelled paragraphs."""
    labelled_items = [b for b in labelled if b.kind == "item"]
    if labelled_items and 2 * len(labelled_items) >= len(items):
        return labelled_items
    headers = [b for b in items if b.text.rstrip().endswith((":", "："))]
    if len(headers) >= 2:  # a nested list, flattened: "Breathing (4-7-8):" and its steps
        return headers
    if len(items) >= 2:
        beside = [b for b in labelled if len(labelled) >= 2 or is_tip_callout(b)]
        return [b for b in blocks if b in items or b in beside]
    return labelled or items


def is_tip_callout(block: Block) -> bool:
    """A paragraph or quote after a list that a tip label heads ("> **Conseil du Kiné :** Le
    bracelet ... peut aider", "**Top tip:** ..."): one more point, not a remark."""
    label = lead_label(block)
    return (
        block.kind != "item"
        and label is not None
        and word_count(label) <= LABEL_WORDS
        and loose_role(label) == "selfcare"
    )


def points_from_sentences(blocks: list[Block]) -> list[Point]:
    """One point per sentence of a treatment section, with sentences that lean on the one
    before ("Therefore...", "This helps...") kept together; in a long section, the sentences
    that speak of care. A study's finding ("Une méta-analyse montre...") is left out when the
    section tells more than findings (a "## Acupuncture" section that only cites one keeps it)."""
    sentences = [s for b in blocks for s in split_sentences(b.text)]
    told = [s for s in sentences if not vouches(s)]
    groups: list[list[str]] = []
    for sentence in told or sentences:
        if sentence.endswith(("?", "!")):  # a question or a cheer ("You don't have to...!")
            continue
        if groups and LEANS_BACK.match(sentence):
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    texts = told_methods([" ".join(g) for g in groups])
    caring = [t for t in texts if speaks_of_care(t) or is_cue("treatment", t)]
    if len(texts) > MAX_POINTS or 2 * len(caring) < len(texts):  # mostly describes the problem
        texts = caring or texts
    if len(texts) > MAX_POINTS:  # still long: its most central sentences, in article order
        central = set(rank_central(texts)[:MAX_POINTS])
        texts = [t for t in texts if t in central]
    return [p for text in texts for p in split_prose_list(text) or [sentence_point(text)]]


def told_methods(texts: list[str]) -> list[str]:
    """A section's sentences, only those that tell what the treatment is when one of them lists
    its methods ("Die Behandlung umfasst A, B und C", "Treatment includes A, B and C"): the
    others describe the problem or what the methods achieve."""
    listing = [t for t in texts if lists_methods(t)]
    return [t for t in texts if t in listing or is_cue("treatment", t)] if listing else texts


def point_from_section(section: Section) -> Point | None:
    """The section's point, labelled with its title: its treatment paragraph, else its first
    paragraph; in a section named for a stage or type, not a method, a later paragraph that
    speaks of care when the first only describes ("1) Gingivitis" ... "At this stage, scaling
    and good hygiene restore the gums"); the items of the list it opens when that paragraph
    only opens one ("O corpo funciona melhor com regularidade. Tente:")."""
    paragraphs = [b.text for b in content_blocks(section) if b.kind != "heading"]
    if not paragraphs or not section.title:
        return None
    if told := treatment_paragraph(section):  # "1) Deep decay" ... "**Treatment:** we remove..."
        return Point(label=section.title, text=told, short=shorten(told))
    text = paragraphs[0]
    if not speaks_of_care(text) and not speaks_of_care(section.title):
        prose = [b.text for b in content_blocks(section) if b.kind == "paragraph"]
        text = next((p for p in prose[1:] if speaks_of_care(p)), text)
    if OPENS_MID_STORY.match(text):  # "This is where...": a paragraph naming the step reads better
        title = set(stems(section.title))
        text = next((p for p in paragraphs if title & set(stems(p)) and balanced(p)), text)
    items = [b.text for b in content_blocks(section) if b.kind == "item"]
    if opens_a_list(text) and len(items) >= 2:  # "O corpo funciona melhor com regularidade. Tente:"
        text = list_text(items, LIST_ITEMS)  # the list it opens says what to do
    return Point(label=section.title, text=text, short=shorten(text))


def opens_a_list(text: str) -> bool:
    """A paragraph that ends by opening a list ("Try:", "Tente:", "Chiropractors treat:")."""
    return text.rstrip().endswith((":", "："))


def balanced(text: str) -> bool:
    return text.count("(") == text.count(")")
