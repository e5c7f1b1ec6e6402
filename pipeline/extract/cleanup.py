"""Part of stage 2, extract: corrections on top of the extraction library.

What is not the article goes out (site chrome, link lists, text repeated from the page's
menus and footer); what the library lost comes back (later chunks of a body split around
ads). Every rule here is general; none names a site.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree
from lxml.html import HtmlElement

# The text helpers live in texts.py; the steps import them from here, as they always have.
from pipeline.extract.texts import clean_text as clean_text
from pipeline.extract.texts import normalise as normalise
from pipeline.models import Block

CHROME_MAX_CHARS = 160
CHUNK_MIN_CHARS = 40  # a paragraph recovered from a later chunk of the body
HEADING_MAX_CHARS = 150  # a longer "heading" is a paragraph in the wrong tag
HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
HEADING_CLASS = re.compile(r"(?:^|[\s_-])(?:sub-?)?(?:heading|headline|head)(?:$|[\s_-])", re.I)
HEADING_CLASS_LEVEL = 3
LINK_RUN = 3  # this many link-only blocks in a row are a link list, not article
DATE_WORD = (
    r"(?:\d{1,4}(?:st|nd|rd|th)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    r"|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|[ap]\.?m\.?|utc|gmt|[a-z]{1,3}t)"
)  # a word of a date or time stamp: "Tuesday, Nov. 19, 2019 08:38 AM EST"
CHROME = re.compile(
    r"^(?:(?:related(?: articles?| posts?| stor(?:y|ies)| content| reading)?|recent posts"
    r"|read more|see more|see all"
    r"|see also|don'?t miss|sources?|filed under|tags?|categories|share(?: this)?(?: post| article"
    r"| story| page)?|follow us|advertisement|sign up|subscribe|newsletter|comments?|\d+ comments?"
    r"|leave a (?:reply|comment)|reply|more|back to top|skip to (?:main )?content|copy link"
    r"|also read|read also|you (?:may|might) also like|recommended(?: for you)?|most popular"
    r"|trending(?: now)?|sponsored(?: content)?|print(?: this)?(?: article| page)?|order reprints"
    r"|leggi anche|leia (?:também|mais)|veja também|baca juga|lihat juga|(?:à )?lire aussi"
    r"|lesen sie auch|lea también|ver también|関連記事|관련 ?기사"
    # "you may also be interested in", in the other languages
    r"|(?:también )?te (?:puede|podría|podrian?) interesar|quizás te interese|le puede interesar"
    r"|(?:ti )?potrebbe(?:ro)? (?:anche )?interessart?i(?: anche)?"
    r"|vous (?:aimerez|pourriez) aussi(?: aimer)?"
    r"|(?:das )?könnte (?:sie|dich) auch interessieren|(?:você )?também (?:pode gostar|pode"
    r" interessar)|pode te interessar|こちらもおすすめ|あわせて読みたい|함께 보면 좋은 글)"
    r"(?:\s*[:|].*|\s*)$"
    r"|(?:copyright|©)\s.*|.*\ball rights reserved\b.*|.*\bwe use cookies\b.*"
    r"|follow (?:[\w@.’'-]+ ){0,4}on (?:twitter|facebook|instagram|youtube|linkedin|tiktok|x)\b.*"
    r"|(?:[\w-]+ ){0,3}icon"
    r"|(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?:?"
    rf"(?:[ ,./:-]+{DATE_WORD}){{2,8}}\.?)$",
    re.IGNORECASE,
)
TAG_LIST = re.compile(
    r"^(?:tags?|tagged(?: with)?|topics|categories|keywords|filed under)\b:?"
    r"(?:[^.!?,]+,){2,}[^.!?]*$",
    re.IGNORECASE,
)
CREDIT_TAIL = 3  # closing credit lines are looked for among the body's last blocks
CREDIT_MAX_CHARS = 250
CREDIT = re.compile(
    r"^(?i:(?:additional )?reporting by\b.*\b(?:editing|writing) by)\b"
    r"|^[^.!?]{0,80}\bcontributed (?:additional )?(?:reporting|to this (?:report|story|article))\b"
    r"|^(?i:write to|e-?mail) [A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){0,3} at \S+@[\w.-]+\w"
    r"(?:\s*$|\s+or follow\b)",
)
CARD_GROUP = 3  # this many sibling <article>s outside the page's own are cards of other posts
CARD_TEXT_TAGS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "div")
CARD_MIN_LEFT = 200  # characters of body text that must be left after dropping cards
# Wrapping loose text in paragraphs (wrap_loose_text): where, how much, and what is inline.
LOOSE_CONTAINERS = ("div", "td", "section", "article", "main")
LOOSE_MIN_CHARS = 30
INLINE_TAGS = frozenset(
    re.findall(r"\w+", "a abbr b bdi bdo cite code data dfn em font i img kbd mark q s samp small")
    + re.findall(r"\w+", "span strong sub sup time u var wbr")
)
# The elements inside the page's <body>, in page order: what "//body//*" finds, from the page's
# root element (parse_html's), without the node-set merging that costs that path a third more.
IN_BODY = "descendant-or-self::body/descendant::*"
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")
# Class names that CSS frameworks and CMS themes use to hide an element on screen, and
# responsive classes that show it again from some screen width ("d-none d-lg-block").
HIDDEN_CLASSES = frozenset(
    {
        "hide",
        "hidden",
        "is-hidden",
        "d-none",
        "invisible",
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
    }
)
SHOWN_AGAIN = re.compile(
    r"^(?:d-(?:sm|md|lg|xl|xxl)-(?!none)\w+|(?:sm|md|lg|xl|2xl):(?:block|flex|inline\S*|grid|table))$"
)


def drop_hidden(tree: HtmlElement) -> None:
    """Remove, in place, the elements a conventional class hides on screen (their tail text
    stays): e-mail-this-article dialogs and their messages, print-only citations, screen-
    reader labels ("This story has been shared 4,976 times"). An element holding most of
    the page's text stays: that is an article a script would reveal."""
    body_chars = 0  # measured at the first hidden element: most pages have none
    for element in tree.xpath(IN_BODY + "[@class]"):
        tokens = set(element.get("class", "").lower().split())
        if not tokens & HIDDEN_CLASSES or any(SHOWN_AGAIN.match(t) for t in tokens):
            continue
        body_chars = body_chars or len(tree.text_content())
        if len(element.text_content()) * 2 < body_chars:
            element.drop_tree()


