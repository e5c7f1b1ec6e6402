"""Stage 4, compose: carousel slides, quote cards, caption, hashtags and alt text from a digest."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from jinja2 import Environment

from pipeline.brand import Brand
from pipeline.compose.caption import caption_environment, make_captions, point_line
from pipeline.compose.hashtags import make_hashtags
from pipeline.compose.length import split_point
from pipeline.compose.wording import Wording, wording_for
from pipeline.compose.words import reading_words
from pipeline.digest.conclusion import asks_to_act
from pipeline.digest.story import shorten, split_sentences
from pipeline.models import Card, Digest, Point, Post

CLOSING_WORDS = 30  # the takeaway has a slide of its own: room for a whole sentence
MAX_SLIDES = 10
MIN_SLIDES = 5
SHORT_POINT_WORDS = 5  # unlabelled points this short share one "Treatment" slide as a list
MAX_GROUP = 4  # items on one such list slide
LIST_WORDS = 20  # words on a list slide that takes in a longer point beside a lone short one
LIST_SEPARATOR = " · "  # between a list slide's items: the renderer sets one under another
SENTENCE_END = re.compile(r"[.!?。！？]$")
ELLIPSES = re.compile(r"…(?:\s*…)+")
CARE_LIST_WORDS = 30  # words on one "What you can do" checklist slide
CARE_ITEM_WORDS = 16  # a labelled tip shown whole ("Ice: apply a pack...") up to this length
MAX_CARE_SLIDES = 2  # "What you can do" slides the carousel keeps; more tips stay in post.json
SELFCARE_KICKER = "What you can do"  # the renderer does not keep "\n", so list items share a line
SWIPE_CUE = wording_for("en").swipe
STORY_KICKER = wording_for("en").story_kicker
STORY_NOTE = wording_for("en").story_note
LISTICLE = re.compile(r"^\D{0,12}\b([3-9]|1[0-5])\b")  # "7 Tips for …", "Top 5 …", "5가지 …"
SENTENCE = re.compile(r"(?<=[.!?。…])\s+")
LATIN_WORD = re.compile(r"[^\W\d_]{4,}")  # a word long enough to be a content word
CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]{2,}")


@dataclass(frozen=True)
class Slide:
    """A point slide before numbering: its kicker, its text and how many digest points it shows."""

    kicker: str
    text: str
    points: int = 0
    layout: str | None = None  # "point_checklist" for self-care tips, "point_list" for a list
    short: str | None = None  # the text from the points' short forms, when it differs
    half: bool = False  # one of the two slides a long point was split into (split_long)


def compose_post(digest: Digest, brand: Brand, slug: str, env: Environment | None = None) -> Post:
    brand = brand.for_language(digest.language)
    words = wording_for(digest.language)
    middle = middle_slides(digest, words)
    slides = carousel_slides(digest, brand, middle[: MAX_SLIDES - 2])
    quotes = quote_cards(digest, brand, slide_sentences(slides))
    hashtags = make_hashtags(digest, brand)
    cards = (*slides, *quotes, *square_quotes(quotes))
    left_off = left_off_points(digest, middle)
    captions = make_captions(
        digest, brand, cards, hashtags, env or caption_environment(), extra_points=left_off
    )
    warnings = compose_warnings(digest, middle, captions.carousel)
    return Post(
        slug=slug,
        cards=(*cards, story_card(digest, brand)),
        caption=captions.carousel,
        hashtags=hashtags,
        extra={"compose_warnings": warnings} if warnings else {},
        captions=captions,
    )


def middle_slides(digest: Digest, words: Wording) -> list[Slide]:
    """Symptom, cause, the treatment points, the self-care tips ("What you can do"), then
    quotes to fill out a short article. Treatment slides beyond the 10-slide limit are left
    over at the end (the caption lists them); self-care keeps up to two slides, after at least
    one treatment slide."""
    middle: list[Slide] = []
    if digest.symptom:  # the whole text, as a point's: the renderer fits it to the card
        middle.append(Slide(words.symptom, display_text(digest.symptom)))
    if digest.cause:
        middle.append(Slide(words.cause, display_text(digest.cause)))
    treatment = point_slides(digest.treatment_points, words)
    room = MAX_SLIDES - 2 - len(middle)
    care = care_slides(digest.prevention, words)[: max(0, room - min(len(treatment), 1))]
    care = care[: MAX_CARE_SLIDES if treatment else room]  # a tips post: its tips are the story
    middle += [*treatment[: room - len(care)], *care, *treatment[room - len(care) :]]
    middle = split_long(middle, MAX_SLIDES - 2)
    for quote in digest.quotes:  # a short article: its strongest sentences fill the story out
        if len(middle) + 2 >= MIN_SLIDES:
            break
        if not any(said_on(quote, slide) for slide in middle):
            middle.append(Slide(words.key_point, quote))
    return middle


def said_on(sentence: str, slide: Slide) -> bool:
    """Whether a slide already shows the sentence (the symptom's sentence is often also the
    article's strongest): a set never draws the same words twice."""
    return squeeze(sentence) in squeeze(slide.text)


def squeeze(text: str) -> str:
    return " ".join(text.lower().split())


def split_long(middle: list[Slide], limit: int) -> list[Slide]:
    """While the carousel has room (`limit` middle slides), the longest point slide that reads
    as two (length.py) becomes two, cut between its own sentences, the second under the same
    kicker: a 70-word paragraph set at the smallest size becomes two slides set comfortably.
    A half is not split again: a point is never told over three slides."""
    while len(middle) < limit:
        whole = [i for i, s in enumerate(middle) if s.layout is None and s.points <= 1]
        splits = {i: p for i in whole if not middle[i].half and (p := split_point(middle[i].text))}
        if not splits:
            return middle
        i = max(splits, key=lambda i: len(middle[i].text))
        first, second = (halved(middle[i], part, n) for n, part in enumerate(splits[i]))
        middle = [*middle[:i], first, second, *middle[i + 1 :]]
    return middle


def halved(slide: Slide, text: str, second: int) -> Slide:
    """One half of a split slide; the first counts its point, both keep a short form (the
    half's first sentence, cut at a clause if long) for a card too small even so."""
    cut = display_text(shorten(text))
    points = 0 if second else slide.points
    return Slide(slide.kicker, text, points, None, cut if cut != text else None, half=True)


def care_slides(tips: tuple[Point, ...], words: Wording) -> list[Slide]:
    """The self-care tips under "What you can do": tips share a slide as a checklist (at most
    MAX_GROUP items and CARE_LIST_WORDS words, counted as length.py reads Japanese too), a
    long one has a slide of its own."""
    slides: list[list[tuple[str, str]]] = []
    for tip in tips:
        whole, short = (item_text(tip_text(tip, t)) for t in (tip.text, tip.short))
        last = slides[-1] if slides else []
        words_now = sum(reading_words(t) for t, _ in last) + reading_words(whole)
        if last and len(last) < MAX_GROUP and words_now <= CARE_LIST_WORDS:
            last.append((whole, short))
        else:
            slides.append([(whole, short)])
    kicker = words.selfcare or SELFCARE_KICKER
    return [list_slide(kicker, items, 0, "point_checklist") for items in slides]


def item_text(text: str) -> str:
    """A list item as drawn: capitalised, its full stop or colon off ("Breathing (4-7-8):"
    heads steps)."""
    return display_text(text).rstrip(".。:：")


def list_slide(kicker: str, items: list[tuple[str, str]], points: int, layout: str) -> Slide:
    """Items (whole, short) joined by LIST_SEPARATOR; the short forms only when they differ."""
    text = LIST_SEPARATOR.join(whole for whole, _ in items)
    short = LIST_SEPARATOR.join(cut for _, cut in items)
    return Slide(kicker, text, points, layout, short if short != text else None)


def tip_text(tip: Point, text: str) -> str:
    """A tip as one checklist item, with its `text` (whole or short): "Ice: apply a pack for
    15 minutes" when label and text are short together, else the label when it says what to
    do in a few words ("Wear breathable clothing"), else the text."""
    if not tip.label:
        return text
    both = f"{tip.label}: {tip.text}"
    if len(both.split()) <= CARE_ITEM_WORDS:
        return f"{tip.label}: {text}"
    names_the_tip = len(tip.label.split()) >= 2 and label_echoed(tip.label, tip.text)
    return tip.label if names_the_tip else text


def label_echoed(label: str, text: str) -> bool:
    """Whether the text takes up a word of its label ("Wear breathable clothing" over "Choose
    loose, breathable clothing"), so that the label names the tip. A section's name over its
    paragraph ("Was hilft akut" over "Mehrere Maßnahmen ... Wärme ist ... wirksam") does not:
    alone on a checklist it would say nothing. Words compared by their first four letters;
    Korean and Japanese by pairs of characters."""
    return bool(word_keys(label) & word_keys(text))


def word_keys(text: str) -> set[str]:
    keys = {w[:4].lower() for w in LATIN_WORD.findall(text)}
    for run in CJK_RUN.findall(text):
        keys |= {run[i : i + 2] for i in range(len(run) - 1)}
    return keys


def point_slides(points: tuple[Point, ...], words: Wording) -> list[Slide]:
    """One slide per point, except that short unlabelled points share a list slide."""
    slides = []
    for group in group_points(points):
        if len(group) == 1:
            point = group[0]
            short = display_text(point.short) if point.short != point.text else None
            slides.append(
                Slide(point.label or words.treatment, display_text(point.text), 1, None, short)
            )
        elif all(SENTENCE_END.search(p.text.strip()) for p in group):  # sentences read on
            text = " ".join(display_text(p.text) for p in group)
            short = " ".join(display_text(p.short) for p in group)
            slides.append(
                Slide(words.treatment, text, len(group), None, short if short != text else None)
            )
        else:  # phrases ("Icing", "Padding"): one under another
            items = [(item_text(p.text), item_text(p.short)) for p in group]
            slides.append(list_slide(words.treatment, items, len(group), "point_list"))
    return slides


def group_points(points: tuple[Point, ...]) -> list[list[Point]]:
    """Runs of short unlabelled points together; a lone short one joins its unlabelled neighbour
    when the list stays short. Story order is kept."""
    groups: list[list[Point]] = []
    for point in points:
        if groups and all(map(is_list_item, [*groups[-1], point])) and len(groups[-1]) < MAX_GROUP:
            groups[-1].append(point)
        else:
            groups.append([point])
    joined: list[list[Point]] = []
    for group in groups:
        if joined and (is_lone_item(group) or is_lone_item(joined[-1])) and fits(joined[-1], group):
            joined[-1] = joined[-1] + group
        else:
            joined.append(group)
    return joined


def is_list_item(point: Point) -> bool:
    return not point.label and reading_words(point.text) <= SHORT_POINT_WORDS


def is_lone_item(group: list[Point]) -> bool:
    return len(group) == 1 and is_list_item(group[0])


def fits(first: list[Point], second: list[Point]) -> bool:
    both = [*first, *second]
    words = sum(reading_words(p.text) for p in both)
    return not any(p.label for p in both) and len(both) <= MAX_GROUP and words <= LIST_WORDS


def display_text(text: str) -> str:
    """The slide's text with its first letter capitalised ("Label: lower-case text" bullets),
    and one ellipsis where a cut met another ("root……")."""
    text = ELLIPSES.sub("…", text.strip())
    return text[:1].upper() + text[1:]


def carousel_slides(digest: Digest, brand: Brand, middle: list[Slide]) -> list[Card]:
    """Cover, the middle slides, then the takeaway (or, without a conclusion, the next step)."""
    words = wording_for(digest.language)
    total = len(middle) + 2
    cards = [Card("cover", "", digest.headline, kicker=brand.name, note=words.swipe)]
    cards += numbered(
        digest,
        [Card("point", "", s.text, s.kicker, layout=s.layout, short=s.short) for s in middle],
    )
    cards.append(closing_card(digest, brand, words))
    return [
        replace(card, file=f"carousel-{i:02d}.jpg", footer=brand.handle, counter=f"{i} / {total}")
        for i, card in enumerate(cards, start=1)
    ]


def numbered(digest: Digest, cards: list[Card]) -> list[Card]:
    """A listicle ("7 Tips for …") numbers its treatment slides: the number is the card's note,
    drawn large by the point_numbered layout."""
    if not LISTICLE.search(digest.headline) or len(digest.treatment_points) < 3:
        return cards
    labels = {p.label for p in digest.treatment_points if p.label}
    number, last = 0, None
    for i, card in enumerate(cards):
        if card.kicker in labels and card.layout is None:
            number += card.kicker != last  # a point split in two keeps its number
            last = card.kicker
            cards[i] = replace(card, layout="point_numbered", note=str(number))
    return cards


def closing_card(digest: Digest, brand: Brand, words: Wording) -> Card:
    """The article's conclusion as the takeaway; with none, the brand's call to action. A
    conclusion that is the article's own call to action (the digest's `cta` is the same text)
    is the next step, the brand's call to action under it unless it says the same.

    A headline or any other text is never labelled a takeaway: that would invent a conclusion.
    """
    cta = brand.cta.strip() or words.book
    if digest.conclusion:  # its first sentences; whole rather than cut mid-sentence with "…"
        text = shorten(digest.conclusion, CLOSING_WORDS)
        text, short = (digest.conclusion, text) if text.endswith("…") else (text, None)
        closing = Card("closing", "", text, kicker=words.takeaway, note=cta, short=short)
        if digest.conclusion == digest.cta:  # the post closes on its own call to action
            closing = next_step(digest.conclusion, closing, cta, words)
    else:
        closing = Card("closing", "", cta, kicker=words.next_step)
    return replace(closing, fine_print=brand.disclaimer)


def next_step(conclusion: str, closing: Card, cta: str, words: Wording) -> Card:
    """The article's own closing call to action as the next step: whole when it fits, else from
    its first sentence that asks to act, so the call itself is drawn and not a sentence that
    leads up to it; the brand's call to action under it unless it says the same words."""
    text, short = conclusion, None
    if reading_words(conclusion) > CLOSING_WORDS:
        sentences = split_sentences(conclusion) or [conclusion]
        calling = next((i for i, t in enumerate(sentences) if asks_to_act(t)), 0)
        text = " ".join(sentences[calling:])
        if reading_words(text) > CLOSING_WORDS:
            cut = shorten(text, CLOSING_WORDS)
            text, short = (text, cut) if cut.endswith("…") else (cut, None)
    note = None if normal(cta) in normal(text) else cta  # never the same words twice
    return replace(closing, text=text, short=short, kicker=words.next_step, note=note)


def left_off_points(digest: Digest, middle: list[Slide]) -> list[str]:
    """Caption lines for the treatment points the 10-slide cap leaves off the carousel."""
    shown = sum(s.points for s in middle[: MAX_SLIDES - 2])
    return [point_line(p.label, display_text(p.short)) for p in digest.treatment_points[shown:]]


def compose_warnings(digest: Digest, middle: list[Slide], caption: str) -> list[str]:
    """Say so when points do not make it onto the carousel, and how many the caption lists."""
    total = len(digest.treatment_points)
    shown = sum(s.points for s in middle[: MAX_SLIDES - 2])
    if shown >= total:
        return []
    listed = sum(
        1
        for p in digest.treatment_points
        if point_line(p.label, display_text(p.short)) in caption or display_text(p.short) in caption
    )
    return [
        f"carousel: {total - shown} of {total} treatment points left off "
        f"({MAX_SLIDES}-slide limit); the caption lists {listed} of {total}"
    ]


def quote_cards(
    digest: Digest, brand: Brand, on_slides: AbstractSet[str] = frozenset()
) -> list[Card]:
    """Up to three quote cards, never one that repeats a sentence a slide draws: the weeks of
    quote posts do not repeat the carousel."""
    source = f"{wording_for(digest.language).from_blog} {digest.headline}"
    fresh = [q for q in digest.quotes if not repeats(q, on_slides)]
    return [
        Card("quote", f"quote-{i:02d}.jpg", quote, footer=brand.handle, note=source)
        for i, quote in enumerate(fresh[:3], start=1)
    ]


def slide_sentences(slides: list[Card]) -> frozenset[str]:
    return frozenset(s for card in slides for s in sentences(card.text))


def sentences(text: str) -> list[str]:
    return [normal(part) for part in SENTENCE.split(text) if part.strip()]


def repeats(quote: str, on_slides: AbstractSet[str]) -> bool:
    """A sentence of the quote is on a slide, or a slide's (shortened) sentence is in it."""
    mine = sentences(quote)
    return any(a in b or b in a for a in mine for b in on_slides if min(len(a), len(b)) > 20)


def normal(text: str) -> str:
    return squeeze(text.rstrip(".…"))


def square_quotes(quotes: list[Card]) -> list[Card]:
    """The first quote again at 1:1, for feeds and shares that want a square."""
    return [
        replace(q, file=q.file.replace(".jpg", "-square.jpg"), layout="quote_square")
        for q in quotes[:1]
    ]


def story_card(digest: Digest, brand: Brand) -> Card:
    """A 1080x1920 story: the headline as the hook, pointing to the link in bio."""
    words = wording_for(digest.language)
    return Card(
        "story",
        "story-01.jpg",
        digest.headline,
        kicker=words.story_kicker,
        note=words.story_note,
        footer=brand.handle,
    )
