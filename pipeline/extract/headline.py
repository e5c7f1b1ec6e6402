"""Part of stage 2, extract: the headline, by a vote among what the page says its title is.

Voters: the visible titles (each <h1>, elements a class names as a title such as
"entry-title" or "section-title"), og:title, JSON-LD `headline`, <title> without the site's
name, and the title a server template sets. Each candidate starts with the weight of where
it comes from (a visible <h1> most) and gains one for every other voter that says the same
(token overlap). Never the headline: a call to action ("Call Us Today", "Book now",
"Pide cita"), a title in the page's header, nav or footer chrome, or a heading that repeats
on the page. A reader sees the visible title, so it wins a tie.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lxml.html import HtmlElement

from pipeline.extract.cleanup import IN_BODY, clean_text
from pipeline.extract.metadata import PageMeta, title_sources
from pipeline.extract.textorder import h1_sources
from pipeline.extract.title_extras import spaced_text, without_byline, without_subtitle
from pipeline.extract.title_hints import active_tab, banner_heading, crumb_titles, crumb_trails
from pipeline.languages import EAST_ASIAN, load_language, supported_languages
from pipeline.models import Block

CALL_TO_ACTION = re.compile(
    r"^(?:\W*)(?:call|phone|ring|book|schedule|contact(?!\s?lens)|request|get in touch"
    r"|make an appointment"
    r"|request an appointment|visit us|find us|pide|reserva|llám|llam|contáct|agenda"
    r"|solicita|prenez|réserve|appelez|contactez|termin|kontakt(?!linse)|rufen|vereinbaren|agende|marque"
    r"|ligue|fale|prenota|chiama|contatt|예약|상담|문의|전화|予約|お問い合わせ|ご予約|お電話)",
    re.IGNORECASE,
)
GENERIC = re.compile(
    r"^(?:blog|news|articles?|posts?|home|menu|search|our blog|latest news|블로그|ブログ"
    r"|noticias|actualités|aktuelles|notícias|notizie"
    # the placeholder an editor or framework writes into a new page's <title>
    r"|untitled(?: document| page)?|document|new page|page title|title|index|default|jsp page"
    r"|php page|sin t[íi]tulo|sans titre|unbenannt|senza titolo|sem t[íi]tulo|제목 ?없음|無題)$",
    re.IGNORECASE,
)
# "title" in a class, or the word in the site's language: "titulo-texto", "titolo", "titre2"
TITLE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:(sub)[_-]?)?(?:page[_-]?|post[_-]?|entry[_-]?)?"
    r"(?:title|(?:t[ií]tulos?|titol[oi]|titre|titel)(?![^\W\d_]))",
    re.I,
)
SEPARATORS = re.compile(r"\s+[|–—»>·-]\s+|\s*[|｜]\s*|\s+::\s+|,(?=[^\W\d])")
LEADING_MARKS = re.compile(r"^[\s»›>·•|:–—-]+")
MAX_WORDS = 25
REPEATS = 3  # a heading text seen this many times on the page is a label, not the headline
WEIGHTS = {"h1": 3.0, "class": 2.0, "subclass": 1.5, "heading": 1.0, "meta": 1.5, "title": 1.0}
WEIGHTS |= {"hint": 1.0, "front": 2.5, "body-h1": 3.0, "crumb": 1.0, "tab": 1.5}
# sources that title the page
TITLES = ("h1", "meta", "title", "hint", "front", "body-h1", "crumb", "tab")


@dataclass(frozen=True)
class Candidate:
    text: str
    source: str  # a key of WEIGHTS


def vote(candidates: list[Candidate], headings_alone: bool = False) -> str:
    """The candidate text with the most weight; the first of equals (visible ones come first).
    A subheading counts only when a title says the same, unless `headings_alone`."""
    usable = [c for c in candidates if usable_title(c.text)]
    usable = [c for c in usable if not unconfirmed_part(c, usable)]
    best, best_score = "", 0.0
    for candidate in usable:
        if candidate.source == "heading" and not headings_alone and not titled(candidate, usable):
            continue  # before its score: most candidates are subheadings that no title names
        others = [
            other
            for other in usable
            if other is not candidate and other.text != "" and agrees(candidate.text, other.text)
        ]
        # subheadings that name the topic ("Causes of acne", "Acne in teens"): one voter
        headings = any(other.source == "heading" for other in others)
        agree = sum(other.source != "heading" for other in others) + headings
        score = WEIGHTS[candidate.source] + agree
        if score > best_score:
            best, best_score = candidate.text, score
    return best


def titled(heading: Candidate, candidates: list[Candidate]) -> bool:
    """A candidate other than a subheading says the same as this subheading: subheadings
    that repeat each other's words ("歯周病ケアプログラム", "歯周病プログラム") are no title."""
    return any(c.source != "heading" and agrees(c.text, heading.text) for c in candidates)


