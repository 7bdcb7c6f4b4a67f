"""Time zones: HR enters a round's times on the office's wall clock, the database keeps UTC.

SQLite gives back naive datetimes for timezone-aware columns (what was stored, in UTC), PostgreSQL
aware ones: ``as_utc`` makes both comparable with ``utcnow()``.
"""
from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from survey.models import DEFAULT_TIME_ZONE

__all__ = ["DEFAULT_TIME_ZONE", "as_utc", "from_wall_clock", "is_time_zone", "on_wall_clock"]


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    return frozenset(available_timezones())  # reads the tz database's folders: once per process


def is_time_zone(name: str) -> bool:
    """An IANA name such as Asia/Jakarta (checked against the list, so no path or odd text reaches ZoneInfo)."""
    return name in _names()


def as_utc(moment: datetime) -> datetime:
    """A stored moment as an aware UTC datetime; a naive one (SQLite) was stored in UTC."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def from_wall_clock(moment: datetime, zone: str) -> datetime:
    """A time as read on the clocks of ``zone`` (naive, from a form) as the aware UTC moment it is."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return moment.astimezone(timezone.utc)


def on_wall_clock(moment: datetime, zone: str) -> datetime:
    """A stored moment as the clocks of ``zone`` show it (aware, so its abbreviation is known: WIB)."""
    return as_utc(moment).astimezone(ZoneInfo(zone))
