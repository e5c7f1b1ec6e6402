"""The edit loop: edit post.json, post.toml or caption.txt; render again; run again; edits kept."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops, ImageStat

from pipeline.cli import main
from pipeline.models import Card
from pipeline.write.edits import sheet_bytes, texts_from_sheet
from tests.conftest import KNEE, ROOT
from tests.folders import card, edit_manifest, image, read_json, run_sample

NEW_SYMPTOM = "Knee pain that gets worse when standing or walking for a long time."


def set_symptom(manifest: dict[str, Any]) -> None:
    card(manifest, "carousel-02.jpg")["text"] = NEW_SYMPTOM


def pixels_differ(a: Path, b: Path) -> bool:
    with Image.open(a) as first, Image.open(b) as second:
        return (
            ImageChops.difference(first.convert("RGB"), second.convert("RGB")).getbbox() is not None
        )


def test_edit_post_json_render_then_run_again_keeps_the_edit(tmp_path: Path) -> None:
    out = tmp_path / "out"
    folder = run_sample(out)
    before = tmp_path / "before.jpg"
    before.write_bytes((folder / "carousel-02.jpg").read_bytes())

    edit_manifest(folder, set_symptom)
    assert main(["render", str(folder), "-q"]) == 0
    rendered = read_json(folder / "post.json")
    assert NEW_SYMPTOM in image(rendered, "carousel-02.jpg")["texts"]
    assert NEW_SYMPTOM in image(rendered, "carousel-02.jpg")["alt_text"]
    assert pixels_differ(before, folder / "carousel-02.jpg")
    assert NEW_SYMPTOM in (folder / "post.toml").read_text()
    assert NEW_SYMPTOM in (folder / "preview.html").read_text()

    assert main(["run", str(KNEE), "-o", str(out), "-q"]) == 0
    again = read_json(folder / "post.json")
    assert card(again, "carousel-02.jpg")["text"] == NEW_SYMPTOM
    assert NEW_SYMPTOM in image(again, "carousel-02.jpg")["texts"]
    assert card(again, "carousel-03.jpg") == card(rendered, "carousel-03.jpg")  # others untouched

    assert main(["run", str(KNEE), "-o", str(out), "-q", "--force"]) == 0
    assert card(read_json(folder / "post.json"), "carousel-02.jpg")["text"] != NEW_SYMPTOM


def test_run_again_without_render_keeps_the_edit_too(tmp_path: Path) -> None:
    folder = run_sample(tmp_path)
    edit_manifest(folder, set_symptom)
    run_sample(tmp_path)
    manifest = read_json(folder / "post.json")
    assert NEW_SYMPTOM in image(manifest, "carousel-02.jpg")["texts"]


def test_edits_in_post_toml_and_caption_txt_are_drawn(tmp_path: Path) -> None:
    folder = run_sample(tmp_path)
    sheet = folder / "post.toml"
    sheet.write_text(sheet.read_text().replace('kicker = "Cause"', 'kicker = "Why it happens"'))
    (folder / "caption.txt").write_text("A shorter caption, written by our staff.\n\n#KneePain\n")
    assert main(["render", str(folder), "-q"]) == 0
    manifest = read_json(folder / "post.json")
    assert card(manifest, "carousel-03.jpg")["kicker"] == "Why it happens"
    assert image(manifest, "carousel-03.jpg")["texts"][0] == "Why it happens"
    assert manifest["caption"] == "A shorter caption, written by our staff.\n\n#KneePain"
    assert manifest["hashtags"] == ["#KneePain"]
    run_sample(tmp_path)
    again = read_json(folder / "post.json")
    assert card(again, "carousel-03.jpg")["kicker"] == "Why it happens"
    assert again["caption"] == manifest["caption"]


def test_edit_places_merge_field_by_field(tmp_path: Path) -> None:
    """post.json edits one text, post.toml another and also the first: toml wins that one."""
    folder = run_sample(tmp_path)
    edit_manifest(folder, set_symptom)
    sheet = folder / "post.toml"
    text = sheet.read_text().replace('kicker = "Cause"', 'kicker = "Why"')
    sheet.write_text(text.replace('kicker = "Symptom"', 'kicker = "What you feel"'))
    edit_manifest(folder, lambda m: card(m, "carousel-02.jpg").update(kicker="Ignored"))
    assert main(["render", str(folder), "-q"]) == 0
    manifest = read_json(folder / "post.json")
    assert card(manifest, "carousel-02.jpg")["text"] == NEW_SYMPTOM
    assert card(manifest, "carousel-02.jpg")["kicker"] == "What you feel"
    assert card(manifest, "carousel-03.jpg")["kicker"] == "Why"


def test_hand_written_alt_text_survives_render_and_run(tmp_path: Path) -> None:
    folder = run_sample(tmp_path)
    alt = "A calm cover slide asking whether joint pain can improve by treating muscle imbalance."
    edit_manifest(folder, lambda m: image(m, "carousel-01.jpg").update(alt_text=alt))
    assert main(["render", str(folder), "-q"]) == 0
    run_sample(tmp_path)
    manifest = read_json(folder / "post.json")
    assert image(manifest, "carousel-01.jpg")["alt_text"] == alt
    assert image(manifest, "carousel-02.jpg")["alt_text"].startswith("Symptom")


def test_retouched_image_is_kept_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = run_sample(tmp_path)
    with Image.open(folder / "quote-01.jpg") as picture:
        picture.rotate(180).save(folder / "quote-01.jpg", quality=80)
    retouched = (folder / "quote-01.jpg").read_bytes()
    assert main(["run", str(KNEE), "-o", str(tmp_path)]) == 0
    assert (folder / "quote-01.jpg").read_bytes() == retouched
    assert "kept hand-edited quote-01.jpg (use --force to replace it)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda f: (f / "post.json").write_text("{ broken"), "post.json is not valid JSON"),
        (lambda f: (f / "post.toml").write_text("caption = '''"), "post.toml is not valid TOML"),
        (lambda f: (f / "post.toml").write_text("cards = 3"), "cards must be [[cards]] tables"),
        (
            lambda f: edit_manifest(
                f, lambda m: card(m, "carousel-02.jpg").update(text="Knee " * 400)
            ),
            "carousel-02.jpg: text cannot fit a card even when shortened",
        ),
        (
            lambda f: (f / "post.toml").write_text(
                (f / "post.toml").read_text().replace('"carousel-02.jpg"', '"carousel-2.jpg"')
            ),
            "names carousel-2.jpg, not an image of this post",
        ),
        (lambda f: (f / "post.toml").write_text("story = []"), "story must be text in quotes"),
        (lambda f: (f / "caption-story.txt").write_bytes(b"\xff\xfe"), "is not UTF-8 text"),
        (
            lambda f: edit_manifest(f, lambda m: card(m, "carousel-02.jpg").update(text=7)),
            "cards[1].text must be text",
        ),
        (
            lambda f: edit_manifest(f, lambda m: card(m, "carousel-02.jpg").update(kind="poster")),
            "cards[1].kind must be one of cover, point, closing, quote",
        ),
        (lambda f: edit_manifest(f, lambda m: m.pop("cards")), 'has no "cards" list'),
        (
            lambda f: edit_manifest(f, lambda m: m.update(source="a string")),
            '"source" has the wrong kind of value',
        ),
        (
            lambda f: edit_manifest(f, lambda m: m["images"].append(3)),
            'every entry of "images" needs a "file"',
        ),
        (
            lambda f: edit_manifest(f, lambda m: m.update(schedule={"posts": 4})),
            '"schedule" is damaged',
        ),
        (
            lambda f: edit_manifest(
                f, lambda m: card(m, "carousel-02.jpg").update(file="../x.jpg")
            ),
            'cards[1].file must be a plain image name such as "carousel-02.jpg"',
        ),
        (
            lambda f: edit_manifest(
                f, lambda m: card(m, "carousel-02.jpg").update(file="carousel-01.jpg")
            ),
            "two cards share one file name",
        ),
        (
            lambda f: edit_manifest(f, lambda m: card(m, "carousel-02.jpg").update(text="")),
            "cards[1] needs a file and a text",
        ),
        (
            lambda f: edit_manifest(f, lambda m: card(m, "carousel-02.jpg").update(layout="big")),
            "cards[1].layout must be one of cover, point, closing, quote, quote_square, story",
        ),
    ],
)
def test_broken_edits_are_one_line_errors(
    damage: Any, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = run_sample(tmp_path)
    capsys.readouterr()  # the run's own health findings
    damage(folder)
    assert main(["render", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and message in err and len(err.strip().splitlines()) == 1


def test_render_on_a_folder_that_is_not_an_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(tmp_path)]) == 1
    assert "post.json not found" in capsys.readouterr().err


def test_broken_post_json_fails_run_until_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = run_sample(tmp_path)
    capsys.readouterr()  # the run's own health findings
    (folder / "post.json").write_text("{ broken")
    assert main(["run", str(KNEE), "-o", str(tmp_path), "-q"]) == 1
    assert "fix the edit, or use --force" in capsys.readouterr().err
    assert main(["run", str(KNEE), "-o", str(tmp_path), "-q", "--force"]) == 0
    assert read_json(folder / "post.json")["cards"]


TRICKY = [
    'She said "it helps" — twice.',
    "Back\\slash and a tab\there",
    'Three quotes """ inside',
    "Line one\nLine two\n\nLine four",
    "Control \x07 bell and \x7f delete",
    "한국어 텍스트와 emoji 🙂",
]


