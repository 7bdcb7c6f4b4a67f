"""A province on one database: a round's hot queries read through indexes, not every organisation's rows
(PostgreSQL only: its planner is what the site runs on; EXPLAIN after ANALYZE at a province's proportions)."""
from __future__ import annotations

import pytest
from sqlalchemy import event, text

from survey.db import Base
from survey.services import people, public, questionnaires, rounds
from tests.helpers.weighting import answer_everything, invitations
from tests.helpers.questionnaires import ANSWERS, form_values, skm_round, visit
from tests.samsat_site import build_samsat
from tests.web import sign_in

#: Offices copied beside the one measured, as in the issue's province (40 offices of one shape).
OFFICES = 40
STAKEHOLDERS = 25
COPIED = ["organisations", "scorecards", "scorecard_versions", "elements", "people", "rounds", "invitations",
          "judgments", "cluster_answers"]
#: Tables that grow with the province: a plan must not scan them whole.
BIG = ("judgments", "invitations", "people", "cluster_answers")


@pytest.fixture(autouse=True)
def new_table_files(session, database_url):
    """Every table as a new, empty file, so a plan depends on this test's rows only: the worker's database is
    emptied by DELETE between tests, which leaves earlier tests' pages (and, once autovacuum has run, holes the
    copied rows would fill out of order) behind."""
    if not database_url.startswith("postgresql"):
        pytest.skip("the plans checked are PostgreSQL's")
    session.execute(text(f"TRUNCATE {site_tables()} RESTART IDENTITY"))
    session.commit()


def site_tables() -> str:
    """The site's tables (its models'), comma separated for one statement."""
    return ", ".join(f'"{name}"' for name in Base.metadata.tables)


def fill_province(session, round_) -> None:
    """Every stakeholder answers as the first did (rows copied in SQL), then the office is copied OFFICES times."""
    connection = session.connection()
    first, *others = [invitation.id for invitation in invitations(session, round_)]
    # The root page's judgments only: enough rows for the planner to weigh, few enough to copy in seconds.
    connection.execute(text("DELETE FROM judgments WHERE cluster <> 'root'"))
    for table in ("judgments", "cluster_answers"):
        connection.execute(text(
            f"INSERT INTO {table} SELECT (jsonb_populate_record(NULL::{table}, to_jsonb(t) - 'id' || "
            f"jsonb_build_object('id', t.id + 100000 * o.n, 'invitation_id', o.invitation))).* "
            f"FROM {table} t, (SELECT row_number() OVER () AS n, unnest AS invitation FROM unnest(:others)) o "
            f"WHERE t.invitation_id = :first ORDER BY o.n, t.id"), {"others": others, "first": first})
    copy_offices(session, COPIED)


def copy_offices(session, tables: list[str]) -> None:
    """Copy every row of ``tables`` OFFICES times with new ids, references among them shifted alike (unique
    tokens made anew), office after office so every run lays the file out alike, then ANALYZE every table as
    autovacuum would. Both fix the plan to this test's rows: in the join's own order (copy after copy of one
    row) each office lay across the whole file, where at this size a scan costs less than the index; a table
    left out of ANALYZE kept the row counts an earlier test gave it."""
    connection = session.connection()
    shift = {table: connection.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar() for table in tables}
    references = connection.execute(text(
        "SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text FROM pg_constraint c "
        "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
        "WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace")).all()
    unique = {("invitations", "token_hash"): "md5(random()::text) || md5(random()::text)",
              ("public_visits", "submission"): "md5(random()::text)",
              ("rounds", "public_slug"):
                  "CASE WHEN t.public_slug IS NULL THEN NULL ELSE left(md5(random()::text), 16) END"}
    for table in tables:
        moved = {"id": f"t.id + {shift[table]} * k"}
        moved |= {column: f"t.{column} + {shift[target]} * k" for source, column, target in references
                  if source == table and target in shift}
        moved |= {column: value for (source, column), value in unique.items() if source == table}
        pairs = ", ".join(f"'{column}', {value}" for column, value in moved.items())
        connection.execute(text(
            f"INSERT INTO {table} SELECT (jsonb_populate_record(NULL::{table}, to_jsonb(t) || "
            f"jsonb_build_object({pairs}))).* FROM {table} t, generate_series(1, {OFFICES}) k "
            f"ORDER BY k, t.id"))
    for table in tables:
        connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                f"(SELECT max(id) FROM {table}))"))
    session.commit()
    session.connection().execute(text(f"ANALYZE {site_tables()}"))
    session.commit()


