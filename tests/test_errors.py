"""Bad input found by the QA review: each gives one clear `Error: ...` line and exit 1 (never a
traceback, never a misleading message), or a quiet stop when stdout's reader goes away."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from pipeline.brand import load_brand, resource_dir
from pipeline.cli import main
from pipeline.commands.batch import expand_sources
from pipeline.models import ConfigError
from pipeline.render.looks import load_template
from tests.conftest import KNEE, SAMPLES
from tests.folders import run_sample

HEADACHES = SAMPLES / "tension-headaches.md"


@pytest.mark.parametrize(
    ("command", "source", "message"),
    [
        ("digest", "{tmp}/nonexist", "{tmp}/nonexist: no such file"),
        ("extract", "{tmp}/gone.html", "{tmp}/gone.html: no such file"),
        (
            "digest",
            "ftp://host/x",
            "ftp://host/x: unsupported URL scheme 'ftp' (use http or https)",
        ),
        ("run", "ftp://host/x", "ftp://host/x: unsupported URL scheme 'ftp' (use http or https)"),
        ("run", "{tmp}/gone.md", "{tmp}/gone.md: no such file"),
    ],
)
def test_bad_source_is_exactly_one_error_line(
    command: str, source: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [command, source.format(tmp=tmp_path)]
    args += ["-o", str(tmp_path / "out")] if command == "run" else []
    assert main(args) == 1
    assert capsys.readouterr().err == f"Error: {message.format(tmp=tmp_path)}\n"


def test_article_saved_as_txt_is_not_read_as_a_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("hello\n\nHeel pain is common in runners, and it often eases with rest.\n")
    assert main(["run", str(article), "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        f"Error: {article}: not a list of sources (one URL or file per line; line 1 is neither)\n"
    )


def test_list_lines_may_end_in_a_comment(tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(
        "tension-headaches.md  # note\nhttps://clinic.example/a#part\t# the anchor stays\n"
    )
    assert expand_sources([str(urls)]) == [
        str(tmp_path / "tension-headaches.md"),
        "https://clinic.example/a#part",
    ]


def test_a_list_may_name_templates_and_components(tmp_path: Path) -> None:
    """Every file `run` reads may stand in a list, not only HTML and Markdown."""
    urls = tmp_path / "sources.txt"
    names = ["heel.php", "knee.jsx", "Headache.js", "back.vue", "post.mdx"]
    urls.write_text("\n".join(names) + "\n")
    assert expand_sources([str(urls)]) == [str(tmp_path / name) for name in names]


def test_one_source_summary_is_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(KNEE), "-o", str(tmp_path)]) == 0
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith("1 article, ") and " images in " in last


def test_batch_lists_each_failure_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gone = tmp_path / "gone.html"
    assert main(["run", str(gone), str(HEADACHES), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count(f"{gone}: no such file") == 1
    assert err.endswith(f"Error: 1 of 2 sources failed:\n  {gone}: no such file\n")
    assert "\n1 article, " in err


def test_closed_stdout_stops_quietly(tmp_path: Path) -> None:
    """`repurpose extract BIG.html | head -c 100`: no BrokenPipeError traceback."""
    paragraph = "<p>" + "Heel pain often starts slowly and eases with rest and stretching. " * 40
    big = tmp_path / "big.html"
    big.write_text(
        f"<html><body><article><h1>Heel pain</h1>{paragraph * 60}</article></body></html>"
    )
    code = "import sys; from pipeline.cli import main; sys.exit(main())"
    with subprocess.Popen(
        [sys.executable, "-c", code, "extract", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert len(process.stdout.read(100)) == 100
        process.stdout.close()
        err = process.stderr.read().decode()
        process.wait(timeout=60)
    assert err == ""


# --- layouts and brand kits ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[cover]\ncanvas = [0, -5]\n", "'cover.canvas' must be above 0, not [0, -5]"),
        ("[quote.mark]\nsize = 0\n", "'quote.mark.size' must be above 0, not [0]"),
        ("[quote.logo]\nheight = -48\n", "'quote.logo.height' must be above 0, not [-48]"),
        ('[background]\ntype = "gradient"\n', "'background.to' is needed for a gradient"),
        (
            '[cover.background]\ntype = "gradient"\n',
            "'cover.background.to' is needed for a gradient",
        ),
    ],
)
def test_layout_errors_name_the_key_as_written(toml: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(f'extends = "calm"\n{toml}')
    with pytest.raises(ConfigError) as caught:
        load_template(str(path))
    assert str(caught.value) == f"layout mine.toml: {message}"


def test_brand_logo_that_is_not_an_image(tmp_path: Path) -> None:
    kit = tmp_path / "brand.toml"
    kit.write_text('logo = "logo.png"\n' + (resource_dir("templates") / "brand.toml").read_text())
    (tmp_path / "logo.png").write_text("not a picture\n")
    with pytest.raises(ConfigError) as caught:
        load_brand(kit)
    logo = (tmp_path / "logo.png").resolve()
    assert str(caught.value) == (
        f"brand kit {kit}: logo file {logo} is not an image Pillow can read (use a PNG)"
    )


def test_render_when_the_recorded_logo_is_gone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = tmp_path / "brand.toml"
    kit.write_text('logo = "logo.png"\n' + (resource_dir("templates") / "brand.toml").read_text())
    Image.new("RGBA", (200, 80), (200, 0, 0, 255)).save(tmp_path / "logo.png")
    folder = run_sample(tmp_path / "out", "--brand", str(kit), sample=HEADACHES)
    (tmp_path / "logo.png").write_text("not a picture any more\n")
    assert main(["render", str(folder)]) == 0
    note = "post.json records no usable brand kit: drew with the bundled one (give --brand FILE)"
    assert f"  note: {note}" in capsys.readouterr().err.splitlines()


def test_output_folder_that_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    afile = tmp_path / "afile"
    afile.write_text("")
    assert main(["run", str(HEADACHES), "-o", str(afile)]) == 1
    assert capsys.readouterr().err == f"Error: {afile} is a file: give -o a folder\n"
    out = tmp_path / "out"
    out.mkdir()
    taken = out / "tension-headaches-why-your-neck-may-be-part-of-the-story"
    taken.write_text("a file where the post's folder would go")
    assert main(["run", str(HEADACHES), "-o", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"Error: {taken} is not a folder: move it away, or give another -o\n"
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("disclaimer = 5", "'disclaimer' must be text in quotes"),
        ("name = { a = 1 }", "'name' must be text in quotes"),
        ('hashtags = "Acupuncture"', "'hashtags' must be a list of texts, e.g. [\"Acupuncture\"]"),
        ('fonts = "Inter"', "[fonts] must be a table of font file names"),
    ],
)
def test_brand_kit_values_of_the_wrong_kind(line: str, message: str, tmp_path: Path) -> None:
    bundled = (resource_dir("templates") / "brand.toml").read_text()
    key = line.split()[0]
    top = bundled.split("\n[fonts]")[0].splitlines()  # [fonts] is last; the defaults do
    kept = [text for text in top if not text.startswith(f"{key} ")]
    kit = tmp_path / "brand.toml"
    kit.write_text("\n".join([line, *kept]) + "\n")
    with pytest.raises(ConfigError) as caught:
        load_brand(kit)
    assert str(caught.value) == f"brand kit {kit}: {message}"


def test_brand_kit_font_file_missing(tmp_path: Path) -> None:
    kit = tmp_path / "brand.toml"
    kit.write_text(
        (resource_dir("templates") / "brand.toml")
        .read_text()
        .replace('sans = "Inter-Regular.otf"', 'sans = "Missing.otf"')
    )
    with pytest.raises(ConfigError) as caught:
        load_brand(kit)
    missing = resource_dir("fonts") / "Missing.otf"
    assert str(caught.value) == f"brand kit {kit}: font file {missing} for 'fonts.sans' not found"


def test_kits_and_layouts_that_are_not_utf8(tmp_path: Path) -> None:
    kit, layout = tmp_path / "brand.toml", tmp_path / "look.toml"
    kit.write_bytes(b'name = "Caf\xe9 Clinic"\n')
    layout.write_bytes(b'description = "Caf\xe9"\n')
    with pytest.raises(ConfigError, match=r"^brand kit .* is not UTF-8 text: save it as UTF-8$"):
        load_brand(kit)
    with pytest.raises(
        ConfigError, match=r"^layout .*look\.toml is not UTF-8 text: save it as UTF-8$"
    ):
        load_template(str(layout))
