"""Sign-offs: a person's word that a health-copy finding may stand, kept in post.json under
"signoffs" (an added key; older manifests have none).

A sign-off names the finding's rule and the exact text it was given for, so it covers that text
only: once the text changes, the finding is open again and needs a new word.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from pipeline.models import HealthFinding
from pipeline.write.manifest import Manifest

SIGNOFFS = "signoffs"


@dataclass(frozen=True)
class Signoff:
    by: str
    at: str  # ISO 8601 with offset
    rule: str
    text: str  # the exact text the finding was about
    reason: str
    severity: str  # "block" or "warn", as the finding had it
    where: tuple[str, ...] = ()


def signoffs_of(manifest: Manifest) -> tuple[Signoff, ...]:
    """The sign-offs recorded in post.json; a damaged entry is skipped, not a crash."""
    entries = manifest.extra.get(SIGNOFFS)
    if not isinstance(entries, list):
        return ()
    return tuple(s for s in map(signoff_from_json, entries) if s is not None)


def signoff_from_json(entry: Any) -> Signoff | None:
    keys = ("by", "at", "rule", "text", "reason")
    if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in keys):
        return None
    where = entry.get("where")
    return Signoff(
        by=entry["by"],
        at=entry["at"],
        rule=entry["rule"],
        text=entry["text"],
        reason=entry["reason"],
        severity="block" if entry.get("severity") == "block" else "warn",
        where=tuple(str(w) for w in where) if isinstance(where, list) else (),
    )


def signs_off(signoff: Signoff, finding: HealthFinding) -> bool:
    return signoff.rule == finding.rule and signoff.text == finding.text


def open_findings(
    findings: Iterable[HealthFinding], signoffs: Sequence[Signoff]
) -> list[HealthFinding]:
    """The findings nobody has signed off for their current text."""
    return [f for f in findings if not any(signs_off(s, f) for s in signoffs)]


def with_signoff(manifest: Manifest, signoff: Signoff) -> Manifest:
    """The manifest with one more sign-off (one for the same rule and text is replaced)."""
    kept = [s for s in signoffs_of(manifest) if (s.rule, s.text) != (signoff.rule, signoff.text)]
    entries = [signoff_json(s) for s in (*kept, signoff)]
    return replace(manifest, extra={**manifest.extra, SIGNOFFS: entries})


def signoff_json(signoff: Signoff) -> dict[str, Any]:
    return asdict(signoff) | {"where": list(signoff.where)}
