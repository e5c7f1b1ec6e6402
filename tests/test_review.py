"""`repurpose review`: a real server process on 127.0.0.1, driven by HTTP requests.

Every change goes through the same code as `repurpose render`, so each test also checks the
folder the way the command line sees it afterwards."""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import socket
import subprocess
import sys
from base64 import b64encode
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from pipeline.cli import main
from tests.conftest import KNEE, SAMPLES
from tests.folders import card, read_json, run_sample
from tests.reviewserver import Review, review_server

COVER = "carousel-01.jpg"
CLAIM = "Acupuncture is a guaranteed cure for knee pain."


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The knee-pain sample, run once; each test gets its own copy."""
    return run_sample(tmp_path_factory.mktemp("drawn") / "out")


@pytest.fixture
def folder(drawn: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    return Path(shutil.copytree(drawn, out / drawn.name))


@pytest.fixture
def review(folder: Path) -> Iterator[Review]:
    with review_server(folder.parent) as server:
        yield server


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_list_shows_every_post_and_a_new_one_without_restart(
    review: Review, folder: Path
) -> None:
    page = review.get("/")
    assert page.status == 200
    assert "Could Chronic Joint Pain Be Improved by Treating Muscle Imbalance?" in page.text
    assert "needs review" in page.text and "1 to check" in page.text
    assert "Plantar Heel Pain" not in page.text
    run_sample(folder.parent / "later", sample=SAMPLES / "plantar-heel-pain.html")
    shutil.move(next((folder.parent / "later").iterdir()), folder.parent)
    assert "Plantar Heel Pain: First Steps in the Morning" in review.get("/").text


def test_a_post_shows_as_instagram_does(review: Review, folder: Path) -> None:
    page = review.get(f"/post/{folder.name}").text
    manifest = read_json(folder / "post.json")
    for image in manifest["images"]:
        assert f"/img/{image['file']}?v=" in page
    assert 'class="fold"' in page  # the 125-character "more" cut
    assert f"{len(manifest['caption']):,} / 2,200" in page
    assert manifest["images"][1]["alt_text"] in page
    image = review.get(f"/post/{folder.name}/img/{COVER}")
    assert image.status == 200 and image.headers["Content-Type"] == "image/jpeg"
    assert image.body == (folder / COVER).read_bytes()


def test_a_text_edit_is_drawn_and_stays_a_hand_edit(review: Review, folder: Path) -> None:
    before = digest(folder / "carousel-02.jpg")
    reply = review.act(folder.name, "edit", key="carousel-02.jpg.text", text="Knee pain on stairs.")
    assert reply.status == 200, reply.text
    assert digest(folder / "carousel-02.jpg") != before
    assert (
        card(read_json(folder / "post.json"), "carousel-02.jpg")["text"] == "Knee pain on stairs."
    )
    assert "Knee pain on stairs." in (folder / "post.toml").read_text()
    # the command line sees a hand edit, and `run` keeps it
    assert main(["run", str(KNEE), "-o", str(folder.parent), "-q"]) == 0
    assert (
        card(read_json(folder / "post.json"), "carousel-02.jpg")["text"] == "Knee pain on stairs."
    )


def test_the_headline_changes_everywhere_and_is_checked_again(review: Review, folder: Path) -> None:
    new = "Chronic knee pain and muscle imbalance"
    reply = review.act(folder.name, "edit", key=f"{COVER}.text", text=new)
    assert reply.status == 200, reply.text
    manifest = read_json(folder / "post.json")
    old = "Could Chronic Joint Pain Be Improved by Treating Muscle Imbalance?"
    assert card(manifest, COVER)["text"] == new
    assert card(manifest, "story-01.jpg")["text"] == new
    assert new in card(manifest, "quote-01.jpg")["note"]
    captions = [manifest["caption"], manifest["captions"]["story"]]
    captions += manifest["captions"]["quotes"].values()
    assert all(new in text and old not in text for text in captions)
    assert old not in (folder / "alt-text.txt").read_text()
    assert manifest["health_findings"] == []  # the question headline's finding is gone


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   ", "the text cannot be empty"),
        ("w" * 20_000, "the text has 20,000 characters; at most 1,000 fit here"),
    ],
)
def test_a_bad_edit_gets_a_message_and_changes_nothing(
    review: Review, folder: Path, text: str, message: str
) -> None:
    before = {p.name: digest(p) for p in folder.iterdir() if p.is_file()}
    reply = review.act(folder.name, "edit", key="carousel-02.jpg.text", text=text)
    assert reply.status == 422
    assert reply.json()["error"].startswith(message)
    assert {p.name: digest(p) for p in folder.iterdir() if p.is_file()} == before


def test_a_text_too_long_for_its_card_is_refused_and_the_folder_kept(
    review: Review, folder: Path
) -> None:
    before = {p.name: digest(p) for p in folder.iterdir() if p.is_file()}
    reply = review.act(folder.name, "edit", key=f"{COVER}.text", text="Knee pain " * 60)
    assert reply.status == 422
    assert "text cannot fit a card" in reply.json()["error"]
    assert reply.json()["error"].endswith("(shorten it)")
    assert {p.name: digest(p) for p in folder.iterdir() if p.is_file()} == before


def test_a_stale_page_cannot_overwrite(review: Review, folder: Path) -> None:
    token, version = review.page_state(folder.name)
    # meanwhile someone edits post.toml by hand
    sheet = folder / "post.toml"
    sheet.write_text(sheet.read_text().replace("Swipe →", "Swipe for more →", 1))
    body = json.dumps({"version": version, "key": "carousel-02.jpg.text", "text": "Mine."})
    headers = {"X-CSRF-Token": token}
    reply = review.request("POST", f"/post/{folder.name}/edit", body.encode(), headers)
    assert reply.status == 409
    assert "changed since you opened it" in reply.json()["error"]
    assert "Swipe for more →" in sheet.read_text() and "Mine." not in sheet.read_text()


def test_a_blocking_finding_is_signed_off_then_approved(review: Review, folder: Path) -> None:
    reply = review.act(folder.name, "edit", key="carousel-04.jpg.text", text=CLAIM)
    assert reply.status == 200, reply.text
    blocks = [
        f for f in read_json(folder / "post.json")["health_findings"] if f["severity"] == "block"
    ]
    assert blocks and "carousel-04.jpg" in blocks[0]["where"]
    assert "Resolve each blocking finding" in review.get(f"/post/{folder.name}").text
    refused = review.act(folder.name, "approve", by="Dr Lee")
    assert refused.status == 422 and "blocking health-copy finding" in refused.json()["error"]

    for finding in blocks:
        reply = review.act(
            folder.name, "signoff", rule=finding["rule"], text=finding["text"],
            by="Dr Lee", reason="Our clinic's own audited outcome data.",
        )  # fmt: skip
        assert reply.status == 200, reply.text
    signoffs = read_json(folder / "post.json")["signoffs"]
    assert {(s["rule"], s["text"], s["by"]) for s in signoffs} == {
        (f["rule"], f["text"], "Dr Lee") for f in blocks
    }
    assert all(s["at"] and s["reason"] for s in signoffs)
    assert review.act(folder.name, "approve", by="Dr Lee").status == 200
    approval = read_json(folder / "post.json")["approval"]
    assert approval["by"] == "Dr Lee"
    assert 'class="status status-approved"' in review.get("/").text
    # the command line draws a signed-off text as --keep-flagged would, and run keeps the word
    assert main(["render", str(folder), "-q"]) == 0
    assert main(["run", str(KNEE), "-o", str(folder.parent), "-q"]) == 0
    assert read_json(folder / "post.json")["signoffs"] == signoffs
    assert card(read_json(folder / "post.json"), "carousel-04.jpg")["text"] == CLAIM
    # a retouched image is not what was approved: the list says so at once
    (folder / "carousel-03.jpg").write_bytes((folder / "carousel-02.jpg").read_bytes())
    assert 'class="status status-approved"' not in review.get("/").text
    assert "Approved earlier by Dr Lee" in review.get(f"/post/{folder.name}").text


def test_a_suggestion_accepted_becomes_a_hand_edit(review: Review, folder: Path) -> None:
    (finding,) = read_json(folder / "post.json")["health_findings"]
    reply = review.act(folder.name, "accept", rule=finding["rule"], text=finding["text"])
    assert reply.status == 200, reply.text
    manifest = read_json(folder / "post.json")
    assert card(manifest, COVER)["text"] == finding["suggestion"]
    assert manifest["health_findings"] == []
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "render", str(folder)], capture_output=True, text=True
    )
    assert f"drew hand edit: {COVER}.text" in result.stderr


def test_look_switch_and_quote_swap_redraw(review: Review, folder: Path) -> None:
    before = digest(folder / "carousel-03.jpg")
    assert review.act(folder.name, "look", look="bold").status == 200
    assert read_json(folder / "post.json")["brand"]["look"] == "bold"
    assert digest(folder / "carousel-03.jpg") != before
    assert review.act(folder.name, "look", look="../calm").status == 422

    manifest = read_json(folder / "post.json")
    shown = {c["text"] for c in manifest["cards"]}
    spare = next(q for q in manifest["digest"]["quotes"] if q not in shown)
    assert review.act(folder.name, "quote", file="quote-01.jpg", quote=spare).status == 200
    manifest = read_json(folder / "post.json")
    assert card(manifest, "quote-01.jpg")["text"] == spare
    assert spare in manifest["captions"]["quotes"]["quote-01.jpg"]
    not_a_quote = review.act(folder.name, "quote", file="quote-01.jpg", quote="Made up.")
    assert not_a_quote.status == 422


def test_schedule_and_export_from_the_page(review: Review, folder: Path) -> None:
    reply = review.act(folder.name, "schedule", start="+1", slots="Tue 09:00, Fri 18:00", tz="UTC")
    assert reply.status == 200, reply.text
    plan = read_json(folder / "post.json")["schedule"]
    assert plan["slots"] == "Tue 09:00, Fri 18:00" and plan["timezone"] == "UTC"
    assert [p["type"] for p in plan["posts"]] == ["carousel", "quote", "story"]
    ics = review.get(f"/export/ics?post={folder.name}")
    assert ics.status == 200 and ics.headers["Content-Type"] == "text/calendar"
    assert ics.text.count("BEGIN:VEVENT") == 3
    assert "attachment" in ics.headers["Content-Disposition"]
    # every approved post: none is approved yet
    assert review.get("/export/ics").status == 400


def test_changes_need_the_token_and_the_same_origin(review: Review, folder: Path) -> None:
    token, version = review.page_state(folder.name)
    body = json.dumps({"version": version, "key": "carousel-02.jpg.text", "text": "x y"}).encode()
    path = f"/post/{folder.name}/edit"
    assert review.request("POST", path, body).status == 403
    assert review.request("POST", path, body, {"X-CSRF-Token": "guess"}).status == 403
    evil = {"X-CSRF-Token": token, "Origin": "http://evil.example"}
    assert review.request("POST", path, body, evil).status == 403
    assert review.request("POST", path, b"[1, 2]", {"X-CSRF-Token": token}).status == 400
    assert "x y" not in (folder / "post.toml").read_text()


def test_only_its_own_host_names_are_answered(review: Review) -> None:
    assert review.get("/", Host="evil.example").status == 421  # DNS rebinding
    assert review.get("/", Host=f"localhost:{review.port}").status == 200


@pytest.mark.parametrize(
    "path",
    [
        "/post/../out/x",
        "/post/%2e%2e/img/post.json",
        "/post/..%2f..%2fetc/img/passwd",
        "/post//etc/img/passwd",
        "/post/{slug}/img/post.json",
        "/post/{slug}/img/..%2fpost.json",
        "/post/{slug}/img/%2fetc%2fpasswd",
        "/post/{slug}/img/.repurpose-state.json",
        "/post/outside/img/secret.jpg",
        "/static/../pipeline/cli.py",
        "/static/%2e%2e%2fbase.html.j2",
    ],
)
def test_no_path_outside_out_is_served(review: Review, folder: Path, path: str) -> None:
    outside = folder.parent.parent / "secret"
    outside.mkdir(exist_ok=True)
    (outside / "secret.jpg").write_bytes(b"SECRET")
    shutil.copy(folder / "post.json", outside / "post.json")
    (folder.parent / "outside").symlink_to(outside)  # a link inside OUT to a folder outside
    reply = review.get(path.format(slug=folder.name))
    assert reply.status == 404
    assert b"SECRET" not in reply.body and b'"digest"' not in reply.body


def test_a_linked_image_is_not_followed(review: Review, folder: Path, tmp_path: Path) -> None:
    (tmp_path / "secret.jpg").write_bytes(b"SECRET")
    (folder / "quote-01.jpg").unlink()
    (folder / "quote-01.jpg").symlink_to(tmp_path / "secret.jpg")
    reply = review.get(f"/post/{folder.name}/img/quote-01.jpg")
    assert reply.status == 400 and b"SECRET" not in reply.body
    assert "symbolic link" in reply.text


def test_a_change_to_a_linked_folder_is_refused(review: Review, folder: Path) -> None:
    link = folder.parent / "linked"
    link.symlink_to(folder)
    token, version = review.page_state(folder.name)
    body = json.dumps({"version": version, "key": "caption", "text": "Hi"}).encode()
    reply = review.request("POST", "/post/linked/edit", body, {"X-CSRF-Token": token})
    assert reply.status == 404


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--host", "0.0.0.0"], "add --allow-remote and --password-file FILE"),
        (["--host", "0.0.0.0", "--allow-remote"], "add --allow-remote and --password-file"),
        (
            ["--host", "0.0.0.0", "--allow-remote", "--password-file", "short.txt"],
            "short.txt: the password must have at least 12 characters",
        ),
    ],
)
def test_another_address_needs_remote_and_a_password(
    tmp_path: Path, args: list[str], error: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "short.txt").write_text("secret\n")
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "review", str(tmp_path), *args],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and error in result.stderr
    assert len(result.stderr.splitlines()) == 1


def review_command(out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pipeline", "review", str(out), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def test_a_missing_folder_a_busy_port_and_ctrl_c(tmp_path: Path) -> None:
    missing = review_command(tmp_path / "nope")
    assert missing.returncode == 1
    assert missing.stderr == (
        f"Error: {tmp_path / 'nope'} is not a folder: give the output folder of `repurpose run`\n"
    )
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = review_command(tmp_path, "--port", str(port))
    assert busy.returncode == 1
    assert busy.stderr.startswith(f"Error: cannot listen on 127.0.0.1:{port}: ")
    assert busy.stderr.endswith("(try another --port)\n")
    with review_server(tmp_path) as review:
        assert "No posts yet" in review.get("/").text
        review.process.send_signal(signal.SIGINT)
        assert review.process.wait(timeout=30) == 0
        assert review.process.stderr is not None
        assert review.process.stderr.read() == "review page stopped\n"


def test_a_password_is_asked_when_given(folder: Path, tmp_path: Path) -> None:
    password = tmp_path / "password.txt"
    password.write_text("correct horse battery\n")
    extra = ("--host", "127.0.0.1", "--allow-remote", "--password-file", str(password))
    with review_server(folder.parent, *extra) as review:
        assert review.get("/").status == 401
        good = b64encode(b"staff:correct horse battery").decode()
        bad = b64encode(b"staff:wrong").decode()
        assert review.get("/", Authorization=f"Basic {bad}").status == 401
        assert review.get("/", Authorization=f"Basic {good}").status == 200


def test_export_and_schedule_skip_unapproved_posts(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = run_sample(folder.parent / "more", sample=SAMPLES / "plantar-heel-pain.html")
    assert main(["approve", str(folder), "--by", "Dr Lee"]) == 0
    assert main(["schedule", str(folder), str(other), "--start", "+1", "--approved-only"]) == 0
    assert "schedule" in read_json(folder / "post.json")
    assert "schedule" not in read_json(other / "post.json")
    assert f"skipped {other}: not approved" in capsys.readouterr().err
    assert main(["export", str(folder), str(other), "--to", "ics", "--approved-only"]) == 0
    assert main(["export", str(other), "--to", "ics", "--approved-only"]) == 1
    assert "none of the posts given is approved" in capsys.readouterr().err


def carousel(folder: Path) -> list[tuple[str, str | None]]:
    """The carousel's files and counters in swipe order, as post.json has them."""
    manifest = read_json(folder / "post.json")
    return [(c["file"], c["counter"]) for c in manifest["cards"] if c["kind"] in CAROUSEL_KINDS]


