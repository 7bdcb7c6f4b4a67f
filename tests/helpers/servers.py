"""Real servers tests talk to: free ports and an SMTP server that keeps what it receives."""
from __future__ import annotations

import socket


def start_smtp_server(port: int):
    """A real SMTP server on 127.0.0.1:``port`` (one that was down until now, say): (controller, inbox)."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    class Inbox(Message):
        def __init__(self):
            super().__init__()
            self.messages = []

        def handle_message(self, message):
            self.messages.append(message)

    inbox = Inbox()
    inbox.port = port
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, inbox


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
