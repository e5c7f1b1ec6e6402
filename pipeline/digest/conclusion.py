"""The conclusion: a conclusion section's key lines, or without one, a closing paragraph that
sums up or asks the reader to act, in the article's own words."""

from __future__ import annotations

import re

from pipeline.digest.choose import inherited_roles
from pipeline.digest.point_blocks import content_blocks, is_cta
from pipeline.digest.section_text import drop_list_intro, role_text
from pipeline.digest.sections import Section
from pipeline.digest.sentences import IDEOGRAPHS, split_sentences, stems, word_count
from pipeline.digest.vocabulary import find_role_term, is_cue, term_pattern
from pipeline.models import Block

SHORT_LEAD = 20  # words of two first sentences that only lead up to the takeaway
ENDS_SENTENCE = re.compile(r"[.!?。！？][\"”’')]?\s*$")
SENTENCE_STOP = re.compile(r"[.!?。！？](?:\s|$)")
QUOTED = re.compile(r"[\"“„«「『][^\"“”„«»「」『』]+[\"”“»」』]\s*(?:[-–—].{0,60})?")
FOOTNOTE = ("*", "†", "※")
WORD = re.compile(r"[^\W\d_]+")
QUESTION_WORDS = 4  # "Link externo?" is a link's label
# a social network or an account's handle ("@dryuribusin"; not an e-mail address)
SOCIAL = re.compile(
    r"\b(?:instagram|facebook|youtube|tiktok|linkedin|twitter|pinterest)\b|(?<![\w.@])@\w{3,}"
    r"|인스타그램|유튜브|페이스북|틱톡|インスタグラム|ユーチューブ|フェイスブック|ティックトック",
    re.I,
)
BUTTON_CHARS = 50  # a button's label is short in any script
SHORT_CLOSE = 3  # sentences of a closing paragraph that may open on its claim


def find_conclusion(sections: list[Section], body: list[Block], headline: str = "") -> str | None:
    """The conclusion: the last conclusion section's key lines ("Conclusion", "Fazit", "마무리";
    an earlier "at a glance" or "outlook" section is not the post's close), unless more of the
    post follows it and ends on a cued closing paragraph; else a closing paragraph with a
    signal of its own (a summing-up opener or a closing cue phrase)."""
    found = [s for s in sections if s.role == "conclusion" and role_text(sections, s)]
    if not found:
        return closing_text(sections, body, headline) or after_the_list(sections, headline)
    if found[-1] is not last_section_with_text(sections):  # a summary, then more of the post
        if tells_more_after(sections, found[-1]):  # "How many sessions?", then more questions
            return closing_paragraph(sections, headline)
        return closing_paragraph(sections, headline) or summing_up(sections, found[-1])
    return summing_up(sections, found[-1])


def tells_more_after(sections: list[Section], section: Section) -> bool:
    """More of the post is told in prose after the section (a price list or a list of the
    clinic's services after "まとめ" tells nothing more): a mid-post "How many sessions?" or
    "Outlook" section is then one part of the post, not its close."""
    later = sections[sections.index(section) + 1 :]
    return any(
        b.kind == "paragraph" and not is_page_furniture(b)
        for s in later
        if s.role not in ("cta", "references")
        for b in s.blocks
    )


def closing_cta(conclusion: str | None) -> str | None:
    """The conclusion when it is the post's call to action, else None: the digest's `cta` is
    then the same text, which tells compose to draw it once, as the next step."""
    return conclusion if conclusion and asks_to_act(conclusion) else None


def asks_to_act(conclusion: str) -> bool:
    """The conclusion is the post's call to action: one of its sentences asks the reader to
    book, call or come ("Prenota oggi la tua valutazione...", "Gerne berate ich Sie..."). The
    digest then gives it as its `cta` too, and the carousel draws it once, as the next step."""
    return any(is_cue("cta", t) or is_cta(t) for t in split_sentences(conclusion))


def summing_up(sections: list[Section], section: Section) -> str | None:
    """A conclusion section's key lines: the first two sentences of its first real paragraph (a
    caption without a full stop is passed over); a section of a list alone gives its list."""
    paragraphs = [
        b for b in content_blocks(section) if b.kind == "paragraph" and ENDS_SENTENCE.search(b.text)
    ]
    if not paragraphs:
        return role_text(sections, section)
    sentences = split_sentences(paragraphs[0].text)
    if len(sentences) == 1:  # a line a paragraph (as Japanese posts often write): the next lines
        sentences += [t for p in paragraphs[1:3] for t in split_sentences(p.text)]
    return drop_list_intro(" ".join(key_sentences(sentences)))


def key_sentences(sentences: list[str]) -> list[str]:
    """The first two sentences, and the third when those two are short ("L'épicondylite est un
    signal... Écoutez votre coude. Changer de souris... peut suffire à régler le problème."):
    two short lines only lead up to the takeaway."""
    if len(sentences) > 2 and sum(word_count(s) for s in sentences[:2]) < SHORT_LEAD:
        return sentences[:3]
    return sentences[:2]


