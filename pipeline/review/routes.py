"""The review app's pages and actions: a request's parts in, a `Reply` out. No HTTP here, so
each action reads like the command it calls."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipeline.models import RepurposeError
from pipeline.render.looks import template_names
from pipeline.review import actions
from pipeline.review.actions import Stale
from pipeline.review.folders import NotFound, find_folder, open_folder, post_folders
from pipeline.review.plan import CONTENT_TYPES, approved_folders, export_plan, plan_post
from pipeline.review.slides import rearrange
from pipeline.review.views import list_posts, post_page
from pipeline.write.edits import read_folder_texts
from pipeline.write.state import load_state

Clock = Callable[[], datetime]
HTML = "text/html; charset=utf-8"
JSON_TYPE = "application/json"


@dataclass
class Reply:
    status: HTTPStatus
    body: bytes
    content_type: str = HTML
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, status: HTTPStatus, data: dict[str, Any]) -> Reply:
        return cls(status, json.dumps(data).encode("utf-8"), JSON_TYPE)

    @classmethod
    def error(cls, status: HTTPStatus, message: str) -> Reply:
        return cls.json(status, {"ok": False, "error": message})

    @classmethod
    def page_error(cls, status: HTTPStatus, message: str) -> Reply:
        body = f"<!doctype html><title>{status.phrase}</title><p>{escape(message)}</p>"
        return cls(status, body.encode("utf-8"))


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def page(context: dict[str, Any], name: str, values: dict[str, Any]) -> Reply:
    html = context["env"].get_template(name).render(token=context["token"], **values)
    return Reply(HTTPStatus.OK, html.encode("utf-8"))


def handle_get(
    out: Path, parts: list[str], query: dict[str, str], context: dict[str, Any], clock: Clock
) -> Reply:
    if not parts:
        return page(context, "list.html.j2", {"posts": list_posts(out), "out": str(out)})
    if parts[0] == "post" and len(parts) == 2:
        folder = open_folder(out, parts[1])
        texts = read_folder_texts(folder.path, load_state(folder.path)).texts
        return page(context, "post.html.j2", post_page(folder, texts, template_names()))
    if parts[0] == "export" and len(parts) == 2:
        return export_reply(out, parts[1], query, clock)
    raise NotFound("no such page")


def export_reply(out: Path, target: str, query: dict[str, str], clock: Clock) -> Reply:
    """One post's plan (?post=slug), or every approved post's, as a file to download."""
    slug = query.get("post")
    folders = [find_folder(out, slug)] if slug else post_folders(out)
    if query.get("approved_only", "1" if not slug else "") == "1":
        folders = approved_folders(folders)
    text, name = export_plan(folders, target, query.get("media_base_url"), clock())
    reply = Reply(HTTPStatus.OK, text.encode("utf-8"), CONTENT_TYPES[target][0])
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_")
    reply.headers["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    )
    return reply


ACTIONS = ("edit", "accept", "signoff", "approve", "look", "quote", "slide", "schedule")


def handle_post(folder: Path, action: str, body: dict[str, str], clock: Clock) -> Reply:
    """Run one action; its outcome, or one sentence saying why not, as JSON."""
    if action not in ACTIONS:
        return Reply.error(HTTPStatus.NOT_FOUND, "no such action")
    try:
        return Reply.json(HTTPStatus.OK, {"ok": True, **run_action(folder, action, body, clock)})
    except Stale as exc:
        return Reply.error(HTTPStatus.CONFLICT, str(exc))
    except KeyError as exc:
        return Reply.error(HTTPStatus.BAD_REQUEST, f"the request lacks {exc}")
    except RepurposeError as exc:  # said for the page: the text is edited right here
        message = str(exc).replace(" in post.toml", "")
        return Reply.error(HTTPStatus.UNPROCESSABLE_ENTITY, message)
    except OSError as exc:
        return Reply.error(HTTPStatus.INTERNAL_SERVER_ERROR, f"{exc.strerror or exc}")


def run_action(folder: Path, action: str, body: dict[str, str], clock: Clock) -> dict[str, Any]:
    version = body["version"]
    if action == "edit":
        return edited(actions.edit_text(folder, version, body["key"], body["text"]))
    if action == "accept":
        return edited(actions.accept_suggestion(folder, version, body["rule"], body["text"]))
    if action == "quote":
        return edited(actions.swap_quote(folder, version, body["file"], body["quote"]))
    if action == "slide":
        return edited(rearrange(folder, version, body["file"], body["move"]))
    if action == "look":
        looks = tuple(template_names())
        return edited(actions.switch_look(folder, version, body["look"], looks))
    if action == "signoff":
        finding = (body["rule"], body["text"])
        new = actions.sign_off(folder, version, finding, body["by"], body["reason"], clock())
        return {"version": new}
    if action == "approve":
        approval = actions.approve(folder, version, body["by"], clock())
        return {"message": f"Approved by {approval.by} at {approval.at}"}
    planned = plan_post(folder, version, body["start"], body["slots"], body["tz"], clock())
    return {"message": f"Planned {len(planned)} posts"}


def edited(result: actions.Edited) -> dict[str, Any]:
    drawn = result.result
    return {
        "version": result.version,
        "findings": list(drawn.findings),
        "warnings": list(drawn.warnings),
    }
