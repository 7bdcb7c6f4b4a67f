"""One owner of the transaction: ``with unit_of_work(session):`` keeps a block's writes or none of them."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlalchemy import select

from survey.models import Organisation
from survey.services import accounts, given_weights, scorecards
from survey.services.errors import Invalid
from survey.services.transactions import retried_once_if_disconnected, unit_of_work


def names(app) -> list[str]:
    """Organisations as another connection sees them: only what was committed."""
    with app.extensions["neraca.sessionmaker"]() as other:
        return sorted(other.scalars(select(Organisation.name)))


def test_a_block_that_ends_normally_is_committed(app, session):
    with unit_of_work(session):
        session.add(Organisation(name="Samsat Kota"))
    assert names(app) == ["Samsat Kota"]


def test_a_rejected_block_writes_nothing_and_the_error_reaches_the_caller(app, session):
    with pytest.raises(Invalid, match="refused"):
        with unit_of_work(session):
            session.add(Organisation(name="Samsat Kota"))
            session.flush()
            raise Invalid("refused")
    assert names(app) == []
    assert session.scalars(select(Organisation)).all() == []  # the session itself forgot the row too


def test_a_nested_block_joins_the_outer_one_which_alone_commits(app, session):
    with unit_of_work(session):
        with unit_of_work(session):  # a service's own block inside a view's
            session.add(Organisation(name="Samsat Kota"))
        assert names(app) == []  # not yet: the outer block owns the commit
        session.add(Organisation(name="Samsat Kabupaten"))
    assert names(app) == ["Samsat Kabupaten", "Samsat Kota"]


def test_an_error_after_a_nested_block_undoes_that_block_too(app, session):
    with pytest.raises(Invalid):
        with unit_of_work(session):
            with unit_of_work(session):
                session.add(Organisation(name="Samsat Kota"))
            raise Invalid("the second service refused")
    assert names(app) == []
    with unit_of_work(session):  # the session is usable again, as the outermost block
        session.add(Organisation(name="Samsat Kabupaten"))
    assert names(app) == ["Samsat Kabupaten"]


def test_a_write_that_commits_itself_refuses_to_run_inside_a_unit_of_work(session):
    @retried_once_if_disconnected
    def write(session):
        session.add(Organisation(name="Samsat Kota"))
        session.commit()

    with pytest.raises(RuntimeError, match="outside any unit_of_work"):
        with unit_of_work(session):
            write(session)
    write(session)
    assert session.scalars(select(Organisation.name)).all() == ["Samsat Kota"]


def test_a_refused_service_leaves_nothing_of_the_request_in_the_session(session):
    """Publishing given weights flushes what the session holds, then refuses a weight: the service's own
    unit of work undoes all of it, so no later commit in the request can write it (the view no longer rolls
    back by hand)."""
    organisation = accounts.create_organisation(session, "Samsat Kota")
    version = scorecards.create_scorecard(session, organisation.id, "BSC", "2026")
    scorecards.add_element(session, version, code="F", kind="perspective", name="Finance")
    element = scorecards.elements(session, version.id)[0]
    element.name = "Renamed in the same request"
    with pytest.raises(Invalid):
        given_weights.publish_given_weights(session, version, {"F": -1.0}, by="hr@x.org")
    session.commit()  # whatever the request does next
    session.expire_all()
    assert scorecards.elements(session, version.id)[0].name == "Finance"


def test_a_write_retried_on_a_lost_connection_keeps_nothing_when_it_refuses(app, session):
    @retried_once_if_disconnected
    def write(session):
        session.add(Organisation(name="Samsat Kota"))
        session.flush()
        raise Invalid("a refused answer")

    with pytest.raises(Invalid):
        write(session)
    session.commit()  # whatever the request does next
    assert names(app) == []


#: The only functions that commit or roll back by hand, each for its reason.
COMMITS_BY_HAND = {
    "survey/services/accounts.py:record_failure": "a failed try counts although its request is refused",
    "survey/services/answers.py:commit_submission": "a page's answers and its submission key in one last commit",
    "survey/services/jobs.py:run": "a report job's claim and outcome are read by others while it runs",
    "survey/services/jobs.py:progress": "and so is its progress, part by part",
    "survey/services/jobs.py:_claim": "a job is claimed for one worker before it is worked on (run, build_document)",
    "survey/services/jobs.py:build_document": "a stored document's outcome, a failure included, is read by the pages",
    "survey/services/mail.py:deliver": "a message sent stays sent when a later one fails",
    "survey/services/public.py:store_visit": "a double click's copy is refused by the database, then rolled back",
    "survey/background.py:recover": "stale work is put back before other sessions submit it again",
    "survey/__init__.py:http_error": "a crash's error page reads the signed-in user on a clean session",
}


def test_only_a_unit_of_work_commits_or_rolls_back_but_for_the_listed_steps():
    root = Path(__file__).resolve().parent.parent
    by_hand = set()
    for path in sorted((root / "survey").rglob("*.py")):
        name = path.relative_to(root).as_posix()
        if name == "survey/services/transactions.py":
            continue
        functions = [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                     if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
        for function in functions:
            for node in ast.walk(function):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in ("commit", "rollback") and not node.args):
                    # named by the innermost function holding it (a nested helper counts as its own)
                    holder = min((f for f in functions if f.lineno <= node.lineno <= f.end_lineno),
                                 key=lambda f: f.end_lineno - f.lineno)
                    by_hand.add(f"{name}:{holder.name}")
    assert by_hand == set(COMMITS_BY_HAND)
