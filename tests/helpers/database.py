"""The test database itself: emptied, its connections cut, its rows and text read back whole."""
from __future__ import annotations

from sqlalchemy import MetaData, create_engine, func, pool, select, text
from sqlalchemy.exc import OperationalError

from survey.db import Base


def empty_database(url: str) -> None:
    """A PostgreSQL test database starts each test empty; SQLite files are new per test anyway."""
    if url.startswith("postgresql"):
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()


def drop_database(connection, name: str) -> None:
    """Drop PostgreSQL database ``name`` on an autocommit ``connection``; sessions still on it (a failed run's)
    are ended only when a plain DROP refuses them. A plain DROP stops the autovacuum that a restore or a load
    sets off by itself, where WITH (FORCE) would have to end that worker as a role the caller's is not a member
    of (and failed so, now and then)."""
    try:  # autocommit: a refused DROP leaves nothing to roll back
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    except OperationalError:  # ObjectInUse: "being accessed by other users"
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def terminate_backends(url: str, pid: int | None = None) -> int:
    """Cut PostgreSQL connections from outside, as a server restart or a network cut would: backend
    ``pid``, or else every other connection of this user to the database. Returns how many were cut."""
    engine = create_engine(url)
    with engine.begin() as connection:
        cut = connection.execute(text(
            "SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid() "
            "AND (CAST(:pid AS integer) IS NULL OR pid = CAST(:pid AS integer))"), {"pid": pid}).scalar()
    engine.dispose()
    return cut


def database_text(session) -> str:
    """Every value of every row of every table, as text."""
    session.expire_all()
    return "\n".join(str(row) for table in Base.metadata.sorted_tables
                     for row in session.execute(select(table)).all())


def rows_in_every_table(session) -> dict[str, int]:
    session.expire_all()
    return {name: session.scalar(select(func.count()).select_from(table))
            for name, table in Base.metadata.tables.items()}


def rows_of(url: str) -> tuple[MetaData, dict[str, list[dict]], dict[str, int]]:
    """A database's rows, table by table, and (PostgreSQL) its sequences' last values: what restore_rows puts
    back into the same schema emptied (the tables reflected, so each value goes back as it was read)."""
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        tables = MetaData()
        tables.reflect(connection)
        rows = {table.name: [dict(row) for row in connection.execute(
                    select(table).order_by(*table.primary_key.columns)).mappings()]
                for table in tables.sorted_tables if table.name != "alembic_version"}
        sequences = dict(connection.execute(text(
            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' "
            "AND last_value IS NOT NULL")).all()) if url.startswith("postgresql") else {}
    engine.dispose()
    return tables, rows, sequences


def restore_rows(url: str, snapshot: tuple[MetaData, dict[str, list[dict]], dict[str, int]]) -> None:
    """``snapshot``'s rows (rows_of) written into the emptied database at ``url``, parents first, and its
    sequences set where they were (SQLite numbers on from the largest id)."""
    tables, rows, sequences = snapshot
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.begin() as connection:
        for table in tables.sorted_tables:
            if rows.get(table.name):
                connection.execute(table.insert(), rows[table.name])
        for name, value in sequences.items():
            connection.execute(text("SELECT setval(CAST(:name AS regclass), :value)"),
                               {"name": f'"{name}"', "value": value})
    engine.dispose()