CAROUSEL_KINDS = ("cover", "point", "closing")


def test_slides_left_out_moved_put_back_and_kept_by_run(review: Review, folder: Path) -> None:
    edit = review.act(folder.name, "edit", key="carousel-05.jpg.text", text="Balance first.")
    assert edit.status == 200
    assert review.act(folder.name, "slide", file="carousel-05.jpg", move="out").status == 200
    slides = carousel(folder)
    assert "carousel-05.jpg" not in [f for f, _ in slides]
    assert [c for _, c in slides] == [f"{i} / 9" for i in range(1, 10)]
    assert not (folder / "carousel-05.jpg").exists()
    manifest = read_json(folder / "post.json")
    assert len([i for i in manifest["images"] if i["kind"] == "carousel"]) == 9
    assert manifest["slides_left_out"][0]["text"] == "Balance first."
    assert "Slide 5 of 9" in image_alt(manifest, "carousel-06.jpg")

    assert review.act(folder.name, "slide", file="carousel-03.jpg", move="earlier").status == 200
    assert [f for f, _ in carousel(folder)][:3] == [COVER, "carousel-03.jpg", "carousel-02.jpg"]
    assert review.act(folder.name, "slide", file=COVER, move="out").status == 422
    assert review.act(folder.name, "slide", file="carousel-03.jpg", move="earlier").status == 422

    # `run` on the same article keeps the arrangement, and the edit of the slide left out
    assert main(["run", str(KNEE), "-o", str(folder.parent), "-q"]) == 0
    assert [f for f, _ in carousel(folder)][:3] == [COVER, "carousel-03.jpg", "carousel-02.jpg"]
    assert "carousel-05.jpg" not in [f for f, _ in carousel(folder)]

    assert review.act(folder.name, "slide", file="carousel-05.jpg", move="back").status == 200
    files = [f for f, _ in carousel(folder)]
    assert files.index("carousel-05.jpg") == files.index("carousel-04.jpg") + 1
    assert [c for _, c in carousel(folder)][-1] == "10 / 10"
    assert card(read_json(folder / "post.json"), "carousel-05.jpg")["text"] == "Balance first."
    assert (folder / "carousel-05.jpg").is_file()
    assert read_json(folder / "post.json")["slides_left_out"] == []


