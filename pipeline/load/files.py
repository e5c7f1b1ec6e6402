"""Part of stage 1, load: read a saved HTML or Markdown file."""

from __future__ import annotations

import os
import stat
import zlib
from pathlib import Path

from pipeline.load.decode import decode_html
from pipeline.models import LoadError, Page

MAX_BYTES = 10 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
# Server-side templates are read as HTML; extract takes their code out (extract/templates.py).
TEMPLATE_SUFFIXES = (".php", ".phtml", ".jsp", ".asp", ".aspx", ".tpl", ".twig")
# MDX is Markdown with components: extract/markdown_syntax.py takes their syntax out.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
# A React component with the article in its markup; many React sites name theirs .js (or .mjs),
# and data modules (.ts, .js) hold an article in an object.
JSX_SUFFIXES = (".jsx", ".tsx", ".js", ".mjs", ".ts")
COMPONENT_SUFFIXES = (".vue", ".svelte", ".astro")  # single-file components, the same
# A site's data file that keeps posts in strings: a Rails seed (extract/rubydata.py).
DATA_SUFFIXES = (".rb",)
CODE_SUFFIXES = MARKDOWN_SUFFIXES + JSX_SUFFIXES + COMPONENT_SUFFIXES + DATA_SUFFIXES
ARTICLE_SUFFIXES = HTML_SUFFIXES + TEMPLATE_SUFFIXES + CODE_SUFFIXES  # every file `run` reads


def read_file(path: Path) -> Page:
    name = path.name.lower()
    if not path.exists():
        raise LoadError(f"{path}: no such file")
    if path.is_dir():
        raise LoadError(f"{path}: is a folder, not a file")
    if not name.endswith(ARTICLE_SUFFIXES):
        raise LoadError(
            f"{path}: unsupported file type "
            "(use .html, .htm, .html.gz, .md, .mdx, a component such as .jsx, .js or .vue, "
            "a template such as .php, or a Rails seed .rb)"
        )
    raw = read_capped(path)
    if name.endswith(".gz"):
        raw = gunzip_capped(raw, str(path))
    if len(raw) > MAX_BYTES:
        raise LoadError(f"{path}: file is larger than {MAX_BYTES // 2**20} MB")
    if name.endswith(CODE_SUFFIXES):
        text, _ = decode_html(raw, None)  # the same detection: UTF-8 nearly always
        if name.endswith(JSX_SUFFIXES):
            return Page(
                origin=str(path), text=text, kind="jsx", path=str(path), characters_cleaned=True
            )
        if name.endswith(DATA_SUFFIXES):
            return Page(str(path), text, "ruby", path=str(path), characters_cleaned=True)
        if name.endswith(COMPONENT_SUFFIXES):
            return Page(str(path), text, "component", path=str(path), characters_cleaned=True)
        return Page(
            origin=str(path), text=text, kind="markdown", path=str(path), characters_cleaned=True
        )
    text, encoding = decode_html(raw, None)  # invisible and control characters out
    return Page(str(path), text, "html", path=str(path), encoding=encoding, characters_cleaned=True)


def read_capped(path: Path, limit: int = MAX_BYTES) -> bytes:
    """A regular file's bytes, its size checked before reading: a pipe, a device (/dev/zero) or
    a link to one is refused, never read until memory or patience runs out."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # before opening: a pipe would block open()
            raise LoadError(f"{path}: not a regular file (a pipe or a device): save it first")
        with path.open("rb", buffering=0) as handle:
            if os.fstat(handle.fileno()).st_size > limit:
                raise LoadError(f"{path}: file is larger than {limit // 2**20} MB")
            return handle.read(limit + 1)
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file") from None
    except OSError as exc:
        raise LoadError(f"{path}: cannot read ({exc.strerror})") from None


def gunzip_capped(raw: bytes, origin: str, limit: int = MAX_BYTES) -> bytes:
    """Decompress gzip data, refusing more than `limit` bytes of output (a gzip bomb)."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(raw, limit + 1)
    except zlib.error:
        raise LoadError(f"{origin}: not valid gzip data (a corrupt .gz file)") from None
    if len(out) > limit:
        raise LoadError(f"{origin}: decompresses to more than {limit // 2**20} MB")
    if not decompressor.eof:
        raise LoadError(f"{origin}: the gzip file is truncated (saved or copied only in part)")
    return out