def explained_scans(client, session, pages: list[str], big: tuple[str, ...]) -> list[str]:
    """The queries ``pages`` send that PostgreSQL plans as a scan of a whole ``big`` table, with their plans."""
    shown = {}
    sent = statements_of(session, lambda: shown.update({page: client.get(page).status_code for page in pages}))
    assert shown == dict.fromkeys(pages, 200)
    connection = session.connection()
    selects = [(statement, parameters) for statement, parameters in sent
               if statement.lstrip().upper().startswith("SELECT")]
    assert selects
    plans = ["\n".join(connection.exec_driver_sql(f"EXPLAIN {statement}", parameters).scalars())
             for statement, parameters in selects]
    return [f"{statement}\n{plan}" for (statement, _), plan in zip(selects, plans)
            for table in big if f"Seq Scan on {table}" in plan]


def statements_of(session, read) -> list[tuple[str, object]]:
    """The SQL ``read()`` sends, with its parameters."""
    sent = []
    engine = session.get_bind()

    def keep(_connection, _cursor, statement, parameters, _context, _many):
        sent.append((statement, parameters))
    event.listen(engine, "before_cursor_execute", keep)
    try:
        read()
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    return sent


def test_a_rounds_answers_are_read_by_index_in_a_province(client, session):
    organisation, version = build_samsat(session, stakeholders=STAKEHOLDERS)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2010")
    rounds.invite(session, round_, [p.id for p in people.people(session, organisation.id)], {"SECRET_KEY": "s"})
    answer_everything(session, invitations(session, round_)[0])
    fill_province(session, round_)
    sign_in(client, session, organisation.id)
    # Every query of the round's page, its results page and their computation.
    scans = explained_scans(client, session, [f"/hr/rounds/{round_.id}", f"/hr/rounds/{round_.id}/results"], BIG)
    assert not scans, "\n\n".join(scans)


def test_an_ikm_page_reads_its_public_answers_by_index_in_a_province(app, client, session):
    organisation, _, round_ = skm_round(client, session)
    public.make_public(session, round_, None, "hr@example.org")
    asked = questionnaires.questions(session, round_)
    for number, scores in enumerate(ANSWERS.values()):
        assert visit(app, round_, f"10.0.0.{number + 1}", form_values(asked, scores))[1].status_code == 302
    connection = session.connection()
    for table in ("public_visits", "responses"):  # the three visits become 60, then the office 41 offices
        moved = {"public_visits": "'id', t.id + 1000 * k, 'submission', md5(random()::text)",
                 "responses": "'id', t.id + 100000 * k, 'visit_id', t.visit_id + 1000 * k"}[table]
        connection.execute(text(f"INSERT INTO {table} SELECT (jsonb_populate_record(NULL::{table}, to_jsonb(t) || "
                                f"jsonb_build_object({moved}))).* FROM {table} t, generate_series(1, 19) k "
                                f"ORDER BY k, t.id"))
    copy_offices(session, ["organisations", "scorecards", "scorecard_versions", "elements", "rounds", "questions",
                           "public_visits", "responses"])
    scans = explained_scans(client, session, [f"/hr/rounds/{round_.id}/ikm"], ("responses", "public_visits"))
    assert not scans, "\n\n".join(scans)
