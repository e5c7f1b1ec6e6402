"""Is the page an article about a condition or its treatment, or another page of the site?

An "about us", contact, price-list or home page names itself so (in its address or file name,
its title or its first heading) and tells no story: few headings or sentences about symptoms,
causes or self-care (an about or home page names treatments and results too, as services).
Such a page is refused with one line; `--force-article` runs it anyway. A post
that tells a story is never refused, however short, and neither is a page that does not name
itself as another kind of page.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePath
from urllib.parse import urlsplit

from pipeline.digest import kind_prices
from pipeline.digest.sentences import split_sentences
from pipeline.digest.vocabulary import find_role_term
from pipeline.languages import EAST_ASIAN, role_sources, supported_languages
from pipeline.models import Article, Block, NotArticleError
from pipeline.patterncache import compile_cached

# The kinds of page a site has besides its articles, as the error names them. Their words are
# the language files' [page_kinds] (every language's together: a Korean clinic's English page).
KIND_NAMES = {
    "about": '"about us"',
    "contact": "contact",
    "price_list": "price list",
    "insurance": "insurance",  # the insurers or health funds the clinic works with
    "first_visit": '"first visit"',  # how a consultation goes, for any complaint
    "home": "home",
    "legal": "legal notice",  # the site's legal notice, privacy policy or terms
    "services": "services overview",  # what the practice treats, each in a line or two
}
LIST = " list"
SEPARATORS = re.compile(r"\s+[|–—·:-]\s+|\s*[|·]\s*")
STORY_ROLES = ("symptom", "cause", "selfcare")  # services and results are on every about page
CUE_ROLES = ("symptom", "cause", "selfcare")
MIN_STORY = 3  # story headings and cue sentences a page needs to count as an article anyway
STORY_CHARS = 1000  # and a long page that names itself, one per this many characters of text


def check_article(article: Article, source: str, *, forcible: bool = True) -> None:
    """Refuse a page that names itself as another kind of page and tells no story. A page
    that holds no article text at all (not `forcible`) cannot be run anyway, and is told so."""
    kind = page_kind(article, source)
    if kind and story_signals(article) < needed_story(article, source):
        a = "an" if kind.strip('"')[0] in "aeiou" else "a"
        page = kind if kind.endswith(LIST) else f"{kind} page"  # "a price list", "a home page"
        then = "use --force-article to run it anyway" if forcible else "it holds no article text"
        raise NotArticleError(
            f"{source}: this page is not an article (it reads like {a} {page}); {then}"
        )


def page_kind(article: Article, source: str = "") -> str | None:
    """The kind of page its name says (named_kind), or else what its make-up shows: a page
    of people (people_kind), of prices (priced_kind), or the practice's name over its phone
    number (contact_kind). A page named for the services that shows their prices is a price
    list ("Our treatments" over cards of "$90.00")."""
    named = named_kind(article, source)
    if named == KIND_NAMES["services"]:
        return priced_kind(article) or named
    return named or people_kind(article) or priced_kind(article) or contact_kind(article)


def needed_story(article: Article, source: str) -> float:
    """The story a page of another kind needs to count as an article: MIN_STORY, and for a
    page that names itself so ("Cabinet", "Our team"), one signal per STORY_CHARS of its text:
    a long page of the practice's advice, treatments and equipment tells no one story."""
    if not named_kind(article, source):
        return MIN_STORY
    return max(MIN_STORY, sum(len(b.text) for b in article.blocks) / STORY_CHARS)


def named_kind(article: Article, source: str = "") -> str | None:
    """The kind of page its address (or a saved page's file name), title or first heading
    names, if any."""
    names = [article.title, *address_words(article.url or file_address(source))]
    names += [b.text for b in article.blocks[:1] if b.kind == "heading"]
    parts = [part for name in names if name for part in SEPARATORS.split(name)]
    for kind, pattern in kind_patterns().items():
        if any(pattern.match(part.strip()) for part in parts):
            return kind
    return None