def image_alt(manifest: dict[str, object], file: str) -> str:
    images = manifest["images"]
    assert isinstance(images, list)
    return str(next(i["alt_text"] for i in images if i["file"] == file))


@pytest.mark.parametrize(
    ("action", "fields", "status", "message"),
    [
        ("edit", {"key": "caption", "text": "x" * 2201}, 422, "the text has 2,201 characters"),
        ("edit", {"key": f"{COVER}.alt_text", "text": "y" * 1001}, 422, "at most 1,000"),
        ("edit", {"key": "post.json", "text": "z"}, 422, "this post has no text called"),
        ("edit", {"key": "caption"}, 400, "the request lacks 'text'"),
        ("approve", {"by": "   "}, 422, "give your name"),
        (
            "signoff",
            {"rule": "cure", "text": "nowhere", "by": "A", "reason": "B"},
            422,
            "no longer",
        ),
        (
            "schedule",
            {"start": "1999-01-01", "slots": "Mon 09:00", "tz": "UTC"},
            422,
            "in the past",
        ),
        ("schedule", {"start": "+1", "slots": "Funday 09:00", "tz": "UTC"}, 422, "bad slot"),
        ("delete", {}, 404, "no such action"),
    ],
)
def test_bad_requests_get_one_clear_sentence(
    review: Review, folder: Path, action: str, fields: dict[str, str], status: int, message: str
) -> None:
    before = digest(folder / "post.json")
    reply = review.act(folder.name, action, **fields)
    assert reply.status == status
    assert message in reply.json()["error"]
    assert digest(folder / "post.json") == before


