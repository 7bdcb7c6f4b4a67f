"""Settings from environment variables, with safe defaults for a single machine.

Every worker and every machine must see the same settings (the app keeps no
state between requests), so production sets them in the environment:
``DATABASE_URL``, ``SECRET_KEY``, ``SMTP_*``, ``REDIS_URL``.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path


def instance_dir() -> Path:
    return Path(os.environ.get("NERACA_INSTANCE", Path.cwd() / "instance")).resolve()


def _secret_key(instance: Path) -> str:
    """SECRET_KEY from the environment, else one kept in the instance folder so restarts keep sessions."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def load() -> dict:
    """The configuration mapping create_app() applies before any overrides."""
    instance = instance_dir()
    instance.mkdir(parents=True, exist_ok=True)
    return {
        "INSTANCE_DIR": str(instance),
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{instance / 'neraca.db'}"),
        # Connections each process keeps open, and how many more it may open at a peak (README "Deployment").
        "DATABASE_POOL_SIZE": int(os.environ.get("NERACA_DB_POOL_SIZE", "5")),
        "DATABASE_MAX_OVERFLOW": int(os.environ.get("NERACA_DB_MAX_OVERFLOW", "5")),
        # Cores a background report (personal scorecards of a round) is printed on; 1: in the worker itself.
        "REPORT_PROCESSES": int(os.environ.get("NERACA_REPORT_PROCESSES", "2")),
        "SECRET_KEY": _secret_key(instance),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("NERACA_INSECURE_COOKIES") != "1"
        and os.environ.get("FLASK_DEBUG") != "1",
        "REMEMBER_COOKIE_SECURE": os.environ.get("NERACA_INSECURE_COOKIES") != "1",
        # Links in emails; behind a proxy set it to the public address (e.g. https://neraca.example.go.id).
        "PUBLIC_URL": os.environ.get("PUBLIC_URL", ""),
        # Mail: with no SMTP_HOST, messages stay in the outbox for HR to read.
        "SMTP_HOST": os.environ.get("SMTP_HOST", ""),
        "SMTP_PORT": int(os.environ.get("SMTP_PORT", "25")),
        "SMTP_USER": os.environ.get("SMTP_USER", ""),
        "SMTP_PASSWORD": os.environ.get("SMTP_PASSWORD", ""),
        "SMTP_STARTTLS": os.environ.get("SMTP_STARTTLS") == "1",
        "MAIL_FROM": os.environ.get("MAIL_FROM", "neraca@localhost"),
        # Reverse proxies in front of the site (nginx alone: 1): the client's address is read from the
        # X-Forwarded-For header they add, which sign-in limits count by. 0: the connection's own address.
        "TRUSTED_PROXIES": int(os.environ.get("NERACA_TRUSTED_PROXIES", "0")),
        # An HR sign-in not used for this many hours ends (fractions allowed).
        "IDLE_TIMEOUT_HOURS": float(os.environ.get("NERACA_IDLE_TIMEOUT_HOURS", "8")),
        # Background jobs go to RQ on this Redis (run `neraca worker` beside the site); unset: a thread.
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        # Uploads: a larger request is refused (413) before it is read; imports are read within these bounds.
        "MAX_CONTENT_LENGTH": int(os.environ.get("NERACA_MAX_UPLOAD_MB", "5")) * 2**20,
        "MAX_IMPORT_ROWS": int(os.environ.get("NERACA_MAX_IMPORT_ROWS", "5000")),
        "MAX_IMPORT_CELLS": int(os.environ.get("NERACA_MAX_IMPORT_CELLS", "200000")),  # rows x columns
        "MAX_UNPACKED_BYTES": int(os.environ.get("NERACA_MAX_UNPACKED_MB", "25")) * 2**20,
        # Public rounds (/p/<slug>): one client address may leave this many answers to a round within the
        # window; more are refused until it passes. A burst limit, per minute: a counter's Wi-Fi or a mobile
        # carrier puts hundreds of honest visitors a day behind one address, a few a minute at most (filling
        # in the SKM takes a few minutes), while a script sending answers is slowed to this pace.
        "PUBLIC_ANSWERS_PER_ADDRESS": int(os.environ.get("NERACA_PUBLIC_ANSWERS_PER_ADDRESS", "10")),
        "PUBLIC_ADDRESS_WINDOW_MINUTES": int(os.environ.get("NERACA_PUBLIC_ADDRESS_WINDOW_MINUTES", "1")),
        # How long a browser's "already answered" cookie lasts (browsers keep a cookie 400 days at most).
        "PUBLIC_COOKIE_DAYS": int(os.environ.get("NERACA_PUBLIC_COOKIE_DAYS", "400")),
        # A counter's tablet (kiosk, /k/<token>): answers one device may take per minute. One visitor after
        # another needs a minute or more for the SKM; a tablet left with a stuck key or a script does not.
        "COUNTER_ANSWERS_PER_MINUTE": int(os.environ.get("NERACA_COUNTER_ANSWERS_PER_MINUTE", "6")),
        # How often the live screen (/k/<token>/live) reloads itself, in seconds.
        "COUNTER_LIVE_REFRESH_SECONDS": int(os.environ.get("NERACA_COUNTER_LIVE_REFRESH_SECONDS", "30")),
    }
