"""A province on one database: a round's hot queries read through indexes, not every organisation's rows
(PostgreSQL only: its planner is what the site runs on; EXPLAIN after ANALYZE at a province's proportions)."""
from __future__ import annotations

import pytest
from sqlalchemy import event, text

from survey.services import people, rounds
from tests.helpers.weighting import answer_everything, invitations
from tests.samsat_site import build_samsat
from tests.web import sign_in

#: Offices copied beside the one measured, as in the issue's province (40 offices of one shape).
OFFICES = 40
STAKEHOLDERS = 25
COPIED = ["organisations", "scorecards", "scorecard_versions", "elements", "people", "rounds", "invitations",
          "judgments", "cluster_answers"]
#: Tables that grow with the province: a plan must not scan them whole.
BIG = ("judgments", "invitations", "people", "cluster_answers")


def fill_province(session, round_) -> None:
    """Every stakeholder answers as the first did (rows copied in SQL), then the office is copied OFFICES
    times with new ids: each table's rows once more per office, references shifted alike."""
    connection = session.connection()
    first, *others = [invitation.id for invitation in invitations(session, round_)]
    # The root page's judgments only: enough rows for the planner to weigh, few enough to copy in seconds.
    connection.execute(text("DELETE FROM judgments WHERE cluster <> 'root'"))
    for table in ("judgments", "cluster_answers"):
        connection.execute(text(
            f"INSERT INTO {table} SELECT (jsonb_populate_record(NULL::{table}, to_jsonb(t) - 'id' || "
            f"jsonb_build_object('id', t.id + 100000 * o.n, 'invitation_id', o.invitation))).* "
            f"FROM {table} t, (SELECT row_number() OVER () AS n, unnest AS invitation FROM unnest(:others)) o "
            f"WHERE t.invitation_id = :first"), {"others": others, "first": first})
    shift = {table: connection.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar() for table in COPIED}
    references = connection.execute(text(
        "SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text FROM pg_constraint c "
        "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
        "WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace")).all()
    for table in COPIED:
        moved = {"id": f"t.id + {shift[table]} * k"}
        moved |= {column: f"t.{column} + {shift[target]} * k" for source, column, target in references
                  if source == table and target in shift}
        if table == "invitations":
            moved["token_hash"] = "md5(random()::text) || md5(random()::text)"
        pairs = ", ".join(f"'{column}', {value}" for column, value in moved.items())
        connection.execute(text(
            f"INSERT INTO {table} SELECT (jsonb_populate_record(NULL::{table}, to_jsonb(t) || "
            f"jsonb_build_object({pairs}))).* FROM {table} t, generate_series(1, {OFFICES}) k"))
    for table in COPIED:
        connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                f"(SELECT max(id) FROM {table}))"))
    session.commit()
    connection = session.connection()
    for table in COPIED:
        connection.execute(text(f"ANALYZE {table}"))
    session.commit()


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


def test_a_rounds_answers_are_read_by_index_in_a_province(client, session, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("the plans checked are PostgreSQL's")
    organisation, version = build_samsat(session, stakeholders=STAKEHOLDERS)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2010")
    rounds.invite(session, round_, [p.id for p in people.people(session, organisation.id)], {"SECRET_KEY": "s"})
    answer_everything(session, invitations(session, round_)[0])
    fill_province(session, round_)
    sign_in(client, session, organisation.id)
    # Every query of the round's page, its results page and their computation.
    shown = {}
    sent = statements_of(session, lambda: shown.update({page: client.get(f"/hr/rounds/{round_.id}{page}").status_code
                                                        for page in ("", "/results")}))
    assert shown == {"": 200, "/results": 200}
    connection = session.connection()
    selects = [(statement, parameters) for statement, parameters in sent
               if statement.lstrip().upper().startswith("SELECT")]
    plans = ["\n".join(connection.exec_driver_sql(f"EXPLAIN {statement}", parameters).scalars())
             for statement, parameters in selects]
    assert plans
    scans = [(statement, plan) for (statement, _), plan in zip(selects, plans)
             for table in BIG if f"Seq Scan on {table}" in plan]
    assert not scans, "\n\n".join(f"{statement}\n{plan}" for statement, plan in scans)
