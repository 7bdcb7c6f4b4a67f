"""Each organisation's data version: a new random token with every commit that adds, changes or deletes the
organisation's rows, so what is built from those rows (a stored document, a computed page) is found again by
(organisation, version) in one indexed read instead of being rebuilt to compare fingerprints.

The version moves in the same transaction as the rows, so a reader never sees new data under an old
version. A token, not a counter: a database restored from a backup or emptied and filled again (tests)
never gives an old version's number to other data. A row names its organisation by its own
``organisation_id`` or through the row it belongs to (a respondent's judgment through its invitation, a
plan's target through its plan). A bulk statement (``session.execute(insert/update/delete(...))``) names no
row: the service that runs one calls ``touch(session, organisation_id)``; a commit with a bulk write that
touched no organisation moves every organisation's version (correct, only slower to read again).
Bookkeeping tables (``QUIET``) move nothing: building a stored document must not make it stale, and nothing
built from data shows them. A data migration that changes what documents show must give the organisations
it changes a new version, as a commit does.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable

from sqlalchemy import TextClause, event, select, true, update
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.util import identity_key

from survey.models import Base, Organisation
from survey.services import per_transaction

#: Tables no document or computed page shows: writing them leaves the versions alone.
QUIET = frozenset({"report_jobs", "login_attempts", "outbox", "password_tokens"})
_TOUCHED = "neraca.touched_organisations"  # named by the services that wrote in bulk
_NOTED = "neraca.noted_organisations"  # found from the rows the session flushed
_BULK = "neraca.bulk_write_without_organisation"
_EVERY = "every"  # a row whose organisation could not be found: every organisation's version moves
#: Fingerprints by (organisation, data version, what they are of), in this process (``remembered``).
_FOUND: dict[tuple, Hashable] = {}
_REMEMBERED = 1024


def of(session: Session, organisation_id: int) -> str:
    """The organisation's data version as last committed."""
    return session.scalar(select(Organisation.data_version).where(Organisation.id == organisation_id)) or ""


def unchanged_since_commit(session: Session) -> bool:
    """Whether this session's transaction has written nothing yet (a version read now describes what it sees)."""
    return not (session.new or session.dirty or session.deleted
                or any(session.info.get(noted) for noted in (_TOUCHED, _NOTED, _BULK)))


def remembered(session: Session, organisation_id: int, what: tuple, find: Callable[[], Hashable]) -> Hashable:
    """``find()`` (a fingerprint of some of the organisation's rows: a round's answers), asked again only when
    the organisation's data version moved: a page that reads it twice, or is shown again on unchanged data,
    spends one indexed read instead of the fingerprint's queries. Not kept from a transaction that wrote."""
    if not unchanged_since_commit(session):
        return find()
    key = (str(session.get_bind().url), organisation_id, of(session, organisation_id), what)
    if key not in _FOUND:
        if len(_FOUND) >= _REMEMBERED:
            _FOUND.clear()
        per_transaction.reread(session)  # rows loaded before the version was read may be older (nothing unsaved)
        _FOUND[key] = find()
    return _FOUND[key]


def touch(session: Session, organisation_id: int) -> None:
    """The organisation's rows are written by a bulk statement in this transaction: move its version at commit."""
    session.info.setdefault(_TOUCHED, set()).add(organisation_id)


def watch(maker: sessionmaker) -> None:
    """Move the versions of what every session made by ``maker`` commits."""
    event.listen(maker, "before_flush", _rows_changed)
    event.listen(maker, "after_flush", _rows_added)
    event.listen(maker, "do_orm_execute", _bulk_written)
    event.listen(maker, "before_commit", _move_versions)
    event.listen(maker, "after_transaction_end", _forget)


def _rows_changed(session: Session, _context, _instances) -> None:
    """Rows changed or deleted, read before the flush while the rows they belong to are still there."""
    for row in (*session.dirty, *session.deleted):
        _note(session, row)


def _rows_added(session: Session, _context) -> None:
    """Rows added, read after the flush: their keys (and their parents' ids) are written by then."""
    for row in session.new:
        _note(session, row)


def _note(session: Session, row) -> None:
    if row.__table__.name not in QUIET:
        session.info.setdefault(_NOTED, set()).add(_organisation_of(session, row))


def _organisation_of(session: Session, row) -> int | str:
    """The organisation a row belongs to: its own, or that of the first row its foreign keys name that has one."""
    if isinstance(row, Organisation):
        return row.id
    own = getattr(row, "organisation_id", None)
    if own is not None:
        return own
    for column in row.__table__.columns:
        value = getattr(row, column.key, None)
        for key in column.foreign_keys if value is not None else ():
            parent = _MAPPED.get(key.column.table.name)
            if parent is None or key.column.table.name in QUIET:
                continue
            loaded = session.identity_map.get(identity_key(parent, value))
            if loaded is not None:
                return _organisation_of(session, loaded)
            if "organisation_id" in key.column.table.c:
                found = session.connection().scalar(select(key.column.table.c.organisation_id)
                                                    .where(key.column == value))
                if found is not None:
                    return found
    return _EVERY


def _bulk_written(state) -> None:
    """A bulk insert, update or delete of a table that counts, or a statement written as SQL text that may
    write: its organisation must be touched by hand."""
    if state.is_insert or state.is_update or state.is_delete:
        if state.statement.table.name not in QUIET:
            state.session.info[_BULK] = True
    elif isinstance(state.statement, TextClause) and not state.statement.text.lstrip().lower().startswith("select"):
        state.session.info[_BULK] = True


def _move_versions(session: Session) -> None:
    session.flush()  # the last rows noted before the versions move
    touched = session.info.pop(_TOUCHED, set())
    if session.info.pop(_BULK, False) and not touched:  # a bulk write whose service named no organisation
        touched = {_EVERY}
    touched |= session.info.pop(_NOTED, set())
    if not touched:
        return
    table = Organisation.__table__
    chosen = table.c.id.in_(sorted(touched)) if _EVERY not in touched else true()
    connection = session.connection()  # a statement on the connection: no session event sees it again
    if len(touched) > 1:  # rows locked in id order first: two commits moving several never deadlock
        connection.execute(select(table.c.id).where(chosen).order_by(table.c.id).with_for_update(key_share=True))
    connection.execute(update(table).where(chosen).values(data_version=uuid.uuid4().hex))


def _forget(session: Session, transaction) -> None:
    if transaction.parent is None:  # the whole transaction ended (a rollback keeps nothing it noted)
        for noted in (_TOUCHED, _NOTED, _BULK):
            session.info.pop(noted, None)


_MAPPED = {mapper.local_table.name: mapper.class_ for mapper in Base.registry.mappers}
