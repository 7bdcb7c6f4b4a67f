"""Translations outside a request: emails and reports sent by workers and scripts."""
import pickle
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


def test_a_message_with_values_reads_as_english_and_translates_before_its_values_go_back():
    from survey.services.errors import N_, joined, translated
    catalog = {"row %(number)s": "baris %(number)s", "Code %(code)s is used twice.": "Kode %(code)s dipakai dua kali.",
               "%(name)s '%(value)s' is not a number.": "%(name)s '%(value)s' bukan angka.",
               "level %(level)s": "tingkat %(level)s", "Name is required.": "Nama wajib diisi."}
    gettext = lambda text: catalog.get(text, text)  # noqa: E731
    row = N_("row %(number)s", number=4)
    assert row == "row 4" and {row: "x"}["row 4"] == "x"  # a key as before, for the API and the tests
    assert translated(row, gettext) == "baris 4"
    problems = joined([N_("Code %(code)s is used twice.", code="K1"), N_("Name is required."), "K1:"])
    assert problems == "Code K1 is used twice. Name is required. K1:"
    assert translated(problems, gettext) == "Kode K1 dipakai dua kali. Nama wajib diisi. K1:"
    nested = N_("%(name)s '%(value)s' is not a number.", name=N_("level %(level)s", level=3), value="50%")
    assert nested == "level 3 '50%' is not a number."
    assert translated(nested, gettext) == "tingkat 3 '50%' bukan angka."
    assert translated("Not in the catalog, 100%", gettext) == "Not in the catalog, 100%"
    copied = pickle.loads(pickle.dumps(nested))  # as a background job's error travels
    assert copied == nested and translated(copied, gettext) == "tingkat 3 '50%' bukan angka."


def test_every_message_of_the_code_has_an_indonesian_translation_with_the_same_placeholders(tmp_path):
    import re
    import runpy
    from pathlib import Path

    from babel.messages.pofile import read_po
    root = Path(__file__).resolve().parents[1]
    update_catalog = runpy.run_path(str(root / "scripts/update_catalog.py"))  # the script's own extraction
    wanted = [message.id for message in update_catalog["extract"](tmp_path / "messages.pot", quiet=True)
              if message.id]
    with (root / "survey/translations/id/LC_MESSAGES/messages.po").open("rb") as source:
        indonesian = {message.id: message.string for message in read_po(source) if message.id}
    placeholders = lambda text: sorted(re.findall(r"%\((\w+)\)", text))  # noqa: E731
    untranslated = [msgid for msgid in wanted if isinstance(msgid, str) and not indonesian.get(msgid)]
    assert untranslated == [], "run scripts/update_catalog.py after adding to scripts/id_translations.py"
    assert [msgid for msgid in wanted if isinstance(msgid, str)
            and placeholders(msgid) != placeholders(indonesian[msgid])] == []
