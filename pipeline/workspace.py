"""An agency's workspace file (`repurpose.toml`): its clinics, each with its brand kit, feeds or
sites, output folder, posting slots and time zone, and publish account; and a loop that runs a
command for each clinic so that one clinic's failure never stops the others.

Paths in the file are taken from the file's own folder. No secret goes in it: a clinic's publish
token is named by the environment variable that holds it (`token_env`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.models import ConfigError, RepurposeError

DEFAULT_WORKSPACE = Path("repurpose.toml")
CLINIC_KEYS = ("name", "brand", "feeds", "out", "slots", "tz", "publish")
PUBLISH_KEYS = ("to", "account", "media_base_url", "token_env")
PUBLISH_TARGETS = ("instagram", "postiz")
CLINIC_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class PublishAccount:
    to: str  # "instagram" or "postiz"
    account: str | None = None  # Instagram user id, or the Postiz channel id
    media_base_url: str | None = None
    token_env: str | None = None  # the variable holding this clinic's token


@dataclass(frozen=True)
class Clinic:
    name: str
    out: Path
    brand: Path | None = None
    feeds: tuple[str, ...] = ()
    slots: str | None = None
    tz: str | None = None
    publish: PublishAccount | None = None


@dataclass(frozen=True)
class Workspace:
    path: Path
    clinics: tuple[Clinic, ...]
    queue: str | None = None  # redis://HOST:PORT/DB the agency's workers share


def load_workspace(path: Path | None) -> Workspace:
    """The workspace file, or ./repurpose.toml; every error names the clinic and the key."""
    from pipeline.tomlfile import read_toml  # TOML only when a workspace is read

    path = path or DEFAULT_WORKSPACE
    try:
        data = read_toml(path, "workspace")
    except FileNotFoundError:
        raise ConfigError(
            f"no workspace file {path}: write one (see README, An agency's clinics)"
            " or give --workspace FILE"
        ) from None
    unknown = sorted(set(data) - {"clinic", "queue"})
    if unknown:
        raise ConfigError(f"workspace {path}: unknown key '{unknown[0]}' (expected clinic, queue)")
    tables = data.get("clinic")
    if not isinstance(tables, list) or not tables:
        raise ConfigError(f"workspace {path}: list the clinics as [[clinic]] tables")
    clinics = tuple(read_clinic(table, path, n) for n, table in enumerate(tables, 1))
    check_unique(clinics, path)
    queue = data.get("queue")
    if queue is not None and not isinstance(queue, str):
        raise ConfigError(f"workspace {path}: 'queue' must be a redis:// address")
    return Workspace(path, clinics, queue)


def read_clinic(table: Any, path: Path, number: int) -> Clinic:
    if not isinstance(table, dict):
        raise ConfigError(f"workspace {path}: clinic {number} must be a table")
    name = table.get("name")
    if not isinstance(name, str) or not CLINIC_NAME.fullmatch(name):
        raise ConfigError(
            f"workspace {path}: clinic {number} needs a name of letters, digits, '.', '_' or '-'"
        )
    where = f"workspace {path}, clinic {name}"
    for key in table:
        if key not in CLINIC_KEYS:
            raise ConfigError(f"{where}: unknown key '{key}' (expected {', '.join(CLINIC_KEYS)})")
    base = path.parent
    return Clinic(
        name=name,
        out=base / text(table, "out", where, default=f"out/{name}"),
        brand=base / text(table, "brand", where) if "brand" in table else None,
        feeds=text_list(table, "feeds", where),
        slots=text(table, "slots", where) if "slots" in table else None,
        tz=text(table, "tz", where) if "tz" in table else None,
        publish=read_publish(table["publish"], where) if "publish" in table else None,
    )


def read_publish(table: Any, where: str) -> PublishAccount:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: 'publish' must be a table")
    for key in table:
        if key not in PUBLISH_KEYS:
            raise ConfigError(
                f"{where}: unknown key 'publish.{key}' (expected {', '.join(PUBLISH_KEYS)})"
            )
    target = table.get("to")
    if target not in PUBLISH_TARGETS:
        raise ConfigError(f"{where}: 'publish.to' must be one of {', '.join(PUBLISH_TARGETS)}")
    optional = {k: text(table, k, where, prefix="publish.") for k in PUBLISH_KEYS[1:] if k in table}
    token_env = optional.get("token_env")
    if token_env is not None and not ENV_NAME.fullmatch(token_env):
        raise ConfigError(f"{where}: 'publish.token_env' must name an environment variable")
    return PublishAccount(target, **optional)


def text(
    table: dict[str, Any], key: str, where: str, default: str | None = None, prefix: str = ""
) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: '{prefix}{key}' must be a text value")
    return value.strip()


def text_list(table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of addresses")
    return tuple(v.strip() for v in value)


def check_unique(clinics: Sequence[Clinic], path: Path) -> None:
    names: set[str] = set()
    outs: dict[Path, str] = {}
    for clinic in clinics:
        if clinic.name in names:
            raise ConfigError(f"workspace {path}: two clinics are named {clinic.name}")
        names.add(clinic.name)
        out = clinic.out.resolve()
        if out in outs:
            raise ConfigError(
                f"workspace {path}: clinics {outs[out]} and {clinic.name} share the output folder"
                f" {clinic.out}: give each its own"
            )
        outs[out] = clinic.name


def pick_clinics(workspace: Workspace, name: str | None) -> tuple[Clinic, ...]:
    """Every clinic, or the one named by --clinic."""
    if name is None:
        return workspace.clinics
    for clinic in workspace.clinics:
        if clinic.name == name:
            return (clinic,)
    names = ", ".join(c.name for c in workspace.clinics)
    raise ConfigError(f"no clinic {name} in {workspace.path} (it has: {names})")


def clinic_folders(clinic: Clinic) -> list[Path]:
    """The clinic's post folders: those of its output folder that hold a post.json."""
    if not clinic.out.is_dir():
        return []
    return sorted(p for p in clinic.out.iterdir() if (p / "post.json").is_file())


@dataclass(frozen=True)
class ClinicOutcome:
    clinic: str
    code: int  # the command's exit code for this clinic
    error: str | None = None


def for_each_clinic(
    clinics: Sequence[Clinic],
    work: Callable[[Clinic], int],
    say: Callable[[str], None],
) -> list[ClinicOutcome]:
    """Run `work` for every clinic; a clinic that fails is reported and the others go on."""
    outcomes = []
    for clinic in clinics:
        if len(clinics) > 1:
            say(f"== {clinic.name}")
        try:
            outcomes.append(ClinicOutcome(clinic.name, work(clinic)))
        except RepurposeError as exc:
            say(f"Error: {clinic.name}: {exc}")
            outcomes.append(ClinicOutcome(clinic.name, 1, str(exc)))
        except OSError as exc:
            error = f"{exc.filename or 'a file'}: {exc.strerror or exc}"
            say(f"Error: {clinic.name}: {error}")
            outcomes.append(ClinicOutcome(clinic.name, 1, error))
    return outcomes


def clinics_summary(command: str, outcomes: Sequence[ClinicOutcome]) -> str:
    """'watch: 3 clinics, all done' or 'watch: 2 of 3 clinics done; failed: smile-dental'."""
    failed = [o.clinic for o in outcomes if o.code != 0]
    total = f"{len(outcomes)} clinic{'s' if len(outcomes) != 1 else ''}"
    if not failed:
        return f"{command}: {total}, all done"
    return f"{command}: {len(outcomes) - len(failed)} of {total} done; failed: {', '.join(failed)}"
