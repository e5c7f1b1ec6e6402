"""`repurpose approve OUT/<slug> --by NAME`: record who approved the set, when, and what they
saw. Refused while the folder has edits not drawn yet (`repurpose render` first) or blocking
health-copy findings (reword them, render, approve)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from pipeline.health import blocking
from pipeline.models import PublishError
from pipeline.write.approval import Approval, content_hash
from pipeline.write.edits import TEXT_FILES, quote_caption_file
from pipeline.write.files import folder_lock, update_tool_files
from pipeline.write.manifest import MANIFEST, Manifest, read_manifest
from pipeline.write.state import is_hand_edited, load_state


def approve_folder(folder: Path, by: str, now: datetime) -> Approval:
    if not by.strip():
        raise PublishError("give the approver's name: --by NAME")
    with folder_lock(folder):
        manifest = read_manifest(folder)
        check_drawn(folder, manifest)
        check_findings(folder, manifest)
        approval = Approval(
            by.strip(), now.isoformat(timespec="seconds"), set_hash(folder, manifest)
        )
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
    blocks = blocking(manifest.health_findings)
    if blocks:
        first = blocks[0]
        raise PublishError(
            f"{folder}: {len(blocks)} blocking health-copy finding(s), e.g. [{first.rule}] "
            f"“{first.text}” in {', '.join(first.where)}: reword it in post.toml (suggested: "
            f"“{first.suggestion}”), run `repurpose render {folder}`, then approve"
        )


def set_hash(folder: Path, manifest: Manifest) -> str:
    """The hash of what is approved: images, captions and alt texts as they are now."""
    texts = {"caption": manifest.caption}
    if manifest.captions:
        texts |= {f"caption:{file}": text for file, text in manifest.captions.quotes}
        texts["caption:story"] = manifest.captions.story
    texts |= {f"alt:{image.file}": image.alt_text for image in manifest.images}
    return content_hash(folder, tuple(image.file for image in manifest.images), texts)
