"""Translations outside a request: emails and reports sent by workers and scripts."""
import tempfile

from survey import i18n


def test_a_process_without_an_app_translates_without_writing_catalogs_anywhere(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "_compiled", None)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    i18n.translations.cache_clear()
    try:
        message = "This page was just saved from another window; reload it."
        assert i18n.gettext("id", message) not in ("", message)
        assert i18n.gettext("en", message) == message
        assert list(tmp_path.iterdir()) == []
    finally:
        i18n.translations.cache_clear()
