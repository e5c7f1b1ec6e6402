"""A post kept in a Ruby data file (a Rails seed): rubylex.py reads the strings and their keys,
rubydata.py makes the first post a page. Every seed here is made up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.extract.article import extract_article
from pipeline.extract.rubydata import key_role, ruby_page
from pipeline.extract.rubylex import ruby_strings
from pipeline.load.source import read_file
from pipeline.models import Article, ExtractError, Page
from tests.hostile import child_env

DATA = Path(__file__).parent / "data" / "extract" / "ruby"
LONG = (
    "Shoulder tendinitis is the irritation of the rotator cuff tendons. It hurts when the arm "
    "is raised above the head and at night, when lying on the painful side. Rest from "
    "overhead work and a graded exercise plan settle most cases within a few weeks."
)


def ruby(source: str) -> Article:
    return extract_article(Page(origin="seed.rb", text=source, kind="ruby", path="seed.rb"))


def kinds(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in article.blocks]


def all_text(article: Article) -> str:
    return "\n".join([article.title, *(b.text for b in article.blocks)])


def run(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(source), "-o", str(out), "-q"],
        cwd=out.parent,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_seeds_html_heredoc_is_read_as_html() -> None:
    """`post = { title: '…', body: <<BODY … BODY }`: the title is the headline, the body's
    markup gives headings and items; the slug, the image's address, the tags and the date
    are code."""
    page = read_file(DATA / "esguinces.rb")
    assert page.kind == "ruby"
    article = extract_article(page)
    assert article.title == "Esguince de tobillo: qué es y cómo se trata"
    assert ("heading", "Síntomas") in kinds(article)
    assert ("item", "Ejercicios de equilibrio y fuerza para recuperar la estabilidad.") in kinds(
        article
    )
    text = all_text(article)
    for code in ("esguince-de-tobillo", "example.test", "2023", "tobillo esguince", "BODY"):
        assert code not in text


def test_a_markdown_heredoc_is_read_as_markdown_and_only_the_first_post() -> None:
    article = extract_article(read_file(DATA / "knee_posts.rb"))
    assert article.title == "Knee pain in runners"
    assert article.description == "Why knees hurt after a run, and what helps."
    assert kinds(article)[1:4] == [
        ("heading", "Symptoms"),
        ("item", "A dull ache around or behind the kneecap"),
        ("item", "Pain on stairs or after sitting for a long time"),
    ]
    assert kinds(article)[-1] == (
        "paragraph",
        "Strengthening the hips and thighs spreads the load. Rest alone rarely fixes it; "
        "a graded return to running does.",
    )
    text = all_text(article)
    for other in ("Shin splints", "Jane Roe", "knee.jpg", "Interpolated", "##", "**"):
        assert other not in text


def test_a_seed_that_makes_users_and_categories_first_gives_its_first_post() -> None:
    """Hash rockets, a quoted key and a `%Q{…}` body whose continued lines are indented like
    the code: two paragraphs, not a code block; the category's description is not the post."""
    article = extract_article(read_file(DATA / "seeds.rb"))
    assert article.title == "Tendinitis rotuliana"
    assert article.description == "El dolor bajo la rótula de quien salta."
    assert [kind for kind, _ in kinds(article)] == ["paragraph", "paragraph"]
    assert article.blocks[0].text.endswith("como el baloncesto o el voleibol.")
    text = all_text(article)
    for other in ("Pubalgia", "admin", "changeme", "Lesiones deportivas", "Artículos"):
        assert other not in text


def test_plain_strings_with_escapes_make_paragraphs() -> None:
    source = (
        'Post.create!(:title => "Tendinitis del hombro", :text => "'
        + LONG.replace(". ", ".\\n\\n", 1)
        + ' \\u00e9l #{author.name}")\n'
    )
    article = ruby(source)
    assert article.title == "Tendinitis del hombro"
    assert kinds(article) == [
        ("paragraph", "Shoulder tendinitis is the irritation of the rotator cuff tendons."),
        ("paragraph", LONG.split(". ", 1)[1] + " él"),
    ]


