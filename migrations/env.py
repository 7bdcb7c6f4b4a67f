"""Alembic environment: runs migrations against the URL the CLI or a test passes in."""
from alembic import context
from sqlalchemy import engine_from_config, pool

from survey import config as settings
from survey.db import Base
import survey.models  # noqa: F401  (registers every table on Base.metadata)

config = context.config
target_metadata = Base.metadata
if not config.get_main_option("sqlalchemy.url"):  # plain `alembic upgrade head`: the app's own setting
    config.set_main_option("sqlalchemy.url", settings.load()["DATABASE_URL"].replace("%", "%%"))


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = engine_from_config(config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.",
                                     poolclass=pool.NullPool)
    with connectable.connect() as connection:
        # batch mode lets ALTER TABLE work on SQLite too
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
