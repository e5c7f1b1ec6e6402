"""The command line of an agency: `--workspace FILE` and `--clinic NAME` (every clinic of
`repurpose.toml`, or one) for run, watch, schedule, export and publish; `--queue` (each article a
job on Redis) for run and watch; `repurpose worker` and `repurpose queue status|retry`. Like
`cli.py`, it only parses and prints; each handler imports its command when it runs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.commands.batch import ProgressBar
    from pipeline.queue.jobs import JobRecord, JobSpec
    from pipeline.queue.submit import Queue
    from pipeline.workspace import Clinic, Workspace

    Commands = argparse._SubParsersAction[argparse.ArgumentParser]

EXAMPLES = """examples:
  repurpose watch --workspace agency.toml --queue redis://127.0.0.1:6379/0
  repurpose schedule --workspace agency.toml --clinic alder --start tomorrow
  repurpose run --workspace agency.toml --clinic alder @archive.txt --queue redis://127.0.0.1:6379/0
  repurpose worker --queue redis://127.0.0.1:6379/0
  repurpose queue status --queue redis://127.0.0.1:6379/0 --failed
"""


def add_command(commands: Commands, name: str, text: str) -> argparse.ArgumentParser:
    return commands.add_parser(
        name, help=text, epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter
    )


# The default output folder, one object: argparse keeps a non-string default as it is, so
# `args.out is DEFAULT_OUT` tells a run without -o from one with `-o out`.
DEFAULT_OUT = Path("out")

# Flags that name one clinic's own file or folder: with a workspace, they need a single clinic.
ONE_CLINIC_FLAGS = {"out": "-o", "output": "-o", "brand": "--brand", "state": "--state"}


def add_workspace_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workspace",
        type=Path,
        metavar="FILE",
        help="an agency's clinics (default: ./repurpose.toml when no source or folder is given)",
    )
    parser.add_argument("--clinic", metavar="NAME", help="only this clinic of the workspace")
    parser.set_defaults(parser=parser)


def add_queue_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--queue",
        metavar="redis://HOST:PORT/DB",
        help="send each article as a job to this Redis, for `repurpose worker`s to run",
    )


def in_workspace(args: argparse.Namespace, given: list[str] | list[Path]) -> bool:
    """--workspace or --clinic, or no source or folder given and ./repurpose.toml here."""
    named = args.workspace is not None or args.clinic is not None
    from pipeline.workspace import DEFAULT_WORKSPACE

    return named or (not given and DEFAULT_WORKSPACE.is_file())


def for_clinics(args: argparse.Namespace, command: str, work: Callable[[Clinic], int]) -> int:
    """`work` for each clinic of the workspace (or --clinic's); a summary naming failures."""
    from pipeline.workspace import clinics_summary, for_each_clinic, load_workspace, pick_clinics

    workspace = load_workspace(args.workspace)
    clinics = pick_clinics(workspace, args.clinic)
    check_one_clinic_flags(args, command, len(clinics))
    say = partial(say_line, args.quiet)
    outcomes = for_each_clinic(clinics, work, say)
    say_line(False, clinics_summary(command, outcomes))
    return 0 if all(o.code == 0 for o in outcomes) else 1


def given_flags(args: argparse.Namespace) -> list[str]:
    """The one-clinic flags given on the command line (-o, --brand, --state)."""
    given = []
    for dest, flag in ONE_CLINIC_FLAGS.items():
        value = getattr(args, dest, None)
        if value is not None and value is not DEFAULT_OUT and flag not in given:
            given.append(flag)
    return given


def check_one_clinic_flags(args: argparse.Namespace, command: str, clinics: int) -> None:
    """-o, --brand or --state name one clinic's folder or file: with several clinics, an error
    rather than one folder shared by all (or a flag silently left unused)."""
    from pipeline.models import ConfigError

    given = given_flags(args)
    if given and clinics > 1:
        flags = " and ".join(given)
        raise ConfigError(
            f"{command} {flags} with a workspace of {clinics} clinics: add --clinic NAME,"
            " or leave it out and each clinic uses its own from the workspace"
        )


def clinic_args(args: argparse.Namespace, clinic: Clinic, **more: object) -> argparse.Namespace:
    """The command's arguments for one clinic: its output folder and brand kit, unless -o or
    --brand was given (a flag given wins over the workspace)."""
    out = clinic.out if args.out is DEFAULT_OUT else args.out
    return one_clinic(args, out=out, brand=args.brand or clinic.brand, **more)


def one_clinic(args: argparse.Namespace, **more: object) -> argparse.Namespace:
    """The arguments with `more` in, for a single clinic's run of the command (no workspace)."""
    return argparse.Namespace(**{**vars(args), "workspace": None, "clinic": None, **more})


def workspace_queue(args: argparse.Namespace) -> str | None:
    """--queue, else the workspace's `queue` when one is used."""
    if args.queue or not in_workspace(args, getattr(args, "sources", [])):
        return args.queue  # type: ignore[no-any-return]
    from pipeline.workspace import load_workspace

    return load_workspace(args.workspace).queue


def say_line(quiet: bool, line: str) -> None:
    """A progress line on stderr: errors, failures and health findings always; the rest unless
    -q."""
    if not quiet or line.lstrip().startswith(("Error", "failed", "health")):
        print(line, file=sys.stderr, flush=True)


def schedule_clinics(args: argparse.Namespace, plan: Callable[[argparse.Namespace], int]) -> int:
    """`schedule --workspace`: each clinic's folders on its own slots and time zone."""
    from pipeline.workspace import clinic_folders

    def schedule_clinic(clinic: Clinic) -> int:
        folders = clinic_folders(clinic)
        if not folders:
            print(f"{clinic.name}: no post folders in {clinic.out}", file=sys.stderr)
            return 0
        more = {"slots": args.slots or clinic.slots, "tz": args.tz or clinic.tz}
        return plan(one_clinic(args, folders=folders, **more))

    return for_clinics(args, "schedule", schedule_clinic)


EXPORT_SUFFIX = {"hootsuite": "csv", "metricool": "csv", "postiz": "json", "ics": "ics"}


def export_clinics(args: argparse.Namespace, export: Callable[[argparse.Namespace], int]) -> int:
    """`export --workspace`: each clinic's plan beside its output folder, OUT.TARGET.EXT."""
    from pipeline.workspace import clinic_folders

    def export_clinic(clinic: Clinic) -> int:
        folders = clinic_folders(clinic)
        if not folders:
            print(f"{clinic.name}: no post folders in {clinic.out}", file=sys.stderr)
            return 0
        output = args.output or clinic.out.parent / export_name(clinic.out, args.to)
        media = args.media_base_url or (clinic.publish and clinic.publish.media_base_url)
        more = {"folders": folders, "output": output, "media_base_url": media}
        return export(one_clinic(args, **more))

    return for_clinics(args, "export", export_clinic)


def export_name(out: Path, target: str) -> str:
    """out/alder -> alder.metricool.csv, alder.postiz.json, alder.ics (beside out/alder)."""
    suffix = EXPORT_SUFFIX[target]
    return f"{out.name}.{suffix}" if target == suffix else f"{out.name}.{target}.{suffix}"


def job_spec(args: argparse.Namespace, clinic: str, source: str) -> JobSpec:
    """A source of `run` or `watch` as a job: its settings, with absolute paths."""
    from pipeline.load.source import url_scheme
    from pipeline.queue.jobs import JobSpec

    def absolute(path: Path | None) -> str | None:
        return str(path.resolve()) if path is not None else None

    cache = None if args.no_cache else absolute(args.cache_dir)
    return JobSpec(
        clinic, source if url_scheme(source) else str(Path(source).resolve()),
        str(args.out.resolve()), absolute(args.brand), args.look, absolute(args.templates),
        args.strict, args.png, args.force, getattr(args, "keep_flagged", False),
        getattr(args, "force_article", False), args.allow_private, args.allow_low_contrast,
        cache,
    )  # fmt: skip


def clinic_name(args: argparse.Namespace, clinic: Clinic | None) -> str:
    """The clinic a job counts for: the workspace's, --clinic, or the output folder's name."""
    return clinic.name if clinic else args.clinic or args.out.resolve().name


def queue_sender(
    args: argparse.Namespace, url: str, clinic: Clinic | None, say: Callable[[str], None]
) -> Callable[[str], None]:
    """`watch --queue`: each new article of a pass becomes a job."""
    from pipeline.queue.submit import open_queue, send_jobs

    queue = open_queue(url, say)
    name = clinic_name(args, clinic)

    def send(source: str) -> None:
        send_jobs(queue, [job_spec(args, name, source)])

    return send


def run_agency(args: argparse.Namespace, run_here: Callable[[argparse.Namespace], int]) -> int:
    """`run --clinic NAME` (its brand kit and output folder) and `run --queue URL`."""
    from pipeline.workspace import load_workspace

    clinic, url = None, args.queue
    if args.workspace is not None or args.clinic is not None:
        workspace = load_workspace(args.workspace)
        clinic = run_clinic(workspace, args.clinic)
        url = url or workspace.queue
        args = clinic_args(args, clinic)
    args = one_clinic(args, queue=None)
    if not url:
        return run_here(args)
    return run_queued(args, url, clinic)


def run_clinic(workspace: Workspace, name: str | None) -> Clinic:
    from pipeline.models import ConfigError
    from pipeline.workspace import pick_clinics

    if name is None and len(workspace.clinics) > 1:
        raise ConfigError(f"run with a workspace of {len(workspace.clinics)} clinics: add --clinic")
    return pick_clinics(workspace, name)[0]


def run_queued(args: argparse.Namespace, url: str, clinic: Clinic | None) -> int:
    """Send every source as a job; unless --no-wait, show progress until all have ended."""
    import time

    from pipeline.commands.batch import ProgressBar, expand_sources
    from pipeline.commands.run import check_out_dir, run_brand
    from pipeline.queue.submit import open_queue, send_jobs

    started = time.perf_counter()
    check_out_dir(args.out)
    run_brand(args.brand, args.look, args.allow_low_contrast, args.templates)  # fails once, here
    sources = expand_sources(args.sources)
    queue = open_queue(url, partial(print, file=sys.stderr))
    name = clinic_name(args, clinic)
    sent = send_jobs(queue, [job_spec(args, name, source) for source in sources])
    if not args.quiet:
        waiting = f" ({sent.already} already waiting)" if sent.already else ""
        print(f"{len(sent.ids)} jobs for {name} on the queue{waiting}", file=sys.stderr)
    if args.no_wait:
        return 0
    bar = ProgressBar(len(sent.ids), sys.stderr, enabled=not args.quiet)
    try:
        records = wait_jobs(queue, sent.ids, bar, args.quiet)
    except KeyboardInterrupt:
        bar.close()
        print(STOPPED_WAITING, file=sys.stderr)
        return INTERRUPTED
    bar.close()
    return report_jobs(records, time.perf_counter() - started, args.quiet)


INTERRUPTED = 130
STOPPED_WAITING = (
    "Interrupted: stopped waiting; the jobs stay on the queue for the workers"
    " (see `repurpose queue status`)"
)


def wait_jobs(queue: Queue, ids: list[str], bar: ProgressBar, quiet: bool) -> list[JobRecord]:
    from pipeline.queue.submit import wait_for_jobs

    def report(record: JobRecord) -> None:
        bar.advance()
        if record.state == "done" and not quiet:
            bar.say(f"{record.source} -> {record.folder}")

    return wait_for_jobs(queue, ids, report, bar.say)


def report_jobs(records: list[JobRecord], elapsed: float, quiet: bool) -> int:
    failed = [r for r in records if r.state == "failed"]
    if not quiet:
        done = len(records) - len(failed)
        print(f"{done} of {len(records)} articles done in {elapsed:.1f} s", file=sys.stderr)
    if failed:
        print(f"Error: {len(failed)} of {len(records)} jobs failed:", file=sys.stderr)
        for record in failed:
            print(f"  {record.error or record.source}", file=sys.stderr)
    return 1 if failed else 0


def add_worker_parser(commands: Commands) -> None:
    worker = add_command(commands, "worker", "run the queue's jobs until stopped (Ctrl-C)")
    worker.add_argument("--queue", required=True, metavar="redis://HOST:PORT/DB")
    worker.set_defaults(handler=cmd_worker)


def cmd_worker(args: argparse.Namespace) -> int:
    from pipeline.queue.worker import run_worker

    return run_worker(args.queue, partial(say_line, args.quiet))


def add_queue_parser(commands: Commands) -> None:
    queue = add_command(commands, "queue", "the queue's jobs per clinic, or retry failed ones")
    queue.add_argument(
        "action", choices=("status", "retry"), help="status: counts; retry: send failed again"
    )
    add_queue_option(queue)
    add_workspace_options(queue)
    queue.add_argument("--failed", action="store_true", help="status: list each failed job")
    queue.set_defaults(handler=cmd_queue)


def cmd_queue(args: argparse.Namespace) -> int:
    from pipeline.models import ConfigError
    from pipeline.queue.submit import open_queue, retry_failed

    url = workspace_queue(args)
    if not url:
        raise ConfigError("give --queue redis://HOST:PORT/DB (or a workspace with a queue)")
    queue = open_queue(url, partial(print, file=sys.stderr))
    clinics = [args.clinic] if args.clinic else queue.store.clinics()
    if args.action == "retry":
        count = retry_failed(queue, clinics)
        print(f"{count} failed jobs sent again", file=sys.stderr)
        return 0
    print("\n".join(status_lines(queue, clinics, args.failed)))
    return 0


def status_lines(queue: Queue, clinics: list[str], failed: bool) -> list[str]:
    from pipeline.queue.jobs import STATES

    width = max([len(c) for c in clinics] + [6])
    lines = [f"{'clinic':<{width}}" + "".join(f"{s:>9}" for s in STATES)]
    for clinic in clinics:
        counts = queue.store.counts(clinic)
        lines.append(f"{clinic:<{width}}" + "".join(f"{counts[s]:>9}" for s in STATES))
    for clinic in clinics if failed else []:
        for record in queue.store.in_state(clinic, "failed"):
            lines.append(f"failed {clinic}: {record.error} (tried {record.attempts}x)")
    return lines
