"""Plain frozen dataclasses passed between the stages, and the project's own errors.

Data flows load -> extract -> digest -> compose -> render -> write:
Page -> Article -> Digest -> Post (of Cards) -> RenderedImage -> output folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "item", "quote"]
CardKind = Literal["cover", "point", "closing", "quote", "story"]
Severity = Literal["block", "warn"]


class RepurposeError(Exception):
    """Base of every error the CLI reports as one line `Error: ...`."""


class LoadError(RepurposeError):
    """The source could not be read or fetched."""


class ExtractError(RepurposeError):
    """The page holds no article text."""


class NoArticleTextError(ExtractError):
    """The page holds too little text for an article; `article` is the little it holds (its
    title, a few lines), for the caller to say what kind of page it is."""

    def __init__(self, message: str, article: Article) -> None:
        super().__init__(message)
        self.article = article


class NotArticleError(ExtractError):
    """The page is another page of the site (about us, contact, prices, home), not an article."""


class ConfigError(RepurposeError):
    """A brand kit, layout or template is invalid."""


class HealthCheckError(RepurposeError):
    """A blocking health-copy finding under --strict."""


class EditError(RepurposeError):
    """An output folder's post.json, post.toml or state file cannot be read back."""


class PlanError(RepurposeError):
    """A posting plan or an export that the target scheduler would reject."""


class OutputError(RepurposeError):
    """An output folder cannot be written: a link out of it, a full disk, no permission."""


class PublishError(RepurposeError):
    """A set that cannot be approved or published, or a platform that refused it."""


@dataclass(frozen=True)
class Page:
    """A loaded source: raw HTML or Markdown text, and where it came from."""

    origin: str  # the URL or file path the user gave
    text: str
    kind: Literal["html", "markdown", "jsx", "component", "ruby"]
    url: str | None = None  # final URL after redirects, for URL sources
    path: str | None = None  # file path, for file sources
    encoding: str | None = None  # how HTML bytes were decoded (header, meta, BOM or detected)
    from_cache: bool = False  # a URL answered 304 Not Modified and came from the disk cache
    characters_cleaned: bool = False  # load took out invisible and control characters


@dataclass(frozen=True)
class Block:
    """One structural piece of the article body.

    `lead` is a bold lead-in such as "Acupuncture" in "**Acupuncture:** Needles were...";
    `text` then holds the whole visible text, lead-in included.
    """

    kind: BlockKind
    text: str
    level: int = 0  # heading level 1-6; 0 for other kinds
    lead: str | None = None


@dataclass(frozen=True)
class Article:
    title: str
    blocks: tuple[Block, ...]
    author: str | None = None
    date: str | None = None
    site_name: str | None = None
    description: str | None = None
    language: str | None = None
    image: str | None = None
    url: str | None = None  # canonical URL when known

    @property
    def text(self) -> str:
        """The body as plain text, paragraphs separated by blank lines, headline excluded."""
        return "\n\n".join(block.text for block in self.blocks)


@dataclass(frozen=True)
class Point:
    """A treatment point or self-care tip: its label ("Acupuncture"), the article's text, and a
    card-length form."""

    label: str | None
    text: str
    short: str


@dataclass(frozen=True)
class Digest:
    headline: str
    symptom: str | None
    cause: str | None
    treatment_points: tuple[Point, ...]
    conclusion: str | None
    quotes: tuple[str, ...]
    keywords: tuple[str, ...]
    language: str
    symptom_label: str | None = (
        None  # e.g. "Chronic Knee Pain" from "1. Symptom: Chronic Knee Pain"
    )
    cause_label: str | None = None
    # the article's own call to action; the same text as `conclusion` when the post closes on it
    cta: str | None = None
    # self-care and prevention tips the reader can do themselves ("What you can do")
    prevention: tuple[Point, ...] = ()
    # a patient case and its progress, in the article's words: the history's opening sentence,
    # then the outcome's, joined by " … "; None when the article tells no case
    case: str | None = None


@dataclass(frozen=True)
class Card:
    """One image to render: what it says, not how it looks."""

    kind: CardKind
    file: str  # "carousel-01.jpg"
    text: str  # the main text
    kicker: str | None = None  # small label above the text ("Symptom")
    footer: str | None = None  # e.g. the clinic handle, or a quote's source line
    counter: str | None = None  # "2 / 7"
    note: str | None = None  # small print: swipe cue, CTA line or disclaimer
    fine_print: str | None = None  # the smallest type: the disclaimer on the closing slide
    # the layout to draw it with, when not the kind's own ("quote_square")
    layout: str | None = None
    # the text made of the points' short forms (cut at a clause by the digest): drawn only when
    # the whole `text` does not fit its card at the smallest size; a hand edit of `text` drops it
    short: str | None = None

    @property
    def group(self) -> str:
        """Where the image belongs: "carousel", "quote" (feed posts of their own) or "story"."""
        return self.kind if self.kind in ("quote", "story") else "carousel"


@dataclass(frozen=True)
class RenderedImage:
    card: Card
    width: int
    height: int
    jpeg: bytes
    texts: tuple[str, ...]  # every string actually drawn, after any shortening
    alt_text: str
    warnings: tuple[str, ...] = ()
    png: bytes | None = None


@dataclass(frozen=True)
class Captions:
    """The caption variants of one article, so staff can post over weeks without repeating."""

    carousel: str
    quotes: tuple[tuple[str, str], ...]  # (quote image file, its caption)
    story: str  # one short line for a story


@dataclass(frozen=True)
class HealthFinding:
    """Generated text that may break health-advertising rules, and a hedged alternative."""

    severity: Severity
    rule: str
    text: str  # the exact generated line that matched
    match: str  # the words that triggered the rule
    suggestion: str  # the line in hedged wording
    why: str
    where: tuple[str, ...]  # output files the line appears in


@dataclass(frozen=True)
class Post:
    """Everything composed for one article, ready to render and write."""

    slug: str
    cards: tuple[Card, ...]
    caption: str
    hashtags: tuple[str, ...]
    extra: dict[str, object] = field(default_factory=dict)
    captions: Captions | None = None
