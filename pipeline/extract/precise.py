"""Part of stage 2, extract: the library's body in its precision mode, with one copy of the tree.

`bare_extraction` copies the tree it is given, then copies it again to clean it and a third
time as a backup for its second opinions (readability, jusText), its baseline and its recall
retry. In precision mode with `fast` and without comments, none of those runs: after the
cleaning, the raw tree and the backup are never read. `precision_body` takes the library's
own steps in the library's own order (`trafilatura_sequence` and the end of
`bare_extraction`, trafilatura 2.x) on one copy. Each copy cost about a quarter of a
millisecond, a tenth of the library's work on a page. Its first prunes (follow-up articles,
share buttons, comments) are its own XPath tests written in Python (prunes.py), a third of
the library's work on a page.

A library whose steps are not all found here is called as before, through `bare_extraction`;
tests/test_extract_precise.py compares the two on real pages, so that a new trafilatura that
changes its sequence shows up there.
"""

from __future__ import annotations

from copy import copy
from functools import lru_cache
from importlib.metadata import version
from typing import Any

from lxml.etree import strip_tags
from lxml.html import HtmlElement

from pipeline.extract.library import bare_extraction
from pipeline.extract.prunes import (
    RAW_TREE_PRUNE,
    REMOVE_COMMENTS,
    REMOVE_COMMENTS_AND_LISTS,
    prune,
)

# The library versions whose steps and prunes tests/test_extract_precise.py compared with
# bare_extraction. Under any other version, even one whose names are all found, every page goes
# through bare_extraction: a new release may change what its steps do without renaming them.
CHECKED_VERSIONS = frozenset({"2.3.1"})
LIBRARY_CHECKED = version("trafilatura") in CHECKED_VERSIONS

try:
    from trafilatura.core import _forum_thread_page as is_forum_page
    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.main_extractor import extract_content

    STEPS_FOUND = LIBRARY_CHECKED
except ImportError:  # another version of the library: bare_extraction does it all
    STEPS_FOUND = False


@lru_cache(maxsize=8)
def extractor(focus: str, url: str | None) -> Any:
    """The library's options for a mode ("precision", "balanced" or "recall"), made once for
    each mode and URL: building them reads the library's config file's values every time.
    The library reads them and never changes them (its recall retry changes a copy)."""
    from trafilatura.settings import Extractor as Options

    return Options(
        output_format="xml",
        fast=True,
        precision=focus == "precision",
        recall=focus == "recall",
        comments=False,
        formatting=True,
        tables=True,
        url=url,
    )


def library_body(tree: HtmlElement, url: str | None, focus: str) -> Any:
    """The library's body element for the page (XML vocabulary: head, p, list/item, hi, lb),
    or None: `bare_extraction` with `extractor(focus, url)`, the precision mode by
    `precision_body`."""
    options = extractor(focus, url)
    if focus == "precision" and STEPS_FOUND:
        return precision_body(tree, options)
    document = bare_extraction(tree, options=options)
    return getattr(document, "body", None)


def precision_body(tree: HtmlElement, options: Any) -> Any:
    """`bare_extraction(tree, options=options)`'s body for a precision-mode, fast `options`
    without comments, language or metadata, on one copy of `tree`."""
    try:
        return precision_steps(copy(tree), options)
    except (TypeError, ValueError):  # the library's own guard: no body
        return None


def precision_steps(tree: HtmlElement, options: Any) -> Any:
    """The steps, on a tree of our own."""
    forum = is_forum_page(tree)
    tree = prune(tree, RAW_TREE_PRUNE)  # the library's XPath expressions, in Python
    tree = prune(tree, REMOVE_COMMENTS_AND_LISTS)
    cleaned = convert_tags(tree_cleaning(tree, options), options, options.url)
    if not forum:
        cleaned = prune(cleaned, REMOVE_COMMENTS)
    body, text = extract_content(cleaned, options)
    if options.max_tree_size and len(body) > options.max_tree_size:
        strip_tags(body, "hi")
        if len(body) > options.max_tree_size:
            return None
    if len(text) < options.min_output_size and options.min_output_comm_size > 0:
        return None  # the library's size check, with no comments
    return body