def test_attributes_set_in_a_block_are_one_post_each() -> None:
    """`p.title = …; p.body = …` in one block, then again in the next: the first post."""
    source = (
        'Post.find_or_create_by!(slug: "hombro") do |p|\n'
        '  p.title = "Tendinitis del hombro"\n'
        '  p.body = <<-EOS.gsub(/\\s+/, " ").strip\n'
        f"    {LONG}\n"
        "    EOS\n"
        "end\n"
        'Post.find_or_create_by!(slug: "codo") do |p|\n'
        '  p.title = "Epicondilitis"\n'
        f"  p.body = '{LONG.replace('Shoulder', 'Elbow')}'\n"
        "end\n"
    )
    article = ruby(source)
    assert article.title == "Tendinitis del hombro"
    assert kinds(article) == [("paragraph", LONG)]


def test_a_rails_model_has_no_article_text() -> None:
    with pytest.raises(ExtractError, match="no article text"):
        extract_article(read_file(DATA / "post.rb"))


def test_a_heredoc_left_open_runs_to_the_end_less_the_code_that_closes_it() -> None:
    article = extract_article(read_file(DATA / "open_heredoc.rb"))
    assert article.title == "Plantar fasciitis"
    assert [kind for kind, _ in kinds(article)] == ["paragraph", "paragraph"]
    text = all_text(article)
    for code in ("HTM", "end", ")"):
        assert code not in text


@pytest.mark.parametrize(
    "source",
    [
        "",
        "Post.create!(title: 'Sin cuerpo')",
        "post = { title: 'x', body: <<~HTML",
        "x = 'never closed",
        "body: %Q{never closed",
        'body: "#{never closed',
        "Post.create!(body: File.read(Rails.root.join('db/seeds/posts/esguince.html')))",
        'body = "' + '#{"' * 3000,  # interpolations nested past any real file: no recursion error
    ],
)
def test_a_file_without_an_article_is_refused_with_the_usual_error(source: str) -> None:
    with pytest.raises(ExtractError, match="no article text found"):
        ruby(source)


def test_the_command_line_runs_a_seed_and_refuses_a_model(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(DATA / "esguinces.rb", out)
    assert result.returncode == 0, result.stderr
    (post,) = out.glob("*/post.json")
    assert "Esguince de tobillo" in post.read_text(encoding="utf-8")
    result = run(DATA / "post.rb", out)
    assert result.returncode == 1
    assert "no article text found" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("t = 'It\\'s a \\\\ \\n'", [("t", "It's a \\ \\n")]),
        ('t = "tab\\there #{x} \\u00e9\\u{1F600}"', [("t", "tab\there  é\U0001f600")]),
        ("t = %q(a (nested) #{x})", [("t", "a (nested) #{x}")]),
        ("a = <<~'A' + 'b'\n  #{raw}\n A\n", [("a", "#{raw}\nb")]),
        (
            "f(x: <<~A, y: <<-B)\n  one\nA\n  two\n  B\nz: 'three'",
            [("x", "one\n"), ("y", "  two\n"), ("z", "three")],
        ),
        ('"title" => "A", :body => "B", "c": "C"', [("title", "A"), ("body", "B"), ("c", "C")]),
        ("a = 'x' \\\n  'y' + \"z\"", [("a", "xyz")]),
        ("# title: 'no'\n=begin\nbody: 'no'\n=end\ntitle: 'yes'", [("title", "yes")]),
        ("s.gsub(/['\"]/, ''); w = %w[a b]; n = 10 / 2; t = 'ok'", [("", ""), ("t", "ok")]),
        (
            "body: Content.new(\"x\"), tags: ['a', 'b']",
            [("body", "x"), ("tags", "a"), ("tags", "b")],
        ),
        ("x = cond ? 'yes' : 'no'", [("", "yes"), ("", "no")]),
        ("title: 'a'\n__END__\ntitle: 'b'", [("title", "a")]),
        ("b = <<TXT\n  one\n  TXT\nc = 'two'", [("b", "  one\n"), ("c", "two")]),
    ],
)
def test_ruby_strings_and_their_keys(source: str, expected: list[tuple[str, str]]) -> None:
    assert [(s.key, s.text) for s in ruby_strings(source)] == expected


