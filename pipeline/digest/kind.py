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
from pathlib import PurePath
from urllib.parse import urlsplit

from pipeline.digest.sentences import split_sentences
from pipeline.digest.vocabulary import find_role_term
from pipeline.models import Article, NotArticleError

# What other pages of a clinic's site call themselves, in the supported languages.
PAGE_KINDS = {
    '"about us"': (
        r"about(?:[ -]us)?|who we are|our (?:team|story|clinic|practice)|meet (?:the|our) team"
        r"|sobre nosotros|qui[eé]nes somos|nuestro equipo|[àa] propos|qui sommes[ -]nous"
        r"|notre [ée]quipe|[üu]ber uns|unser team|chi siamo|il nostro team|sobre n[óo]s"
        r"|quem somos|nossa equipe|병원 ?소개|인사말|의료진 ?소개|私たちについて|当院について"
        r"|スタッフ紹介|about (?:dr|doctor|prof)\b.*|병원 ?이념|진료 ?철학|의료진|院長紹介"
        r"|(?:our|your|meet (?:the|our)) (?:doctors?|practitioners|therapists|physiotherapists"
        r"|chiropractors|osteopaths|dentists|acupuncturists|podiatrists|staff)"
        r"|(?:nos|vos) (?:ost[ée]opathes|praticiens|th[ée]rapeutes|kin[ée]s|dentistes|m[ée]decins)"
        r"|nuestros (?:fisioterapeutas|doctores|especialistas|profesionales)"
        r"|unsere (?:[äa]rzte|therapeuten|praxis)"
    ),
    "contact": (
        r"contact(?:[ -]us)?|get in touch|find us|opening hours|(?:our )?locations?|directions"
        r"|contacto|c[óo]mo llegar"
        r"|nous contacter|kontakt|anfahrt|[öo]ffnungszeiten|contatti|dove siamo|contato"
        r"|오시는 ?길|연락처|お問い合わせ|アクセス"
    ),
    "price list": (
        r"prices?|pricing|fees|price list|our rates|precios|tarifas|tarifs?|honoraires|preise"
        r"|kosten"
        r"|prezzi|tariffe|pre[çc]os|가격|비용 ?안내|料金|価格"
    ),
    '"first visit"': (  # how a consultation goes: what the clinic does, for any complaint
        r"(?:(?:the|your|a) )?(?:first )?(?:consultation|visit|appointment|session)"
        r"|what to expect|(?:la |une |votre )?(?:premi[èe]re )?(?:consultation|s[ée]ance|visite)"
        r"|d[ée]roulement(?: d.une (?:consultation|s[ée]ance))?"
        r"|(?:ihr )?erste[rn]? (?:besuch|termin)"
        r"|(?:la )?(?:prima )?(?:visita|seduta)|(?:a )?(?:primeira )?(?:consulta|sess[ãa]o)"
        r"|(?:la )?(?:primera )?(?:visita|consulta|sesi[óo]n)|初診|初めての方|診療の流れ|첫 ?방문"
        r"|진료 ?(?:안내|절차)"
    ),
    "home": (
        r"home(?:page)?|welcome|inicio|bienvenid[oa]s?|accueil|bienvenue|startseite|willkommen"
        r"|benvenut[oi]|in[íi]cio|bem[ -]vindos?|ホーム|ようこそ"
    ),
}
# A name that is the kind and nothing else ("About us", "Prices & fees", "Kontakt"): "About
# knee pain" is an article. A site's name after a separator ("About us | Clinic") is dropped.
KIND_PATTERNS = {
    kind: re.compile(rf"^\W*(?:{words})(?:\W+(?:and|y|et|und|e)?\W*(?:{words}))*\W*$", re.I)
    for kind, words in PAGE_KINDS.items()
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
    for kind, pattern in KIND_PATTERNS.items():
        if any(pattern.match(part.strip()) for part in parts):
            return kind
    return None


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