def unconfirmed_part(candidate: Candidate, candidates: list[Candidate]) -> bool:
    """A subheading or a titled element that names a part of the story ("PERCHE' SUCCEDE?",
    "Symptoms") and that no title of the page repeats: never the headline."""
    if candidate.source in TITLES or not part_heading(candidate.text):
        return False
    return not any(c.source in TITLES and agrees(c.text, candidate.text) for c in candidates)


def part_heading(text: str) -> bool:
    """A heading that names a part of the story, not the article: a question or a label of a
    section role in any language ("PERCHE' SUCCEDE?", "What causes it?", "Symptoms",
    "Treatment options"), or one that opens with a role's words. "Plantar fasciitis treatment"
    names the article and is none; nor is a question that asks what a treatment is ("Cos'è
    l'Osteopatia?", "O que é Quiropraxia?"): it names the topic of a page about it."""
    text = LEADING_MARKS.sub("", NUMBERING.sub("", text)).strip()
    asks = text.endswith(("?", "？"))  # a question: the role's words anywhere
    treatment = False  # a question that names a treatment, and no other part
    for role, pattern in part_patterns():
        match = pattern.search(text) if asks else pattern.match(text)
        if match:
            if role != "treatment" or not asks:
                return True
            treatment = True
    return treatment and not any(p.search(text) for p in what_patterns())


@lru_cache(maxsize=1)
def part_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (role, pattern)
        for code in supported_languages()
        for role, pattern in load_language(code).headings.items()
        if role in PART_ROLES
    )


@lru_cache(maxsize=1)
def what_patterns() -> tuple[re.Pattern[str], ...]:
    """Every language's words of a question that asks what a thing is ([signals] asks_what)."""
    found = (load_language(code).signals.get("asks_what") for code in supported_languages())
    return tuple(pattern for pattern in found if pattern is not None)


PART_ROLES = ("symptom", "cause", "treatment", "selfcare", "professional", "faq", "conclusion")
NUMBERING = re.compile(r"^\s*(?:\d+[.)]|#\d+)\s*")


def title_heading(blocks: tuple[Block, ...]) -> str:
    """The first heading that can stand for the article's title: not a part of its story."""
    return next((b.text for b in blocks if b.kind == "heading" and not part_heading(b.text)), "")


def usable_banner(tree: HtmlElement) -> str:
    """The heading of the page's banner, when it can be a title: not a call to action, a
    placeholder or a part of the story."""
    text = banner_heading(tree)
    return text if usable_title(text) and not part_heading(text) else ""


def usable_title(text: str) -> bool:
    return (
        bool(text)
        and len(text.split()) <= MAX_WORDS
        and not CALL_TO_ACTION.match(text)
        and not GENERIC.match(text)
    )


@lru_cache(maxsize=4096)
def agrees(one: str, other: str) -> bool:
    """Most of the shorter text's words are in the longer one."""
    a, b = word_counts(one), word_counts(other)
    if not a or not b:
        return False
    shorter, longer = (a, b) if a.total() <= b.total() else (b, a)
    common = sum(min(n, longer[word]) for word, n in shorter.items() if word in longer)
    return common >= 0.8 * shorter.total() and common >= 0.4 * longer.total()


def loosely_agrees(one: str, other: str) -> bool:
    """Half the shorter text's words are in the other: the same title, perhaps misspelt."""
    a, b = word_counts(one), word_counts(other)
    common = (a & b).total()
    return bool(a and b) and common * 2 >= min(a.total(), b.total())


@lru_cache(maxsize=4096)
def word_counts(text: str) -> Counter[str]:
    """How often each of `tokens(text)` occurs (cached: the vote compares every pair; the
    Counter is shared, so it is only read)."""
    return Counter(tokens(text))


def tokens(text: str) -> list[str]:
    """Lower-cased words; each CJK character a word of its own."""
    words: list[str] = []
    for word in re.findall(r"\w+", text.lower()):
        if EAST_ASIAN.search(word):
            words.extend(word)
        else:
            words.append(word)
    return words


