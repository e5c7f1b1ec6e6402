"""Rendering: goldens within a tolerance, the brand kit and layout checks, scripts and emoji."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from typing import cast

import pytest
from PIL import Image, ImageCms, features

from pipeline.brand import emoji_font, load_brand, resource_dir
from pipeline.cli import main
from pipeline.models import Card, CardKind, ConfigError
from pipeline.render import card as render
from pipeline.render import measure
from pipeline.render.backgrounds import check_template_contrast
from pipeline.render.card import render_card
from pipeline.render.looks import load_template
from tests.conftest import KNEE
from tests.imagecompare import GOLDEN_DIR, assert_matches_golden, updating

DATA = Path(__file__).resolve().parent / "data" / "render"
HANDLE = "@viveenergymedicine"
KOREAN = "무릎 통증은 근육 불균형 때문일 수 있습니다. 침 치료가 도움이 될 수 있어요."


def test_raqm_layout_is_active() -> None:
    assert features.check("raqm"), "Pillow has no raqm: install libfribidi0 (make setup does)"


# ---- goldens ------------------------------------------------------------------------------


def test_knee_pain_set_matches_goldens(tmp_path: Path) -> None:
    """The whole sample set, end to end, in the default (calm) look."""
    assert main(["run", str(KNEE), "-o", str(tmp_path), "-q"]) == 0
    (folder,) = [p for p in tmp_path.iterdir() if not p.name.startswith(".")]
    files = sorted(p.name for p in folder.glob("*.jpg"))
    golden = GOLDEN_DIR / "knee-pain"
    if not updating():
        assert files == sorted(p.name for p in golden.glob("*.jpg"))
    for name in files:
        assert_matches_golden((folder / name).read_bytes(), f"knee-pain/{name}", tmp_path / "fail")


@pytest.mark.parametrize(
    ("template", "card"),
    [
        (
            "bold",
            Card("point", "korean.jpg", KOREAN, kicker="증상 Symptom", footer=HANDLE,
                 counter="2 / 7"),
        ),
        (
            "photo",
            Card("quote", "quote-square.jpg", "The key to treating the patient’s chronic knee pain"
                 " was to restore muscle balance around the joint.", footer=HANDLE,
                 note="— from our blog: Knee pain and muscle balance", layout="quote_square"),
        ),
    ],
    ids=["korean-point-bold", "quote-square-photo"],
)  # fmt: skip
def test_single_cards_match_goldens(template: str, card: Card, tmp_path: Path) -> None:
    image = render_card(card, load_brand(), load_template(template))
    assert image.warnings == ()
    name = f"{template}-{card.file}"
    assert_matches_golden(image.jpeg, name, tmp_path / "fail")


# ---- output format ------------------------------------------------------------------------


def test_jpeg_is_baseline_srgb_and_small() -> None:
    card = Card("cover", "c.jpg", "Plantar Heel Pain: First Steps in the Morning", kicker="Clinic")
    image = render_card(card, load_brand(), png=True)
    with Image.open(io.BytesIO(image.jpeg)) as jpeg:
        assert jpeg.format == "JPEG" and jpeg.mode == "RGB"
        assert not jpeg.info.get("progressive") and not jpeg.info.get("progression")
        profile = ImageCms.ImageCmsProfile(io.BytesIO(jpeg.info["icc_profile"]))
        assert "sRGB" in ImageCms.getProfileDescription(profile)
    assert len(image.jpeg) < 8 * 1024 * 1024
    assert image.png is not None
    with Image.open(io.BytesIO(image.png)) as png:
        assert png.format == "PNG" and png.size == (1080, 1350)


def test_png_copies_from_the_cli(tmp_path: Path) -> None:
    assert main(["run", str(KNEE), "-o", str(tmp_path), "-q", "--png", "--look", "bold"]) == 0
    (folder,) = [p for p in tmp_path.iterdir() if not p.name.startswith(".")]
    for jpeg in folder.glob("*.jpg"):
        with Image.open(jpeg) as a, Image.open(jpeg.with_suffix(".png")) as b:
            assert a.size == b.size


def test_story_and_square_quote_sizes(tmp_path: Path) -> None:
    assert main(["run", str(KNEE), "-o", str(tmp_path), "-q"]) == 0
    (folder,) = [p for p in tmp_path.iterdir() if not p.name.startswith(".")]
    manifest = json.loads((folder / "post.json").read_text())
    sizes = {i["file"]: (i["kind"], i["width"], i["height"]) for i in manifest["images"]}
    assert sizes["story-01.jpg"] == ("story", 1080, 1920)
    assert sizes["quote-01-square.jpg"] == ("quote", 1080, 1080)


# ---- text the fonts cannot draw ------------------------------------------------------------


def test_missing_character_is_reported_not_drawn() -> None:
    card = Card("point", "p.jpg", "Rest \U0001f8ff the knee for a few days.", kicker="Rest")
    image = render_card(card, load_brand())
    assert image.texts[1] == "Rest the knee for a few days."
    assert any("U+1F8FF" in w for w in image.warnings)


def test_emoji_without_a_colour_font_are_dropped_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(measure, "emoji_font", lambda: None)
    card = Card("point", "p.jpg", "Stretch gently 🧘 every morning.", kicker="Stretching")
    image = render_card(card, load_brand())
    assert image.texts[1] == "Stretch gently every morning."
    assert any("no colour emoji font" in w for w in image.warnings)


def test_emoji_render_in_colour_when_the_font_is_installed() -> None:
    if emoji_font() is None:
        pytest.skip("no colour emoji font installed (make setup installs fonts-noto-color-emoji)")
    card = Card("point", "p.jpg", "🧡", kicker="Care")
    image = render_card(card, load_brand())
    assert image.warnings == () and image.texts[1] == "🧡"
    with Image.open(io.BytesIO(image.jpeg)) as jpeg:
        hsv = jpeg.convert("HSV").crop((96, 250, 984, 1130))
        saturation = cast(tuple[int, int], hsv.getchannel("S").getextrema())[1]
    assert saturation > 150  # the palette has no saturated colour: only the emoji is


def test_text_too_long_is_shortened_with_a_warning() -> None:
    sentence = "The patient reported ongoing knee pain when standing or walking for long periods, "
    card = Card("point", "p.jpg", sentence * 6 + "and at night.", kicker="Symptom")
    image = render_card(card, load_brand())
    assert image.texts[1].endswith(("…", "."))
    assert len(image.texts[1]) < len(card.text)
    assert any("shortened to fit" in w for w in image.warnings)


# ---- brand kit ----------------------------------------------------------------------------


def test_low_contrast_brand_is_refused_naming_the_pair() -> None:
    with pytest.raises(ConfigError, match=r"colors.text #999999 on colors.background #FFFFFF"
                       r" has contrast 2.85:1, below 4.5:1"):  # fmt: skip
        load_brand(DATA / "low-contrast-brand.toml")


def test_low_contrast_brand_from_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brand = str(DATA / "low-contrast-brand.toml")
    assert main(["run", str(KNEE), "-o", str(tmp_path), "--brand", brand]) == 1
    assert "has contrast 2.85:1" in capsys.readouterr().err
    args = ["run", str(KNEE), "-o", str(tmp_path), "-q", "--brand", brand, "--allow-low-contrast"]
    assert main(args) == 0


def test_bundled_templates_pass_their_contrast_check() -> None:
    brand = load_brand()
    for name in ("calm", "bold", "photo"):
        check_template_contrast(load_template(name), brand)


def test_text_straight_on_the_photo_is_refused(tmp_path: Path) -> None:
    """A look of the user's own, extending the bundled photo look without its solid panel."""
    weak = tmp_path / "weak.toml"
    weak.write_text('extends = "photo"\n[point]\npanels = []\n')
    with pytest.raises(ConfigError, match=r"look weak: .* has contrast .* below 4.5:1"):
        check_template_contrast(load_template(str(weak)), load_brand())


