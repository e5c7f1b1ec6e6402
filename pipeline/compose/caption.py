"""Captions from Jinja templates, CamelCase hashtags, and alt text for every image.

Templates come from one Jinja Environment: the user's folder first, the built-ins second, and
StrictUndefined, so a variable a template needs but does not get is an error, never a blank.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)

from pipeline.brand import Brand, resource_dir
from pipeline.compose.wording import WORDINGS, generic_kickers, wording_for
from pipeline.digest.story import STOPWORDS, split_sentences
from pipeline.models import Captions, Card, ConfigError, Digest, RenderedImage

MAX_CAPTION = 2200  # Instagram's caption limit (error 2207010 above it)
HOOK_LIMIT = 125  # what shows before "more"
MIN_HASHTAGS, MAX_HASHTAGS = 3, 5  # Instagram allows 5 hashtags a post since December 2025
MAX_TAG_WORDS = 4
MAX_ALT_TEXT = 1000
MAX_STORY = 250
ELLIPSIS = "…"
TEMPLATES = {"carousel": "carousel.txt.j2", "quote": "quote.txt.j2", "story": "story.txt.j2"}
GENERIC_KICKERS = generic_kickers()

# Head nouns of a condition phrase; the generic ones need a word in front ("knee pain", not "pain").
SPECIFIC_CONDITIONS = (
    r"sciatica|arthritis|osteoarthritis|tendonitis|tendinitis|tendonities|tendinopathy|"
    r"fasciitis|neuroma|splints|bursitis|migraines?|headaches?|fibromyalgia|whiplash|"
    r"bunions?|insomnia|neuropathy|scoliosis|imbalance"
)
GENERIC_CONDITIONS = r"pain|aches?|strains?|sprains?|injur(?:y|ies)|stiffness|tension"
CONDITION = re.compile(
    rf"((?:[A-Za-z][\w'’-]*\s+){{0,2}})({SPECIFIC_CONDITIONS}|{GENERIC_CONDITIONS})\b", re.I
)
GENERIC = re.compile(rf"(?:{GENERIC_CONDITIONS})", re.I)
TREATMENTS = re.compile(
    r"\b(acupuncture|osteopathy|physiotherapy|chiropractic|massage|pilates|yoga|orthotics|"
    r"podiatry|dry needling|cupping|manual therapy|shockwave therapy|stretching|taping|"
    r"herbal medicine)\b",
    re.I,
)
# Words that make a condition phrase specific when it comes from running text ("knee pain").
BODY_WORDS = re.compile(
    r"lower|upper|back|neck|shoulder|knee|hip|heel|foot|feet|ankle|wrist|elbow|jaw|joint|"
    r"muscle|nerve|shin|calf|arch|leg|arm|hand|finger|toe|chest|head|pelvic|plantar|chronic|"
    r"acute|tension|sports|tennis|golfers|achilles|tendon|hamstring|groin",
    re.I,
)
MAX_TREATMENT_PARTS = 2  # #ManualTherapy, not #AntiInflammatoryPreparations
# A tag never starts with one of these: "Appropriate footwear" is not something people search.
GENERIC_ADJECTIVES = frozenset(
    {"appropriate", "proper", "suitable", "correct", "right", "good", "better", "general"}
    | {"various", "other", "specific", "certain", "different", "adequate", "regular"}
)
CONJUNCTIONS = frozenset({"and", "or", "y", "o", "e"})
# A phrase that starts with a verb states a goal ("Treat Runner's Knee"), not a thing to tag.
GOAL_VERBS = frozenset(
    {"treat", "cure", "fix", "help", "beat", "avoid", "prevent", "ease", "relieve", "reduce"}
    | {"stop", "manage", "improve", "strengthen", "stretch", "build", "calm", "heal"}
)
# "Strengthening exercises" names a modality; "Strengthening muscles" names a goal.
MODALITY_NOUNS = frozenset(
    {"exercise", "exercises", "therapy", "training", "treatment", "programme", "program"}
    | {"techniques", "technique", "massage", "stretches", "work"}
)
VAGUE_WORDS = frozenset(
    {"all", "any", "some", "such", "much", "many", "most", "other", "no", "not", "very", "bad"}
)


@lru_cache(maxsize=8)
def caption_environment(user_dir: Path | None = None) -> Environment:
    """One Environment for every caption: the user's templates first, then the built-ins.

    Made once per folder and process, so a batch compiles each template once (Jinja checks the
    file's time before reusing it)."""
    loaders: list[BaseLoader] = []
    if user_dir is not None:
        if not user_dir.is_dir():
            raise ConfigError(f"--templates {user_dir}: no such folder")
        loaders.append(FileSystemLoader(str(user_dir)))
    loaders.append(FileSystemLoader(str(resource_dir("templates") / "captions")))
    return Environment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        keep_trailing_newline=False,
        autoescape=False,
    )


