"""The tasks an RQ worker runs (``neraca worker``, on this machine or another): each builds the site's
app once from the environment and runs survey.background's task of that name in it.

Apart from survey/background.py so that module needs no app factory: the app imports it, and this
module imports the app."""
from __future__ import annotations

from flask import Flask
import rq

from survey import background, create_app

_app: Flask | None = None


def make_report(job_id: int, processes: int | None = None) -> None:
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


class Worker(rq.Worker):
    """RQ's worker whose listener for commands (its own pub/sub channel) wakes every second, not every
    minute: stopping the worker (a burst done, a restart) closes that channel while the listener may be
    waiting on it, which held the process up to a minute after its last job (seen in tests: 60 s exits)."""

    def subscribe(self):
        self.log.info("Worker %s: subscribing to channel %s", self.name, self.pubsub_channel_name)
        self.pubsub = self.connection.pubsub()
        self.pubsub.subscribe(**{self.pubsub_channel_name: self.handle_payload})
        self.pubsub_thread = self.pubsub.run_in_thread(sleep_time=1, daemon=True,
                                                       exception_handler=self._pubsub_exception_handler)