@lru_cache(maxsize=1)
def kind_patterns() -> dict[str, re.Pattern[str]]:
    """Per kind, a name that opens with the kind's words and holds nothing but such words
    ("About us", "Prices & fees", "Fees & booking", "Kontakt"): "About knee pain" is an article.
    Parts joined by "and" words count as one."""
    sources = [role_sources(code, "page_kinds") for code in supported_languages()]
    joins = "|".join(source["joins"] for source in sources if "joins" in source) or "(?!x)x"
    words = {
        key: "|".join(source[key] for source in sources if key in source) for key in KIND_NAMES
    }
    any_kind = "|".join(w for w in words.values() if w)
    return {
        kind: compile_cached(
            rf"^\W*(?:{words[key]})(?:\W+(?:{joins})?\W*(?:{any_kind}))*\W*$", re.I
        )
        for key, kind in KIND_NAMES.items()
        if words[key]
    }


def address_words(url: str | None) -> list[str]:
    """The last part of the page's path, as words ("/about-us/" -> "about us", a component's
    "/ChiSono" -> "Chi Sono"). A site's root says nothing: many posts carry it as their
    canonical address by mistake."""
    if not url:
        return []
    parts = [p.rsplit(".", 1)[0] for p in urlsplit(url).path.split("/") if p]
    parts = [p for p in parts if p.lower() not in FOLDER_PAGES]
    if not parts:
        return []  # a bare domain names nothing
    return [re.sub(r"[-_]+", " ", CAMEL_JOIN.sub(" ", parts[-1]))]


FOLDER_PAGES = ("index", "default", "page", "+page", "_index")  # named by their folder
CAMEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])")


def file_address(source: str) -> str | None:
    """A saved page's file name as an address ("saved/04-about-us.html" -> "/about-us"), or
    its folder's for a site's page file ("app/contatti/page.tsx", "price/index.php" ->
    "/price"); the leading numbering is the site's menu order, not a name. None for a URL."""
    if not source or urlsplit(source).scheme in ("http", "https"):
        return None
    path = PurePath(source)
    name = path.name.split(".", 1)[0]
    if name.lower() in FOLDER_PAGES:
        name = path.parent.name
    return "/" + re.sub(r"^\d+[-_ ]+", "", name)


def story_signals(article: Article) -> int:
    """Headings named for a part of the story, and sentences with a story cue."""
    headings = sum(
        any(find_role_term("headings", role, b.text) for role in STORY_ROLES)
        for b in article.blocks
        if b.kind == "heading"
    )
    sentences = (s for b in article.blocks if b.kind != "heading" for s in split_sentences(b.text))
    cues = sum(any(find_role_term("cues", role, s) for role in CUE_ROLES) for s in sentences)
    return headings + cues


def priced_kind(article: Article) -> str | None:
    """A page of prices by what it shows (kind_prices): a list of amounts, or a short page
    under a title that names the price."""
    if kind_prices.priced(article) or kind_prices.price_titled(article):
        return KIND_NAMES["price_list"]
    return None


def people_kind(article: Article) -> str | None:
    """A page titled with a person's name ("Dr. med. Robert Sentek") or whose headings are
    people's names ("Dra. Vanessa Salomão", "Dra. Nádia Olsen"): a team or CV page. Or one
    whose headings are the sections of a profile, each a name of an about page on its own
    (profile_headings): "Formazione" and "Aree di competenza", "Visión" and "Compromiso". Or
    one that introduces people by name and trade (introduced_people)."""
    headings = [b.text for b in article.blocks if b.kind == "heading"]
    if (
        person_name(article.title)
        or sum(map(person_name, headings)) >= MIN_PEOPLE
        or profile_headings(headings) >= MIN_PEOPLE
        or len(introduced_people(article.blocks)) >= MIN_PEOPLE
    ):
        return KIND_NAMES["about"]
    return None


MIN_PEOPLE = 2  # headings that are people's names, or a profile's sections: a team or CV page