def test_logo_is_drawn_and_the_handle_moves_right(tmp_path: Path) -> None:
    shutil.copy(DATA / "logo.png", tmp_path / "logo.png")
    kit = (resource_dir("templates") / "brand.toml").read_text()
    (tmp_path / "brand.toml").write_text(kit.replace('# logo = "logo.png"', 'logo = "logo.png"'))
    brand = load_brand(tmp_path / "brand.toml")
    card = Card("point", "p.jpg", "Rest the knee.", kicker="Rest", footer=HANDLE, counter="2 / 7")
    with Image.open(io.BytesIO(render_card(card, brand).jpeg)) as jpeg:
        r, g, b = jpeg.getpixel((96 + 24, 1210 + 24))  # type: ignore[misc]
    assert abs(r - 164) < 12 and abs(g - 80) < 12 and abs(b - 42) < 12  # the logo's colour


# ---- layout files -------------------------------------------------------------------------


def copy_templates(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path in (resource_dir("templates") / "cards").iterdir():
        target = folder / path.name
        if path.is_dir():
            shutil.copytree(path, target)
        else:
            shutil.copy(path, target)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[cover]\ntitle = { size = 80 }", "unknown key 'cover.title'"),
        ("[point.text]\nalign = \"middle\"", "'point.text.align' is 'middle'; use one of"),
        ("[point.text]\ncolor = \"teal\"", "'point.text.color' is 'teal'; use #RRGGBB or one of"),
        ("[point.text]\nsize = [44, 64]", "'point.text.size' must not go below 48 px"),
        ("[quote.text]\nsize = [30, 40]", "'quote.text.size' must not go below 36 px"),
        ("[quote.note]\nsize = [32, 32]", "'quote.note.size' must not go below 36 px"),
        ("[closing.fine_print]\nsize = 34", "'closing.fine_print.size' must not go below 36"),
        ("[quote_square.note]\nbox = [100, 790, 806, 84]", "'quote_square.note.box' leaves"),
        ("[point.text]\ngrow = [[3]]", "'point.text.grow' must be a list of [words, px] pairs"),
        ("[point]\npanels = [{ box = [0, 0, 10] }]", "'point.panels.box' must be a list of 4"),
        ("[cover.text]\nsize = [60, 100]", "'cover.text.size' must not go below 72 px"),
        ("[cover.text]\nbox = [20, 250, 1000, 700]", "'cover.text.box' leaves the centre 1012 px"),
        ("[story.text]\nbox = [96, 100, 888, 900]", "'story.text.box' is outside the text area"),
        ("[quote.mark]\nsize = \"big\"", "'quote.mark.size' must be a whole number"),
        ("[background]\ntype = \"video\"", "'background.type' is 'video'"),
        ("[background]\ntype = \"image\"\nimage = \"no.jpg\"", "'background.image' file"),
        ("palette = \"sepia\"", "'palette' is 'sepia'; use one of: light, dark"),
        ("[point]\ncanvas = [1080]", "'point.canvas' must be a list of 2 numbers"),
    ],
)  # fmt: skip
def test_bad_layout_is_an_error_naming_the_key(toml: str, message: str, tmp_path: Path) -> None:
    copy_templates(tmp_path)
    bad = tmp_path / "bad.toml"
    bad.write_text(f'extends = "calm"\n{toml}\n')
    with pytest.raises(ConfigError, match="layout bad.toml: .*" + re.escape(message)):
        load_template(str(bad))