def title_parts(title: str, site_name: str | None, url: str | None) -> list[str]:
    """A <title> or og:title without the site's name: the whole, then the longest part that
    is not the site's name or host (Title | Site, Site - Title, タイトル｜サイト)."""
    title = clean_text(title)
    parts = [p for p in SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return [title] if title else []
    site_keys = {key for key in (site_key(site_name or ""), host_key(url)) if len(key) > 2}
    own = [p for p in parts if not any(k in site_key(p) or site_key(p) in k for k in site_keys)]
    return [(own or parts)[0]]


def site_key(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def host_key(url: str | None) -> str:
    host = re.sub(r"^https?://(?:www\.)?", "", url or "").split("/")[0]
    return host.split(".")[0].lower()


def visible_candidates(
    tree: HtmlElement, body: str = "", trails: list[HtmlElement] | None = None
) -> list[Candidate]:
    """<h1>s, then elements a class names as a title (one of a kind: a class shared by
    several elements marks section titles), then h2/h3s, in page order, without the chrome
    and the repeated labels. `trails`: the page's crumb_trails, when the caller has them."""
    headings = list(tree.iter(*HEADINGS))
    counts = Counter(spaced_text(h) for h in headings)
    sources = h1_sources(tree, body)
    found = [c for h in tree.iter("h1") for c in candidate(h, sources[h], counts)]
    titled = [e for e in tree.xpath(TITLED) if TITLE_CLASS.search(e.get("class", ""))]
    trails = (crumb_trails(tree) if trails is None else trails) if titled else []
    titled = [e for e in titled if not only_crumbs(e, trails)]
    classes = Counter((e.tag, e.get("class")) for e in titled)
    voted: set[HtmlElement] = set()  # an element votes once: a titled <h2> is no subheading
    for element in titled:
        if classes[(element.tag, element.get("class"))] == 1 and element.tag not in SKIPPED:
            sub = TITLE_CLASS.search(element.get("class", ""))
            source = "subclass" if sub and sub.group(1) else "class"
            found.extend(candidate(element, source, counts))
            voted.add(element)
    headings = [h for h in tree.iter("h2", "h3") if h not in voted]
    found.extend(c for h in headings for c in candidate(h, "heading", counts))
    return found


def only_crumbs(element: HtmlElement, trails: list[HtmlElement]) -> bool:
    """A title block ("page-title") that shows only the breadcrumb trail: the trail's last
    step votes already, as a crumb; the block is no visible title of its own."""
    inside = [t for t in trails if t is element or element in t.iterancestors()]
    if not inside:
        return False
    own = word_counts(spaced_text(element))
    return not own - Counter(w for t in inside for w in tokens(spaced_text(t)))


# Elements whose class holds "tit" in any case (TITLE_CLASS ignores case, and so matches
# the dotted and dotless i too): the few that TITLE_CLASS then reads, found by lxml alone.
TITLED = IN_BODY + "[contains(translate(@class, 'TI\u0130\u0131', 'tiii'), 'tit')]"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
SKIPPED = ("h1", "a", "img", "body", "html", "section", "article", "main")


def candidate(element: HtmlElement, source: str, counts: Counter[str]) -> list[Candidate]:
    """The element's title text: its heading's, when it holds one; else its image's alt
    text (a title drawn as an image) and its own text."""
    inner = next(element.iter(*HEADINGS), None) if element.tag not in HEADINGS else None
    if inner is not None:
        text = spaced_text(inner)
    else:
        alts = [clean_text(i.get("alt") or "") for i in element.iter("img")]
        text = clean_text(" ".join([*alts, spaced_text(element)]))
    text = without_subtitle(element, without_byline(element, LEADING_MARKS.sub("", text)))
    if not text or counts[text] >= REPEATS or in_chrome(element):
        return []
    return [Candidate(text, source)]


def in_chrome(element: HtmlElement) -> bool:
    """Inside the page's nav, footer or aside, or a header outside the article."""
    for parent in element.iterancestors():
        if parent.tag in ("nav", "footer", "aside"):
            return True
        if parent.tag == "header" and not any(
            a.tag in ("article", "main") for a in parent.iterancestors()
        ):
            return parent.find(".//nav") is not None
    return False


def top_heading(tree: HtmlElement) -> str:
    """For a page that names no title anywhere: its first heading of the highest level it
    uses, a banner's <h2> above the <h3>s of the body ("Coccydynia Treatment" over "The Key
    Coccydynia Symptoms"), leaving out calls to action, chrome, repeated labels and headings
    that name a part of the story. Subheadings that repeat each other's words are no title."""
    counts = Counter(spaced_text(h) for h in tree.iter(*HEADINGS))
    for level in ("h1", "h2", "h3"):
        for element in tree.iter(level):
            found = candidate(element, "heading", counts)
            if found and usable_title(found[0].text) and not part_heading(found[0].text):
                return found[0].text
    return ""


def html_headline(
    tree: HtmlElement,
    meta: PageMeta,
    hint: str | None,
    headings_alone: bool = False,
    body: str = "",
) -> str:
    """The headline of an HTML page, by vote (among the subheadings too, when
    `headings_alone`: for a page whose every title is missing or a placeholder). `body` is
    the text of the article's paragraphs: an <h1> below some of it is no title."""
    site, url = meta.get("site_name"), meta.get("url")
    trails = crumb_trails(tree)
    candidates = visible_candidates(tree, body, trails)
    for source, text in title_sources(tree):
        candidates.extend(Candidate(part, source) for part in title_parts(text, site, url))
    if hint:
        candidates.extend(Candidate(part, "hint") for part in title_parts(hint, site, url))
    crumbs = [Candidate(text, "crumb") for text in crumb_titles(tree, trails)]
    tab = active_tab(tree)
    if tab and not any(agrees(tab, c.text) for c in crumbs):  # the trail ends at the section:
        crumbs = [Candidate(tab, "tab")]  # the active tab among its pages is the page's own step
    candidates.extend(crumbs)
    return vote(candidates, headings_alone)


def markdown_headline(meta: dict[str, Any], blocks: tuple[Block, ...]) -> str:
    """The headline of a Markdown file: the body's <h1> or the title its front matter gives
    the template (`title`, or `heading`, `headline`, `titre` ...), by vote. A leading
    heading that is the title with a few words more is what the page shows."""
    keys = {KEY_MARKS.sub("", str(key).lower()): value for key, value in meta.items()}
    fields = [keys.get(key) for key in FRONT_MATTER_TITLES]
    titles = [clean_text(f) for f in fields if isinstance(f, str)]
    candidates = [Candidate(title, front_source(title)) for title in titles]
    seo = [clean_text(f) for f in (keys.get(key) for key in SEO_TITLES) if isinstance(f, str)]
    candidates[:0] = [
        Candidate(part, "title") for text in seo for part in title_parts(text, None, None)
    ]
    h1 = next((n for n, b in enumerate(blocks) if b.kind == "heading" and b.level == 1), None)
    if h1 is not None:
        text = blocks[h1].text
        close = h1 == 0 and (not candidates or loosely_agrees(text, candidates[-1].text))
        candidates.insert(0, Candidate(text, "body-h1" if close else "class"))
    first = blocks[0] if blocks else None
    title = candidates[-1].text if candidates and candidates[-1].source in FRONT else ""
    if first and first.kind == "heading" and first.level <= 2 and extends(first.text, title):
        return first.text
    return vote(candidates)


def front_source(title: str) -> str:
    """A front-matter title written for the <title> tag, with the site or the doctor after a
    bar ("Cura della Parodontite a Roma | Dott. Polidori"), is what the browser's tab shows:
    it weighs as a <title>, and a leading <h1> of the body is the page's visible title."""
    return "title" if SEO_BAR.search(title) else "front"


SEO_BAR = re.compile(r"\s\|\s|｜")
FRONT = ("front", "title")
# the front matter's keys, lower case without "_" and "-" ("headerTitle", "page_title"): the
# title the page shows, the last the plain `title`; then the title written for the browser's tab
FRONT_MATTER_TITLES = (
    *("headertitle", "pagetitle", "h1", "heading", "headline"),
    *("titre", "titulo", "título", "titel", "title"),
)
SEO_TITLES = ("seotitle", "metatitle")
KEY_MARKS = re.compile(r"[_-]")


def extends(heading: str, title: str) -> bool:
    """The heading starts with the title and adds one to three words."""
    extra = heading[len(title) :].split() if title and heading.startswith(title) else []
    return 1 <= len(extra) <= 3
