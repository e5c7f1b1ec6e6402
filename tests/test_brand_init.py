"""`repurpose brand init`: a brand kit from a made-up clinic's home page served on 127.0.0.1
(tests/data/site/), offline from --name and --handle, and the errors a user can meet."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from pipeline.brand import load_brand
from pipeline.cli import main
from pipeline.colors import MIN_CONTRAST, contrast_ratio
from pipeline.tomlfile import read_toml
from tests.stubserver import Reply, Stub, serve

SITE = Path(__file__).parent / "data" / "site"
HTML = {"Content-Type": "text/html; charset=utf-8"}
PNG = {"Content-Type": "image/png"}


def site_routes() -> dict[str, Reply]:
    files = {
        "/": ("index.html", HTML),
        "/css/site.css": ("site.css", {"Content-Type": "text/css"}),
        "/images/logo.png": ("logo.png", PNG),
        "/favicon-32.png": ("favicon-32.png", PNG),
        "/apple-touch-icon.png": ("apple-touch-icon.png", PNG),
    }
    return {
        path: Reply((SITE / name).read_bytes(), 200, kind) for path, (name, kind) in files.items()
    }


@pytest.fixture
def site() -> Iterator[Stub]:
    with serve() as stub:
        stub.routes.update(site_routes())
        yield stub


def init(*args: str) -> int:
    return main(["brand", "init", *args, "-q", "--no-cache"])


def test_a_kit_from_the_clinic_home_page(site: Stub, tmp_path: Path) -> None:
    kit = tmp_path / "brand.toml"
    assert init(f"{site.base}/", "--allow-private", "-o", str(kit)) == 0
    brand = load_brand(kit)  # loads as any kit: contrast checked
    assert brand.name == "Harbour Lane Physiotherapy"  # og:site_name before the JSON-LD name
    assert brand.handle == "@harbourlanephysio"  # the profile, not the /p/ post link
    assert brand.logo == tmp_path / "brand-logo.png"
    with Image.open(brand.logo) as logo:  # the largest PNG: the logo, not a 32 px favicon
        assert (logo.format, logo.size) == ("PNG", (400, 160))
    for palette in (brand.colors, brand.dark_colors):
        for role in ("text", "accent", "muted"):
            assert contrast_ratio(palette[role], palette["background"]) >= MIN_CONTRAST
    text = kit.read_text(encoding="utf-8")
    assert "#2A9D8F" in text and "#E76F51" in text  # the originals, in comments
    assert "/images/logo.png" in text
    assert "/css/site.css" in site.paths()
    assert not any("fonts.example.net" in p for p in site.paths())  # only the site's own CSS


def test_the_kit_colours_come_from_the_site(site: Stub, tmp_path: Path) -> None:
    kit = tmp_path / "brand.toml"
    assert init(f"{site.base}/", "--allow-private", "-o", str(kit)) == 0
    colors = read_toml(kit, "brand kit")["colors"]
    background = colors["background"]
    assert background != "#F7F3EE"  # not the bundled default
    assert contrast_ratio(colors["text"], background) >= 7.0
    red, green, blue = (int(colors["text"][i : i + 2], 16) for i in (1, 3, 5))
    assert green > red and blue > red  # the teal theme colour, darkened


def test_a_site_in_another_language_gets_its_call_to_action(site: Stub, tmp_path: Path) -> None:
    page = (SITE / "index.html").read_text(encoding="utf-8").replace('lang="en-GB"', 'lang="es"')
    site.routes["/"] = Reply(page.encode(), 200, HTML)
    kit = tmp_path / "brand.toml"
    assert init(f"{site.base}/", "--allow-private", "-o", str(kit)) == 0
    assert load_brand(kit).for_language("es").cta.startswith("Reserva")


def test_offline_from_a_name_and_handle(tmp_path: Path) -> None:
    kit = tmp_path / "kit.toml"
    assert init("--name", 'Dr "Lee" Clinic', "--handle", "leeclinic", "-o", str(kit)) == 0
    brand = load_brand(kit)
    assert (brand.name, brand.handle, brand.logo) == ('Dr "Lee" Clinic', "@leeclinic", None)


def test_an_existing_kit_is_kept_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = tmp_path / "brand.toml"
    kit.write_text("# mine\n", encoding="utf-8")
    assert init("--name", "A", "-o", str(kit)) == 1
    assert "already exists (pass --force" in capsys.readouterr().err
    assert kit.read_text(encoding="utf-8") == "# mine\n"
    assert init("--name", "A", "-o", str(kit), "--force") == 0
    assert load_brand(kit).name == "A"


def test_a_private_address_needs_allow_private(site: Stub, tmp_path: Path) -> None:
    assert init(f"{site.base}/", "-o", str(tmp_path / "b.toml")) == 1
    assert site.calls == [] and not (tmp_path / "b.toml").exists()


def bomb_png() -> bytes:
    """A small file that declares 12000×12000 pixels: a decompression bomb for a logo."""
    buffer = io.BytesIO()
    Image.new("1", (12000, 12000)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("route", "reply", "message"),
    [
        ("/", Reply(b"gone", 404, {"Content-Type": "text/plain"}), "server answered HTTP 404"),
        ("/", Reply(b"%PDF-1.4", 200, {"Content-Type": "application/pdf"}), "not an HTML page"),
        ("/images/logo.png", Reply(bomb_png(), 200, PNG), "over the 40-megapixel limit"),
    ],
)
def test_errors_are_one_line(
    site: Stub,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    route: str,
    reply: Reply,
    message: str,
) -> None:
    site.routes[route] = reply
    kit = tmp_path / "brand.toml"
    assert init(f"{site.base}/", "--allow-private", "-o", str(kit)) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and err.count("\n") == 1 and message in err
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_a_dead_address_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serve() as stub:
        dead = stub.base  # the port is closed once the server stops
    assert init(f"{dead}/", "--allow-private", "-o", str(tmp_path / "b.toml")) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and err.count("\n") == 1 and "could not fetch" in err


def test_no_url_and_no_name_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["brand", "init", "-o", "x.toml"])
    assert exit_.value.code == 2
    assert "--name" in capsys.readouterr().err