def render_template(env: Environment, name: str, values: dict[str, Any]) -> str:
    """Render one caption template; template faults become one-line ConfigErrors naming the file."""
    try:
        template = env.get_template(name)
    except TemplateSyntaxError as exc:
        raise ConfigError(
            f"caption template {exc.filename or name}, line {exc.lineno}: {exc.message}"
        ) from None
    except TemplateNotFound as exc:
        raise ConfigError(f"caption template {exc.name} not found") from None
    where = template.filename or name
    try:
        return template.render(**values).strip()
    except UndefinedError as exc:
        known = ", ".join(sorted(values))
        raise ConfigError(
            f"caption template {where}: {exc.message}; the variables are: {known}"
        ) from None
    except TemplateError as exc:
        raise ConfigError(f"caption template {where}: {exc}") from None


def make_captions(
    digest: Digest,
    brand: Brand,
    cards: Sequence[Card],
    hashtags: tuple[str, ...],
    env: Environment,
    extra_points: Sequence[str] = (),
) -> Captions:
    """The carousel caption, one caption per quote card, and a short story line.

    `extra_points` are caption lines for points the carousel had no room for; they come after
    the slides' own lines and are the first dropped when the caption runs long.
    """
    common = caption_values(digest, brand, hashtags)
    points = [*point_lines(digest, cards), *extra_points]
    carousel = fit_caption(env, TEMPLATES["carousel"], common, points)
    quotes = tuple(
        (card.file, make_quote_caption(env, common, card.text))
        for card in cards
        if card.kind == "quote"
    )
    story = render_template(env, TEMPLATES["story"], {**common, "points": []})
    if len(story) > MAX_STORY:
        raise ConfigError(
            f"caption template {TEMPLATES['story']} renders {len(story)} characters; "
            f"a story line must stay within {MAX_STORY} (shorten the brand's cta or disclaimer)"
        )
    return Captions(carousel=carousel, quotes=quotes, story=story)


def caption_values(digest: Digest, brand: Brand, hashtags: tuple[str, ...]) -> dict[str, Any]:
    """The template variables; `words` holds the fixed wording in the article's language."""
    words = wording_for(digest.language)
    cta = brand.cta.strip() or words.book
    return {
        "headline": digest.headline,
        "hook": make_hook(digest.headline),
        "symptom": digest.symptom,
        "cause": digest.cause,
        "conclusion": digest.conclusion,
        "cta": cta if cta.endswith((".", "!", "?", ELLIPSIS)) else cta + ".",
        "disclaimer": brand.disclaimer,
        "hashtags": list(hashtags),
        "brand_name": brand.name,
        "handle": brand.handle,
        "words": asdict(words),
        "language": digest.language,
    }


def point_lines(digest: Digest, cards: Sequence[Card]) -> list[str]:
    """The carousel's point slides as caption lines, so every slide's words are in the caption."""
    lines = []
    for card in cards:
        if card.kind != "point":
            continue
        lines.append(point_line(card.kicker, card.text))
    if not lines:
        lines = [point_line(p.label, p.short) for p in digest.treatment_points]
    return lines


def point_line(kicker: str | None, text: str) -> str:
    """ "Acupuncture: text" for a named point; the bare text under a generic kicker."""
    kicker = (kicker or "").strip()
    generic = not kicker or kicker.lower() in GENERIC_KICKERS
    return text if generic else f"{kicker}: {text}"


def fit_caption(env: Environment, name: str, values: dict[str, Any], points: list[str]) -> str:
    """Render with as many whole points as fit in 2,200 characters; never cut a sentence."""
    kept = list(points)
    while True:
        caption = render_template(env, name, {**values, "points": kept})
        if len(caption) <= MAX_CAPTION:
            check_hook(name, caption, str(values["hook"]))
            return caption
        if not kept:
            raise ConfigError(
                f"caption template {name} renders {len(caption)} characters even without "
                f"points; Instagram allows {MAX_CAPTION}"
            )
        kept.pop()


