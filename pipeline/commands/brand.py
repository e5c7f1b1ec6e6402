"""`repurpose brand init`: a brand kit from the clinic's own website, or from a name and handle.

The home page is fetched like an article (the same safe fetcher and options as `run`), read for
the clinic's name, Instagram handle, colours, logo and language (`extract/site.py`); a few of
its own stylesheets are read for colour variables, and its logo candidates are fetched with the
image rules (`load/images.py`). The kit is written as a commented TOML file (`brand_kit.py`),
the logo as a PNG beside it; an existing file is replaced only with `force`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.commands.brand_kit import KitFacts, dominant_colors, kit_text, logo_png
from pipeline.extract.site import HANDLE, Colour, SiteFacts, css_colours, read_site
from pipeline.load.images import LoadedImage, fetch_image
from pipeline.load.options import FetchOptions
from pipeline.models import ConfigError, LoadError, OutputError

MAX_STYLESHEETS = 3
MAX_LOGOS = 6
STYLESHEET_BYTES = 2 * 1024 * 1024
MIN_LOGO_SIDE = 48  # px: a 16 or 32 px favicon would be a blur in a card's footer


@dataclass(frozen=True)
class InitOptions:
    out: Path
    url: str | None = None
    name: str | None = None
    handle: str | None = None
    force: bool = False
    fetch: FetchOptions = field(default_factory=FetchOptions)


@dataclass(frozen=True)
class InitResult:
    kit: Path
    logo: Path | None
    facts: KitFacts
    notes: tuple[str, ...] = ()


def init_brand(options: InitOptions) -> InitResult:
    logo_path = options.out.with_name(f"{options.out.stem}-logo.png")
    check_targets(options.out, logo_path, options.force)
    notes: list[str] = []
    site = read_home_page(options.url, options.fetch, notes) if options.url else None
    logo = choose_logo(site.logos, options.fetch, notes) if site else None
    facts = kit_facts(options, site, logo)
    from pipeline.write.atomic import write_atomic

    try:
        if logo:
            write_atomic(logo_path, logo_png(logo.image))
        write_atomic(options.out, kit_text(facts, logo_path.name if logo else None).encode())
    except OSError as exc:
        raise OutputError(f"{exc.filename or options.out}: cannot write: {exc.strerror}") from None
    check_kit(options.out)
    return InitResult(options.out, logo_path if logo else None, facts, tuple(notes))


def check_targets(kit: Path, logo: Path, force: bool) -> None:
    for path in (kit, logo):
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise OutputError(f"{path}: not a regular file; give another -o FILE")
        if path.exists() and not force:
            raise OutputError(f"{path} already exists (pass --force to replace it)")
    if not kit.parent.is_dir():
        raise OutputError(f"{kit.parent}: no such folder")


def read_home_page(url: str, options: FetchOptions, notes: list[str]) -> SiteFacts:
    from pipeline.load.fetch import fetch_url

    page = fetch_url(url, options)
    site = read_site(page.text, page.url or url)
    extra = [
        c for sheet in site.stylesheets[:MAX_STYLESHEETS] for c in sheet_colours(sheet, options)
    ]
    if not (site.name or site.handle or site.colours or extra or site.logos):
        notes.append(f"{url}: found no name, handle, colours or logo on the page")
    return replace(site, colours=(*site.colours, *extra))


def sheet_colours(url: str, options: FetchOptions) -> list[Colour]:
    """Colour variables of one stylesheet; one that cannot be fetched is skipped."""
    from pipeline.load.resource import fetch_resource

    try:
        sheet = fetch_resource(url, replace(options, max_bytes=STYLESHEET_BYTES), accept="text/css")
    except LoadError:
        return []
    return css_colours(sheet.body.decode("utf-8", "replace"))


def choose_logo(
    urls: tuple[str, ...], options: FetchOptions, notes: list[str]
) -> LoadedImage | None:
    """The largest PNG among the candidates (else the largest other image), at least
    MIN_LOGO_SIDE px. A candidate that is not there or not an image is skipped with a note; one
    over the size or pixel limits is an error: a site that serves one is not to be trusted."""
    found = []
    for url in urls[:MAX_LOGOS]:
        try:
            found.append(fetch_image(url, options))
        except LoadError as exc:
            if "pixels" in str(exc) or "larger than" in str(exc):
                raise
            notes.append(f"logo candidate skipped: {exc}")
    usable = [f for f in found if min(f.image.size) >= MIN_LOGO_SIDE]
    if found and not usable:
        notes.append(f"no logo: the site's icons are under {MIN_LOGO_SIDE} px")
    if not usable:
        return None
    return max(usable, key=lambda f: (f.format == "PNG", f.image.width * f.image.height))


def kit_facts(options: InitOptions, site: SiteFacts | None, logo: LoadedImage | None) -> KitFacts:
    colours = list(site.colours) if site else []
    if logo:
        colours += [Colour(c, "the logo") for c in dominant_colors(logo.image)]
    return KitFacts(
        url=options.url,
        name=options.name or (site.name if site else None),
        name_source="--name" if options.name else site.name_source if site else None,
        handle=normal_handle(options.handle) or (site.handle if site else None),
        colours=tuple(colours),
        logo_url=logo.origin if logo else None,
        logo_size=logo.image.size if logo else None,
        language=site.language if site else None,
    )


def normal_handle(handle: str | None) -> str | None:
    if not handle:
        return None
    bare = handle.strip().removeprefix("@")
    if not HANDLE.fullmatch(bare):
        raise ConfigError(f"--handle {handle!r} is not an Instagram handle (letters, digits, . _)")
    return f"@{bare}"


def check_kit(path: Path) -> None:
    """The kit just written loads as any kit does: its contrast checked like a hand-made one."""
    from pipeline.brand import load_brand

    load_brand(path)
