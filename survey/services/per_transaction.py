"""Reads remembered for the rest of a transaction that has written nothing since: a page reads a scorecard's
elements in several services (its scorecard, trends, strategy map, forms: ~6 times a request), and the same
rows come back each time from one query.

Only in sessions that ask for it (``remember_reads``): a request's, short and closed with the request. A
session kept open across other sessions' commits (a script's, a test's) reads afresh each time, as before.

Forgotten at every flush, bulk write and transaction end of every session (the listeners below are on
SQLAlchemy's Session class: no session can miss them), and when the session's rows are read again
(``reread``): a remembered read never hides a row this session wrote or a newer version it was told of.
"""
from __future__ import annotations

from typing import Callable, Hashable, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import Session

_REMEMBERED, _ON = "neraca.per_transaction", "neraca.per_transaction.on"
T = TypeVar("T")


def remember_reads(session: Session) -> Session:
    """``session`` keeps the reads asked through ``remembered`` until it writes or its transaction ends."""
    session.info[_ON] = True
    return session


def remembered(session: Session, key: Hashable, read: Callable[[], T]) -> T:
    """``read()``, or what it returned earlier in this transaction if the session wrote nothing since."""
    if not _up_to_date(session):
        return read()
    found = session.info.setdefault(_REMEMBERED, {})
    if key not in found:
        found[key] = read()
    return found[key]


def known(session: Session, key: Hashable):
    """What ``remembered`` keeps for ``key`` in this transaction, or None."""
    return session.info.get(_REMEMBERED, {}).get(key) if _up_to_date(session) else None


def _up_to_date(session: Session) -> bool:
    """Whether ``session`` remembers reads; if so, what it remembers is brought up to date with its own rows."""
    if not session.info.get(_ON):
        return False
    if session.autoflush:
        session.flush()  # as a query would: rows added since are written (and the reads forgotten)
    return True


def forget(session: Session, *_ignored) -> None:
    session.info.pop(_REMEMBERED, None)


def reread(session: Session) -> None:
    """Every row loaded (and every read remembered) is read again from the database on its next use."""
    forget(session)
    session.expire_all()


@event.listens_for(Session, "do_orm_execute")
def _bulk_written(state) -> None:
    if not state.is_select:
        forget(state.session)


event.listen(Session, "after_flush", forget)
event.listen(Session, "after_transaction_end", forget)