def unwrap_paragraph_spans(tree: HtmlElement) -> None:
    """Unwrap the <span>s inside paragraphs, keeping their text, in place.

    Inside running text a span is only styling, but precision-mode pruning judges it by its
    class, id or style as if it were a page section: a link wrapped in <span class="link">
    took its words out of the middle of a sentence, a Word-pasted <span style="border:...">
    took a whole paragraph, an empty WordPress <span id="more-N"> took the text after it.
    Paragraphs holding an image are figures, left as they are for the library's caption
    handling."""
    for paragraph in tree.iter("p"):
        if paragraph.find(".//img") is None:
            for span in list(paragraph.iter("span")):
                span.drop_tag()


def unquote_layout_boxes(tree: HtmlElement) -> None:
    """A <blockquote> that holds a heading is a box of the page's layout, not a quotation, and
    becomes a <div>, in place: read as a quote, its heading was glued to the text after it
    ("...Shoulder Pain?Apart from sprains...")."""
    for quote in list(tree.iter("blockquote")):
        if any(True for _ in quote.iter(*HEADING_TAGS, "h1")):
            quote.tag = "div"


def unwrap_item_headings(tree: HtmlElement) -> None:
    """A heading inside a list item ("<li><h4>1. Rest</h4><p>Stay off...</p>") becomes a bold
    line of its own, in place: the library glues it to the text after it otherwise
    ("1. RestStay off..."). The item's text then starts with a bold label line. A heading
    set straight into the list before an item (`<ul><h6>Mosaic warts</h6><li>…</li>`) is
    that item's heading."""
    move_list_headings(tree)
    for item in tree.iter("li"):
        for child in item:
            if child.tag in HEADING_TAGS and child.getnext() is not None:
                child.tag = "strong"
                child.attrib.clear()
                line_break = child.makeelement("br", {})
                line_break.tail, child.tail = (
                    "\n" + (child.tail or ""),
                    None,
                )  # the break is kept only with text after it
                child.addnext(line_break)


def move_list_headings(tree: HtmlElement) -> None:
    """Move each heading that is a child of a list into the list item after it, first."""
    for heading in [h for h in tree.iter(*HEADING_TAGS) if h.getparent() is not None]:
        parent = heading.getparent()
        if parent is None or parent.tag not in ("ul", "ol"):
            continue
        item = heading.getnext()
        while item is not None and item.tag != "li" and item.tag not in HEADING_TAGS:
            item = item.getnext()  # a <br> or a comment between them
        if item is None or item.tag != "li":
            continue
        tail = heading.tail
        heading.tail = None
        previous = heading.getprevious()
        if tail and tail.strip():  # text after the heading stays where it was
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        item.insert(0, heading)
        heading.tail, item.text = item.text, None


