"""Helpers several test modules share: rounds launched and answered, PDFs read back, servers, browsers.

A test imports them from here (``from tests.helpers.weighting import launch``), never from another test
module; the test modules they were first written in still import them, so older imports keep working."""
