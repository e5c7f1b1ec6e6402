"""The review page in a real browser: Playwright driving Debian's chromium against a real
`repurpose review` process. Skipped, with the reason, when either is missing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLES
from tests.folders import card, read_json, run_sample
from tests.reviewserver import Review, review_server

CHROMIUM = Path("/usr/bin/chromium")
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (make setup installs it)"
)
pytestmark = pytest.mark.skipif(
    not CHROMIUM.is_file(),
    reason="Debian chromium is not installed (`make test` installs it with "
    "scripts/system-deps.sh chromium; it failed or was not run)",
)
STALE = "changed since you opened it"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run_sample(tmp_path_factory.mktemp("drawn") / "out")


@pytest.fixture
def folder(drawn: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(drawn, tmp_path / "out" / drawn.name))


@pytest.fixture
def review(folder: Path) -> Iterator[Review]:
    with review_server(folder.parent) as server:
        yield server


def open_post(browser: Any, review: Review, folder: Path) -> Any:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{review.url}post/{folder.name}")
    return page


def save_text(page: Any, field: Any, text: str) -> None:
    """Type into an open editor and save; the page reloads with the cards drawn again."""
    field.locator("textarea").fill(text)
    with page.expect_navigation():
        field.get_by_role("button", name="Save").click()
    page.wait_for_load_state("load")


def test_click_a_slide_edit_its_text_and_see_the_new_card(
    browser: Any, review: Review, folder: Path
) -> None:
    page = open_post(browser, review, folder)
    slide = page.locator('#carousel figure[data-file="carousel-02.jpg"]')
    page.keyboard.press("ArrowRight")
    panel = page.locator('#slide-panels .panel[data-file="carousel-02.jpg"]')
    panel.wait_for(state="visible")
    before = slide.screenshot()
    slide.click()  # a click on the slide opens its text
    field = panel.locator('.field[data-key="carousel-02.jpg.text"]')
    save_text(page, field, "Knee pain that grows worse on the stairs.")
    assert page.locator('#slide-panels .panel[data-file="carousel-02.jpg"]').is_visible()
    assert "grows worse on the stairs" in field.locator(".value").inner_text()
    assert slide.screenshot() != before  # the card is drawn again with the new text
    manifest = read_json(folder / "post.json")
    assert card(manifest, "carousel-02.jpg")["text"] == "Knee pain that grows worse on the stairs."


def test_headline_everywhere_sign_off_approve_and_schedule(
    browser: Any, review: Review, folder: Path
) -> None:
    page = open_post(browser, review, folder)
    story = page.locator('img.card-img[data-file="story-01.jpg"]')
    story_before = story.screenshot()
    cover = page.locator('.field[data-key="carousel-01.jpg.text"]')
    cover.locator(".value").click()
    save_text(page, cover, "Muscle balance and chronic knee pain")
    assert story.screenshot() != story_before
    story_text = page.locator('.field[data-key="story-01.jpg.text"] .value')
    assert story_text.inner_text().strip() == "Muscle balance and chronic knee pain"
    assert page.locator(".caption-box").first.inner_text().count("Muscle balance and") == 1

    # a claim the rules block: shown on its card, then signed off by name
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    panel = page.locator('#slide-panels .panel[data-file="carousel-04.jpg"]')
    panel.wait_for(state="visible")
    point = panel.locator('.field[data-key="carousel-04.jpg.text"]')
    point.locator(".value").click()
    save_text(page, point, "Acupuncture is a guaranteed cure.")
    assert page.get_by_text("Resolve each blocking finding").is_visible()
    for _ in range(2):  # "guaranteed" and "cure": one finding each
        finding = page.locator("#slide-panels .finding.block:not(.signed)").first
        finding.wait_for(state="visible")
        finding.get_by_role("button", name="Sign off…").click()
        finding.get_by_label("Your name").fill("Dr Lee")
        finding.get_by_label("Why this may stand").fill("Audited outcome data on file.")
        with page.expect_navigation():
            finding.get_by_role("button", name="Sign off", exact=True).click()
    assert read_json(folder / "post.json")["signoffs"][0]["by"] == "Dr Lee"

    approve = page.locator("#approve")
    approve.get_by_placeholder("Your name").fill("Dr Lee")
    with page.expect_navigation():
        approve.get_by_role("button", name="Approve").click()
    assert page.locator(".approve-box").inner_text().startswith("Approved by Dr Lee")

    plan = page.locator("#schedule")
    with page.expect_navigation():
        plan.get_by_role("button", name="Plan").click()
    assert page.locator(".month td.planned").count() >= 2
    assert read_json(folder / "post.json")["schedule"]["posts"][0]["type"] == "carousel"


def test_a_second_tabs_stale_edit_is_refused(browser: Any, review: Review, folder: Path) -> None:
    first, second = (open_post(browser, review, folder) for _ in range(2))
    for tab, text in ((first, "Written in the first tab."), (second, "Written in the second.")):
        field = tab.locator('.field[data-key="quote-01.jpg.text"]')
        field.locator(".value").click()
        field.locator("textarea").fill(text)
    with first.expect_navigation():
        first.locator('.field[data-key="quote-01.jpg.text"]').get_by_role(
            "button", name="Save"
        ).click()
    second.locator('.field[data-key="quote-01.jpg.text"]').get_by_role(
        "button", name="Save"
    ).click()
    error = second.locator('.field[data-key="quote-01.jpg.text"] .error-text')
    error.wait_for(state="visible")
    assert STALE in error.inner_text()
    assert (
        card(read_json(folder / "post.json"), "quote-01.jpg")["text"] == "Written in the first tab."
    )


def test_a_new_post_shows_on_the_open_list(browser: Any, review: Review, folder: Path) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(review.url)
    assert page.locator("table.posts tbody tr").count() == 1
    later = run_sample(folder.parent.parent / "later", sample=SAMPLES / "plantar-heel-pain.html")
    shutil.move(later, folder.parent / later.name)
    page.get_by_text("Plantar Heel Pain: First Steps in the Morning").wait_for(timeout=30_000)
    assert page.locator("table.posts tbody tr").count() == 2