@pytest.mark.parametrize("text", TRICKY)
def test_edit_sheet_round_trips_any_text(text: str, tmp_path: Path) -> None:
    cards = [Card("point", "carousel-02.jpg", text, kicker=text, note=None)]
    data = sheet_bytes(cards, text, {"carousel-02.jpg": text}, "out/x")
    parsed = tomllib.loads(data.decode("utf-8"))
    assert parsed["caption"].strip() == text.strip()
    assert parsed["cards"][0]["kicker"] == text
    path = tmp_path / "post.toml"
    path.write_bytes(data)
    texts = texts_from_sheet(path)
    assert texts["carousel-02.jpg.text"] == text.strip()
    assert texts["carousel-02.jpg.note"] == ""


def test_quote_caption_and_story_edits_reach_the_manifest_and_exports(tmp_path: Path) -> None:
    folder = run_sample(tmp_path)
    (folder / "caption-quote-01.txt").write_text("Our physio's favourite line from this post.\n")
    sheet = folder / "post.toml"
    story = read_json(folder / "post.json")["captions"]["story"]
    sheet.write_text(sheet.read_text().replace(f'story = "{story}"', 'story = "New this week"'))
    assert main(["render", str(folder), "-q"]) == 0
    manifest = read_json(folder / "post.json")
    assert manifest["captions"]["quotes"]["quote-01.jpg"] == (
        "Our physio's favourite line from this post."
    )
    assert manifest["captions"]["story"] == "New this week"
    assert (folder / "caption-story.txt").read_text() == "New this week\n"
    assert "New this week" in (folder / "preview.html").read_text()
    run_sample(tmp_path)
    again = read_json(folder / "post.json")
    assert again["captions"] == manifest["captions"]
    assert (folder / "caption-quote-01.txt").read_text().startswith("Our physio's")


