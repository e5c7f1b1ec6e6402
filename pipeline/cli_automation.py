"""The command line of the clinic's automation: `watch` (new articles from feeds), `approve` (a
person's sign-off) and `publish` (to Instagram or Postiz), each also for every clinic of an
agency's workspace (`cli_agency.py`). Like `cli.py`, it only parses and prints; each handler
imports its command when it runs."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.cli_agency import (
    DEFAULT_OUT,
    add_queue_option,
    add_queue_parser,
    add_worker_parser,
    add_workspace_options,
    clinic_args,
    for_clinics,
    in_workspace,
    one_clinic,
    queue_sender,
    say_line,
    workspace_queue,
)
from pipeline.cli_options import add_fetch_options

if TYPE_CHECKING:
    from pipeline.workspace import Clinic

    Commands = argparse._SubParsersAction[argparse.ArgumentParser]


EXAMPLES = """examples:
  repurpose watch https://clinic.example/blog/ -o out
  repurpose watch https://clinic.example/sitemap.xml -o out --backfill 3
  repurpose watch --list -o out
  repurpose approve out/could-chronic-joint-pain-be-improved-by-treating-muscle --by "Dr Lee"
  INSTAGRAM_ACCESS_TOKEN=... repurpose publish out/* --to instagram --account 17841400000000000 \\
      --media-base-url https://clinic.example/ig
  POSTIZ_API_KEY=... repurpose publish out/* --to postiz --account CHANNEL_ID
  repurpose review out --open
  repurpose watch --workspace agency.toml --queue redis://127.0.0.1:6379/0
  repurpose publish --workspace agency.toml --clinic smile-dental
"""


def add_command(commands: Commands, name: str, text: str) -> argparse.ArgumentParser:
    return commands.add_parser(
        name, help=text, epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter
    )


def add_automation_parsers(commands: Commands) -> None:
    add_watch_parser(commands)
    add_approve_parser(commands)
    add_publish_parser(commands)
    add_review_parser(commands)
    add_worker_parser(commands)
    add_queue_parser(commands)


def add_watch_parser(commands: Commands) -> None:
    watch = add_command(commands, "watch", "run the new and updated articles of feeds or sites")
    watch.add_argument(
        "sources",
        nargs="*",
        metavar="SITE_OR_FEED",
        help="RSS/Atom feed, sitemap.xml, /wp-json/wp/v2/posts, or a blog page linking its feed",
    )
    watch.add_argument(
        "-o", "--out", type=Path, default=DEFAULT_OUT, help="output folder (default: out)"
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
    queue = workspace_queue(args)

    def watch_clinic(clinic: Clinic) -> int:
        if not clinic.feeds and not args.list:
            print(f"{clinic.name}: no feeds to watch", file=sys.stderr)
            return 0
        return watch_one(clinic_args(args, clinic, sources=list(clinic.feeds)), queue, clinic)

    return for_clinics(args, "watch", watch_clinic)


def watch_one(args: argparse.Namespace, queue_url: str | None, clinic: Clinic | None = None) -> int:
    from dataclasses import replace

    from pipeline.cli_commands import fetch_options, run_options
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
    from pipeline.models import ConfigError

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
    say = partial(say_line, args.quiet)
    options = replace(options, jobs=args.jobs)
    if queue_url:
        options = replace(options, submit=queue_sender(args, queue_url, clinic, say))
    if every is not None:
        watch_every(args.sources, options, every, say)
        return 0
    tally = watch_once(args.sources, options, say)
    say(summary(tally, len(args.sources)))
    return 0 if tally.ok else 1


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
    add_fetch_options(publish, cache=False)
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
    from dataclasses import replace

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
    say = partial(say_line, args.quiet)
    return 1 if publish_folders(folders, options, say) else 0


def add_review_parser(commands: Commands) -> None:
    review = add_command(commands, "review", "check, edit, sign off and plan posts in a browser")
    review.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT, metavar="OUT")
    review.add_argument("--port", type=int, default=8765, help="port (default 8765; 0: any free)")
    review.add_argument("--open", action="store_true", help="open the page in the browser")
    review.add_argument("--host", default="127.0.0.1", help="address (default: loopback only)")
    review.add_argument(
        "--allow-remote", action="store_true", help="allow a --host other computers can reach"
    )
    review.add_argument(
        "--password-file", type=Path, metavar="FILE", help="the password a remote visitor gives"
    )
    review.set_defaults(handler=cmd_review)


def cmd_review(args: argparse.Namespace) -> int:
    from pipeline.models import ConfigError
    from pipeline.review import ReviewApp, check_bind, serve_review

    if not args.out.is_dir():
        raise ConfigError(f"{args.out} is not a folder: give the output folder of `repurpose run`")
    password = check_bind(args.host, args.allow_remote, args.password_file)

    def ready(url: str) -> None:
        print(f"review page: {url}  (Ctrl-C to stop)", file=sys.stderr, flush=True)
        if args.open:
            import webbrowser

            webbrowser.open(url)

    serve_review(ReviewApp(args.out, args.clock, password), args.host, args.port, ready)
    if not args.quiet:
        print("review page stopped", file=sys.stderr)
    return 0