def test_unknown_template_lists_the_bundled_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(KNEE), "--look", "neon"]) == 1
    assert "Error: look 'neon' not found (bundled: bold, calm, photo)" in capsys.readouterr().err


def test_every_bundled_layout_keeps_text_out_of_the_story_edges() -> None:
    for name in ("calm", "bold", "photo"):
        story = load_template(name).layouts["story"]
        assert all(b.y >= 250 and b.y + b.height <= 1920 - 250 for b in story.boxes)


def test_gradient_background_runs_from_one_colour_to_the_other(tmp_path: Path) -> None:
    copy_templates(tmp_path)
    look = tmp_path / "dusk.toml"
    look.write_text(
        'extends = "bold"\n[background]\ntype = "gradient"\ncolor = "#17302A"\nto = "#0E1E1A"\n'
    )
    card = Card("point", "p.jpg", "Rest the knee.", kicker="Rest")
    with Image.open(
        io.BytesIO(render_card(card, load_brand(), load_template(str(look))).jpeg)
    ) as im:
        top, bottom = im.getpixel((10, 5)), im.getpixel((10, 1344))
    assert top != bottom
    assert all(abs(a - b) <= 6 for a, b in zip(top, (0x17, 0x30, 0x2A), strict=True))  # type: ignore[arg-type]
    assert all(abs(a - b) <= 6 for a, b in zip(bottom, (0x0E, 0x1E, 0x1A), strict=True))  # type: ignore[arg-type]