def profile_headings(headings: list[str]) -> int:
    """How many different headings are, whole, an about page's name ([page_kinds] about: a
    practitioner's training, qualifications, areas of expertise; a practice's mission, vision
    and values). An article's sections are its story's parts, never these."""
    about = kind_patterns()[KIND_NAMES["about"]]
    return len({h.strip().casefold() for h in headings if about.match(h.strip())})


def introduced_people(blocks: tuple[Block, ...]) -> set[str]:
    """The people a page introduces by their name and their trade, as a team page does: a
    block that opens with a name and goes on with a trade ("Sara Barone, fisioterapista, nata
    a Roma", "Dr. Jane Lee – Chiropractor"), or a heading that is only a name over a short
    line that opens with one ("Jane Lee" / "Physiotherapist, MSc"). An article that quotes
    one practitioner introduces one; its story keeps it an article anyway (check_article)."""
    names = set()
    for block, after in zip(blocks, (*blocks[1:], None), strict=False):
        name = name_before_trade(block.text)
        if name is None and block.kind == "heading" and after and after.kind != "heading":
            short = len(after.text) <= TRADE_LINE_CHARS and trade_pattern().match(after.text)
            name = plain_name(block.text) if short else None
        if name:
            names.add(name.casefold())
    return names


TRADE_LINE_CHARS = 80  # "Physiotherapist, MSc" under a name; a longer text is a paragraph
TRADE_AFTER_NAME = re.compile(r"\s*(?:,|\s[–—|-])\s*")


def name_before_trade(text: str) -> str | None:
    """The name that opens `text` when a trade follows it: "Sara Barone, fisioterapista"."""
    text = text.strip()
    start = honorific_pattern().match(text)
    words = NAME.match(text[start.end() if start else 0 :])
    if not words:
        return None
    rest = text[(start.end() if start else 0) + words.end() :]
    joint = TRADE_AFTER_NAME.match(rest)
    if not joint or not trade_pattern(WORDS_BEFORE_TRADE).match(rest[joint.end() :]):
        return None
    return None if topic_words(words.group()) else words.group()


def plain_name(text: str) -> str | None:
    """A heading that is only a person's name, a title before it or not: "Jane Lee"."""
    text = text.strip()
    start = honorific_pattern().match(text)
    rest = text[start.end() if start else 0 :]
    words = NAME.fullmatch(rest)
    return rest if words and not topic_words(rest) else None


# Two to four words that start with a capital (names' particles aside): "Valentina Di Tommaso".
NAME_WORD = r"[^\W\d_a-z][^\W\d_A-Z]+(?:-[^\W\d_a-z][^\W\d_A-Z]+)?"
NAME = re.compile(
    rf"{NAME_WORD}(?:\s+(?:(?:de|da|do|dos|das|del|di|la|le|von|van|der)\s+)?{NAME_WORD}){{1,3}}"
)


@lru_cache(maxsize=2)
def trade_pattern(words_before: int = 0) -> re.Pattern[str]:
    """A practitioner's trade at the start of a text ([page_kinds] professions:
    "Physiotherapist, MSc"), with an article or up to `words_before` other words before it
    ("a physiotherapist", "MSc, Senior Physiotherapist", "la nostra fisioterapista")."""
    sources = [role_sources(code, "page_kinds") for code in supported_languages()]
    words = "|".join(source["professions"] for source in sources if "professions" in source)
    before = rf"(?:\S+\s+){{0,{words_before}}}?" if words_before else rf"(?:{ARTICLES}\s+)?"
    return re.compile(rf"{before}(?:{words or '(?!x)x'})\b{TRADE_END}", re.I)


