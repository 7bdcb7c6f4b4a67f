"""Console commands: ``neraca upgrade`` (migrations) and ``neraca demo``."""
from __future__ import annotations

import argparse
from pathlib import Path

from alembic import command
from alembic.config import Config

from survey import config as settings

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(database_url: str) -> Config:
    alembic = Config()
    alembic.set_main_option("script_location", str(MIGRATIONS))
    alembic.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return alembic


def upgrade(database_url: str | None = None) -> None:
    """Bring the database schema to the newest migration."""
    command.upgrade(alembic_config(database_url or settings.load()["DATABASE_URL"]), "head")


def demo() -> None:
    """Load the demo organisation (once) and print the admin login and respondent links."""
    import os

    from survey import create_app
    from survey import demo as demo_data

    app = create_app()
    base_url = os.environ.get("PUBLIC_URL") or f"http://{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
    with app.app_context(), app.extensions["neraca.sessionmaker"]() as session:
        lines = demo_data.load(session, secret_key=app.config["SECRET_KEY"], base_url=base_url,
                               password_file=Path(app.config["INSTANCE_DIR"]) / "demo_admin_password")
    print("\n".join(["", "Neraca demo", *lines, ""]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="neraca")
    parser.add_argument("command", choices=["upgrade", "demo"])
    arguments = parser.parse_args(argv)
    {"upgrade": upgrade, "demo": demo}[arguments.command]()


if __name__ == "__main__":
    main()
