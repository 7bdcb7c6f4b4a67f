"""Console commands: ``neraca upgrade`` (migrations), ``demo``, ``deliver`` (queued email), ``report``,
``remind-kpi-owners`` (the reporting cycle's daily reminders), ``prune`` (bookkeeping, from cron);
``init``, ``org`` and ``user`` for setting up for real are in survey/cli_users.py."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from alembic import command
from alembic.config import Config

from survey import background, cli_users, create_app
from survey.worker import Worker
from survey import config as settings
from survey import demo as demo_data
from survey.models import Round
from survey.render.pdf import render_pdf
from survey.services import housekeeping, jobs, mail, reporting

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(database_url: str) -> Config:
    alembic = Config()
    alembic.set_main_option("script_location", str(MIGRATIONS))
    alembic.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return alembic


def upgrade(database_url: str | None = None) -> None:
    """Bring the database schema to the newest migration."""
    command.upgrade(alembic_config(database_url or settings.load()["DATABASE_URL"]), "head")


def demo(language: str = "id") -> None:
    """Load the demo organisation (once, its round and names in ``language``) and print the admin login
    and respondent links."""
    app = create_app()
    base_url = os.environ.get("PUBLIC_URL") or f"http://{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
    with app.app_context(), app.extensions["neraca.sessionmaker"]() as session:
        lines = demo_data.load(session, secret_key=app.config["SECRET_KEY"], base_url=base_url,
                               password_file=Path(app.config["INSTANCE_DIR"]) / "demo_admin_password",
                               language=language)
    print("\n".join(["", "Neraca demo", *lines, ""]))


def report(round_id: int, out: Path, language: str = "id", processes: int = 2) -> int:
    """Personal scorecards of a self-report round into one PDF, with a progress bar on stderr."""
    def bar(done: int, total: int) -> None:
        filled = int(30 * done / total) if total else 30
        print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} parts", end="", file=sys.stderr, flush=True)

    app = create_app()
    with app.app_context(), app.extensions["neraca.sessionmaker"]() as session:
        round_ = session.get(Round, round_id)
        if round_ is None:
            print(f"no round {round_id}", file=sys.stderr)
            return 2
        job = jobs.run(session, jobs.queue_personal_report(session, round_, language, "command line").id,
                       render_pdf, processes=processes, on_progress=bar)
        print(file=sys.stderr)
        if job.status != "done":
            print(f"failed: {job.error}", file=sys.stderr)
            return 1
        out.write_bytes(job.content)
    print(f"{out} written")
    return 0


def deliver() -> None:
    """Send every email that is due now: queued, waiting to be tried again, or left by a dead sender
    (cron every few minutes, or after a crash)."""
    app = create_app()
    with app.app_context(), app.extensions["neraca.sessionmaker"]() as session:
        print(mail.deliver(session, app.config))


def remind_kpi_owners(language: str = "id") -> None:
    """Email KPI owners whose values of a period are missing, from 15 days before its deadline on, each
    at most once a day (schedule it daily, e.g. cron ``0 8 * * * neraca remind-kpi-owners``), then send."""
    app = create_app()
    with app.app_context(), app.extensions["neraca.sessionmaker"]() as session:
        print(f"{reporting.remind_due(session, app.config, language)} KPI owners reminded")
        print(mail.deliver(session, app.config))


def prune() -> None:
    """Delete bookkeeping no window reads any more: sign-in and public-answer counters older than a day,
    stored documents older than a month (schedule it, e.g. cron ``0 * * * * neraca prune``)."""
    app = create_app()
    with app.app_context(), app.extensions["neraca.sessionmaker"]() as session:
        pruned = housekeeping.prune(session)
    print(f"{pruned.login_attempts} counters and {pruned.documents} stored documents deleted")


def worker(burst: bool = False) -> None:
    """Run background jobs: an RQ worker on REDIS_URL (several may run, on several machines),
    after putting back in the queue whatever a dead worker left."""
    app = create_app()
    if not app.config.get("REDIS_URL"):
        raise SystemExit("REDIS_URL is not set: the web workers run background jobs themselves")
    print(background.recover(app))
    # The scheduler runs jobs put off for later (mail tried again after an SMTP outage).
    Worker([background.QUEUE], connection=background.queue(app).connection).work(burst=burst, with_scheduler=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="neraca")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("upgrade", help="migrate the database to the newest schema")
    demo_command = commands.add_parser("demo", help="load the demo organisation and print its logins and links")
    demo_command.add_argument("--language", choices=["id", "en"], default="id",
                              help="the language of the demo round and of its scorecard's names")
    commands.add_parser("deliver", help="send queued emails")
    commands.add_parser("prune", help="delete old sign-in counters and stored documents (run it hourly or daily)")
    remind = commands.add_parser("remind-kpi-owners",
                                 help="email KPI owners whose values of a period are missing (run it daily)")
    remind.add_argument("--language", choices=["id", "en"], default="id")
    work = commands.add_parser("worker", help="run background jobs from Redis (REDIS_URL)")
    work.add_argument("--burst", action="store_true", help="stop when the queue is empty")
    personal = commands.add_parser("report", help="personal scorecards of a self-report round as one PDF")
    personal.add_argument("round_id", type=int)
    personal.add_argument("--out", type=Path, required=True)
    personal.add_argument("--language", choices=["id", "en"], default="id")
    personal.add_argument("--processes", type=int, default=2)
    cli_users.add_commands(commands)
    arguments = parser.parse_args(argv)
    if arguments.command in ("init", "org", "user"):
        return cli_users.run(arguments, create_app())
    if arguments.command == "report":
        return report(arguments.round_id, arguments.out, arguments.language, arguments.processes)
    if arguments.command == "demo":
        demo(arguments.language)
        return 0
    if arguments.command == "remind-kpi-owners":
        remind_kpi_owners(arguments.language)
        return 0
    if arguments.command == "worker":
        worker(arguments.burst)
        return 0
    {"upgrade": upgrade, "deliver": deliver, "prune": prune}[arguments.command]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