ARTICLES = "an?|the|une?|la|le|il|el|uma?|die|der|eine?"
# A trade ends a part of its line ("Sara Barone, fisioterapista, nata a Roma") or names where
# ("physiotherapist at", "Zahnärztin in"): "Chiropractors use spinal manipulation" tells.
TRADE_END = (
    r"(?=\s*(?:[,.;:()|–—-]|$)"
    r"|\s+(?:at|of|in|and|bei|am|und|presso|di|del|della|e|en|de|y|à|chez|et|da|do|em)\b)"
)
WORDS_BEFORE_TRADE = 2  # after a name and a comma: "Jane Lee, MSc, Senior Physiotherapist"


def contact_kind(article: Article) -> str | None:
    """A page titled only with the practice's name ("Instituto Veiga") that gives its phone
    number on a line of its own: the practice's contact or home page. An article whose title
    fell back to the site's name gives no phone line, or tells a story."""
    if institution_name(article.title) and any(phone_line(b.text) for b in article.blocks):
        return KIND_NAMES["contact"]
    return None


def phone_line(text: str) -> bool:
    """A short line that is mostly a phone number: "(35) 99830 - 7037", "Tel. 030 1234567"."""
    digits = sum(c.isdigit() for c in text)
    return len(text) <= PHONE_LINE_CHARS and digits >= PHONE_DIGITS and digits * 2 >= len(text)


PHONE_LINE_CHARS = 40
PHONE_DIGITS = 8


def institution_name(text: str) -> bool:
    """A title that is only a practice's name: an institution's word ([page_kinds]
    institutions) and a name, every word capitalised ("Instituto Veiga", "Praxis Weber",
    "Centro Medico di San Luca"), or in Korean or Japanese a short name that ends with one
    ("서울바른한의원"). A title with a word of a complaint or a treatment names a topic:
    "Knee Pain Clinic", "Centro de Fisioterapia" are no names."""
    text = text.strip()
    match = institution_pattern().search(text)
    if not match or topic_words(text[: match.start()] + " " + text[match.end() :]):
        return False
    words = text.split()
    if EAST_ASIAN.search(text):
        return match.end() == len(text) and len(text) <= EAST_ASIAN_NAME_CHARS and len(words) <= 2
    return 2 <= len(words) <= MAX_NAME_WORDS and all(
        w[0].isupper() or w.lower() in NAME_PARTICLES for w in words
    )


def topic_words(text: str) -> bool:
    """The text names a complaint or a part of a story in any language ("Pain", "Fisioterapia")."""
    return bool(
        find_role_term("signals", "complaint", text)
        or any(find_role_term("headings", role, text) for role in TOPIC_ROLES)
    )


TOPIC_ROLES = ("symptom", "cause", "treatment", "selfcare")
EAST_ASIAN_NAME_CHARS = 15
MAX_NAME_WORDS = 5
NAME_PARTICLES = frozenset(("de", "da", "do", "dos", "das", "del", "di", "la", "le", "von", "&"))


@lru_cache(maxsize=1)
def institution_pattern() -> re.Pattern[str]:
    sources = [role_sources(code, "page_kinds") for code in supported_languages()]
    words = "|".join(source["institutions"] for source in sources if "institutions" in source)
    return re.compile(words or "(?!x)x", re.IGNORECASE)


def person_name(text: str) -> bool:
    """A name with a title before it and nothing else: "Dr. med. Jane Lee", "Dra. Ana Sousa"
    (the titles are the language files' [page_kinds] honorifics). "Dr. Lee's advice" and
    "Dr. Lee explains knee pain" are not: every word of the name starts with a capital."""
    match = honorific_pattern().match(text.strip())
    if not match:
        return False
    words = text[match.end() :].split()
    return 1 <= len(words) <= 4 and all(
        w[0].isupper() and not re.search(r"\d|['’]s$", w) for w in words
    )


@lru_cache(maxsize=1)
def honorific_pattern() -> re.Pattern[str]:
    sources = [role_sources(code, "page_kinds") for code in supported_languages()]
    words = "|".join(source["honorifics"] for source in sources if "honorifics" in source)
    return re.compile(rf"(?:(?:{words or '(?!x)x'})\.?\s+)+", re.IGNORECASE)
