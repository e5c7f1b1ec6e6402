"""trafilatura, the extraction library, imported without its optional language detector.

`trafilatura.utils` imports py3langid when it is installed (it is: `pipeline.languages` uses
it), and py3langid imports numpy: about 0.15 s of CPU at every start, for trafilatura's
`target_language` filter, which we never ask for. While trafilatura is first imported,
py3langid is hidden (an entry of None in `sys.modules` makes its import fail, which trafilatura
takes as "not installed"); then it is importable again, for `pipeline.languages` to load when a
text needs it. When py3langid is already imported, nothing is hidden.
"""

from __future__ import annotations

import sys


def hide_language_detector() -> bool:
    """Hide py3langid from trafilatura's first import; True when it was hidden."""
    if "trafilatura" in sys.modules or "py3langid" in sys.modules:
        return False
    sys.modules["py3langid"] = None  # type: ignore[assignment]
    return True


HIDDEN = hide_language_detector()
try:
    from trafilatura import bare_extraction
    from trafilatura import metadata as trafilatura_metadata
    from trafilatura.settings import set_date_params
    from trafilatura.utils import load_html
    from trafilatura.xml import remove_empty_elements, strip_double_tags
finally:
    if HIDDEN:
        del sys.modules["py3langid"]

__all__ = [
    "bare_extraction",
    "load_html",
    "remove_empty_elements",
    "set_date_params",
    "strip_double_tags",
    "trafilatura_metadata",
]