def wrap_loose_text(tree: HtmlElement) -> None:
    """Wrap text written straight into a container (<div>Text <em>more</em><br><br>Text...)
    in <p>s, in place: one per run of text and inline elements, ended by a blank line
    (<br><br>) or a block element. Only containers with LOOSE_MIN_CHARS of such text and a
    <br> or block child are touched; a container of inline content alone is one paragraph."""
    for element in list(tree.iter(*LOOSE_CONTAINERS)):
        loose = (element.text or "") + "".join(child.tail or "" for child in element)
        if len(loose.strip()) >= LOOSE_MIN_CHARS and any(
            isinstance(child.tag, str) and child.tag not in INLINE_TAGS for child in element
        ):
            wrap_runs(element)


def wrap_runs(element: HtmlElement) -> None:
    pieces: list[str | HtmlElement] = [element.text or ""]
    for child in list(element):
        pieces.extend([child, child.tail or ""])
        child.tail = None
        element.remove(child)
    element.text = None
    run: list[str | HtmlElement] = []
    for n, piece in enumerate(pieces):
        if continues_run(pieces, n):
            run.append(piece)
        else:  # a block element or a blank line ends the run
            put_run(element, run)
            put_piece(element, piece)
            run = []
    put_run(element, run)


def continues_run(pieces: list[str | HtmlElement], n: int) -> bool:
    """Text, an inline element (or a comment), or a <br> that is not followed, past
    whitespace, by another <br> (a blank line)."""
    piece = pieces[n]
    if isinstance(piece, str) or not isinstance(piece.tag, str) or piece.tag in INLINE_TAGS:
        return True
    following = (
        p for p in islice(pieces, n + 1, None) if not (isinstance(p, str) and not p.strip())
    )
    after = next(following, None)
    blank_line = after is not None and not isinstance(after, str) and after.tag == "br"
    return piece.tag == "br" and not blank_line


def put_run(parent: HtmlElement, run: list[str | HtmlElement]) -> None:
    """A run with text goes in as a new <p>; whitespace and images alone go back as they were."""
    if not any(isinstance(piece, str) and piece.strip() for piece in run):
        for piece in run:
            put_piece(parent, piece)
        return
    paragraph = parent.makeelement("p", {})
    for piece in run:
        put_piece(paragraph, piece)
    parent.append(paragraph)


def put_piece(parent: HtmlElement, piece: str | HtmlElement) -> None:
    if not isinstance(piece, str):
        parent.append(piece)
    elif len(parent):
        parent[-1].tail = (parent[-1].tail or "") + piece
    else:
        parent.text = (parent.text or "") + piece


def collect_link_texts(tree: HtmlElement) -> frozenset[str]:
    """Normalised texts of the page's links (in-page "#" anchors excepted)."""
    texts = set()
    for anchor in tree.iter("a"):
        if not (anchor.get("href") or "").startswith("#"):
            texts.add(normalise(anchor.text_content()))
    texts.discard("")
    return frozenset(texts)