def test_a_body_too_large_or_not_json_is_refused(review: Review, folder: Path) -> None:
    token, _ = review.page_state(folder.name)
    path = f"/post/{folder.name}/edit"
    headers = {"X-CSRF-Token": token}
    assert review.request("POST", path, b"{" * 300_000, headers).status == 413
    assert review.request("POST", path, b"not json", headers).status == 400
    assert review.request("POST", path, b'{"version": 1}', headers).status == 400


def test_a_damaged_post_is_named_not_a_crash(review: Review, folder: Path) -> None:
    (folder / "post.json").write_text('{"cards": 7}')
    listing = review.get("/")
    assert listing.status == 200 and "wrong kind of value" in listing.text
    page = review.get(f"/post/{folder.name}")
    assert page.status == 400 and "wrong kind of value" in page.text


def test_a_korean_post_opens_edits_and_exports(review: Review, folder: Path) -> None:
    korean = run_sample(folder.parent / "ko", sample=SAMPLES / "ko-knee-pain.md")
    slug = Path(shutil.move(korean, folder.parent / korean.name)).name
    assert not slug.isascii()
    path = quote(slug)
    assert slug in review.get("/").text
    assert review.get(f"/post/{path}").status == 200
    reply = review.act(path, "edit", key="carousel-02.jpg.text", text="계단에서 무릎이 아파요.")
    assert reply.status == 200, reply.text
    assert card(read_json(folder.parent / slug / "post.json"), "carousel-02.jpg")["text"] == (
        "계단에서 무릎이 아파요."
    )
    assert (
        review.act(path, "schedule", start="+1", slots="Mon 09:00", tz="Asia/Seoul").status == 200
    )
    ics = review.get(f"/export/ics?post={path}")
    assert ics.status == 200
    assert f"filename*=UTF-8''{quote(slug)}-ics.ics" in ics.headers["Content-Disposition"]


