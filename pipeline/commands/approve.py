"""`repurpose approve OUT/<slug> --by NAME`: record who approved the set, when, and what they
saw. Refused while the folder has edits not drawn yet (`repurpose render` first) or blocking
health-copy findings (reword them, render, approve)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from pipeline.health import blocking
from pipeline.models import PublishError
from pipeline.write.approval import Approval, content_hash
from pipeline.write.edits import TEXT_FILES, quote_caption_file
from pipeline.write.files import folder_lock, update_tool_files
from pipeline.write.manifest import MANIFEST, Manifest, read_manifest
from pipeline.write.signoffs import open_findings, signoffs_of
from pipeline.write.state import is_hand_edited, load_state


def approve_folder(folder: Path, by: str, now: datetime) -> Approval:
    if not by.strip():
        raise PublishError("give the approver's name: --by NAME")
    with folder_lock(folder):
        return record_approval(folder, by, now)


def record_approval(folder: Path, by: str, now: datetime) -> Approval:
    """Approve a folder whose lock the caller holds."""
    manifest = read_manifest(folder)
    check_drawn(folder, manifest)
    check_findings(folder, manifest)
    approval = Approval(by.strip(), now.isoformat(timespec="seconds"), set_hash(folder, manifest))
    update_tool_files(folder, {MANIFEST: replace(manifest, approval=approval).to_bytes()})
    return approval


def check_drawn(folder: Path, manifest: Manifest) -> None:
    """Edits to the texts must be drawn (and health-checked) before anyone approves them."""
    state = load_state(folder)
    quotes = manifest.captions.quotes if manifest.captions else ()
    names = sorted(TEXT_FILES | {quote_caption_file(file) for file, _ in quotes})
    edited = [name for name in names if is_hand_edited(folder, name, state)]
    if edited:
        raise PublishError(
            f"{folder}: {', '.join(edited)} edited since the images were drawn: run "
            f"`repurpose render {folder}` and look at the set again, then approve"
        )


def check_findings(folder: Path, manifest: Manifest) -> None:
    """No blocking finding may remain, unless a person signed it off for its exact text."""
    blocks = open_findings(blocking(manifest.health_findings), signoffs_of(manifest))
    if blocks:
        first = blocks[0]
        raise PublishError(
            f"{folder}: {len(blocks)} blocking health-copy finding(s), e.g. [{first.rule}] "
            f"“{first.text}” in {', '.join(first.where)}: reword it in post.toml (suggested: "
            f"“{first.suggestion}”) and run `repurpose render {folder}`, or sign it off in "
            "`repurpose review`; then approve"
        )


def is_approved(folder: Path, manifest: Manifest) -> bool:
    """Approved, and still the set that was approved (a set changed since needs a new word)."""
    approval = manifest.approval
    return approval is not None and approval.content == set_hash(folder, manifest)


def approved_only(folders: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """The folders approved (for the set they now hold), and those that are not."""
    kept: list[Path] = []
    skipped: list[Path] = []
    for folder in folders:
        (kept if is_approved(folder, read_manifest(folder)) else skipped).append(folder)
    return kept, skipped


def set_hash(folder: Path, manifest: Manifest) -> str:
    """The hash of what is approved: images, captions and alt texts as they are now."""
    texts = {"caption": manifest.caption}
    if manifest.captions:
        texts |= {f"caption:{file}": text for file, text in manifest.captions.quotes}
        texts["caption:story"] = manifest.captions.story
    texts |= {f"alt:{image.file}": image.alt_text for image in manifest.images}
    return content_hash(folder, tuple(image.file for image in manifest.images), texts)