def test_render_goes_on_past_a_broken_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = run_sample(tmp_path / "a")
    edit_manifest(folder, set_symptom)
    capsys.readouterr()
    assert main(["render", str(tmp_path / "nothing-here"), str(folder), "-q"]) == 1
    assert "post.json not found" in capsys.readouterr().err
    assert NEW_SYMPTOM in image(read_json(folder / "post.json"), "carousel-02.jpg")["texts"]


def test_render_uses_the_recorded_brand_and_says_when_it_cannot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = run_sample(tmp_path)
    brand = read_json(folder / "post.json")["brand"]
    assert brand["handle"] == "" and brand["colors"]["background"]  # no kit: nobody's handle
    edit_manifest(folder, lambda m: m["brand"]["colors"].update(background="#1B2A41"))
    assert main(["render", str(folder), "-q"]) == 0
    with Image.open(folder / "carousel-02.jpg") as picture:
        corner = picture.convert("RGB").getpixel((5, 5))
    # JPEG may shift a flat colour by a step or two; the bundled background is far lighter
    assert isinstance(corner, tuple)
    assert all(abs(a - b) <= 4 for a, b in zip(corner, (0x1B, 0x2A, 0x41), strict=True))
    edit_manifest(folder, lambda m: m.pop("brand"))
    capsys.readouterr()
    assert main(["render", str(folder)]) == 0
    assert "post.json records no usable brand kit" in capsys.readouterr().err