def recover_chunks(tree: HtmlElement, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Paragraphs the library left in later "chunks" of a body split around ads: elements
    with the same tag and class as the one holding the first paragraph, under the same
    grandparent and after it in the page. Paragraphs that are mostly links are left out."""
    host = find_body_host(tree, blocks)
    if host is None:
        return ()
    scope = host.getparent().getparent()
    chunks = [e for e in scope.iter(host.tag) if e.get("class") == host.get("class")]
    have = {normalise(b.text) for b in blocks}
    found: list[Block] = []
    for chunk in chunks[chunks.index(host) + 1 :]:
        for paragraph in chunk.iter("p"):
            text = clean_text(paragraph.text_content())
            linked = sum(len(clean_text(a.text_content())) for a in paragraph.iter("a"))
            if len(text) < CHUNK_MIN_CHARS or linked > len(text) / 2 or normalise(text) in have:
                continue  # too short, mostly links, or already there
            have.add(normalise(text))
            found.append(Block(kind="paragraph", text=text))
    return tuple(found)


def find_body_host(tree: HtmlElement, blocks: tuple[Block, ...]) -> HtmlElement | None:
    """The classed element holding the article's first long paragraph, if it has a
    grandparent to search for sibling chunks in."""
    first = next((b for b in blocks if b.kind == "paragraph" and len(b.text) > 80), None)
    if first is None:
        return None
    key = normalise(first.text)
    host = next((p.getparent() for p in tree.iter("p") if normalise(p.text_content()) == key), None)
    if host is None or not host.get("class") or host.getparent() is None:
        return None
    return host if host.getparent().getparent() is not None else None


# The texts of an element but those in scripts and styles, compiled once (element.xpath(str)
# compiles its path at every call, which cost twice the search).
VISIBLE_TEXTS = etree.XPath(
    ".//text()[not(ancestor::script or ancestor::style)]", smart_strings=False
)


def visible_text(element: HtmlElement) -> str:
    """An element's text without the code in its scripts and styles. Most elements hold
    neither: their text is all their text (text_content, one string() in C), with no test of
    each text's ancestors."""
    if isinstance(element.tag, str) and next(element.iter("script", "style"), None) is None:
        return str(element.text_content())
    return "".join(VISIBLE_TEXTS(element))


def drop_post_cards(tree: HtmlElement, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Drop blocks taken from cards of other posts: CARD_GROUP or more sibling <article>s
    outside the <article> that holds the page's <h1> ("You may like" grids with whole
    excerpts). Pages without an <h1> inside an <article> are left alone, and so are pages
    where too little would be left: a live blog's updates sit inside its own article."""
    headline = tree.find(".//article//h1")
    main = next(headline.iterancestors("article"), None) if headline is not None else None
    if main is None:
        return blocks
    groups: dict[HtmlElement, list[HtmlElement]] = {}
    for article in tree.iter("article"):
        inside_main = article is main or main in set(article.iterancestors("article"))
        holds_main = any(a is article for a in main.iterancestors("article"))
        if not (inside_main or holds_main) and article.getparent() is not None:
            groups.setdefault(article.getparent(), []).append(article)
    cards = [a for group in groups.values() if len(group) >= CARD_GROUP for a in group]
    texts = {normalise(e.text_content()) for card in cards for e in card.iter(*CARD_TEXT_TAGS)}
    kept = tuple(b for b in blocks if normalise(b.text) not in texts)
    left = sum(len(b.text) for b in kept if b.kind != "heading")
    return kept if left >= CARD_MIN_LEFT else blocks


def drop_chrome(blocks: tuple[Block, ...], link_texts: frozenset[str]) -> tuple[Block, ...]:
    """Drop short site-chrome phrases anywhere, closing credit lines at the end; and blocks
    that are a link's whole text (teasers, related posts, menus) at the start or end of the
    body or in a run of LINK_RUN or more. A lone linked line inside the article stays: it is
    often content."""
    kept = drop_credits([b for b in blocks if not is_chrome(b.text)])
    runs = group_runs([normalise(b.text) in link_texts for b in kept])
    out: list[Block] = []
    for start, end, linked in runs:
        at_edge = start == 0 or end == len(kept)
        if not (linked and (at_edge or end - start >= LINK_RUN)):
            out.extend(kept[start:end])
    return tuple(out)


def drop_credits(blocks: list[Block]) -> list[Block]:
    """Drop closing credit lines among the last CREDIT_TAIL blocks: who reported, edited or
    contributed ("Reporting by ...; Editing by ...", "X contributed to this report") and
    where to write to the reporter ("Write to Jane Doe at jane@paper.com")."""
    tail = len(blocks) - CREDIT_TAIL
    return [b for n, b in enumerate(blocks) if n < tail or not is_credit(b.text)]


def is_credit(text: str) -> bool:
    return len(text) <= CREDIT_MAX_CHARS and bool(CREDIT.match(text))


def is_chrome(text: str) -> bool:
    """A short site-chrome phrase, a tag list ("Tags knee pain, running, exercise"), or a
    line that is mostly web addresses."""
    if len(text) <= CHROME_MAX_CHARS and CHROME.match(text.strip("[]() ")):
        return True
    addresses = sum(len(m) for m in WEB_ADDRESS.findall(text))
    return bool(TAG_LIST.match(text)) or addresses * 2 >= len(text)


def group_runs(flags: list[bool]) -> list[tuple[int, int, bool]]:
    """(start, end, flag) for each run of equal flags."""
    runs: list[tuple[int, int, bool]] = []
    for n, flag in enumerate(flags):
        if runs and runs[-1][2] == flag:
            runs[-1] = (runs[-1][0], n + 1, flag)
        else:
            runs.append((n, n + 1, flag))
    return runs


# An image's caption written as a labelled line under it ("Caption: ...", "Legenda: ...").
CAPTION = re.compile(
    r"^(?:\[[^\]]{1,80}\]\s*)?(?:caption|image|photo|picture|figure\s*\d*|fig\.\s*\d+|legenda"
    r"|légende|pie de foto|leyenda|bildunterschrift|didascalia|사진|写真|画像)\s*[:：]\s",
    re.IGNORECASE,
)


def drop_captions(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Paragraphs that are an image's labelled caption: they describe a picture the cards do
    not show, so they are no part of the story."""
    return tuple(b for b in blocks if b.kind == "heading" or not CAPTION.match(b.text))
