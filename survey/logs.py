"""Log lines never carry a working link: the token of ``/r/<token>`` (an invitation), of
``/password/<token>`` (a set-password link) and of ``/k/<token>`` (a counter's tablet) is masked in every
record of the process.

A public round's ``/p/<slug>`` is left as it is: it is printed on posters, and HR needs it to follow a burst.
"""
from __future__ import annotations

import logging
import re

SECRET_PATH = re.compile(r"(/(?:r|password|k)/)[A-Za-z0-9_\-]+")
MASK = "********"  # ASCII: a log file need not be UTF-8


def masked(text: str) -> str:
    """``text`` with the token of each invitation or set-password address replaced by MASK."""
    return SECRET_PATH.sub(r"\g<1>" + MASK, text)


def mask_links_in_logs() -> None:
    """Mask every log record when it is made, whatever logger or handler writes it (werkzeug's request
    lines, Flask's "Exception on /r/...", gunicorn's access log, a traceback's message). Done at the
    record factory, since a filter on one logger or handler misses records its children or others write."""
    make_record = logging.getLogRecordFactory()
    if getattr(make_record, "masks_links", False):
        return

    def masking_record(*args, **kwargs):
        record = make_record(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: the logging module reports it when it is written
            return record
        record.msg, record.args = masked(message), None
        if record.exc_info:
            record.exc_text = masked(logging.Formatter().formatException(record.exc_info))
        return record

    masking_record.masks_links = True
    logging.setLogRecordFactory(masking_record)
