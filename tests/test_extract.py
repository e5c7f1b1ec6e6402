"""extract: the article and nothing else, with its structure and metadata.

The segments that must appear are derived from each page's own source, independently of
the code under test: for Markdown, the source paragraphs with Markdown syntax stripped; for
HTML samples, the paragraphs, list items and subheadings inside the article's content
element. The chrome that must not appear is one list (CHROME) checked on every page.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bench import bench_extract
from bench.extract_metric import PageScore, score_page, summarise
from pipeline.extract.article import extract_article
from pipeline.extract.cleanup import drop_chrome, is_chrome
from pipeline.load.source import read_file
from pipeline.models import Article, Block, ExtractError, Page
from tests.conftest import SAMPLES, corpus_dir

DATA = Path(__file__).parent / "data" / "extract"
WORD = re.compile(r"\w+")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)

# Chrome seen on clinic sites: none of it may reach the article text.
CHROME = [
    "Contact detail icon",
    "Footer Social",
    "We use cookies",
    "Cookie Policy",
    "Accept",
    "Share this post",
    "Share on",
    "Copy link",
    "Recent Posts",
    "Related posts",
    "See All",
    "Comments",
    "Leave a Reply",
    "Post Comment",
    "Reply",
    "Subscribe",
    "newsletter",
    "All rights reserved",
    "Privacy Policy",
    "Book now",
    "Book Online",
    "Follow us",
    "2 min read",
    "layouts/",
]


def words(text: str) -> str:
    """Lower-cased words separated by single spaces: punctuation and markup do not count."""
    return " ".join(WORD.findall(text.lower().replace("_", " ")))


def markdown_paragraphs(source: str) -> list[str]:
    """The article's paragraphs from a Markdown file, syntax stripped, headline left out."""
    body = FRONT_MATTER.sub("", source, count=1)
    body = re.sub(r"<[^>]+>", " ", body)  # raw HTML tags in the Markdown
    body = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", body)  # images
    body = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)  # links keep their text
    body = re.sub(r"(?m)^\s*\d+\.\s+", "", body)  # ordered-list numbers are not text
    paragraphs = [words(html.unescape(p)) for p in re.split(r"\n\s*\n", body)]
    first = re.search(r"(?m)^# (.+)$", body)
    headline = words(first.group(1)) if first else None
    return [p for p in paragraphs if p and p != headline]


def html_paragraphs(source: str) -> list[str]:
    """Paragraphs, items and subheadings inside the article's content element (the first
    of: a content element inside <article>, <article>, <main>)."""
    soup = BeautifulSoup(source, "html.parser")
    content = next(filter(None, map(soup.select_one, CONTENT_SELECTORS)), None)
    if content is None:
        pytest.skip("the page has no <article> or <main> to take the expected paragraphs from")
    return [words(e.get_text(" ")) for e in content.find_all(["p", "li", "h2", "h3", "h4"])]


CONTENT_SELECTORS = ("article [class*=content]", "article", "main")


def extract_file(path: Path) -> Article:
    return extract_article(read_file(path))


def clinic_pages() -> list[Path]:
    return sorted(corpus_dir("clinic").glob("*--*.md"))


def assert_article(article: Article, expected: list[str]) -> None:
    text = words(article.text)
    missing = [p[:60] for p in expected if p not in text]
    assert not missing, f"paragraphs missing from the text: {missing}"
    for phrase in CHROME:
        pattern = rf"(?<!\w){re.escape(phrase)}(?!\w)"
        assert not re.search(pattern, article.text, re.IGNORECASE), f"chrome in text: {phrase!r}"
    assert "<" not in article.text and "&#" not in article.text
    assert not re.search(r"(?m)^\s*[•●▪◦·–-]\s", article.text), "bullet characters left"
    assert "•" not in article.text
    assert words(article.title) not in {words(b.text) for b in article.blocks}


