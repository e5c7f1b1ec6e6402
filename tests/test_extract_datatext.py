"""A component's article written as data (props, arrays of objects, Vue refs): datatext.py."""

from __future__ import annotations

import pytest

from pipeline.extract.article import extract_article
from pipeline.extract.datatext import data_texts
from pipeline.models import ExtractError, Page

SERVICE_PAGE = """import ServicePage from './ServicePage';
import heroImg from '../../assets/images/heel.jpg';

const HeelPain = () => {
  return (
    <ServicePage
      title="Heel Pain"
      metaTitle="Heel Pain | Plantar Fasciitis | Example Podiatry"
      metaDescription="Assessment and treatment of heel pain across the city."
      heroSrc={heroImg}
      heroAlt="Heel pain assessment"
      overview="Heel pain often comes from the plantar fascia, the band under the foot.
        We look at load, footwear and gait and plan how to settle it."
      sections={[
        {
          heading: 'How we treat',
          items: [
            'Taping to offload the plantar fascia',
            'Calf and foot strength exercises',
            'Footwear advice and orthotics when needed',
          ],
        },
      ]}
    />
  );
};

export default HeelPain;
"""

VUE_DATA = """<template>
  <v-card>
    <v-card-title class="text-h6 font-weight-bold">{{ page.title }}</v-card-title>
    <v-card-text v-for="(text, i) in page.text" :key="i">{{ text }}</v-card-text>
  </v-card>
</template>

<script setup>
import { ref } from "vue";
const images = ref(["https://example.test/img/back.jpg"]);
const page = ref({
  title: "Sciatica",
  text: [
    "Sciatica is pain that runs from the low back through the buttock and down the back of \
the leg, often on one side only.",
    "It is most often caused by a disc bulge or a stiff joint that presses on the sciatic \
nerve where it leaves the spine.",
  ],
});
</script>
"""


def test_the_props_of_a_shared_component_are_the_article() -> None:
    """<ServicePage title="…" overview="…" sections={[…]}>: the markup holds no text, the
    props do. The meta title and description go to the head, the image's alt nowhere."""
    article = extract_article(Page(origin="x", text=SERVICE_PAGE, kind="jsx"))
    texts = [b.text for b in article.blocks]
    assert article.title == "Heel Pain"
    assert texts[0].startswith("Heel pain often comes from the plantar fascia")
    assert "How we treat" in texts
    assert "Taping to offload the plantar fascia" in texts
    assert [b.kind for b in article.blocks if b.text.startswith("Calf")] == ["item"]
    assert article.description == "Assessment and treatment of heel pain across the city."
    assert not any("assessment" in t or "Example Podiatry" in t for t in texts)


def test_a_vue_components_data_is_read_when_its_template_shows_only_bindings() -> None:
    page = Page(origin="x", text=VUE_DATA, kind="component", path="/site/pages/sciatica.vue")
    article = extract_article(page)
    assert article.title == "Sciatica"
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"]
    assert article.blocks[1].text.startswith("It is most often caused by a disc bulge")
    assert not any("in page.text" in b.text or "https" in b.text for b in article.blocks)


def test_markup_with_its_own_text_keeps_its_data_out() -> None:
    text = "Knee pain in runners often comes from the kneecap's tendon and how it is loaded. " * 4
    code = (
        "const tips = ['Rest the knee for two or three days before running again'];\n"
        f"export default function KneePain() {{ return (<article><p>{text}</p></article>); }}"
    )
    article = extract_article(Page(origin="x", text=code, kind="jsx"))
    assert not any("Rest the knee" in b.text for b in article.blocks)


def test_labels_addresses_and_code_strings_are_no_article() -> None:
    """A contact component: a directive, element attributes (an iframe's title, an
    aria-label), short names and addresses in its data. No article text, as before."""
    code = """"use client";
const places = [{ n: 'Cavezzo (MO)', a: 'Via I Maggio, 95', u: "https://maps.example.test/x" }];
export default function Contacts() {
  return (<div className="grid gap-4 text-slate-700">
    <iframe title="Mappa delle sedi dello studio" src="https://maps.example.test/x" />
    <button type="button" aria-label="Mostra orari di apertura">Orari</button>
  </div>);
}
"""
    with pytest.raises(ExtractError, match="no article text"):
        extract_article(Page(origin="x", text=code, kind="jsx"))


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ('"use client";\nimport x from "./x";', []),
        ("const a = { heading: 'Causes', items: ['Tight calves'] };", ["Causes", "Tight calves"]),
        ("const b = { className: 'text-sm font-bold', label: 'Causes' };", ["Causes"]),
        ("// title: 'Not this'\nconst c = { title: `Heel ${x}pain` };", ["Heel pain"]),
    ],
)
def test_data_texts_are_the_strings_given_under_a_key_or_in_a_list(
    code: str, expected: list[str]
) -> None:
    texts = [t.text for t in data_texts(code) if t.key != "className"]
    assert texts == expected