def test_the_page_brings_its_own_fonts(review: Review) -> None:
    css = review.get("/static/review.css").text
    for name in ("Inter-Regular.otf", "NanumSquareR.ttf", "BIZUDGothic-Regular.ttf"):
        assert f"/static/fonts/{name}" in css
        font = review.get(f"/static/fonts/{name}")
        assert font.status == 200 and font.body == (ROOT / "fonts" / name).read_bytes()
    assert review.get("/static/fonts/licenses").status == 404
    assert review.get("/static/fonts/NanumSquareEB.ttf").status == 404  # only those named


ROOT = Path(__file__).resolve().parent.parent


def test_a_short_headline_inside_a_sentence_stays(review: Review, folder: Path) -> None:
    assert review.act(folder.name, "edit", key=f"{COVER}.text", text="Knee pain").status == 200
    point = "Knee pain on the stairs is common."
    assert review.act(folder.name, "edit", key="carousel-02.jpg.text", text=point).status == 200
    caption = read_json(folder / "post.json")["caption"]
    caption = caption.replace("\n\n", f"\n\n• Symptom: {point}\n", 1)
    assert review.act(folder.name, "edit", key="caption", text=caption).status == 200
    assert review.act(folder.name, "edit", key=f"{COVER}.text", text="Sore knees").status == 200
    manifest = read_json(folder / "post.json")
    assert card(manifest, "carousel-02.jpg")["text"] == point
    assert card(manifest, "story-01.jpg")["text"] == "Sore knees"
    assert card(manifest, "quote-01.jpg")["note"].endswith(": Sore knees")
    assert manifest["caption"].startswith("Sore knees\n")
    assert f"• Symptom: {point}\n" in manifest["caption"]


def test_host_names_are_checked_on_loopback_only() -> None:
    from pipeline.review.server import allowed_hosts

    assert allowed_hosts("127.0.0.1", 8765) == {
        "127.0.0.1:8765", "localhost:8765", "[::1]:8765",
    }  # fmt: skip
    assert allowed_hosts("0.0.0.0", 8765) == frozenset()  # the password guards it instead