def test_clinic_corpus_pages_are_whole_and_clean() -> None:
    pages = clinic_pages()
    assert len(pages) >= 7
    for path in pages:
        article = extract_file(path)
        assert_article(article, markdown_paragraphs(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "path", [*sorted(SAMPLES.glob("*.*")), DATA / "article.html"], ids=lambda p: p.name
)
def test_samples_are_whole_and_clean(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    expected = markdown_paragraphs(source) if path.suffix == ".md" else html_paragraphs(source)
    assert len(expected) >= 5
    assert_article(extract_file(path), expected)


def test_chrome_inside_the_article_container_is_dropped() -> None:
    """leaky.html puts share, related-post, icon, copyright and footer lines in the post."""
    source = (DATA / "leaky.html").read_text(encoding="utf-8")
    paragraphs = [words(p.get_text(" ")) for p in BeautifulSoup(source, "html.parser")("p")]
    article = extract_file(DATA / "leaky.html")
    assert_article(article, paragraphs[:4])
    assert len(article.blocks) == 5  # the four paragraphs and "What helps"
    assert "Here is when to get it checked" not in article.text  # the dek repeats the description
    assert "Market Street" not in article.text  # repeats the footer
    assert article.date is None  # never guessed from "© 2025"


def test_headline_is_not_in_the_text() -> None:
    article = extract_file(SAMPLES / "plantar-heel-pain.html")
    assert article.title == "Plantar Heel Pain: First Steps in the Morning"
    assert not words(article.text).startswith(words(article.title))
    assert "By Jordan Lee" not in article.text


def test_misspelt_leading_h1_is_still_the_headline(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text(
        "---\ntitle: Achilles Tendonitis\n---\n\n# Achillies Tendonities\n\n"
        + "Pain at the back of the heel is common in runners who train more. " * 4
    )
    article = extract_file(path)
    assert article.title == "Achilles Tendonitis"
    assert all(b.kind != "heading" for b in article.blocks)


def test_structure_of_a_made_up_clinic_page() -> None:
    article = extract_file(DATA / "article.html")
    kinds = [(b.kind, b.level) for b in article.blocks if b.kind == "heading"]
    assert kinds == [("heading", 2), ("heading", 2), ("heading", 3)]
    items = [b for b in article.blocks if b.kind == "item"]
    assert [b.lead for b in items] == [
        None,
        None,
        "Hands-on treatment",
        "Exercise",
        "Stretching and Mobility",
    ]
    # "• Long hours..." lines inside a <p> became items without their bullet
    assert items[0].text == "Long hours without a break make it worse."


def test_metadata_falls_back_to_json_ld() -> None:
    article = extract_file(DATA / "article.html")
    assert article.author == "Alex Morgan, MCSP"
    assert article.date == "2025-02-10"
    assert article.site_name == "Northfield Physio"
    assert (
        article.description
        == "Why long days at a desk can leave your shoulder sore, and what helps."
    )
    assert article.language == "en-GB"
    assert article.image == "https://clinic.example/img/shoulder.jpg"
    assert article.url == "https://clinic.example/blog/shoulder-pain"


def test_metadata_from_opengraph_and_canonical() -> None:
    article = extract_file(SAMPLES / "knee-pain-muscle-imbalance.html")
    assert article.author == "Dr. Olivia Choi, L.AC, DACM"
    assert article.site_name == "VIVE Energy Medicine"
    assert article.image == "https://www.vive-energy-medicine.example/media/knee-pain.jpg"
    assert (
        article.url
        == "https://www.vive-energy-medicine.example/post/chronic-joint-pain-muscle-imbalance"
    )
    assert article.language == "en-US"


def test_markdown_front_matter_metadata() -> None:
    article = extract_file(SAMPLES / "tension-headaches.md")
    assert article.title == "Tension Headaches: Why Your Neck May Be Part of the Story"
    assert article.author == "Sam Patel, Physiotherapist"
    assert article.date == "2025-03-14"
    assert article.description and article.description.startswith("Why desk work")


def test_front_matter_author_list_is_joined(tmp_path: Path) -> None:
    post = tmp_path / "two-authors.md"
    body = "Knee pain is common and often linked to weak muscles around the joint. " * 5
    post.write_text(f"---\ntitle: Knee pain\nauthor: [Ana Ruiz, Sam Lee]\n---\n\n{body}\n")
    assert extract_article(read_file(post)).author == "Ana Ruiz, Sam Lee"


def test_bold_lead_ins_and_items_in_markdown() -> None:
    article = extract_file(SAMPLES / "tension-headaches.md")
    leads = [b.lead for b in article.blocks if b.kind == "item"]
    assert leads == ["Manual therapy", "Acupuncture", "Posture and desk set-up", "Home exercises"]


def test_nested_malformed_bullet_becomes_its_own_item() -> None:
    article = extract_file(corpus_dir("clinic") / "preston-podiatry--heel-pain.md")
    items = [b.text for b in article.blocks if b.kind == "item"]
    assert "Achillies Tendonitis" in items and "Haglunds deformity" in items
    headings = [b.text for b in article.blocks if b.kind == "heading"]
    assert headings == ["Signs & Symptons", "Causes", "Treatment"]


def test_signature_in_bold_is_not_a_lead_in() -> None:
    path = corpus_dir("clinic") / "kibworth-osteopaths--high-heeled-shoes.md"
    assert all(b.lead != "Emily Coombes" for b in extract_file(path).blocks)


@pytest.mark.parametrize(
    "markup",
    [
        "",
        "   ",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        (DATA / "login.html").read_text(),
        "\x00\x01\x02 binary \ufffd\ufffd",
        "<div>" * 5000 + "deeply nested " * 50 + "</div>" * 5000,
    ],
    ids=["empty", "blank", "menu-only", "login", "binary", "too-deep"],
)
def test_page_without_article_is_an_extract_error(markup: str) -> None:
    with pytest.raises(ExtractError, match=r"no article text|empty or cannot be read as HTML"):
        extract_article(Page(origin="page.html", text=markup, kind="html"))


# --- the benchmark's metric -------------------------------------------------------------------


def test_metric_counts_shingles_with_repeats() -> None:
    truth = "one two three four five"  # shingles: 1-2-3-4, 2-3-4-5
    assert score_page(truth, truth) == PageScore(1.0, 1.0)
    assert score_page("one two three four", truth) == PageScore(1.0, 0.5)
    doubled = score_page("one two three four one two three four", truth)
    assert doubled.precision == pytest.approx(1 / 5) and doubled.recall == 0.5


def test_metric_empty_cases_follow_the_benchmark() -> None:
    assert score_page("", "some words here and more") == PageScore(None, 0.0)
    assert score_page("some words here and more", "") == PageScore(0.0, None)
    assert score_page("", "") == PageScore(None, None)
    summary = summarise([PageScore(None, 0.0), PageScore(1.0, 1.0)])
    assert (summary.precision, summary.recall) == (1.0, 0.5)
    assert summary.f1 == pytest.approx(2 / 3)


def test_metric_variant_lowercases_and_uses_sets() -> None:
    assert score_page("One two three four", "one two three four").precision == 0.0
    assert score_page("One two three four", "one two three four", lowercase=True).precision == 1.0


def test_link_only_blocks_go_at_the_edges_and_in_runs() -> None:
    def para(text: str) -> Block:
        return Block(kind="paragraph", text=text)

    links = frozenset({"next post", "nhs advice on back pain", "a", "b", "c", "older post"})
    texts = "Next post|Body one.|NHS advice on back pain|Body two.|A|B|C|Body three.|Older post"
    blocks = tuple(para(t) for t in texts.split("|"))
    kept = [b.text for b in drop_chrome(blocks, links)]
    assert kept == ["Body one.", "NHS advice on back pain", "Body two.", "Body three."]


def test_inline_bullets_become_items() -> None:
    html_page = (
        "<html><body><article><h1>Knee pain</h1><p>"
        + "Knee pain after running is common and usually settles with rest and exercise. " * 3
        + "</p><p>Common signs: • pain on the stairs • swelling after a run • stiffness</p>"
        + "</article></body></html>"
    )
    article = extract_article(Page(origin="made-up", text=html_page, kind="html"))
    assert "•" not in article.text
    assert [b.text for b in article.blocks if b.kind == "item"] == [
        "pain on the stairs",
        "swelling after a run",
        "stiffness",
    ]


@pytest.mark.parametrize(
    "prefix",
    ['<?xml version="1.0" encoding="ISO-8859-1"?>', ""],
    ids=["xml-declaration", "fragment"],
)
def test_odd_but_readable_html_is_extracted(prefix: str) -> None:
    paragraph = "Gentle exercise after a knee injury helps the joint recover its strength. " * 4
    markup = f"{prefix}<p>{paragraph}</p><p>{paragraph}</p>"
    article = extract_article(Page(origin="odd.html", text=markup, kind="html"))
    assert words(paragraph) in words(article.text)


def test_bench_skips_without_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_extract.main(["--corpus", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_bench_scores_a_tiny_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Ground truth written from each made-up page's own article paragraphs."""
    (tmp_path / "html").mkdir()
    source = (DATA / "article.html").read_text(encoding="utf-8")
    (tmp_path / "html" / "one.html.gz").write_bytes(gzip.compress(source.encode("utf-8")))
    body = BeautifulSoup(source, "html.parser").select_one(".entry-content")
    assert body is not None
    truth = {"one": {"articleBody": body.get_text("\n"), "url": ""}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    assert bench_extract.main(["--corpus", str(tmp_path)]) == 0
    lines = [line.split() for line in capsys.readouterr().out.splitlines() if line.strip()]
    rows = {cells[0]: cells[1:] for cells in reversed(lines)}  # first row per name wins
    precision, recall = (float(x) for x in rows["repurpose"][:2])
    assert precision == 1.0 and recall > 0.95  # bullets and spacing are not words
    assert "trafilatura" in rows
    folds = [cells for cells in lines if cells[:2] == ["repurpose", "folds"]]
    assert len(folds) == 1 and float(folds[0][2]) == pytest.approx(2 * recall / (1 + recall))


def test_bench_folds_deal_sorted_ids_by_position() -> None:
    ids = [f"id{n:02d}" for n in range(12)][::-1]
    folds = bench_extract.split_folds(ids, 5)
    assert folds[0] == ["id00", "id05", "id10"] and folds[4] == ["id04", "id09"]
    assert sorted(i for fold in folds for i in fold) == sorted(ids)


def test_bench_against_counts_better_and_worse_pages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench_extract.print_changes({"a": 0.9, "b": 0.5, "c": 0.7}, {"a": 0.8, "b": 0.6, "c": 0.7})
    assert "1 pages better, 1 worse" in capsys.readouterr().out


def test_bold_only_paragraph_is_a_heading() -> None:
    """Site builders often make subheadings as bold paragraphs."""
    body = "Plantar heel pain is common in runners and in people who stand all day. " * 3
    markup = (
        f"<html><body><article><p>{body}</p><p><strong>What causes it?</strong></p>"
        f"<p>{body}</p><p><strong>Call us to book an assessment today.</strong></p>"
        "</article></body></html>"
    )
    blocks = extract_article(Page(origin="made-up", text=markup, kind="html")).blocks
    kinds = {b.text: b.kind for b in blocks}
    assert kinds["What causes it?"] == "heading"
    assert kinds["Call us to book an assessment today."] == "paragraph"  # a sentence


@pytest.mark.parametrize("kind", ["markdown", "html"])
def test_a_bold_label_ranks_under_the_heading_before_it(kind: str) -> None:
    """ "**Lifestyle factors:**" under "### Causes and risk factors" is a part of the causes,
    not a section beside them (whose own word, "lifestyle", would make it self-care)."""
    body = "Jaw pain is common in people who clench their teeth at night or chew gum all day. "
    if kind == "markdown":
        text = (
            f"# Jaw pain\n\n{body * 2}\n\n**Before any heading:**\n\n- One\n- Two\n\n"
            "### Causes and risk factors\n\n**Physical factors:**\n\n- Jaw injury\n"
            "- Teeth grinding\n\n**Lifestyle factors:**\n\n- Stress\n- Nail biting\n\n"
            f"## What we do\n\n{body}\n"
        )
    else:
        text = (
            f"<html><body><article><h1>Jaw pain</h1><p>{body * 2}</p>"
            "<p><strong>Before any heading:</strong></p><ul><li>One</li><li>Two</li></ul>"
            "<h3>Causes and risk factors</h3><p><strong>Physical factors:</strong></p>"
            "<ul><li>Jaw injury</li><li>Teeth grinding</li></ul>"
            "<p><strong>Lifestyle factors:</strong></p><ul><li>Stress</li><li>Nail biting</li>"
            f"</ul><h2>What we do</h2><p>{body}</p></article></body></html>"
        )
    article = extract_article(Page(origin="made-up", text=text, kind=kind))  # type: ignore[arg-type]
    levels = {b.text.rstrip(":"): b.level for b in article.blocks if b.kind == "heading"}
    assert levels == {
        "Before any heading": 3,
        "Causes and risk factors": 3,
        "Physical factors": 4,
        "Lifestyle factors": 4,
        "What we do": 2,
    }


def test_body_split_around_an_ad_is_recovered() -> None:
    """split-body.html splits the article into two same-class chunks around an ad row;
    trafilatura keeps only the first, recover_chunks brings back the second."""
    source = (DATA / "split-body.html").read_text(encoding="utf-8")
    chunks = BeautifulSoup(source, "html.parser").select(".article-body")
    paragraphs = [p for chunk in chunks for p in chunk("p") if not p.find("a")]
    article = extract_file(DATA / "split-body.html")
    assert_article(article, [words(p.get_text(" ")) for p in paragraphs])
    assert len(paragraphs) == 4 and len(article.blocks) == 4
    assert "Golfer's elbow explained" not in article.text  # a line of links


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("Share this post", True),
        ("Contact detail icon", True),
        ("Related: Hip Pain When Walking", True),
        ("[Related: Hip Pain When Walking]", True),
        ("Related post: Hip Pain When Walking", True),
        ("(Related to this, most people recover within weeks.)", False),
        ("First Published: Tuesday, November 19, 2019 08:38 AM", True),
        ("Updated on 3 March 2025", True),
        ("Published research from 2019 shows most knee pain settles.", False),
        ("© 2025 Eastgate Clinic", True),
        ("Follow Northfield Physio on Instagram for weekly exercise tips", True),
        ("Tags knee pain, runner's knee, physiotherapy, exercise", True),
        ("Listen: https://pod.example/ep615 Download: https://pod.example/ep615.mp3", True),
        ("More than half of runners have knee pain at some point.", False),
        ("Sources of knee pain include the joint, the kneecap and the tendons.", False),
        ("Tagged with care, the samples were sent to the lab, then tested.", False),
        # "you may also be interested in" lines, in other languages
        ("Te puede interesar: Osteopatía para deportistas · Estrés y tensión", True),
        ("Potrebbe interessarti anche: Mal di schiena", True),
        ("Das könnte Sie auch interessieren: Rückenschmerzen", True),
        ("Te puede interesar saber que el dolor suele ceder en semanas.", False),
    ],
)
def test_chrome_phrases(text: str, chrome: bool) -> None:
    assert is_chrome(text) is chrome


def test_spans_inside_paragraphs_keep_their_words() -> None:
    """styled-spans.html wraps words in spans that precision-mode pruning reads as page
    sections (class="link", a border style, an empty "more" anchor): all the text stays."""
    source = (DATA / "styled-spans.html").read_text(encoding="utf-8")
    body = BeautifulSoup(source, "html.parser").select_one(".entry-content")
    assert body is not None
    paragraphs = [words(p.get_text(" ")) for p in body("p")]
    article = extract_file(DATA / "styled-spans.html")
    assert_article(article, paragraphs)
    assert len(article.blocks) == len(paragraphs)
    assert "Riverside Physio" not in article.text


def test_subheadings_between_kept_paragraphs_come_back() -> None:
    """linked-headings.html has subheadings that are links (a buyer's guide): precision
    mode drops them as link-dense; between two kept paragraphs they are the article's."""
    article = extract_file(DATA / "linked-headings.html")
    headings = [b.text for b in article.blocks if b.kind == "heading"]
    assert headings == ["A night splint", "Silicone heel cups", "Daily calf stretches"]
    texts = [b.text for b in article.blocks]
    assert texts.index("Silicone heel cups") == texts.index("A night splint") + 2
    assert "Related posts" not in article.text and "Achilles pain" not in article.text


def test_elements_hidden_by_class_are_not_article() -> None:
    """hidden-chrome.html hides an e-mail dialog ("hide"), a print-only citation ("d-none
    d-print-block") and a screen-reader label ("sr-only"); a "d-none d-md-block" paragraph
    is shown on wider screens and stays."""
    article = extract_file(DATA / "hidden-chrome.html")
    source = BeautifulSoup((DATA / "hidden-chrome.html").read_text(encoding="utf-8"), "html.parser")
    body = source.select_one(".entry-content")
    assert body is not None
    shown = [p for p in body("p") if not p.find_parent(class_=["hide", "d-print-block"])]
    assert len(shown) == 4
    assert_article(article, [words(p.get_text(" ")) for p in shown])
    hidden = ("Cite this page", "this article has been sent", "Send this article", "shared 4,976")
    for phrase in hidden:
        assert phrase not in article.text


def test_a_hidden_element_holding_the_whole_article_stays() -> None:
    """A theme that hides the body until a script runs must not lose the article."""
    paragraph = "Ice for the first two days, then gentle movement, helps a sprained ankle heal. "
    markup = (
        '<html><body><article><h1>Sprained ankle</h1><div class="post-body hidden">'
        f"<p>{paragraph * 3}</p><p>{paragraph * 2}</p></div></article></body></html>"
    )
    article = extract_article(Page(origin="made-up", text=markup, kind="html"))
    assert words(paragraph * 3) in words(article.text)


def test_closing_credit_lines_go_only_at_the_end() -> None:
    def para(text: str) -> Block:
        return Block(kind="paragraph", text=text)

    body = [
        "Reporting by the clinic's own audit found that most patients improved.",
        "Knee pain after running usually settles with rest and a graded return.",
        "Dr Ana Ruiz contributed to this report by reviewing the exercise advice.",
        "Most runners are back to their usual distance within six weeks.",
        "Reporting by Jane Doe in Leeds; Editing by Tom Smith",
        "Sam Lee contributed reporting from Manchester.",
        "Write to Jane Doe at jane.doe@paper.example",
    ]
    kept = [b.text for b in drop_chrome(tuple(para(t) for t in body), frozenset())]
    assert kept == body[:4]  # credits inside the body are sentences of the article
    cta = "Email Sarah Jones at sarah@clinic.example to book an assessment."
    assert [b.text for b in drop_chrome((para(body[1]), para(cta)), frozenset())][-1] == cta


def test_entities_in_json_ld_are_decoded_and_the_headline_stays_out() -> None:
    """Publishers often HTML-escape JSON-LD strings ("Don&#39;t"): the title reads as text,
    and the <h1> it names is still recognised as the headline."""
    body = "Ice for the first two days, then gentle movement, helps a sprained ankle heal. " * 4
    ld = '{"@type": "NewsArticle", "headline": "Don&#39;t rest a sprained ankle for too long"}'
    markup = (
        f'<html><head><title>Ankle advice</title><script type="application/ld+json">{ld}'
        "</script></head><body><article><p>By the clinic team</p>"
        "<h1>Don't rest a sprained ankle for too long</h1>"
        f"<p>{body}</p><p>{body}</p></article></body></html>"
    )
    article = extract_article(Page(origin="made-up", text=markup, kind="html"))
    assert article.title == "Don't rest a sprained ankle for too long"
    assert "Don't rest" not in article.text


def test_a_leading_h1_is_the_headline_even_when_the_title_differs() -> None:
    """Sites often give the page an SEO title that differs from the headline on the page:
    the reader sees the <h1>, so it is the headline, and neither is part of the body."""
    body = "Ice for the first two days, then gentle movement, helps a sprained ankle heal. " * 4
    markup = (
        "<html><head><title>Sprained ankle treatment | Hillside Physio</title>"
        '<meta property="og:title" content="Sprained ankle treatment"></head><body><article>'
        "<h1>How to get back on your feet after a sprain</h1>"
        f"<p>{body}</p><h2>When to see us</h2><p>{body}</p></article></body></html>"
    )
    article = extract_article(Page(origin="made-up", text=markup, kind="html"))
    assert article.title == "How to get back on your feet after a sprain"
    assert "get back on your feet" not in article.text and "Sprained" not in article.text
    assert [b.text for b in article.blocks if b.kind == "heading"] == ["When to see us"]


def test_text_written_straight_into_a_div_becomes_paragraphs() -> None:
    """loose-text.html writes its paragraphs straight into a <div>, between <br><br>s, with
    a link in the first sentence: every paragraph is kept, each as a block of its own."""
    source = (DATA / "loose-text.html").read_text(encoding="utf-8")
    content = BeautifulSoup(source, "html.parser").select_one(".content")
    assert content is not None
    for center in content("center"):
        center.decompose()  # the caption
    chunks = re.split(r"(?:<br/?>\s*){2}", content.decode_contents())
    paragraphs = [words(BeautifulSoup(c, "html.parser").get_text(" ")) for c in chunks]
    article = extract_file(DATA / "loose-text.html")
    assert_article(article, [p for p in paragraphs if p])
    assert len(paragraphs) == 4
    assert sum(words(b.text) in paragraphs for b in article.blocks) == 4  # a block each


def test_cards_of_other_posts_are_not_article() -> None:
    """post-cards.html follows its article with a "You may also like" grid of three
    sibling <article> cards holding whole excerpts of other posts."""
    source = BeautifulSoup((DATA / "post-cards.html").read_text(encoding="utf-8"), "html.parser")
    main = source.select_one("article.post-1806")
    assert main is not None
    article = extract_file(DATA / "post-cards.html")
    assert [words(b.text) for b in article.blocks] == [words(p.get_text(" ")) for p in main("p")]


def test_a_live_blog_keeps_its_updates() -> None:
    """Updates marked up as <article>s inside the page's own article are the article."""
    updates = [
        f"<article><p>Update {n}: the clinic is open until {n + 4} pm today for walk-in ankle "
        "and knee assessments, no booking needed, and the waiting time is short.</p></article>"
        for n in range(1, 5)
    ]
    markup = (
        "<html><body><article><h1>Clinic opening times this week</h1>"
        "<p>We will post changes to our opening hours here as the week goes on. The building"
        " work on the ground floor means some rooms are closed, so please check this page"
        " before you travel, and call us if you are not sure whether to come in.</p>"
        f"{''.join(updates)}</article></body></html>"
    )
    article = extract_article(Page(origin="made-up", text=markup, kind="html"))
    assert all(f"Update {n}:" in article.text for n in range(1, 5))


def test_a_div_classed_as_a_subheading_between_paragraphs_is_a_heading() -> None:
    para = "Plantar heel pain is common in runners and in people who stand all day at work. " * 3
    markup = (
        "<html><body><article><h1>Heel pain</h1><div class='story-body'>"
        f"<p>{para}</p><div class='pf_subheadline'>What causes heel pain?</div>"
        f"<p>{para.replace('common', 'usual')}</p><div class='article-subhead'>How is it"
        f" treated?</div><p>{para.replace('common', 'frequent')}</p>"
        "<div class='footer-head'>Our clinics</div></div></article></body></html>"
    )
    blocks = extract_article(Page(origin="made-up", text=markup, kind="html")).blocks
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert headings == ["What causes heel pain?", "How is it treated?"]
    assert [b.kind for b in blocks][1::2] == ["heading", "heading"]


def test_headings_named_in_a_table_of_contents_stay() -> None:
    """A sidebar <nav> that lists the article's own parts (links to "#home-care") names its
    headings: they are the article's, not chrome. A nav line that links elsewhere and that
    the body repeats (the clinic's opening hours) is still chrome."""
    prose = "Rest the foot and ice the heel for fifteen minutes after every long walk you take."
    toc = "".join(
        f"<li><a href='#{n}'>{t}</a></li>" for n, t in (("home", "Home care"), ("brace", "Braces"))
    )
    markup = (
        "<html><body><nav><ul>" + toc + "<li><a href='/hours'>Open Monday to Friday</a></li>"
        "</ul></nav><main><h1>Heel pain</h1>"
        f"<p>{prose}</p><h3 id='home'>Home care</h3><p>{prose} Stretch the calf.</p>"
        f"<h3 id='brace'>Braces</h3><p>{prose} A night splint helps.</p>"
        "<p>Open Monday to Friday</p></main></body></html>"
    )
    article = extract_article(Page(origin="made-up", text=markup, kind="html"))
    assert [b.text for b in article.blocks if b.kind == "heading"] == ["Home care", "Braces"]
    assert "Open Monday to Friday" not in [b.text for b in article.blocks]


def test_a_list_a_kept_paragraph_opens_comes_back() -> None:
    """The library keeps the article's paragraphs but drops the short list the last one opens
    ("Ways to avoid ingrown toenails:"): it comes back after that paragraph. A list of
    sentences that no kept paragraph opens (opening hours after the article) stays out."""
    prose = (
        "Ingrown toenails is a common condition in which the side of a toenail grows into the "
        "soft skin. Symptoms include pain, redness and swelling. They can be hereditary."
    )
    tips = ["Don't cut down the corners of the toenails.", "Don't trim toenails too short."]
    hours = ["We are open from Monday to Friday.", "Parking is free behind the clinic."]
    markup = (
        "<html><body><div class='row'><div class='columns'><h1>Ingrown toenails</h1></div></div>"
        f"<div class='row'><div class='columns'><p>{prose}</p><p>The podiatrist uses a "
        "conservative two step approach.</p><p>First, the offending nail area is removed by an "
        f"in-office sterile procedure with local numbing. {prose}</p>"
        "<p>Ways to avoid ingrown toenails:</p><ul>"
        + "".join(f"<li>{t}</li>" for t in tips)
        + "</ul><ul>"
        + "".join(f"<li>{t}</li>" for t in hours)
        + "</ul></div></div></body></html>"
    )
    texts = [
        b.text for b in extract_article(Page(origin="made-up", text=markup, kind="html")).blocks
    ]
    at = texts.index("Ways to avoid ingrown toenails:")
    assert texts[at + 1 :] == tips