def check_hook(name: str, caption: str, hook: str) -> None:
    start = caption.find(hook)
    if start >= 0 and start + len(hook) > HOOK_LIMIT:
        raise ConfigError(
            f"caption template {name}: the hook must end within the first {HOOK_LIMIT} "
            "characters (what shows before 'more'); move it to the top"
        )


def make_quote_caption(env: Environment, common: dict[str, Any], quote: str) -> str:
    quote = quote.strip().strip('“”"')
    quoted = f"“{quote}”"
    quote_is_hook = len(quoted) <= HOOK_LIMIT
    values = {
        **common,
        "quote": quote,
        "quote_is_hook": quote_is_hook,
        "hook": quoted if quote_is_hook else common["hook"],
    }
    return fit_caption(env, TEMPLATES["quote"], values, [])


def make_hook(text: str, limit: int = HOOK_LIMIT) -> str:
    """The text if it fits before "more"; else cut at a sentence or clause end, else a word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    first = split_sentences(text)[0]
    if len(first) <= limit:
        return first
    cuts = [m.start() for m in re.finditer(r"[,;:—–]\s", text) if 20 <= m.start() < limit]
    if cuts:
        return text[: cuts[-1]] + ELLIPSIS
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + ELLIPSIS


def make_hashtags(digest: Digest, brand: Brand) -> tuple[str, ...]:
    """3-5 CamelCase tags: the article's condition, then its treatments, then the brand's tags.

    Up to two condition phrases lead (from the keywords, else the headline), then treatment
    names a marketer would tag (short nouns: no goals such as "Relieving Joint Strain", no
    "Appropriate footwear"), then any further conditions. Phrases from the digest's text, and
    finally the brand's name, join only to reach the minimum of three. Nothing is made up.
    """
    fixed = unique_tags(camel_tag(t) for t in brand.hashtags)[:MAX_HASHTAGS]
    headline = headline_conditions(digest)
    conditions = keyword_conditions(digest.keywords) or headline
    treatments = [k for i, k in enumerate(digest.keywords) if is_tag_worthy(k, topic=i == 0)]
    ranked = [*conditions[:2], *treatments, *conditions[2:], *headline]
    tags = unique_tags(map(camel_tag, ranked), fixed)[: MAX_HASHTAGS - len(fixed)]
    if len(tags) + len(fixed) < MIN_HASHTAGS:
        extra = [*text_conditions(digest), *text_treatments(digest), brand.name]
        more = unique_tags(map(camel_tag, extra), [*fixed, *tags])
        tags += more[: MIN_HASHTAGS - len(tags) - len(fixed)]
    return (*tags, *fixed)


def keyword_conditions(keywords: Iterable[str]) -> list[str]:
    """Condition phrases in the keywords: "Joint Strain" from "Relieving Joint Strain"."""
    return [phrase for k in keywords for phrase in condition_phrases(k)]


def is_tag_worthy(phrase: str, topic: bool = False) -> bool:
    """A short noun phrase or a known modality; not a goal, a list or a generic adjective.

    The article's topic (its first keyword) may be longer, like a condition phrase.
    """
    parts = re.findall(r"[^\W_]+", phrase.replace("'", "").replace("’", ""))
    if not parts or len(parts) > (MAX_TAG_WORDS if topic else MAX_TREATMENT_PARTS):
        return False
    first, last = parts[0].lower(), parts[-1].lower()
    if first in GENERIC_ADJECTIVES or (first in GOAL_VERBS and len(parts) > 1):
        return False
    if any(p.lower() in CONJUNCTIONS for p in parts):
        return False
    if TREATMENTS.fullmatch(phrase.strip()):
        return True
    is_goal = len(parts) > 1 and first.endswith("ing") and last not in MODALITY_NOUNS
    return not is_goal


def unique_tags(tags: Iterable[str | None], taken: Iterable[str] = ()) -> list[str]:
    """Tags in order without case-insensitive duplicates of each other or of `taken`."""
    seen = {t.lower() for t in taken}
    kept = []
    for tag in tags:
        if tag and tag.lower() not in seen:
            seen.add(tag.lower())
            kept.append(tag)
    return kept


def camel_tag(phrase: str) -> str | None:
    """#KneePain from "knee pain"; None for stop words, numbers or phrases too long for a tag."""
    text = unicodedata.normalize("NFC", phrase).replace("'", "").replace("’", "")
    words = re.findall(r"[^\W_]+", text)
    if not words or len(words) > MAX_TAG_WORDS:
        return None
    if all(w.lower() in STOPWORDS for w in words) or all(w.isdigit() for w in words):
        return None
    return "#" + "".join(w[:1].upper() + w[1:] for w in words)


