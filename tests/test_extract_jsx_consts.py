"""A component's markup kept in a constant before its `return` is part of the page, and code
after the returned markup is none."""

from __future__ import annotations

import pytest

from pipeline.extract.article import extract_article
from pipeline.extract.jsx_consts import element_end
from pipeline.models import Page

FAQ = (
    "<Accordion flush><Accordion.Item><Accordion.Header>What triggers sciatica?"
    "</Accordion.Header><Accordion.Body><Accordion flush><p>Sitting for long periods and heavy "
    "lifting are common triggers of the pain along the sciatic nerve.</p></Accordion>"
    "<p>Gentle walking and regular breaks from sitting ease the pressure on the nerve.</p>"
    "</Accordion.Body></Accordion.Item></Accordion>"
)
INTRO = (
    "<p>Sciatica can be particularly debilitating: as the pain travels into the leg, walking or "
    "standing up from a chair can become agony. Most cases pass within a few weeks.</p>"
)


def texts(code: str) -> list[str]:
    article = extract_article(Page(origin="x", text=code, kind="jsx", path="/s/sciatica.js"))
    return [b.text for b in article.blocks]


@pytest.mark.parametrize(
    "use", ["<Service faq={faq}>" + INTRO + "</Service>", "<div>" + INTRO + "{faq}</div>"]
)
def test_markup_held_in_a_constant_is_text_of_the_page(use: str) -> None:
    code = (
        f"const SciaticaPage = () => {{\n  const faq = (\n{FAQ}\n  );\n"
        f"  return (\n{use}\n  );\n}};\n"
        "export default SciaticaPage;\n"
        "export const Head = () => <SEO title='Clinic - Sciatica' />;\n"
    )
    found = texts(code)
    assert any(t.startswith("Gentle walking and regular breaks") for t in found)
    assert any(t.startswith("Sciatica can be particularly debilitating") for t in found)
    assert not any("export" in t for t in found)  # the code after the markup is no text


def test_an_element_ends_at_its_own_closing_tag() -> None:
    source = "x = (<A><A>one</A> two</A>); <B/>"
    assert source[: element_end(source, 5)] == "x = (<A><A>one</A> two</A>"
    assert element_end("<A><A>no end</A>", 0) is None