@pytest.mark.parametrize(
    ("key", "role"),
    [
        ("title", "title"),
        ("titulo", "title"),
        ("title_es", "title"),
        ("subtitle", "heading"),
        ("body", "body"),
        ("body_html", "body"),
        ("content", "body"),
        ("contenido", "body"),
        ("bodyMarkdown", "body"),
        ("excerpt", "summary"),
        ("description", "summary"),
        ("meta_title", "meta-title"),
        ("seo_description", "meta-description"),
        ("tips", "list"),
        ("slug", ""),
        ("image_url", ""),
        ("button_text", ""),
        ("author", ""),
        ("published_at", ""),
        ("category_id", ""),
    ],
)
def test_key_roles(key: str, role: str) -> None:
    assert key_role(key) == role


def test_a_seed_page_keeps_its_origin_and_path() -> None:
    page = Page(origin="db/seeds/posts/x.rb", text=f"post = {{ body: '{LONG}' }}", kind="ruby")
    converted = ruby_page(page)
    assert (converted.kind, converted.origin) == ("markdown", "db/seeds/posts/x.rb")
    assert LONG in converted.text


def test_a_post_in_several_languages_gives_its_first_language_and_its_sections() -> None:
    """`title: { es: …, en: … }` and `body: { es: <<~MD, en: <<~MD }`: the Spanish post, with
    its sections' headings, texts and items (a list's short strings are items)."""
    source = (
        "Post.create!(\n"
        '  slug: "ciatica",\n'
        '  title: { es: "Ciática: por qué duele la pierna", en: "Sciatica: why the leg hurts" },\n'
        "  body: {\n"
        "    es: <<~MD,\n"
        "      La ciática es el dolor que baja desde la zona lumbar por la nalga y la parte de\n"
        "      atrás de la pierna, casi siempre en un solo lado.\n\n"
        "      Suele deberse a una hernia discal que irrita el nervio ciático.\n"
        "    MD\n"
        "    en: <<~MD\n"
        "      Sciatica is pain that runs from the low back through the buttock and the leg.\n"
        "    MD\n"
        "  },\n"
        "  sections: [\n"
        '    { heading: "Síntomas", text: "Dolor punzante u hormigueo que baja hasta el pie." },\n'
        '    { heading: "Tratamiento", items: ["Terapia manual", "Ejercicio progresivo"] }\n'
        "  ]\n"
        ")\n"
    )
    article = ruby(source)
    assert article.title == "Ciática: por qué duele la pierna"
    assert kinds(article)[1:] == [
        ("paragraph", "Suele deberse a una hernia discal que irrita el nervio ciático."),
        ("heading", "Síntomas"),
        ("paragraph", "Dolor punzante u hormigueo que baja hasta el pie."),
        ("heading", "Tratamiento"),
        ("item", "Terapia manual"),
        ("item", "Ejercicio progresivo"),
    ]
    assert "Sciatica" not in all_text(article)


def test_keys_that_end_with_a_language_give_the_first_language() -> None:
    body = f"<p>{LONG}</p>"
    source = (
        'post = Post.new(slug: "hombro")\n'
        'post.title_es = "Tendinitis del hombro"\n'
        'post.title_en = "Shoulder tendinitis"\n'
        f'post.body_es = "{body}"\n'
        'post.body_en = "<p>In English, another text altogether for the same post.</p>"\n'
        "post.save!\n"
    )
    article = ruby(source)
    assert (article.title, kinds(article)) == ("Tendinitis del hombro", [("paragraph", LONG)])


def test_a_markdown_body_that_opens_with_a_heading_and_links_out_is_the_article() -> None:
    """Markdown marks and addresses are not what makes a body code: a body that starts with
    `## …` and links to a paper is read; one <br> in it does not make it HTML."""
    source = (
        'Post.create!(title: "Hombro congelado", body: <<~MD)\n'
        "  ## Qué es\n\n"
        f"  {LONG}<br>\n"
        "  Más en [este estudio](https://example.test/estudio).\n\n"
        "  ## Cómo se trata\n\n"
        "  Con ejercicio suave y paciencia: mejora en meses.\n"
        "MD\n"
    )
    article = ruby(source)
    assert [kind for kind, _ in kinds(article)] == ["heading", "paragraph", "heading", "paragraph"]
    assert kinds(article)[0] == ("heading", "Qué es")
    assert "este estudio" in article.blocks[1].text
