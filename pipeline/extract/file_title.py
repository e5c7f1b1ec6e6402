"""A page's title from its file's name, the last resort when the page names no title."""

from __future__ import annotations

import re

from pipeline.extract.headline import usable_title

FILE_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)


def file_title(path: str | None) -> str:
    """A file's name made readable, for a page that names no title anywhere else
    ("plantar-fasciitis.php" -> "plantar fasciitis"); nothing for "index.php" or "page2"."""
    if not path:
        return ""
    stem = re.sub(r"\.[^.]*$", "", path.replace("\\", "/").rsplit("/", 1)[-1])
    stem = re.sub(r"\.(html?|blade|tpl)$", "", stem)
    stem = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", stem.replace("_", " "))  # "ColpoDella" too
    words = [w for w in FILE_WORDS.findall(stem) if len(w) > 1]
    text = " ".join(words)
    return text if words and usable_title(text) and text.lower() not in FILE_GENERIC else ""


FILE_GENERIC = frozenset(("page", "post", "article", "content", "template", "single", "entry"))
