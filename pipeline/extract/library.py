"""trafilatura, the extraction library, imported without what our extraction never calls.

trafilatura imports at its top much that only its downloader, its command line and its second
opinions use; importing it costs about 0.3 s of CPU at every start, more than its extraction
of a page. While it is first imported:

- py3langid is hidden (an entry of None in `sys.modules` makes its import fail, which
  trafilatura takes as "not installed"): it imports numpy (about 0.15 s) for trafilatura's
  `target_language` filter, which we never ask for. Afterwards it is importable again, for
  `pipeline.languages` to load when a text needs it;
- `STOOD_IN` modules are stand-ins (`pipeline.extract.standins`), imported for real only if
  one of their names is used: urllib3 (about 0.13 s: ssl, http.client, email), which
  trafilatura's downloader and `load_html` (to recognise a downloaded response; we hand it
  text) take; its downloader; htmldate (which builds a urllib3 pool at import), called only
  for a date the page's metadata lacks; jusText, which `fast` mode never runs; courlan and
  charset_normalizer, for URLs and bytes, which we resolve and decode ourselves.

Modules already imported (a fetched page imports urllib3 first) are used as they are. Should a
new trafilatura need one of them while it is imported, it is imported again plainly.
"""

from __future__ import annotations

import sys

from pipeline.extract.standins import standing_in

STOOD_IN = (
    "urllib3",
    "trafilatura.downloads",
    "htmldate",
    "justext",
    "courlan",
    "charset_normalizer",
)


def hide_language_detector() -> bool:
    """Hide py3langid from trafilatura's first import; True when it was hidden."""
    if "trafilatura" in sys.modules or "py3langid" in sys.modules:
        return False
    sys.modules["py3langid"] = None  # type: ignore[assignment]
    return True


def forget_library() -> None:
    """Drop what a failed import with stand-ins left, for a plain import."""
    for name in list(sys.modules):
        if name == "trafilatura" or name.startswith("trafilatura."):
            del sys.modules[name]


HIDDEN = hide_language_detector()
try:
    try:
        with standing_in(STOOD_IN):
            import trafilatura
    except (ImportError, AttributeError, TypeError):  # a newer trafilatura uses one at import
        forget_library()
        import trafilatura
    from trafilatura import bare_extraction
    from trafilatura import metadata as trafilatura_metadata
    from trafilatura import utils as trafilatura_utils
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.settings import set_date_params
    from trafilatura.utils import repair_faulty_html
    from trafilatura.xml import delete_element, remove_empty_elements, strip_double_tags
    from trafilatura.xpaths import (
        AUTHOR_DISCARD_XPATHS,
        AUTHOR_XPATHS,
        RAW_TREE_PRUNE_XPATH,
        REMOVE_COMMENTS_AND_LISTS_XPATH,
        REMOVE_COMMENTS_XPATH,
    )
finally:
    if HIDDEN:
        del sys.modules["py3langid"]

__all__ = [
    "AUTHOR_DISCARD_XPATHS",
    "AUTHOR_XPATHS",
    "RAW_TREE_PRUNE_XPATH",
    "REMOVE_COMMENTS_AND_LISTS_XPATH",
    "REMOVE_COMMENTS_XPATH",
    "bare_extraction",
    "delete_element",
    "normalize_authors",
    "prune_unwanted_nodes",
    "remove_empty_elements",
    "repair_faulty_html",
    "set_date_params",
    "strip_double_tags",
    "trafilatura",
    "trafilatura_metadata",
    "trafilatura_utils",
]