def condition_phrases(text: str, modifiers_from: re.Pattern[str] | None = None) -> list[str]:
    """Condition phrases as written: "lower back pain", "Sciatica", "Plantar Heel Pain".

    The words in front are the run just before the condition noun that are not stop words or
    verb forms; with `modifiers_from`, only words from that vocabulary count.
    """
    phrases = []
    for match in CONDITION.finditer(text):
        modifiers: list[str] = []
        for word in reversed(match.group(1).split()):
            if is_vague(word) or (modifiers_from and not modifiers_from.fullmatch(word)):
                break
            modifiers.insert(0, word)
        if not modifiers and GENERIC.fullmatch(match.group(2)):
            continue
        phrases.append(" ".join([*modifiers, match.group(2)]))
    return phrases


def is_vague(word: str) -> bool:
    lower = word.lower().strip("'’-")
    return lower in STOPWORDS or lower in VAGUE_WORDS or lower.endswith(("ing", "ed", "ly"))


def headline_conditions(digest: Digest) -> list[str]:
    return condition_phrases(digest.headline)[:1]


def digest_texts(digest: Digest) -> list[str]:
    texts = [digest.symptom, digest.cause, digest.conclusion, *digest.quotes]
    texts += [p.text for p in digest.treatment_points]
    return [t for t in texts if t]


def text_conditions(digest: Digest) -> list[str]:
    """Condition phrases in the digest's text, the most frequent first."""
    counts = Counter(
        p.lower() for t in digest_texts(digest) for p in condition_phrases(t, BODY_WORDS)
    )
    return [phrase for phrase, _ in counts.most_common()]


def text_treatments(digest: Digest) -> list[str]:
    found = [m.group(1).lower() for t in digest_texts(digest) for m in TREATMENTS.finditer(t)]
    return [t for t, _ in Counter(found).most_common()]


def make_alt_text(
    card: Card, texts: Sequence[str], position: int, total: int, language: str | None = None
) -> str:
    """The words on the image verbatim, in drawing order, then briefly what the image shows."""
    words = join_texts(texts)
    what = describe_card(card, position, total, language)
    alt = join_texts([words, what])
    if len(alt) <= MAX_ALT_TEXT:
        return alt
    room = MAX_ALT_TEXT - len(what) - 2
    if room < 200:  # the image's own words come first; the description goes before they do
        return words[: MAX_ALT_TEXT - 1].rsplit(" ", 1)[0] + ELLIPSIS
    return words[:room].rsplit(" ", 1)[0] + ELLIPSIS + " " + what


def join_texts(texts: Sequence[str]) -> str:
    """Each drawn string as drawn; a full stop between pieces when one ends in a bare word."""
    joined = ""
    for piece in (" ".join(t.split()) for t in texts if t.strip()):
        if joined:
            joined += ". " if joined[-1].isalnum() else " "
        joined += piece
    return joined


def describe_card(card: Card, position: int, total: int, language: str | None = None) -> str:
    """What the image is, in the article's language (English when not given)."""
    words = wording_for(language)
    if card.kind == "quote":
        return words.alt_quote.format(position=position, total=total)
    if card.kind == "story":
        return words.alt_story
    where = words.alt_slide.format(position=position, total=total)
    if card.kind == "cover":
        return words.alt_cover.format(where=where)
    if card.kind == "closing":
        takeaway = card.kicker in {w.takeaway for w in WORDINGS.values()}
        return (words.alt_closing if takeaway else words.alt_next_step).format(where=where)
    topic = (card.kicker or words.alt_topic).lower()
    return words.alt_point.format(where=where, topic=topic)


def alt_text_file(images: Sequence[RenderedImage]) -> bytes:
    """Plain `alt-text.txt`: one `file: alt text` line per image."""
    lines = [f"{image.card.file}: {image.alt_text}" for image in images]
    return ("\n".join(lines) + "\n").encode("utf-8")


def caption_files(captions: Captions) -> dict[str, bytes]:
    """Caption variant files beside caption.txt: one per quote card and the story line."""
    files = {
        f"caption-{Path(image).stem}.txt": (text + "\n").encode("utf-8")
        for image, text in captions.quotes
    }
    files["caption-story.txt"] = (captions.story + "\n").encode("utf-8")
    return files
