"""Stand-ins for what trafilatura imports but our extraction never calls (extract/standins.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.extract.standins import Deferred, StandIn, standing_in

ROOT = Path(__file__).resolve().parent.parent

LIBRARY = """
class Response:
    pass

def double(x):
    return 2 * x

LOADED = True
"""


@pytest.fixture()
def made_up_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    (tmp_path / "madeuplib").mkdir()
    (tmp_path / "madeuplib" / "__init__.py").write_text("")
    (tmp_path / "madeuplib" / "net.py").write_text(LIBRARY)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "madeuplib"
    for name in [n for n in sys.modules if n.startswith("madeuplib")]:
        del sys.modules[name]


def test_a_stood_in_name_is_the_real_one_at_first_use(made_up_library: str) -> None:
    with standing_in([made_up_library]):
        from madeuplib.net import Response, double

        assert isinstance(sys.modules["madeuplib.net"], StandIn)
    assert isinstance(double, Deferred)
    assert "madeuplib.net" not in sys.modules  # the stand-ins left with the block
    assert not isinstance(object(), Response)  # never loaded: nothing is one of its instances
    assert "madeuplib.net" not in sys.modules
    assert double(21) == 42  # the real function, imported now
    assert sys.modules["madeuplib.net"].LOADED
    from madeuplib.net import Response as Real

    assert isinstance(Real(), Response)
    assert not isinstance("text", Response)


def test_a_stood_in_class_in_a_type_union_stands_for_any(made_up_library: str) -> None:
    with standing_in([made_up_library]):
        from madeuplib.net import Response

    alias = str | Response | bytes
    assert "typing.Any" in repr(alias)


def test_a_module_already_imported_is_used_as_it_is(made_up_library: str) -> None:
    import madeuplib.net

    with standing_in([made_up_library]):
        from madeuplib.net import double

    assert double is madeuplib.net.double


def test_a_stood_in_name_used_inside_the_block_is_an_import_error(made_up_library: str) -> None:
    with standing_in([made_up_library]):
        from madeuplib.net import double

        with pytest.raises(ImportError, match="stood in for"):
            double(1)


def test_extraction_imports_neither_the_downloader_nor_its_libraries() -> None:
    """A fresh process that extracts a saved page imports no urllib3, htmldate, jusText or
    courlan, and trafilatura's own downloader is still there, the real one, when asked for."""
    script = textwrap.dedent(
        """
        import sys
        from pipeline.extract.article import extract_article
        from pipeline.load.source import read_file
        from pathlib import Path
        article = extract_article(read_file(Path("samples/knee-pain-muscle-imbalance.html")))
        print(len(article.blocks), article.date)
        unused = ("urllib3", "htmldate", "justext", "courlan", "trafilatura.downloads")
        print(" ".join(m for m in unused if m in sys.modules))
        import trafilatura
        print(trafilatura.fetch_url.resolve().__module__, "urllib3" in sys.modules)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    blocks, imported, real = done.stdout.splitlines()
    assert int(blocks.split()[0]) > 10 and blocks.endswith("2024-09-29")
    assert imported == ""
    assert real == "trafilatura.downloads True"


def test_a_fetched_page_imports_urllib3_first_and_extraction_uses_it() -> None:
    """When urllib3 is imported before trafilatura (a URL was fetched), nothing stands in."""
    script = textwrap.dedent(
        """
        import urllib3
        from pipeline.extract.library import trafilatura
        import trafilatura.utils
        print(trafilatura.utils.HTTPResponse is urllib3.response.HTTPResponse)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "True"
