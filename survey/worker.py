"""The tasks an RQ worker runs (``neraca worker``, on this machine or another): each builds the site's
app once from the environment and runs survey.background's task of that name in it.

Apart from survey/background.py so that module needs no app factory: the app imports it, and this
module imports the app."""
from __future__ import annotations

from flask import Flask

from survey import background, create_app

_app: Flask | None = None


def make_report(job_id: int, processes: int = 2) -> None:
    _run("make_report", job_id, processes)


def make_document(job_id: int) -> None:
    _run("make_document", job_id)


def send_mail(round_id: int | None = None) -> None:
    _run("send_mail", round_id)


def _run(task: str, *args) -> None:
    global _app
    if _app is None:
        _app = create_app()
    with _app.app_context():
        background.TASKS[task](*args)