COLORS = (
    '[colors]\nbackground = "#F7F3EE"\ntext = "#1F3D36"\naccent = "#A4502A"\nmuted = "#4F5F5A"\n'
)


@pytest.mark.parametrize(
    ("kit", "message"),
    [
        ('name = "x"\ncolour = "red"\n', "unknown key 'colour'"),
        ('[colors]\nbackground = "#FFFFFF"\ntext = "#000000"\naccent = "#A4502A"\n',
         "[colors] is missing muted"),
        (COLORS.replace("#F7F3EE", "white"), "'colors.background' is 'white'; use #RRGGBB"),
        ('logo = "nowhere.png"\n' + COLORS, "logo file"),
        (COLORS + '[fonts]\nscript = "x.ttf"\n', "unknown font role 'fonts.script'"),
    ],
)  # fmt: skip
def test_bad_brand_kit_names_the_key(kit: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "brand.toml"
    path.write_text(kit)
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_brand(path)


LONG = (
    "The root cause of the patient’s knee pain wasn’t just joint degeneration but also muscle"
    " imbalances around the knee, which made standing, walking and climbing stairs harder"
    " for her every single day of the week; gentle exercise helped."
)


@pytest.mark.parametrize("template", ["calm", "bold"])
@pytest.mark.parametrize("layout", ["cover", "point", "closing", "quote", "quote_square", "story"])
def test_nothing_is_drawn_in_the_outer_margin(template: str, layout: str) -> None:
    """Long text in every field: the outer 56 px stay the plain background (nothing clipped)."""
    kind = cast(CardKind, layout.replace("_square", ""))
    card = Card(kind, "c.jpg", LONG, kicker="Strengthening exercises and mobility", footer=HANDLE,
                counter="10 / 10", note=LONG, fine_print=LONG, layout=layout)  # fmt: skip
    image = render_card(card, load_brand(), load_template(template), png=True)
    assert image.png is not None
    with Image.open(io.BytesIO(image.png)) as png:
        rgb = png.convert("RGB")
    width, height = rgb.size
    for box in ((0, 0, width, 56), (0, height - 56, width, height), (0, 0, 56, height),
                (width - 56, 0, width, height)):  # fmt: skip
        colors = rgb.crop(box).getcolors()
        assert colors is not None and len(colors) == 1, f"{layout}: something drawn in {box}"


@pytest.mark.parametrize("template", ["calm", "bold", "photo"])
def test_quote_mark_hangs_clear_of_the_text(template: str) -> None:
    brand = load_brand()
    for layout in (load_template(template).layouts[k] for k in ("quote", "quote_square")):
        mark, text = layout.mark, layout.box("text")
        assert mark is not None and text is not None
        font = render.load_font(brand.font_path(mark.role), mark.size)
        right = mark.x + font.getbbox("“", anchor="ls")[2]
        assert mark.x >= 72 and right + 12 <= text.x


def test_brand_kit_picks_its_own_layout_file(tmp_path: Path) -> None:
    copy_templates(tmp_path / "looks")
    (tmp_path / "looks" / "mine.toml").write_text('extends = "bold"\n')
    kit = (resource_dir("templates") / "brand.toml").read_text()
    (tmp_path / "brand.toml").write_text(kit.replace('look = "calm"', 'look = "looks/mine.toml"'))
    brand = load_brand(tmp_path / "brand.toml")
    assert load_template(brand.look).palette == "dark"


@pytest.mark.parametrize("template", ["calm", "bold", "photo"])
def test_square_quote_stays_inside_the_grid_crop(template: str) -> None:
    """The profile grid shows the centre 810 px of a square post: the mark and text stay in it."""
    card = Card("quote", "q.jpg", LONG, footer=HANDLE, note="— from our blog: Knee pain",
                layout="quote_square")  # fmt: skip
    image = Image.open(io.BytesIO(render_card(card, load_brand(), load_template(template)).jpeg))
    background = load_template(template).layouts["quote_square"].background
    for box in ((0, 0, 134, 1080), (946, 0, 1080, 1080)):
        strip = image.convert("L").crop(box)
        low, high = cast(tuple[int, int], strip.getextrema())
        if background.type == "solid":  # JPEG noise only: nothing drawn there
            assert high - low <= 12, f"{template}: something drawn in {box}"
    layout = load_template(template).layouts["quote_square"]
    assert layout.mark is not None and layout.mark.x >= 135
    assert all(b.x >= 135 and b.x + b.width <= 945 for b in layout.boxes)


@pytest.mark.parametrize("template", ["calm", "bold", "photo"])
def test_quote_source_drops_a_title_too_long_to_fit(template: str) -> None:
    title = "Could Chronic Joint Pain Be Improved by Treating Muscle Imbalance, Posture and Sleep?"
    card = Card("quote", "q.jpg", "Gentle exercise helped.", footer=HANDLE,
                note=f"— from our blog: {title} {title}")  # fmt: skip
    image = render_card(card, load_brand(), load_template(template))
    assert "— from our blog" in image.texts
    assert not any(text.startswith("— from our blog…") for text in image.texts)


def test_quote_source_keeps_a_title_that_fits() -> None:
    note = "— from our blog: Knee pain and muscle balance"
    card = Card("quote", "q.jpg", "Gentle exercise helped.", footer=HANDLE, note=note)
    assert note in render_card(card, load_brand(), load_template("calm")).texts


def test_bold_kicker_is_a_tag_in_the_accent_colour() -> None:
    brand = load_brand()
    accent = brand.palette("dark")["accent"]
    card = Card("cover", "p.jpg", "Gentle exercise helped.", kicker="Clinic", footer=HANDLE,
                counter="1 / 7")  # fmt: skip
    image = Image.open(io.BytesIO(render_card(card, brand, load_template("bold")).jpeg))
    box = load_template("bold").layouts["cover"].box("kicker")
    assert box is not None
    # just left of the first letter, inside the tag's padding
    pixel = cast(tuple[int, int, int], image.convert("RGB").getpixel((box.x - 8, box.y + 20)))
    expected = tuple(int(accent[i : i + 2], 16) for i in (1, 3, 5))
    assert all(abs(a - b) <= 12 for a, b in zip(pixel, expected, strict=True))


def test_photo_text_sits_on_its_panel_not_the_photo() -> None:
    brand = load_brand()
    card = Card("point", "p.jpg", "Gentle exercise helped.", kicker="Symptom", footer=HANDLE)
    image = Image.open(io.BytesIO(render_card(card, brand, load_template("photo")).jpeg))
    layout = load_template("photo").layouts["point"]
    panel = layout.panels[0]
    colors = image.convert("L").crop((panel.x + 8, panel.y + 8, panel.x + 40, panel.y + 40))
    low, high = cast(tuple[int, int], colors.getextrema())
    assert high - low <= 8  # a solid panel
    top = image.convert("L").crop((0, 0, 1080, panel.y))
    low, high = cast(tuple[int, int], top.getextrema())
    assert high - low > 40  # the photo shows above it


def test_text_half_off_its_panel_is_checked_against_both(tmp_path: Path) -> None:
    """Dark text straddling the edge of a dark panel on a light card is refused."""
    look = tmp_path / "half.toml"
    look.write_text(
        'extends = "calm"\n[point]\npanels = [{ box = [0, 200, 1080, 200], color = "text" }]\n'
    )
    with pytest.raises(ConfigError, match=r"look half: point.(kicker|text) .* below 4.5:1"):
        check_template_contrast(load_template(str(look)), load_brand())


@pytest.mark.parametrize(("role", "korean"), [("sans_semibold", "NanumSquareB.ttf"),
                                              ("sans_bold", "NanumSquareEB.ttf"),
                                              ("sans", "NanumSquareR.ttf")])  # fmt: skip
def test_korean_in_a_bold_role_uses_the_bold_korean_face(role: str, korean: str) -> None:
    """ "— from our blog: 계단을 …" in Inter SemiBold continues in NanumSquare Bold, not Regular."""
    from pipeline.render.glyphs import split_runs

    chain = render.font_chain(load_brand(), role)
    runs, _ = split_runs("— from our blog: 계단을 오를 때", chain)
    assert {run.font for run in runs} == {"main", "korean"}
    assert dict(chain)["korean"].name == korean


def test_a_missing_layout_file_is_named_as_a_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^layout file .*missing\.toml not found$"):
        load_template(str(tmp_path / "missing.toml"))