def closing_text(sections: list[Section], body: list[Block], headline: str) -> str | None:
    """Without a conclusion section: a paragraph of the last section in the last third that
    opens by summing up ("So there we have it", "En resumen"), else the closing paragraph when
    a cue says it sums up or speaks to the reader. A last paragraph without one (a treatment
    step, the answer to a question) is no conclusion."""
    return wrap_up(sections, body[len(body) * 2 // 3 :]) or closing_paragraph(sections, headline)


def wrap_up(sections: list[Section], blocks: list[Block]) -> str | None:
    """The first paragraph that opens by summing up ("So there we have it", "En resumen") in the
    last section with text (a later one is a contact line: "Se você está em Niterói..."): one
    followed by more sections of the article is not the close."""
    last = last_section_with_text(sections)
    own = [b for b in blocks if last and any(b is x for x in last.blocks)]
    for block in own:
        match = find_role_term("cues", "conclusion", block.text)
        if (
            block.kind == "paragraph"
            and match
            and match.start() == 0
            and not is_page_furniture(block)
        ):
            return drop_list_intro(block.text)
    return None


def last_section_with_text(sections: list[Section]) -> Section | None:
    """The last section with a paragraph or item, calls to action and references aside."""
    told = [
        s
        for s in sections
        if s.role not in ("cta", "references") and any(b.kind != "heading" for b in s.blocks)
    ]
    return told[-1] if told else None


def closing_paragraph(sections: list[Section], headline: str = "") -> str | None:
    """The article's closing paragraph (contact details and link lines aside), when a cue says
    it sums up or asks the reader to act: the last paragraph; when that has no cue, in a closing
    section of prose under a heading of no role ("Taking a Step Towards Pain-Free Movement"),
    its first paragraph that has one (a summing-up paragraph, then "For more information on
    ..."). A post that ends on a list, a FAQ or a case's last step has none."""
    kept = [s for s in sections if s.role not in ("faq", "references", "case", "cta")]
    blocks = told_blocks(kept[-2:])
    if len(blocks) < 2 or blocks[-1].kind != "paragraph":
        return None
    if inherited_roles(sections)[-1] in ("faq", "case"):  # the post ends after a FAQ or a case
        return None
    body = [b for s in sections for b in s.blocks]
    tips = ends_on_tips(sections)
    for block in [blocks[-1], *closing_run(kept[-1], blocks)]:
        lines = cued_lines(block, body, tips, headline)
        if lines:
            return lines
    return None


def closing_run(section: Section, blocks: list[Block]) -> list[Block]:
    """The paragraphs before the last one of a closing section: a section of two or three
    paragraphs and nothing else, under a heading of no role and no number, after the post's
    other sections. Its first paragraph is often the close, its last one a line without a cue."""
    own = [b for b in blocks if any(b is x for x in section.blocks)]
    if section.role or section.numbered or not section.heading or not 2 <= len(own) <= 3:
        return []
    return own[:-1] if all(b.kind == "paragraph" for b in own) else []


def cued_lines(block: Block, body: list[Block], tips: bool, headline: str) -> str | None:
    """A closing paragraph's key lines when a cue says it sums up or asks the reader to act:
    from its first such sentence, two sentences (three after a question); when its only cue is
    a call to action after a first sentence, from its first sentence ("For lasting relief,
    physio offers... Book a consultation..."); in a short paragraph whose first sentence names
    the post's subject, from that sentence ("Priorizar tu bienestar mental es un paso valiente...
    Si sientes que..."). A question counts as asking when nothing but page furniture follows
    and the post is not written as questions and answers."""
    sentences = prose_sentences(block.text)
    closing = [
        i for i, t in enumerate(sentences) if is_cue("conclusion", t) and not (tips and advises(t))
    ]
    asking = [i for i, t in enumerate(sentences) if is_cue("cta", t)]
    index = next(i for i, b in enumerate(body) if b is block)
    if ends_on(body, index) and not asks_questions(body[:index]):  # to the reader, not a Q&A's
        asking += [i for i, t in enumerate(sentences) if is_question(t)]
    if not sentences or sentences[-1].endswith(":") or not (closing or asking):
        return None
    first = min(closing + asking) if closing else 0
    if first > 0 and len(sentences) <= SHORT_CLOSE and names_subject(sentences[0], headline):
        return " ".join(sentences[: first + 1])  # the claim, then "Si sientes que..."
    size = 3 if sentences[first].endswith("?") else 2
    return " ".join(sentences[first : first + size])


def is_question(sentence: str) -> bool:
    """A question in words ("Vous souffrez du dos à Vendôme ?", "…みませんか？"), not a link's
    label ("Link externo?")."""
    if not sentence.endswith(("?", "？")):
        return False
    return len(WORD.findall(sentence)) >= QUESTION_WORDS or len(IDEOGRAPHS.findall(sentence)) >= 8


def ends_on(body: list[Block], index: int) -> bool:
    """Nothing but headings, contact lines and buttons follows the block: a question before
    a quoted answer is no closing question."""
    return all(
        b.kind == "heading" or is_page_furniture_text(b.text) or is_button(b.text)
        for b in body[index + 1 :]
    )


def asks_questions(blocks: list[Block]) -> bool:
    """The post is written as questions and answers: an earlier paragraph opens on a question
    (in its bold lead-in or its first sentence)."""
    return any(
        b.kind == "paragraph" and is_question((b.lead or "") or first_sentence(b.text))
        for b in blocks
    )


def first_sentence(text: str) -> str:
    sentences = prose_sentences(text)
    return sentences[0] if sentences else ""


def ends_on_tips(sections: list[Section]) -> bool:
    """The post ends in a self-care section: a closing "please do ..." there is one more tip
    ("…改善するようにしてください。"), not the post's conclusion."""
    last = last_section_with_text(sections)
    return last is not None and last.role == "selfcare"


def advises(sentence: str) -> bool:
    from pipeline.digest.selfcare import is_advice  # selfcare builds on the points modules

    return is_advice(sentence)


def names_subject(text: str, headline: str) -> bool:
    """The text names the post's subject: a word of the headline (by its stem), or a name
    that refers back to it ("per questa patologia", "this condition": [signals] this_condition)."""
    refers = term_pattern("signals", "this_condition").search(text) is not None
    return refers or bool(set(stems(text)) & set(stems(headline)))


def after_the_list(sections: list[Section], headline: str) -> str | None:
    """A paragraph that closes the post after its last section's list (a section of a list,
    or a titled one whose list ends just before it; in an untitled post it is one more tip) and
    names the post's subject again ("...tips... Low back pain is common but disabling: each of
    these factors is a way to ease it."; "...è il punto di riferimento a Teramo per questa
    patologia."): the writer stepping back from the list. Two sentences of it."""
    last = last_section_with_text(sections)
    blocks = told_blocks([last]) if last else []
    if len(blocks) < 3 or blocks[-1].kind != "paragraph":
        return None
    ends_a_list = blocks[-2].kind == "item" and last is not None and last.heading is not None
    if blocks[0].kind != "item" and not ends_a_list:  # a list, or a titled section's list's end
        return None
    if sum(b.kind == "item" for b in blocks) < 3 or not names_subject(blocks[-1].text, headline):
        return None
    sentences = prose_sentences(blocks[-1].text)
    if not sentences or sentences[-1].endswith((":", "?")):
        return None
    return " ".join(sentences[:2])


def told_blocks(sections: list[Section]) -> list[Block]:
    """The sections' blocks without their headings and the page furniture they end on (contact
    lines, a legal disclaimer, a patient's quoted testimonial, a footnote, a button)."""
    blocks = [b for s in sections for b in s.blocks if b.kind != "heading"]
    while blocks and is_page_furniture(blocks[-1]):
        blocks.pop()
    return blocks


def prose_sentences(text: str) -> list[str]:
    """The text's sentences, contact details and link lines aside."""
    return [t for t in split_sentences(text) if not is_page_furniture_text(t)]


def is_page_furniture(block: Block) -> bool:
    text = block.text.strip()
    return (
        (word_count(text) < 4 and not is_question(text))  # a question in Japanese is prose
        or is_page_furniture_text(text)
        or find_role_term("points", "disclaimer", text) is not None
        or QUOTED.fullmatch(text) is not None  # a testimonial: someone else's words
        or text.startswith(FOOTNOTE)  # "*Not a certified specialist."
        or is_button(text)
    )


def is_button(text: str) -> bool:
    """A short call to action without a sentence's stop: a button's label ("Vereinbaren Sie direkt
    einen Termin", "Book your free assessment")."""
    return (
        len(text) <= BUTTON_CHARS
        and not SENTENCE_STOP.search(text)
        and (is_cta(text) or is_cue("cta", text))
    )


def is_page_furniture_text(text: str) -> bool:
    """A line that is contact details, a bare link, template code, a note under a reference
    mark ("※訪問エリア ...") or an invitation to follow a social account ("seguir o meu perfil
    no Instagram @dryuribusin"), not prose."""
    return bool(
        re.search(
            r"\(\d{2,3}\)\s?\d|\d{3,5}[- ]\d{4}|https?://|\{[%{]|[%}]\}|^disclaimer\b|^※",
            text,
            re.I,
        )
        or re.match(r"(learn|read|find out) more\b", text, re.I)
        or SOCIAL.search(text)
    )
