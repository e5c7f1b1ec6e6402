"""extract, headline kinds seen on new clinic sites: a subtitle inside the <h1>, Next.js
metadata, a component's title props, a title block that shows only the breadcrumb, and the
many names front matter gives the visible title."""

from __future__ import annotations

import pytest

from pipeline.extract.article import extract_article
from pipeline.models import Page
from tests.factories import SENTENCE, extract_text


@pytest.mark.parametrize(
    ("h1", "title"),
    [
        (
            "Psicoterapia CBT<br /><span class='text-blue'>Cognitive Behavioral Therapy</span>",
            "Psicoterapia CBT",
        ),
        (
            "Knee Pain Treatment in Leeds <span class='block text-2xl'>Move Freely Again</span>",
            "Knee Pain Treatment in Leeds",
        ),
        ("Treatment of<br><span>runner's knee pain</span>", "Treatment of runner's knee pain"),
        ("Knee pain <span class='accent'>in runners</span>", "Knee pain in runners"),
    ],
)
def test_a_subtitle_set_under_the_h1_is_not_the_headline(h1: str, title: str) -> None:
    page = f"<html><body><article><h1>{h1}</h1><p>{SENTENCE * 4}</p></article></body></html>"
    assert extract_text(page, "html").title == title


def test_next_metadata_gives_the_pages_title() -> None:
    code = (
        'export const metadata: Metadata = {\n  title: "비염 클리닉 · 한의원",\n'
        '  openGraph: { title: "Other" },\n};\n'
        "export default function Page() {\n  return (\n    <div>\n"
        '      <h2 className="text-xl">이 중 몇 가지에 해당하시나요</h2>\n'
        f"      <p>{'코막힘이 계속되고 맑은 콧물과 재채기가 환절기마다 되풀이됩니다. ' * 6}</p>\n"
        "    </div>\n  );\n}\n"
    )
    assert extract_text(code, "jsx", "page.tsx").title == "비염 클리닉"


LAYOUT_BODY = (
    f"<p>{SENTENCE * 4}</p>\n<h2>Ce que l'ostéopathie peut traiter</h2>\n<p>{SENTENCE}</p>"
)


@pytest.mark.parametrize(
    ("source", "origin", "title"),
    [
        (  # an Astro layout: `h1` shows, `title` is the browser's tab
            "---\nimport ArticleLayout from '../layouts/ArticleLayout.astro';\n---\n"
            '<ArticleLayout\n  title="Mal de dos : quand consulter ? | Cabinet"\n'
            '  h1="Mal de dos : quand et pourquoi consulter ?"\n  image={dosImg}\n>\n'
            f"{LAYOUT_BODY}\n</ArticleLayout>\n",
            "mal-de-dos.astro",
            "Mal de dos: quand et pourquoi consulter?",
        ),
        (  # a header component's title prop, a braced string, before nested braces
            "const Headache = () => {\n  return (\n    <Layout>\n"
            "      <PageHead title=\"頭痛の豆知識 | 豆知識\" slug={'knowledge'} />\n"
            "      <PageHeader\n        title={'頭痛の豆知識'}\n        imgSrc={{ sp: '/a.jpg' }}\n"
            f"      />\n      {LAYOUT_BODY}\n    </Layout>\n  );\n}};\n",
            "index.tsx",
            "頭痛の豆知識",
        ),
        (  # the site's own header names the site on every page, not the page
            "export default function Knee() {\n  return (\n    <div>\n"
            '      <Header title="Leeds Physio Clinic" />\n'
            f"      <h1>Runner's knee</h1>\n      {LAYOUT_BODY}\n    </div>\n  );\n}}\n",
            "Knee.jsx",
            "Runner's knee",
        ),
        (  # a section's header is no title of the page
            "export default function Knee() {\n  return (\n    <div>\n"
            '      <SectionHeader title="Symptoms" />\n'
            f"      <h1>Runner's knee</h1>\n      {LAYOUT_BODY}\n    </div>\n  );\n}}\n",
            "Knee.jsx",
            "Runner's knee",
        ),
    ],
)
def test_a_component_prop_gives_the_pages_title(source: str, origin: str, title: str) -> None:
    page_kind = "component" if origin.endswith(".astro") else "jsx"
    page = Page(origin=origin, path=origin, text=source, kind=page_kind)  # type: ignore[arg-type]
    assert extract_article(page).title == title


def test_a_title_block_that_shows_only_the_breadcrumb_is_no_title() -> None:
    page = (
        "<html><head><title>Dental Abscesses at Rosebank Road, Auckland</title></head><body>"
        '<div class="page-title"><ol class="breadcrumb"><li><a href="/">Home</a></li>'
        '<li class="active">Dental Abscesses</li></ol></div>'
        '<div><h2 class="section-title">All About Dental Abscesses You Need to Know</h2>'
        f"<p>{SENTENCE * 4}</p></div></body></html>"
    )
    assert extract_text(page, "html").title == "All About Dental Abscesses You Need to Know"


@pytest.mark.parametrize(
    ("front", "title"),
    [
        ("seoTitle: Hilfe bei Schlafproblemen\nheadertitle: Schlafstörungen", "Schlafstörungen"),
        ("page_title: Knee pain in runners\ntitle: knee-pain", "Knee pain in runners"),
        ("seo_title: Knee pain in runners | Clinic", "Knee pain in runners"),
    ],
)
def test_front_matter_names_the_visible_title_in_many_ways(front: str, title: str) -> None:
    body = "## Definition\n\n" + SENTENCE * 4
    assert extract_text(f"---\n{front}\n---\n\n{body}").title == title
