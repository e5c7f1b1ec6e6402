"""The command line of the clinic's automation: `watch` (new articles from feeds), `approve` (a
person's sign-off) and `publish` (to Instagram or Postiz); and of an agency's: `--workspace` and
`--clinic` (every clinic of `repurpose.toml`, or one), `--queue` (jobs on Redis), `worker` and
`queue status|retry`. Like `cli.py`, it only parses and prints; each handler imports its
command when it runs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.models import ConfigError
from pipeline.workspace import DEFAULT_WORKSPACE

if TYPE_CHECKING:
    from pipeline.commands.batch import ProgressBar
    from pipeline.queue.jobs import JobRecord, JobSpec
    from pipeline.queue.submit import Queue
    from pipeline.workspace import Clinic, Workspace

    Commands = argparse._SubParsersAction[argparse.ArgumentParser]


EXAMPLES = """examples:
  repurpose watch https://clinic.example/blog/ -o out
  repurpose watch https://clinic.example/sitemap.xml -o out --backfill 3
  repurpose watch --list -o out
  repurpose approve out/could-chronic-joint-pain-be-improved-by-treating-muscle --by "Dr Lee"
  INSTAGRAM_ACCESS_TOKEN=... repurpose publish out/* --to instagram --account 17841400000000000 \\
      --media-base-url https://clinic.example/ig
  POSTIZ_API_KEY=... repurpose publish out/* --to postiz --account CHANNEL_ID
  repurpose watch --workspace agency.toml --queue redis://127.0.0.1:6379/0
  repurpose publish --workspace agency.toml --clinic smile-dental
  repurpose worker --queue redis://127.0.0.1:6379/0
  repurpose queue status --queue redis://127.0.0.1:6379/0
"""


def add_command(commands: Commands, name: str, text: str) -> argparse.ArgumentParser:
    return commands.add_parser(
        name, help=text, epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter
    )


def add_automation_parsers(commands: Commands) -> None:
    add_watch_parser(commands)
    add_approve_parser(commands)
    add_publish_parser(commands)
    add_worker_parser(commands)
    add_queue_parser(commands)


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
    return named or (not given and DEFAULT_WORKSPACE.is_file())


def for_clinics(args: argparse.Namespace, command: str, work: Callable[[Clinic], int]) -> int:
    """`work` for each clinic of the workspace (or --clinic's); a summary naming failures."""
    from pipeline.workspace import clinics_summary, for_each_clinic, load_workspace, pick_clinics

    workspace = load_workspace(args.workspace)
    clinics = pick_clinics(workspace, args.clinic)
    say = partial(say_watch, args.quiet)
    outcomes = for_each_clinic(clinics, work, say)
    say_watch(False, clinics_summary(command, outcomes))
    return 0 if all(o.code == 0 for o in outcomes) else 1


def clinic_args(args: argparse.Namespace, clinic: Clinic, **more: object) -> argparse.Namespace:
    """The command's arguments for one clinic: its output folder and brand kit."""
    return one_clinic(args, out=clinic.out, brand=clinic.brand, **more)


def one_clinic(args: argparse.Namespace, **more: object) -> argparse.Namespace:
    """The arguments with `more` in, for a single clinic's run of the command (no workspace)."""
    return argparse.Namespace(**{**vars(args), "workspace": None, "clinic": None, **more})


def workspace_queue(args: argparse.Namespace) -> str | None:
    """--queue, else the workspace's `queue` when one is used."""
    if args.queue or not in_workspace(args, getattr(args, "sources", [])):
        return args.queue  # type: ignore[no-any-return]
    from pipeline.workspace import load_workspace

    return load_workspace(args.workspace).queue


def add_watch_parser(commands: Commands) -> None:
    watch = add_command(commands, "watch", "run the new and updated articles of feeds or sites")
    watch.add_argument(
        "sources",
        nargs="*",
        metavar="SITE_OR_FEED",
        help="RSS/Atom feed, sitemap.xml, /wp-json/wp/v2/posts, or a blog page linking its feed",
    )
    watch.add_argument(
        "-o", "--out", type=Path, default=Path("out"), help="output folder (default: out)"
    )
    watch.add_argument(
        "--state", type=Path, help="the SQLite file it remembers in (default: OUT.watch.sqlite)"
    )
    watch.add_argument(
        "--backfill", type=int, default=1, metavar="N",
        help="on a source's first read, run only its newest N entries (default 1)",
    )  # fmt: skip
    watch.add_argument("--since", metavar="DATE", help="run the entries dated on or after DATE")
    watch.add_argument(
        "--every", metavar="DURATION", help="stay in the foreground: a pass every 1h, 30m, 1d"
    )
    watch.add_argument("--list", action="store_true", help="show what it has seen and what failed")
    watch.add_argument("--brand", type=Path, help="brand kit TOML file (default: the bundled one)")
    watch.add_argument("--look", metavar="NAME", help="card look: calm, bold, photo or a .toml")
    watch.add_argument("--templates", type=Path, metavar="DIR", help="your caption templates")
    watch.add_argument("--png", action="store_true", help="also write a PNG copy of each image")
    watch.add_argument(
        "--strict", action="store_true", help="write nothing for a blocking health-copy finding"
    )
    watch.add_argument(
        "--allow-low-contrast", action="store_true", help="render even below WCAG 4.5:1"
    )
    watch.add_argument(
        "-j", "--jobs", type=int, default=2, help="parallel processes for a source's articles (2)"
    )
    add_workspace_options(watch)
    add_queue_option(watch)
    watch.set_defaults(handler=cmd_watch, force=False)


def cmd_watch(args: argparse.Namespace) -> int:
    if not in_workspace(args, args.sources):
        return watch_one(args, workspace_queue(args))
    if args.state is not None:
        raise ConfigError("--state with a workspace: each clinic keeps its state beside its out")
    queue = workspace_queue(args)

    def watch_clinic(clinic: Clinic) -> int:
        if not clinic.feeds and not args.list:
            print(f"{clinic.name}: no feeds to watch", file=sys.stderr)
            return 0
        return watch_one(clinic_args(args, clinic, sources=list(clinic.feeds)), queue, clinic)

    return for_clinics(args, "watch", watch_clinic)


def watch_one(args: argparse.Namespace, queue_url: str | None, clinic: Clinic | None = None) -> int:
    from pipeline.cli import fetch_options, run_options
    from pipeline.commands.run import check_out_dir
    from pipeline.commands.watch import (
        WatchOptions,
        list_state,
        parse_every,
        parse_since,
        summary,
        watch_every,
        watch_once,
    )
    from pipeline.commands.watch_state import default_state_path

    state = args.state or default_state_path(args.out)
    if args.list:
        print("\n".join(list_state(state)))
        return 0
    if not args.sources:
        raise ConfigError("give at least one SITE_OR_FEED to watch (or --list)")
    check_out_dir(args.out)
    since = parse_since(args.since) if args.since else None
    every = parse_every(args.every) if args.every else None
    options = WatchOptions(
        run_options(args), fetch_options(args), state, max(args.backfill, 0), since, args.clock
    )
    say = partial(say_watch, args.quiet)
    options = replace(options, jobs=args.jobs)
    if queue_url:
        options = replace(options, submit=queue_sender(args, queue_url, clinic, say))
    if every is not None:
        watch_every(args.sources, options, every, say)
        return 0
    tally = watch_once(args.sources, options, say)
    say(summary(tally, len(args.sources)))
    return 0 if tally.ok else 1


def say_watch(quiet: bool, line: str) -> None:
    """Errors, failures and health findings always; the rest unless -q."""
    if not quiet or line.lstrip().startswith(("Error", "failed", "health")):
        print(line, file=sys.stderr, flush=True)


def add_approve_parser(commands: Commands) -> None:
    approve = add_command(commands, "approve", "record who approved a set, and when")
    approve.add_argument("folder", type=Path, metavar="OUT/SLUG")
    approve.add_argument("--by", required=True, metavar="NAME", help="who approves it")
    approve.set_defaults(handler=cmd_approve)


def cmd_approve(args: argparse.Namespace) -> int:
    from pipeline.commands.approve import approve_folder

    approval = approve_folder(args.folder, args.by, args.clock())
    if not args.quiet:
        print(f"approved {args.folder} by {approval.by} at {approval.at}", file=sys.stderr)
    return 0


def add_publish_parser(commands: Commands) -> None:
    publish = add_command(
        commands, "publish", "publish the approved pieces that are due (token from the env)"
    )
    publish.add_argument("folders", nargs="*", type=Path, metavar="OUT/SLUG")
    publish.add_argument(
        "--to", choices=("instagram", "postiz"), help="required unless a workspace names it"
    )
    publish.add_argument(
        "--account", metavar="ID", help="Instagram user id, or the Postiz Instagram channel id"
    )
    publish.add_argument(
        "--media-base-url", metavar="URL", help="public address where OUT/ is served (Instagram)"
    )
    publish.add_argument("--api-base", metavar="URL", help="the API's address (a stand-in)")
    publish.add_argument("--piece", metavar="FILE", help="publish the piece with this image now")
    publish.add_argument(
        "--allow-private", action="store_true", help="allow private or loopback addresses"
    )
    add_workspace_options(publish)
    publish.set_defaults(handler=cmd_publish)


def cmd_publish(args: argparse.Namespace) -> int:
    if in_workspace(args, args.folders):
        return for_clinics(args, "publish", partial(publish_clinic, args))
    if not args.folders:
        args.parser.error("the following arguments are required: OUT/SLUG")
    if not args.to:
        args.parser.error("the following arguments are required: --to")
    return publish_one(args, args.folders, args.to)


def publish_clinic(args: argparse.Namespace, clinic: Clinic) -> int:
    from pipeline.workspace import PublishAccount, clinic_folders

    account = clinic.publish
    if args.to:  # --to given: it wins over the workspace's
        account = replace(account, to=args.to) if account else PublishAccount(args.to)
    if account is None:
        print(f"{clinic.name}: no publish account in the workspace: left alone", file=sys.stderr)
        return 0
    folders = clinic_folders(clinic)
    if not folders:
        print(f"{clinic.name}: no post folders in {clinic.out}", file=sys.stderr)
        return 0
    more = {
        "account": args.account or account.account,
        "media_base_url": args.media_base_url or account.media_base_url,
    }
    return publish_one(one_clinic(args, **more), folders, account.to, account.token_env)


def publish_one(
    args: argparse.Namespace, folders: list[Path], target: str, token_env: str | None = None
) -> int:
    from pipeline.commands.publish import PublishOptions, publish_folders

    options = PublishOptions(
        target, args.clock(), args.account, args.media_base_url, args.api_base,
        args.allow_private, args.piece, token_env=token_env,
    )  # fmt: skip
    say = partial(say_watch, args.quiet)
    return 1 if publish_folders(folders, options, say) else 0


def schedule_clinics(args: argparse.Namespace, plan: Callable[[argparse.Namespace], int]) -> int:
    """`schedule --workspace`: each clinic's folders on its own slots and time zone."""
    from pipeline.workspace import clinic_folders

    def schedule_clinic(clinic: Clinic) -> int:
        folders = clinic_folders(clinic)
        if not folders:
            print(f"{clinic.name}: no post folders in {clinic.out}", file=sys.stderr)
            return 0
        more = {"slots": clinic.slots or args.slots, "tz": clinic.tz or args.tz}
        return plan(one_clinic(args, folders=folders, **more))

    return for_clinics(args, "schedule", schedule_clinic)


EXPORT_SUFFIX = {"hootsuite": "csv", "metricool": "csv", "postiz": "json", "ics": "ics"}


def export_clinics(args: argparse.Namespace, export: Callable[[argparse.Namespace], int]) -> int:
    """`export --workspace`: each clinic's plan beside its output folder, OUT.TARGET.EXT."""
    from pipeline.workspace import clinic_folders

    if args.output is not None:
        raise ConfigError("-o with a workspace: each clinic's plan goes beside its output folder")

    def export_clinic(clinic: Clinic) -> int:
        folders = clinic_folders(clinic)
        if not folders:
            print(f"{clinic.name}: no post folders in {clinic.out}", file=sys.stderr)
            return 0
        name = export_name(clinic.out, args.to)
        media = args.media_base_url or (clinic.publish and clinic.publish.media_base_url)
        more = {"folders": folders, "output": clinic.out.parent / name, "media_base_url": media}
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

    return run_worker(args.queue, partial(say_watch, args.quiet))


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
