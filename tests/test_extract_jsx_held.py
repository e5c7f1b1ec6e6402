"""A React page component whose article is not all in its `return ( … )`: markup held in a
variable and passed to a shared component as a prop, an element as a prop's value, a title
in a `bannerTitle` prop, code and a second component after the page's markup."""

from __future__ import annotations

import pytest

from pipeline.extract.jsx import drop_element_props, html_tag
from tests.factories import SENTENCE, block_texts, extract_text

FAQ_ANSWER = "Heavy lifting can trigger sciatica when the back is not used to the load. " * 2
INTRO = "Sciatica travels into the leg, and walking or standing up becomes hard (IE agony). "

PAGE = f"""import * as React from 'react';
import Accordion from 'react-bootstrap/Accordion';

const SciaticaPage = () => {{
  const accordion = (
    <Accordion flush>
      <Accordion.Item eventKey='1'>
        <Accordion.Header>Has heavy lifting caused my sciatica?</Accordion.Header>
        <Accordion.Body>
          <p>{FAQ_ANSWER}</p>
        </Accordion.Body>
      </Accordion.Item>
    </Accordion>
  );

  return (
    <Service
      bannerTitle='Sciatica'
      accordion={{accordion}}
      staticImage=<StaticImage src='../sciatica.jpeg' alt='sciatica' />
    >
      <p>{INTRO * 2}</p>
      <p>{SENTENCE * 2}</p>
    </Service>
  );
}};

export default SciaticaPage;

export const Head = () => {{
  return (
    <SEO title='COP Clinic - Sciatica' description="Book an osteopath today." />
  );
}};
"""


def test_markup_held_in_a_variable_and_passed_as_a_prop_is_read_after_the_rest() -> None:
    article = extract_text(PAGE, "jsx", "sciatica.js")
    texts = block_texts(article)
    assert article.title == "Sciatica"
    assert texts[0] == ("paragraph", (INTRO * 2).strip())
    assert ("heading", "Has heavy lifting caused my sciatica?") in texts
    assert ("paragraph", FAQ_ANSWER.strip()) in texts
    assert texts.index(("paragraph", FAQ_ANSWER.strip())) > 1
    everything = " ".join(text for _, text in texts)
    for code in ("export", "=>", ");", "SciaticaPage", ">"):
        assert code not in everything


@pytest.mark.parametrize(
    ("markup", "read"),
    [
        ("<Card image=<Img src='a.jpg' /> title='Knee'>", "<Card image=\"\" title='Knee'>"),
        ('<Card a="x=<b>"><p>1 =<b>2</b></p></Card>', '<Card a="x=<b>"><p>1 =<b>2</b></p></Card>'),
    ],
)
def test_an_element_as_a_props_value_goes(markup: str, read: str) -> None:
    assert drop_element_props(markup) == read


@pytest.mark.parametrize(
    ("component", "title"),
    [
        ("<Service bannerTitle='Sciatica' id='sciatica'>", "Sciatica"),
        ('<PageLayout heroTitle="Knee pain in runners">', "Knee pain in runners"),
        ('<Header headerTitle="Smith Chiropractic">', "Knee Pain"),  # the site's own header
    ],
)
def test_a_prop_named_for_the_banner_is_the_title_but_not_the_sites_header(
    component: str, title: str
) -> None:
    name = component[1:].split(" ")[0]
    code = (
        "const KneePain = () => {\n  return (\n    "
        + component
        + f"\n      <p>{SENTENCE * 4}</p>\n    </{name}>\n  );\n}};\nexport default KneePain;\n"
    )
    assert extract_text(code, "jsx", "KneePain.jsx").title == title


@pytest.mark.parametrize(
    ("component", "tag"),
    [
        ("Accordion.Header", "h3"),
        ("Card.Header", "h3"),
        ("Layout.Header", "div"),  # the site's bar
        ("Header", "div"),
    ],
)
def test_a_parts_header_is_a_heading_and_the_pages_is_not(component: str, tag: str) -> None:
    assert html_tag(component) == tag
