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

from pipeline.digest.sentences import split_sentences
from pipeline.digest.vocabulary import find_role_term
from pipeline.languages import role_sources, supported_languages
from pipeline.models import Article, NotArticleError

# The kinds of page a site has besides its articles, as the error names them. Their words are
# the language files' [page_kinds] (every language's together: a Korean clinic's English page).
KIND_NAMES = {
    "about": '"about us"',
    "contact": "contact",
    "price_list": "price list",
    "first_visit": '"first visit"',  # how a consultation goes, for any complaint
    "home": "home",
}
SEPARATORS = re.compile(r"\s+[|–—·:-]\s+|\s*[|·]\s*")
STORY_ROLES = ("symptom", "cause", "selfcare")  # services and results are on every about page
CUE_ROLES = ("symptom", "cause", "selfcare")
MIN_STORY = 3  # story headings and cue sentences a page needs to count as an article anyway


def check_article(article: Article, source: str) -> None:
    """Refuse a page that names itself as another kind of page and tells no story."""
    kind = page_kind(article, source)
    if kind and story_signals(article) < MIN_STORY:
        a = "an" if kind.startswith('"a') else "a"
        raise NotArticleError(
            f"{source}: this page is not an article (it reads like {a} {kind} page);"
            " use --force-article to run it anyway"
        )


def page_kind(article: Article, source: str = "") -> str | None:
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
        kind: re.compile(rf"^\W*(?:{words[key]})(?:\W+(?:{joins})?\W*(?:{any_kind}))*\W*$", re.I)
        for key, kind in KIND_NAMES.items()
        if words[key]
    }


def address_words(url: str | None) -> list[str]:
    """The last part of the page's path, as words ("/about-us/" -> "about us"). A site's root
    says nothing: many posts carry it as their canonical address by mistake."""
    if not url:
        return []
    parts = [p.rsplit(".", 1)[0] for p in urlsplit(url).path.split("/") if p]
    parts = [p for p in parts if p.lower() not in ("index", "default")]
    return [re.sub(r"[-_]+", " ", parts[-1])] if parts else []  # a bare domain names nothing


def file_address(source: str) -> str | None:
    """A saved page's file name as an address ("saved/04-about-us.html" -> "/about-us"); its
    leading numbering is the site's menu order, not a name. None for a URL."""
    if not source or urlsplit(source).scheme in ("http", "https"):
        return None
    name = PurePath(source).name.split(".", 1)[0]
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
