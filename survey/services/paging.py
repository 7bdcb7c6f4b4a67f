"""Long lists (the audit log, the outbox, people to invite): searched by what a person types, one page at a time."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

PAGE_SIZE = 50


@dataclass(frozen=True)
class Page:
    rows: list
    number: int
    pages: int
    total: int


def page_of(session: Session, query, order_by, number: int = 1, page_size: int = PAGE_SIZE) -> Page:
    """Page ``number`` of ``query``'s rows in ``order_by`` order; a number past either end gives the nearest page."""
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    pages = max(1, -(-total // page_size))
    number = min(max(1, number), pages)
    rows = session.scalars(query.order_by(order_by).offset((number - 1) * page_size).limit(page_size))
    return Page(list(rows), number, pages, total)


def page_of_list(items: list, number: int = 1, page_size: int = PAGE_SIZE) -> Page:
    """Page ``number`` of a list already read (one office's people at most), as ``page_of`` pages a query."""
    pages = max(1, -(-len(items) // page_size))
    number = min(max(1, number), pages)
    return Page(items[(number - 1) * page_size:number * page_size], number, pages, len(items))


def matches(search: str, *texts: str | None) -> bool:
    """Whether any of ``texts`` contains ``search`` (case aside), as ``contains`` finds it in a query."""
    wanted = search.strip().casefold()
    return not wanted or any(wanted in (text or "").casefold() for text in texts)


def contains(search: str) -> str:
    """A LIKE pattern (escape character backslash) for text containing ``search`` literally: % and _ typed
    by a person match themselves."""
    return "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
