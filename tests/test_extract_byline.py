"""extract: the byline search written in Python (byline.py) finds what trafilatura's
`extract_author` finds, on real pages and on made-up ones that take each of its tests: the
library's expressions, pinned here, are the ones it was written for."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import precise
from pipeline.extract.byline import find_author
from pipeline.extract.library import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS, trafilatura_metadata
from pipeline.extract.parse import load_html
from pipeline.load.files import read_file

# byline.py copies the search of the trafilatura version in precise.CHECKED_VERSIONS; another
# version's own search may have moved on, and ours stays what it is.
checked_library = pytest.mark.skipif(
    not precise.LIBRARY_CHECKED, reason="another trafilatura than the one byline.py copies"
)

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "samples").glob("*.html")) + sorted(
    p for p in (ROOT / "tests" / "data" / "extract").iterdir() if p.suffix == ".html"
)
# The expressions' text without white space, as trafilatura 2.x writes them.
EXPRESSIONS = (
    "//*[self::aorself::addressorself::divorself::linkorself::porself::spanorself::strong]["
    "@rel='author'or@id='author'or@class='author'or@itemprop='authorname'orrel='me'or"
    "@data-testid='AuthorCard'or@data-testid='AuthorURL'or"
    "re:test(@class,'author-?name|AuthorName|authorName')]|//author",
    "//*[self::aorself::divorself::h3orself::h4orself::porself::span]["
    "@class='byline'or@class='username'or@class='byl'or@class='BBL'or"
    "contains(@itemprop,'author')orre:test(@id,'author|zuozhe|bianji|xiaobian')or"
    "re:test(@class,'author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|"
    "journalist-name')]",
    "//*[contains(@data-component,'Byline')orcontains(@itemprop,'author')or"
    "re:test(@id,'[Aa]uthor')orre:test(@class,'[Aa]uthor|screenname|writer|[Bb]yline')]",
    ".//*[self::aorself::divorself::sectionorself::span][@id='comments'or@class='comments'or"
    "@class='title'or@class='date'orre:test(@id,'^comments|comment-?list|ProductReviews')or"
    "re:test(@class,'^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|"
    "embedly-instagram|article-(?:share|support)|print|category|meta-date|meta-reviewer')or"
    "contains(@data-component,'Figure')]",
    "//time|//figure",
)
PROSE = "<p>Heel pain is common in runners and in people who stand all day at work.</p>"
BYLINES = {
    "link rel": '<head><link rel="author" href="/jane" title="x"></head><body><a rel="author"'
    ' href="/j">Jane Doe</a></body>',
    "author element": "<body><author>Dr Ann Smith</author></body>",
    "rel me": "<body><p>Written by <rel>me</rel> Sam Lee</p></body>",
    "test id": '<body><div data-testid="AuthorCard">Maria Rossi, physiotherapist</div></body>',
    "author-name class": '<body><span class="post-author-name">Kim Park</span></body>',
    "exact class": '<body><strong class="author">Lee</strong><span class="author x">Jo Ng'
    "</span></body>",
    "itemprop": '<body><h3 itemprop="author">Priya Shah</h3></body>',
    "chinese id": '<body><span id="zuozhe_1">Wang Fang</span></body>',
    "byline class": '<body><h4 class="byline">By Tom Hill</h4></body>',
    "screenname": '<body><li class="screenname">Nora Quinn</li></body>',
    "component": '<body><section data-component="Byline-x">Ola Berg</section></body>',
    "capital id": '<body><em id="postAuthor">Luis Ortega</em></body>',
    "too short first": '<body><span class="author">Al</span><p class="byline">By Ann Lo</p></body>',
    "date cut out": '<body><p class="byline">By <span class="date">May 2</span>Jane Roe'
    "<time>today</time> and Al Poe</p></body>",
    "in comments": '<body><div id="comments"><span class="author">A Reader</span></div>'
    '<div class="sidebar"><p class="author-name">Side Bar</p></div>'
    '<span class="writer">Ed Stone</span></body>',
    "in a figure": '<body><figure><span class="byline">Photo: Al Poe</span></figure>'
    '<div class="comment-list x"><p class="author">Commenter</p></div>'
    '<div data-component="Figure"><span class="author">Fig</span></div>'
    '<span class="Author">Bo Ek</span></body>',
    "quote class": '<body><a class="blockquote"><b class="author">Quoted</b></a>'
    '<div id="ProductReviewsList"><span class="author">Buyer</span></div></body>',
    "none": "<body><div class='content'>No byline here at all</div></body>",
}


@checked_library
def test_the_library_s_expressions_are_the_ones_written_for() -> None:
    paths = [x.path for x in (*AUTHOR_XPATHS, *AUTHOR_DISCARD_XPATHS)]
    assert tuple("".join(path.split()) for path in paths) == EXPRESSIONS


@checked_library
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_a_real_page_s_byline_is_the_library_s(path: Path) -> None:
    tree = load_html(read_file(path).text, cleaned=True)
    assert tree is not None
    assert find_author(tree) == trafilatura_metadata.extract_author(tree)


@checked_library
@pytest.mark.parametrize("name", sorted(BYLINES))
def test_a_made_up_byline_is_the_library_s(name: str) -> None:
    tree = load_html(f"<html>{BYLINES[name]}{PROSE}</html>")
    assert tree is not None
    assert find_author(tree) == trafilatura_metadata.extract_author(tree)


def test_the_bylines_are_found() -> None:
    """The made-up pages find what they were made for (so the comparison compares names)."""
    trees = {name: load_html(f"<html>{page}{PROSE}</html>") for name, page in BYLINES.items()}
    found = {name: find_author(tree) for name, tree in trees.items() if tree is not None}
    assert found["byline class"] == "Tom Hill"
    assert found["in comments"] == "Ed Stone"
    assert found["none"] is None
    assert sum(author is not None for author in found.values()) >= len(BYLINES) - 3
