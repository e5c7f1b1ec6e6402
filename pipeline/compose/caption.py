"""Captions from Jinja templates: the carousel's, one per quote card, and the story line.

Templates come from one Jinja Environment: the user's folder first, the built-ins second, and
StrictUndefined, so a variable a template needs but does not get is an error, never a blank.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
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
from pipeline.compose.wording import generic_kickers, wording_for
from pipeline.digest.story import split_sentences
from pipeline.models import Captions, Card, ConfigError, Digest
from pipeline.usercache import template_cache

MAX_CAPTION = 2200  # Instagram's caption limit (error 2207010 above it)
HOOK_LIMIT = 125  # what shows before "more"
MAX_STORY = 250
ELLIPSIS = "…"
TEMPLATES = {"carousel": "carousel.txt.j2", "quote": "quote.txt.j2", "story": "story.txt.j2"}
GENERIC_KICKERS = generic_kickers()


@lru_cache(maxsize=8)
def caption_environment(user_dir: Path | None = None) -> Environment:
    """One Environment for every caption: the user's templates first, then the built-ins.

    Made once per folder and process, so a batch compiles each template once (Jinja checks the
    file's time before reusing it); the compiled templates are kept in the user's cache, so a
    fresh run compiles only a template that changed."""
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
        bytecode_cache=template_cache(),
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
    lines: list[str] = []
    last = None
    for card in cards:
        if card.kind != "point":
            continue
        named = point_line(card.kicker, "") != ""  # "Acupuncture: ", not a generic kicker
        if lines and named and card.kicker == last:  # a point split over two slides: one line
            space = "" if lines[-1].endswith(("。", "！", "？")) else " "
            lines[-1] += space + card.text
        else:
            lines.append(point_line(card.kicker, card.text))
        last = card.kicker
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


def caption_files(captions: Captions) -> dict[str, bytes]:
    """Caption variant files beside caption.txt: one per quote card and the story line."""
    files = {
        f"caption-{Path(image).stem}.txt": (text + "\n").encode("utf-8")
        for image, text in captions.quotes
    }
    files["caption-story.txt"] = (captions.story + "\n").encode("utf-8")
    return files
