"""One owner of the transaction: ``with unit_of_work(session):`` keeps a block's writes or none of them."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from survey.models import Organisation
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


def test_a_write_retried_on_a_lost_connection_refuses_to_run_inside_a_unit_of_work(session):
    @retried_once_if_disconnected
    def write(session):
        session.add(Organisation(name="Samsat Kota"))
        session.commit()

    with pytest.raises(RuntimeError, match="outside any unit_of_work"):
        with unit_of_work(session):
            write(session)
    write(session)
    assert session.scalars(select(Organisation.name)).all() == ["Samsat Kota"]