def test_alt_text_txt_is_an_edit_place_too(tmp_path: Path) -> None:
    folder = run_sample(tmp_path)
    lines = (folder / "alt-text.txt").read_text().splitlines()
    alt = "Quote card: a sentence from the article about muscle balance, in serif type."
    lines = [
        f"quote-01.jpg: {alt}" if line.startswith("quote-01.jpg: ") else line for line in lines
    ]
    (folder / "alt-text.txt").write_text("\n".join(lines) + "\n")
    assert main(["render", str(folder), "-q"]) == 0
    assert image(read_json(folder / "post.json"), "quote-01.jpg")["alt_text"] == alt
    run_sample(tmp_path)
    assert image(read_json(folder / "post.json"), "quote-01.jpg")["alt_text"] == alt
    assert f"quote-01.jpg: {alt}" in (folder / "alt-text.txt").read_text()


def test_render_with_another_brand_records_it(tmp_path: Path) -> None:
    folder = run_sample(tmp_path / "out")
    kit = tmp_path / "dark.toml"
    kit.write_text(
        (ROOT / "templates" / "brand.toml").read_text().replace('handle = "', 'handle = "dark.')
    )
    assert main(["render", str(folder), "--brand", str(kit), "-q"]) == 0
    assert read_json(folder / "post.json")["brand"]["handle"].startswith("dark.")
    assert main(["render", str(folder), "-q"]) == 0  # later renders keep the new kit
    assert read_json(folder / "post.json")["brand"]["handle"].startswith("dark.")


def test_render_and_run_warn_about_a_caption_instagram_would_refuse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = run_sample(tmp_path)
    long = " ".join(["Knee pain can ease when the muscles around the joint work together."] * 40)
    caption = f"{long}\n\n#KneePain #Acupuncture #Physio #Muscles #Exercise #Clinic"
    (folder / "caption.txt").write_text(caption + "\n")
    expected = [
        f"caption.txt: the caption has {len(caption):,} characters; Instagram refuses more than"
        " 2,200 (shorten it)",
        "caption.txt: 6 hashtags; Instagram allows 5 (remove some)",
    ]
    capsys.readouterr()
    for args in (["render", str(folder), "-q"], ["run", str(KNEE), "-o", str(tmp_path), "-q"]):
        assert main(args) == 0
        err = capsys.readouterr().err.splitlines()
        assert [line for line in err if line.startswith("warning: ")] == [
            f"warning: {w}" for w in expected
        ]
        warnings = read_json(folder / "post.json")["warnings"]
        assert [w for w in warnings if w.startswith("caption")] == expected


@pytest.mark.parametrize("logo", [5, "/no/such/logo.png"])
def test_unusable_brand_record_draws_with_the_bundled_kit(
    logo: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = run_sample(tmp_path)
    edit_manifest(folder, lambda m: m["brand"].update(logo=logo))
    capsys.readouterr()
    assert main(["render", str(folder)]) == 0
    note = "post.json records no usable brand kit: drew with the bundled one (give --brand FILE)"
    assert f"  note: {note}" in capsys.readouterr().err.splitlines()


def test_render_keeps_png_copies_and_makes_them_on_request(tmp_path: Path) -> None:
    with_png = run_sample(tmp_path / "a", "--png")
    edit_manifest(with_png, lambda m: card(m, "carousel-02.jpg").update(text="Edited by hand."))
    assert main(["render", str(with_png), "-q"]) == 0
    with (
        Image.open(with_png / "carousel-02.png") as copy,
        Image.open(with_png / "carousel-02.jpg") as jpeg,
    ):
        # the PNG copy is the edited card, not the old one: it matches the new JPEG
        difference = ImageChops.difference(copy.convert("RGB"), jpeg.convert("RGB"))
        assert max(ImageStat.Stat(difference).mean) < 2.0
    assert sorted(p.stem for p in with_png.glob("*.png")) == sorted(
        p.stem for p in with_png.glob("*.jpg")
    )
    plain = run_sample(tmp_path / "b")
    assert not list(plain.glob("*.png"))
    assert main(["render", str(plain), "--png", "-q"]) == 0
    assert len(list(plain.glob("*.png"))) == len(list(plain.glob("*.jpg")))


def test_render_says_on_stderr_when_an_edited_text_had_to_be_shortened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = run_sample(tmp_path)
    long_text = "Knee pain eased, week by week, " * 30 + "and the patient walked again."
    edit_manifest(folder, lambda m: card(m, "carousel-02.jpg").update(text=long_text))
    capsys.readouterr()
    assert main(["render", str(folder), "-q"]) == 0
    err = capsys.readouterr().err
    assert "carousel-02.jpg" in err and "shortened to fit" in err
    assert any("shortened to fit" in w for w in read_json(folder / "post.json")["warnings"])
