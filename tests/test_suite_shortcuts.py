"""The suite's shortcuts (tests/helpers/compiled.py) change how fast it runs, not what it checks: templates
and URL builders are reused only where a fresh compilation would give the same, an engine only by the next
test's app once its own test ended, and the site itself still stores passwords at werkzeug's full cost."""
from __future__ import annotations

import gc
import weakref

import jinja2
from werkzeug.routing import BaseConverter, Map, Rule
from werkzeug.security import check_password_hash, generate_password_hash

from survey import create_app
from survey.models import User
from survey.services import accounts
from tests.helpers.compiled import PASSWORD_HASH, TEST_PASSWORD_HASH


def test_the_site_stores_passwords_at_werkzeugs_full_cost_and_only_the_tests_lower_it(session, monkeypatch):
    assert generate_password_hash("x").startswith(f"{TEST_PASSWORD_HASH}$")  # the suite's shortcut is on
    monkeypatch.setattr(generate_password_hash, "__defaults__", (PASSWORD_HASH, 16))  # as outside the tests
    full_cost = generate_password_hash("x").split("$")[0]
    assert full_cost == "scrypt:32768:8:1"
    organisation = accounts.create_organisation(session, "Samsat")
    accounts.create_user(session, organisation.id, "hr@example.org", "HR", "correct horse battery")
    stored = session.query(User).one().password_hash
    assert stored.split("$")[0] == full_cost and check_password_hash(stored, "correct horse battery")


def test_a_template_is_compiled_again_when_its_text_or_its_environments_escaping_differs(tmp_path):
    (tmp_path / "page.html").write_text("{{ name }}!")
    escaping, plain = (jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=autoescape)
                       for autoescape in (True, False))
    assert escaping.bytecode_cache is plain.bytecode_cache is not None  # both share the session's cache
    assert escaping.get_template("page.html").render(name="<b>") == "&lt;b&gt;!"
    assert plain.get_template("page.html").render(name="<b>") == "<b>!"
    (tmp_path / "page.html").write_text("{{ name }}?")
    fresh = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=True)
    assert fresh.get_template("page.html").render(name="<b>") == "&lt;b&gt;?"


def test_a_url_builder_is_reused_only_by_a_rule_built_alike():
    class Upper(BaseConverter):
        def to_url(self, value):
            return str(value).upper()

    class Lower(BaseConverter):
        def to_url(self, value):
            return str(value).lower()

    urls = []
    for converter in (Upper, Lower, Upper):  # the default is turned into the URL's text when the rule compiles
        adapter = Map([Rule("/k/<word:code>", endpoint="kpi", defaults={"code": "Aa"})],
                      converters={"word": converter}).bind("neraca.test")
        urls.append(adapter.build("kpi", {"code": "Aa"}))
    assert urls == ["/k/AA", "/k/aa", "/k/AA"]


def test_an_engine_goes_to_the_next_app_only_once_released_and_one_never_released_is_collected(
        app, database_url, compiled_once):
    mine = app.extensions["neraca.engine"]
    config = {"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test"}
    second = create_app(config)  # a test's own second app while the first lives: an engine of its own
    assert second.extensions["neraca.engine"] is not mine
    with second.extensions["neraca.engine"].connect():
        pass
    left = weakref.ref(second.extensions["neraca.engine"])
    del second
    gc.collect()
    assert left() is None  # with its pool and its connection, as without the shortcut
    compiled_once.release(mine)
    assert create_app(config).extensions["neraca.engine"] is mine and mine.pool.checkedin() == 0
