"""The hidden state file of an output folder, `.repurpose-state.json`: a hash of every file the
tool wrote and of every text it generated, so that a later run can tell a person's edits from its
own output and keep them."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.models import EditError
from pipeline.write.atomic import write_atomic

STATE_FILE = ".repurpose-state.json"
STATE_VERSION = 1


def content_hash(data: bytes | str) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class FolderState:
    """What the tool last wrote into a folder, as hashes.

    files: file name -> hashes of the contents the tool wrote (two while a write is under way);
    generated: text key -> hash of the text the tool itself produced (from the article);
    written: text key -> hash of the text as last written out (edits included).
    """

    files: dict[str, tuple[str, ...]] = field(default_factory=dict)
    generated: dict[str, str] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)


def load_state(folder: Path) -> FolderState | None:
    """The folder's state, or None for a folder this version of the tool never wrote."""
    path = folder / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return FolderState(
            files={k: tuple(v) for k, v in data["files"].items()},
            generated=dict(data["generated"]),
            written=dict(data["written"]),
        )
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise EditError(f"{path} is damaged: delete it, or use --force") from None


def load_state_or_none(folder: Path) -> FolderState | None:
    try:
        return load_state(folder)
    except EditError:
        return None


def save_state(folder: Path, state: FolderState) -> None:
    write_atomic(folder / STATE_FILE, state_bytes(state))


def state_bytes(state: FolderState) -> bytes:
    data = {"version": STATE_VERSION, **asdict(state)}
    data["files"] = {k: list(v) for k, v in sorted(state.files.items())}
    return (json.dumps(data, indent=2) + "\n").encode("utf-8")


def is_hand_edited(folder: Path, name: str, state: FolderState | None) -> bool:
    """A file whose content is not what the tool last wrote there."""
    path = folder / name
    if state is None or not path.is_file():
        return False
    known = state.files.get(name)
    return known is None or content_hash(path.read_bytes()) not in known
