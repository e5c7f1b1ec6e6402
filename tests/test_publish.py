"""approve and publish against local stand-ins for the Graph API and Postiz's public API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from pipeline.brand import load_brand
from pipeline.cli import main
from pipeline.commands.render import render_folder
from pipeline.commands.run import RunOptions, run_source
from pipeline.write.manifest import read_manifest
from tests.conftest import KNEE
from tests.stubserver import Call, Reply, Stub, serve

TOKEN = "EAAG-secret-token-123"
ACCOUNT = "17841400000000001"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return run_source(str(KNEE), RunOptions(tmp_path / "out", load_brand())).folder


class Graph:
    """The documented calls: media, status polling, media_publish, content_publishing_limit."""

    def __init__(self, out: Path) -> None:
        self.out, self.made, self.polls = out, 0, {}  # type: ignore[var-annotated]
        self.fail_subcode: int | None = None

    def __call__(self, call: Call) -> Reply:
        path = call.path.split("?")[0]
        if path.startswith("/media/"):
            data = (self.out / path.removeprefix("/media/")).read_bytes()
            return Reply(data, headers={"Content-Type": "image/jpeg"})
        if not path.startswith("/v21/"):
            return Reply(b"not found", 404)
        if path == f"/v21/{ACCOUNT}/content_publishing_limit":
            return json_reply({"data": [{"quota_usage": 2, "config": {"quota_total": 50}}]})
        if path == f"/v21/{ACCOUNT}/media":
            if self.fail_subcode:
                error = {"message": "x", "code": 9004, "error_subcode": self.fail_subcode}
                return json_reply({"error": error}, 400)
            self.made += 1
            return json_reply({"id": f"c{self.made}"})
        if path == f"/v21/{ACCOUNT}/media_publish":
            return json_reply({"id": "m-" + form(call)["creation_id"]})
        container = path.removeprefix("/v21/")
        self.polls[container] = self.polls.get(container, 0) + 1
        status = "FINISHED" if self.polls[container] > 1 else "IN_PROGRESS"
        return json_reply({"status_code": status, "id": container})


def json_reply(data: object, status: int = 200) -> Reply:
    return Reply(json.dumps(data).encode(), status, {"Content-Type": "application/json"})


def form(call: Call) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(call.body.decode()).items()}


@pytest.fixture
def graph(folder: Path) -> Iterator[tuple[Stub, Graph]]:
    with serve() as stub:
        stand_in = Graph(folder.parent)
        stub.fallback = stand_in
        yield stub, stand_in


def publish_argv(stub: Stub, folder: Path, *more: str) -> list[str]:
    return [
        "publish", str(folder), "--to", "instagram", "--account", ACCOUNT,
        "--api-base", f"{stub.base}/v21", "--media-base-url", f"{stub.base}/media",
        "--allow-private", *more,
    ]  # fmt: skip


def no_token_anywhere(folder: Path, text: str) -> None:
    assert TOKEN not in text
    for path in folder.parent.rglob("*"):
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), path


def test_an_unapproved_set_is_refused(
    graph: tuple[Stub, Graph], folder: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("INSTAGRAM_ACCESS_TOKEN", TOKEN)
    assert main(publish_argv(graph[0], folder)) == 1
    err = capsys.readouterr().err
    assert err == (
        f"Error: {folder} is not approved: review preview.html, then "
        f'`repurpose approve {folder} --by "YOUR NAME"`\n'
    )
    assert graph[0].calls == []


def test_approve_needs_drawn_edits_and_no_blocking_findings(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "caption.txt").write_text("This treatment will cure your knee pain.\n")
    assert main(["approve", str(folder), "--by", "Dr Lee"]) == 1
    assert "caption.txt edited since the images were drawn" in capsys.readouterr().err
    render_folder(folder, None, False, keep_flagged=True)  # drawn only with --keep-flagged
    assert main(["approve", str(folder), "--by", "Dr Lee"]) == 1
    err = capsys.readouterr().err
    assert "blocking health-copy finding(s)" in err and "then approve" in err
    assert read_manifest(folder).approval is None
    (folder / "caption.txt").write_text("This treatment may help with knee pain.\n")
    render_folder(folder, None, False)
    assert main(["approve", str(folder), "--by", "Dr Lee"]) == 0
    approval = read_manifest(folder).approval
    assert approval is not None and approval.by == "Dr Lee"


def test_a_carousel_is_published_once_in_the_documented_order(
    graph: tuple[Stub, Graph], folder: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    stub, _ = graph
    monkeypatch.setenv("INSTAGRAM_ACCESS_TOKEN", TOKEN)
    assert main(["approve", str(folder), "--by", "Dr Lee"]) == 0
    assert main(publish_argv(stub, folder)) == 0
    manifest = read_manifest(folder)
    slides = [i for i in manifest.images if i.kind == "carousel"]
    heads = [c for c in stub.calls if c.method == "HEAD"]
    assert [c.path for c in heads] == [f"/media/{folder.name}/{i.file}" for i in slides]
    api = [c for c in stub.calls if c.path.startswith("/v21/")]
    assert stub.calls.index(heads[-1]) < stub.calls.index(api[0])  # every HEAD first
    assert api[0].path.startswith(f"/v21/{ACCOUNT}/content_publishing_limit")
    posts = [c for c in api if c.method == "POST"]
    items = [form(c) for c in posts[: len(slides)]]
    assert [i["image_url"] for i in items] == [
        f"{stub.base}/media/{folder.name}/{s.file}" for s in slides
    ]
    assert all(i["is_carousel_item"] == "true" for i in items)
    assert [i["alt_text"] for i in items] == [s.alt_text for s in slides]
    parent = form(posts[len(slides)])
    assert parent["media_type"] == "CAROUSEL" and parent["caption"] == manifest.caption
    assert parent["children"] == ",".join(f"c{n}" for n in range(1, len(slides) + 1))
    assert form(posts[-1]) == {"creation_id": f"c{len(slides) + 1}"}
    assert posts[-1].path == f"/v21/{ACCOUNT}/media_publish"
    polled = [c.path.split("?")[0] for c in api if c.method == "GET"][1:]
    assert sorted(set(polled)) == sorted(f"/v21/c{n}" for n in range(1, len(slides) + 2))
    assert all(c.headers["Authorization"] == f"Bearer {TOKEN}" for c in api)
    assert all(TOKEN not in c.path for c in stub.calls)
    record = read_manifest(folder).publications
    assert [(p.kind, p.media_id) for p in record] == [("carousel", f"m-c{len(slides) + 1}")]
    stub.calls.clear()
    assert main(publish_argv(stub, folder)) == 0  # again: nothing posts twice
    assert [c for c in stub.calls if c.method == "POST"] == []
    no_token_anywhere(folder, capsys.readouterr().err)


def test_a_quote_card_and_a_story_one_by_one(
    graph: tuple[Stub, Graph], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub, _ = graph
    monkeypatch.setenv("INSTAGRAM_ACCESS_TOKEN", TOKEN)
    main(["approve", str(folder), "--by", "Dr Lee"])
    assert main(publish_argv(stub, folder, "--piece", "quote-01.jpg")) == 0
    posts = [form(c) for c in stub.calls if c.method == "POST"]
    assert "is_carousel_item" not in posts[0] and posts[0]["image_url"].endswith("quote-01.jpg")
    assert posts[0]["caption"] == dict(read_manifest(folder).captions.quotes)["quote-01.jpg"]  # type: ignore[union-attr]
    stub.calls.clear()
    assert main(publish_argv(stub, folder, "--piece", "story-01.jpg")) == 0
    posts = [form(c) for c in stub.calls if c.method == "POST"]
    assert posts[0]["media_type"] == "STORIES" and "caption" not in posts[0]
    kinds = [p.kind for p in read_manifest(folder).publications]
    assert kinds == ["quote", "story"]


def test_meta_error_subcodes_are_one_line_and_nothing_is_recorded(
    graph: tuple[Stub, Graph], folder: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    stub, stand_in = graph
    stand_in.fail_subcode = 2207052
    monkeypatch.setenv("INSTAGRAM_ACCESS_TOKEN", TOKEN)
    main(["approve", str(folder), "--by", "Dr Lee"])
    capsys.readouterr()
    assert main(publish_argv(stub, folder)) == 1
    assert capsys.readouterr().err == (
        "Error: Instagram refused: Instagram could not fetch an image from its URL: is it "
        "public? (subcode 2207052)\n"
    )
    assert read_manifest(folder).publications == ()


def test_a_missing_image_url_stops_before_anything_is_created(
    graph: tuple[Stub, Graph], folder: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    stub, _ = graph
    monkeypatch.setenv("INSTAGRAM_ACCESS_TOKEN", TOKEN)
    main(["approve", str(folder), "--by", "Dr Lee"])
    argv = publish_argv(stub, folder)
    argv[argv.index("--media-base-url") + 1] = f"{stub.base}/nowhere"
    assert main(argv) == 1
    assert capsys.readouterr().err.endswith(
        f"Error: image not reachable: {stub.base}/nowhere/{folder.name}/carousel-01.jpg "
        "answered HTTP 404\n"
    )
    assert [c for c in stub.calls if c.method == "POST"] == []


def test_no_token_no_call(folder: Path, monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    monkeypatch.delenv("INSTAGRAM_ACCESS_TOKEN", raising=False)
    assert main(["publish", str(folder), "--to", "instagram"]) == 1
    assert "set the environment variable INSTAGRAM_ACCESS_TOKEN" in capsys.readouterr().err


class PostizStandIn:
    """POST /upload (multipart, returns id and path), POST /posts (returns postId)."""

    def __init__(self) -> None:
        self.uploads = 0

    def __call__(self, call: Call) -> Reply:
        if call.path == "/api/public/v1/upload":
            self.uploads += 1
            n = self.uploads
            return json_reply({"id": f"u{n}", "path": f"https://uploads.example/{n}.jpg"})
        if call.path == "/api/public/v1/posts":
            return json_reply([{"postId": "p1", "integration": "ig-1"}])
        return Reply(b"not found", 404)


def test_postiz_uploads_then_posts_html_paragraphs_once(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("POSTIZ_API_KEY", TOKEN)
    (folder / "caption.txt").write_text("Knee & hip: pain < 3 weeks?\n\nBook now.\n")
    render_folder(folder, None, False)
    main(["approve", str(folder), "--by", "Dr Lee"])
    argv = ["publish", str(folder), "--to", "postiz", "--account", "ig-1", "--allow-private"]
    with serve() as stub:
        stub.fallback = PostizStandIn()
        assert main([*argv, "--api-base", f"{stub.base}/api/public/v1"]) == 0
        slides = [i for i in read_manifest(folder).images if i.kind == "carousel"]
        paths = [c.path for c in stub.calls]
        assert paths == ["/api/public/v1/upload"] * len(slides) + ["/api/public/v1/posts"]
        assert all(c.headers["Authorization"] == TOKEN for c in stub.calls)
        assert b'filename="carousel-01.jpg"' in stub.calls[0].body
        body = json.loads(stub.calls[-1].body)
        value = body["posts"][0]["value"][0]
        assert value["content"] == (
            "<p>Knee &amp; hip: pain &lt; 3 weeks?</p><p></p><p>Book now.</p>"
        )
        assert value["image"][0] == {
            "id": "u1", "path": "https://uploads.example/1.jpg", "alt": slides[0].alt_text
        }  # fmt: skip
        assert body["posts"][0]["integration"] == {"id": "ig-1"}
        stub.calls.clear()
        assert main([*argv, "--api-base", f"{stub.base}/api/public/v1"]) == 0
        assert stub.calls == []
    assert [p.media_id for p in read_manifest(folder).publications] == ["p1"]
    no_token_anywhere(folder, capsys.readouterr().err)


def test_postiz_length_and_rate_limit() -> None:
    from pipeline.models import PublishError
    from pipeline.publish.postiz import RateLimit, utf16_length

    assert utf16_length("knee 🦵") == 7
    limit = RateLimit(per_hour=3, clock=lambda: 100.0)
    limit.take(3)
    with pytest.raises(PublishError, match="Postiz allows 3 API requests an hour"):
        limit.take(1)
