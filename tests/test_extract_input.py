"""extract, input side: what arrives before the article is read.

Invisible characters and control characters never reach a block (nor make the parser give
up); server-side template code never leaks into the text.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.extract.article import extract_article
from pipeline.extract.templates import strip_server_code
from pipeline.load.chars import clean_characters
from pipeline.load.source import read_file
from pipeline.models import Article, Page
from tests.hostile import child_env

DATA = Path(__file__).parent / "data" / "extract"
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\x00-\x08\x0b-\x1f]")
WORDS = " ".join(
    f"Runners feel knee pain {n} when the thigh muscles tire and the kneecap drifts."
    for n in ("first", "later", "often", "again")
)


def html_page(paragraph: str) -> Page:
    body = f"<p>{WORDS}</p><p>{paragraph}</p><p>{WORDS.replace('pain', 'ache')}</p>"
    text = f"<html><body><article><h1>Knee pain</h1>{body}</article></body></html>"
    return Page(origin="made-up.html", text=text, kind="html")


def all_text(article: Article) -> str:
    return article.title + "\n" + "\n".join(b.text for b in article.blocks)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("zero\u200bwidth\u200c and\u2060joined", "zerowidth andjoined"),
        ("\ufeffBOM and soft\u00adhyphen", "BOM and softhyphen"),
        ("bidi \u200emark\u200f and \u202aembedding\u202c", "bidi mark and embedding"),
        ("escape \x1b bell \x07 C1 \x85 kept\ttab\nline", "escape  bell  C1  kept\ttab\nline"),
        ("refs &#27;&#x200B;&#8203;&shy;&zwnj;&lrm;&#0; gone", "refs  gone"),
        ("&#150; &amp; &#233; &#x1F600; stay", "&#150; &amp; &#233; &#x1F600; stay"),
        ("family \U0001f468\u200d\U0001f469\u200d\U0001f467 stays", None),
        ("a\u200db loose joiner goes", "ab loose joiner goes"),
        ("an astral tag \U000e0041 character goes", "an astral tag  character goes"),
        ("an emoji \U0001f600 and é stay", None),
    ],
)
def test_invisible_and_control_characters_go(raw: str, clean: str | None) -> None:
    assert clean_characters(raw) == (raw if clean is None else clean)


@pytest.mark.parametrize("escape", ["&#27;", "&#x1b;", "\x1b", "&#0;", "\x00", "\x07"])
def test_one_control_character_in_a_paragraph_does_not_lose_the_article(escape: str) -> None:
    article = extract_article(html_page(f"A stray {escape} escape sits in this sentence."))
    assert "A stray escape sits in this sentence." in all_text(article)
    assert "Runners feel knee pain first" in all_text(article)
    assert not INVISIBLE.search(all_text(article)) and "\ufffd" not in all_text(article)


def test_a_page_from_load_is_cleaned_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """load takes the invisible characters out and says so; extract does not scan again. A
    Page made elsewhere is cleaned by extract."""
    source = tmp_path / "page.html"
    source.write_text(html_page("A zero\u200bwidth space and a &#8203; reference.").text)
    page = read_file(source)
    assert page.characters_cleaned and not INVISIBLE.search(page.text)
    calls: list[str] = []
    monkeypatch.setattr("pipeline.extract.article.clean_characters", calls.append)
    extract_article(page)
    assert calls == []
    monkeypatch.undo()
    raw = html_page("A zero\u200bwidth space and a &#8203; reference.")
    assert not raw.characters_cleaned
    assert "zerowidth space and a reference" in all_text(extract_article(raw))


def test_naver_export_with_zero_width_spaces_reads_clean() -> None:
    article = extract_article(read_file(DATA / "naver-zero-width.html"))
    text = all_text(article)
    assert article.title == "무릎 앞쪽 통증, 왜 생길까요?"
    assert "허벅지 앞쪽 근육과 엉덩이 근육의 불균형" in text
    assert "도수치료로 굳은 근육을 풀고, 약해진 엉덩이 근육을 강화하는 운동을" in text
    assert not INVISIBLE.search(text)
    assert all(b.text.strip() for b in article.blocks)


# --- server-side template code ----------------------------------------------------------------

CODE = re.compile(
    r"<\?|\?>|<%|%>|@(?:extends|section|endsection|include|foreach|endforeach|if|endif|csrf|push)"
    r"|\{\{|\}\}|\{!!|\{-|--\}|\{\*|\{include|\$\w|\$\{|jsp:|c:set|c:if|getParameter|echo |require"
)


def template(name: str) -> Article:
    return extract_article(read_file(DATA / name))


@pytest.mark.parametrize(
    ("name", "must"),
    [
        (
            "blade-page.blade.php",
            [
                "Heel pain that is worst with the first steps in the morning",
                "Why it happens",
                "Taping or an insole to offload the heel while it settles.",
                "Most runners are back to their usual distance within eight to twelve weeks.",
            ],
        ),
        (
            "php-page.php",
            [
                "Tennis elbow is pain on the outside of the elbow",
                "Pain when gripping, lifting a kettle",
                "Relative rest from the painful grip",
                "Most cases settle within three months",
            ],
        ),
        (
            "jsp-page.jsp",
            [
                "Screen work that halves how often we blink",
                "Warm compresses and lid hygiene for the oil glands",
            ],
        ),
    ],
)
def test_template_pages_parse_without_their_code(name: str, must: list[str]) -> None:
    article = template(name)
    text = all_text(article)
    missing = [m for m in must if m not in text]
    assert not missing, f"missing from {name}: {missing}"
    leaks = [b.text for b in article.blocks if CODE.search(b.text)]
    assert not leaks and not CODE.search(article.title), f"template code in {name}: {leaks}"


@pytest.mark.parametrize(
    ("source", "hint"),
    [
        ("@extends('app')\n@section('title', 'Heel Pain')\n<p>x</p>", "Heel Pain"),
        ("@section('title')\n  Entorse \n@endsection\n<p>x</p>", "Entorse"),
        ('<?php $title = "Tennis Elbow"; include "head.php"; ?><p>x</p>', "Tennis Elbow"),
        ("<?php $page_title = 'Knee &amp; Hip'; ?>", "Knee & Hip"),
        ('{assign var="title" value="歯周病"}{include file="head.tpl"}', "歯周病"),
        ('<c:set var="title" value="Dry Eye" />', "Dry Eye"),
        ('<C:SET VAR="Title" VALUE="Ojo seco"/>', "Ojo seco"),
        ("<p>$x = 1;</p><?php $headline = 'Gum care'; ?>", "Gum care"),
        ('<?php $heading = "Periodontia"\n?><main>', "Periodontia"),  # no ";" before "?>"
        ('<?php $titulo = "Nossa <br> <em>equipe</em>"; ?>', "Nossa equipe"),
        ('<?php $title = "Zahnarzt Berlin"; $heading = "Karies"; ?>', "Karies"),  # the <h1>
        ("<?php $title = $post->title; ?>", None),
        ('<?php $heading = "<?php echo $x ?>"; ?>', None),
        ("<?php $title = 'A' . $name; ?>", None),
    ],
)
def test_template_title_hints(source: str, hint: str | None) -> None:
    assert strip_server_code(source).title_hint == hint


@pytest.mark.parametrize(
    ("source", "visible"),
    [
        (
            '<a href="<?php echo $url; ?>/x" title="<?= $t ?>">Read more</a>',
            '<a href=" /x" title=" ">Read more</a>',
        ),
        ("<p>Pain<% if (x) { %> eases<% } %>.</p>", "<p>Pain eases .</p>"),
        ("<p>{* old text *}Rest {$name}{if $a}first{/if}.</p>", "<p> Rest first .</p>"),
        ("<p>{{-- note --}}Ice {{ $x }} and {!! $y !!} rest.</p>", "<p> Ice and rest.</p>"),
        ("<p>Mail info@clinic.com or @handle, pay 50% of {{ cost }}.</p>", None),
        ("<p>Email us at hello@ifclinic.com</p>", "<p>Email us at hello@ifclinic.com</p>"),
        ('<script type="application/ld+json">{"@type": "Article"}</script>', None),
        # a translation call prints the page's own words: they stay, its key and code go
        (
            "<h2>{{ __(\"Plantar Wart\") }}</h2><p>{{ __('It\\'s viral') }}</p>",
            "<h2> Plantar Wart </h2><p> It's viral </p>",
        ),
        (
            "<p>@lang('Ice and rest.') {{ trans('messages.cta') }}{{ 'Rest.'|trans }}</p>",
            "<p> Ice and rest. Rest. </p>",
        ),
    ],
)
def test_server_code_goes_and_visible_text_stays(source: str, visible: str | None) -> None:
    stripped = strip_server_code(source).text
    if visible is None:
        assert "info@clinic.com" in stripped or '{"@type": "Article"}' in stripped
    else:
        assert re.sub(r"\s+", " ", stripped) == visible


@pytest.mark.parametrize(
    ("source", "visible"),
    [
        ('<h2>{{ __("Plantar warts") }}</h2>', "<h2> Plantar warts </h2>"),  # Laravel Blade
        ("<p>{!! __('Rest, don\\'t run.') !!}</p>", "<p> Rest, don't run. </p>"),
        ("<p><?php _e('Ice the knee.', 'clinic'); ?></p>", "<p> Ice the knee. </p>"),  # WordPress
        ("<p><?php echo esc_html__( 'Rest', 'clinic' ) ?></p>", "<p> Rest </p>"),
        ('<p><?= __("Walk :n km", ["n" => 2]) ?></p>', "<p> Walk :n km </p>"),
        ("<p>{{ _('Rest') }} and {{ gettext(\"ice\") }}</p>", "<p> Rest and ice </p>"),  # Jinja
        ('<p>{% trans "Rest" %} {% translate "ice" %}</p>', "<p> Rest ice </p>"),  # Django
        ("<p>@lang('Rest') {{ 'ice'|trans }}</p>", "<p> Rest ice </p>"),  # Blade, Twig
        # a message key names words kept elsewhere; any other expression is code
        ("<p>{{ __('messages.welcome') }}{{ trans('nav_home') }}{{ __($x) }}</p>", "<p> </p>"),
    ],
)
def test_a_translated_string_is_the_pages_own_words(source: str, visible: str) -> None:
    """A translation call prints its literal (or the literal's translation): the words stay
    and the call goes, in each template language that has one."""
    assert re.sub(r"\s+", " ", strip_server_code(source).text) == visible


def test_an_unclosed_php_block_at_the_end_is_code() -> None:
    assert strip_server_code(
        "<p>Rest and ice.</p>\n<?php include 'footer.php';\n"
    ).text.strip() == ("<p>Rest and ice.</p>")


@pytest.mark.parametrize(
    ("source", "visible"),
    [
        ("<p>Rest {{ and }} ice {{ and heat.</p>", "<p>Rest ice {{ and heat.</p>"),
        ("<p>A {# b <% c %> d</p>", "<p>A {# b d</p>"),  # an unclosed comment is text
        ("<p>{{ a }}{{ b }} c {{ d</p>", "<p> c {{ d</p>"),
        ("<p>x <%-- y --%> z {* w *}</p>", "<p>x z </p>"),
    ],
)
def test_spans_are_closed_by_their_own_marker_and_unclosed_openers_stay(
    source: str, visible: str
) -> None:
    assert re.sub(r"\s+", " ", strip_server_code(source).text) == visible


@pytest.mark.parametrize(
    ("source", "visible"),
    [
        ('<P>Rest<JSP:INCLUDE page="a.jsp"/> and ice</CFOUTPUT>.</P>', "<P>Rest and ice .</P>"),
        ("<p>Rest @php $a = 1; @endphp and ice.</p>", "<p>Rest and ice.</p>"),
        ("<p>Rest ${post.rest} and #{msg.ice} ice.</p>", "<p>Rest and ice.</p>"),
        ("<p>{# <?php echo $a ?> #}Rest and ice.</p>", "<p> Rest and ice.</p>"),
        ('<?xml version="1.0"?><p>Rest and ice.</p>', '<?xml version="1.0"?><p>Rest and ice.</p>'),
        ("<p>Rest <fb:like></fb:like> and ice.</p>", "<p>Rest <fb:like></fb:like> and ice.</p>"),
        ("<p>Cost: $ {5} and # {6}</p>", "<p>Cost: $ {5} and # {6}</p>"),
        # an expression whose "{" also opens a comment or a tag: both are looked for
        ("<p>Rest #{*x} and ${!y} ice.</p>", "<p>Rest and ice.</p>"),
        ("<p>Rest ${{a}} {{b}} ice.</p>", "<p>Rest $ ice.</p>"),
        ("<p>Rest {$a.b} {IF $x}and{/IF} ice.</p>", "<p>Rest and ice.</p>"),
    ],
)
def test_the_quick_looks_for_code_miss_none_and_find_only_code(source: str, visible: str) -> None:
    """Each kind of code is looked for only on a page that holds its opening characters (in
    any case, for tags), and code that only a comment held is gone with the comment."""
    assert re.sub(r"\s+", " ", strip_server_code(source).text) == visible


UNCLOSED = ["{{ a ", "<% ", "{# ", '<c:out "', "<cfset ", "@if('", "@if(", "${a", "{include a"]
UNCLOSED += ['{{ __("a ', "<?php _e('", "{% trans '"]  # translation calls


def test_a_page_of_unclosed_template_openers_reads_in_one_pass(tmp_path: Path) -> None:
    """200 KB of openers without closers: each search stops at the next opener, so the page is
    read at once (a search to the end from each opener took minutes), in a real process
    that the timeout ends if it hangs."""
    page = tmp_path / "openers.html"
    body = "".join(opener * 2500 for opener in UNCLOSED)
    page.write_text(f"<html><body><article><p>{body}</p></article></body></html>")
    code = "import sys; from pipeline.extract.templates import strip_server_code as s; "
    code += "print(len(s(open(sys.argv[1]).read()).text))"
    result = subprocess.run(
        [sys.executable, "-c", code, str(page)],
        capture_output=True,
        text=True,
        timeout=60,
        env=child_env(),
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 100_000  # the unclosed openers stay as text


# --- articles kept in JSX, in a CMS's front matter, under TOML front matter -------------------


def test_a_jsx_component_is_read_as_its_markup() -> None:
    page = read_file(DATA / "component.jsx")
    assert page.kind == "jsx"
    article = extract_article(page)
    assert article.title == "Shin Splints: Why Your Shins Hurt After Running"
    kinds = [(b.kind, b.text) for b in article.blocks]
    assert ("heading", "What helps") in kinds
    assert ("item", "Cut your running by half for two weeks.") in kinds
    assert ("item", "Calf raises, three sets of fifteen.") in kinds
    text = all_text(article)
    assert "when training increases too quickly." in text
    for code in ("import", "useState", "className", "year", "Old intro", "=>", "{", "}"):
        assert code not in text


@pytest.mark.parametrize(
    ("name", "title", "kept", "code"),
    [
        (
            "component.vue",
            "Plantar Fasciitis: Why Your Heel Hurts in the Morning",
            ["Stretch the calf against a wall, three times a day.", "ask us @ the front desk."],
            ["Hidden tip", "SiteHeader", "font-size", "tip.text", "const", "onScroll", "{", "}"],
        ),
        (
            "component.svelte",
            "Tennis Elbow: Why the Outside of Your Elbow Aches",
            ["Squeeze a soft ball ten times, twice a day.", "for two weeks."],
            ["Code note", "Header", "color: teal", "#if", "/each", "open", "{", "}"],
        ),
        (
            "component.astro",
            "Frozen Shoulder: Why Your Shoulder Will Not Lift",
            ["Swing the arm like a pendulum for a minute, three times a day."],
            ["Frontmatter code", "import", "Layout", "client:load", "{", "}", "---"],
        ),
    ],
)
def test_a_vue_svelte_or_astro_component_is_read_as_its_markup(
    name: str, title: str, kept: list[str], code: list[str]
) -> None:
    page = read_file(DATA / name)
    assert page.kind == "component"
    article = extract_article(page)
    assert article.title == title
    assert [b.kind for b in article.blocks].count("item") >= 2
    text = all_text(article)
    for words in kept:
        assert words in text
    for leak in code:
        assert leak not in text


def test_a_component_file_runs_end_to_end(tmp_path: Path) -> None:
    """The command line takes a .vue file as it takes a .jsx one: a set, exit 0, no error."""
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(DATA / "component.vue"), "-o", "out", "-q"],
        cwd=tmp_path,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    (post,) = (tmp_path / "out").glob("*/post.json")
    assert "Plantar Fasciitis" in post.read_text(encoding="utf-8")


def test_a_prosemirror_document_in_front_matter_is_the_article() -> None:
    article = extract_article(read_file(DATA / "statamic-entry.md"))
    assert article.title == "Bruxism"
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("heading", "What is bruxism?"),
        (
            "paragraph",
            "Bruxism is the clenching or grinding of the teeth, mostly at night. Many people "
            "only notice it when their partner hears the grinding or their jaw muscles ache in "
            "the morning.",
        ),
        ("heading", "How we treat it"),
        ("item", "A custom night guard that protects the enamel while you sleep."),
        ("item", "Relaxation exercises for the jaw muscles before bed."),
    ]


def test_toml_front_matter_gives_the_metadata() -> None:
    source = (
        '+++\ndate = 2023-08-26T10:00:00+01:00\nauthor = "Ana Ruiz"\n'
        'title = "Qué es la distimia"\ntags = ["a", "b"]\n[thumbnail]\nimage = "x.jpg"\n+++\n\n'
        + "La distimia es una forma de depresión crónica que dura al menos dos años. "
        * 4
    )
    article = extract_article(Page(origin="post.md", text=source, kind="markdown"))
    assert (article.title, article.author, article.date) == (
        "Qué es la distimia",
        "Ana Ruiz",
        "2023-08-26",
    )
    assert "+++" not in all_text(article) and "thumbnail" not in all_text(article)


def test_hostile_yaml_front_matter_is_read_key_by_key_at_once() -> None:
    """Aliases that expand to gigabytes ("billion laughs") and 20,000-deep nesting are never
    handed to the YAML parser: the keys are read line by line, and the title survives."""
    from pipeline.extract.frontmatter import split_front_matter

    laughs = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 9))
    bomb = '---\nl0: &l0 ["lol", "lol"]\n' + laughs + "title: Knee pain\n---\nBody text.\n"
    deep = "---\ntitle: Knee pain\nx: " + "[" * 20000 + "]" * 20000 + "\n---\nBody text.\n"
    for text in (bomb, deep):
        meta, body = split_front_matter(text)
        assert meta["title"] == "Knee pain" and body == "Body text.\n"


def test_a_page_whose_every_string_is_translated_is_read(tmp_path: Path) -> None:
    """A Blade page that wraps every visible string in `{{ __("…") }}` for the site's other
    language is an article, not a page without text."""
    words = ["Heel pain", WORDS, "Why it happens", WORDS.replace("Runners", "Walkers")]
    tags = ["h2", "p", "h4", "p"]
    body = "".join(f'<{t}>{{{{ __("{w}") }}}}</{t}>' for t, w in zip(tags, words, strict=True))
    page = tmp_path / "heel.blade.php"
    page.write_text(f"@include('head')<body><article>{body}</article></body>")
    article = extract_article(read_file(page))
    assert "Why it happens" in [b.text for b in article.blocks if b.kind == "heading"]
    assert article.title == "Heel pain"
    assert WORDS in all_text(article)
