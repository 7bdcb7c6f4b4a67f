"""The defects an attacker's test of the site found (issue 24), each shown fixed."""
import pytest

from survey.services.errors import Invalid
from survey.models import utcnow
from survey.services import api_tokens
from tests.test_services_weighting import launch


def _api(client, session):
    organisation, version, round_ = launch(session)
    _, raw = api_tokens.create_token(session, organisation.id, "HRIS")

    def call(method, path, **kwargs):
        return client.open(path, method=method, headers={"Authorization": f"Bearer {raw}"}, **kwargs)
    call.organisation, call.version, call.round = organisation, version, round_
    return call


def test_deeply_nested_json_is_a_bad_request_not_a_crash(client, session):
    api = _api(client, session)
    path = f"/api/rounds/{api.round.id}/participants"
    for depth in (401, 5000, 100_000):
        response = api("POST", path, data="[" * depth + "]" * depth, content_type="application/json")
        assert response.status_code == 400, depth
        assert "nested deeper than 400" in response.get_json()["error"]
    # Brackets inside a string are text, not nesting; 400 levels are still parsed (and refused as no list of people).
    response = api("POST", path, json=[{"name": "[" * 5000, "email": "a@x.org"}])
    assert response.status_code != 400
    response = api("POST", path, data="[" * 400 + "]" * 400, content_type="application/json")
    assert response.status_code == 422


FORMULA_PIECES = ["x;=1+1", "a,=1+1", "b; +62 21 555", "c,-2+3", "d;@SUM(A1)", "e;\t=1"]


def test_a_csv_cell_has_no_formula_start_wherever_a_spreadsheet_cuts_it(client, session):
    from survey.services import accounts, scorecards
    from tests.test_input_attacks import send
    from tests.web import sign_in
    organisation = accounts.create_organisation(session, "Kantor")
    version = scorecards.create_scorecard(session, organisation.id, "BSC", "2010")
    scorecards.add_element(session, version, code="P", kind="perspective", name="Pelanggan")
    for k, text in enumerate(FORMULA_PIECES):
        scorecards.add_element(session, version, code=f"O{k}", kind="objective", name=text, parent_code="P",
                               description=f"{text} ; {text}")
    sign_in(client, session, organisation.id)
    exported = client.get(f"/hr/versions/{version.id}/export.csv").get_data()
    text = exported.decode("utf-8-sig")
    for separator in (";", ","):  # a spreadsheet splitting at either, quotes or not
        pieces = [piece.strip('"') for line in text.splitlines() for piece in line.split(separator)]
        assert not [piece for piece in pieces if piece.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))]
    copy = scorecards.create_scorecard(session, organisation.id, "BSC", "2011")
    response = send(client, f"/hr/versions/{copy.id}/import", f"/hr/versions/{copy.id}", exported, "scorecard.csv")
    assert response.status_code == 302, response.get_data(as_text=True)
    session.expire_all()
    assert scorecards.export_scorecard(session, copy).equals(scorecards.export_scorecard(session, version))


def test_a_reset_link_made_before_disabling_stays_dead_after_enabling(client, session):
    from survey.services import accounts, users
    organisation = accounts.create_organisation(session, "Kantor")
    user = accounts.create_user(session, organisation.id, "ani@example.org", "Ani", "correct horse battery")
    token = users.new_link_token(session, user, "reset", secret_key="test")
    assert client.get(f"/password/{token}").status_code == 200
    users.disable(session, organisation.id, user.id)
    assert client.get(f"/password/{token}").status_code == 404
    users.enable(session, organisation.id, user.id)
    assert client.get(f"/password/{token}").status_code == 404
    fresh = users.new_link_token(session, user, "reset", secret_key="test")  # a new link, asked for after, works
    assert client.get(f"/password/{fresh}").status_code == 200


def test_an_api_token_stops_when_its_maker_is_disabled_and_stays_stopped_when_enabled(client, session):
    from survey.models import User
    from survey.services import accounts, users
    from tests.web import post, sign_in
    api = _api(client, session)  # a round to read and add people to
    sign_in(client, session, api.organisation.id, email="admin@example.org", role="admin")
    page = post(client, "/hr/api-tokens", {"name": "SIMPEG"})
    raw = page.get_data(as_text=True).split("<code>")[1].split("</code>")[0]
    headers = {"Authorization": f"Bearer {raw}"}
    people_path = f"/api/rounds/{api.round.id}/participants"
    assert client.get("/api/rounds", headers=headers).status_code == 200
    maker = session.query(User).filter_by(email="admin@example.org").one()
    accounts.create_user(session, api.organisation.id, "boss@example.org", "Boss", "correct horse battery",
                         role="admin")  # the organisation keeps an administrator
    users.disable(session, api.organisation.id, maker.id, actor="boss@example.org")
    assert client.get("/api/rounds", headers=headers).status_code == 401
    assert client.post(people_path, headers=headers, json=[{"name": "Eko", "email": "eko@x.org"}]).status_code == 401
    users.enable(session, api.organisation.id, maker.id)
    assert client.get("/api/rounds", headers=headers).status_code == 401  # revoked with the disabling



def test_a_disabled_makers_token_is_refused_even_when_not_revoked(client, session):
    from survey.services import accounts
    api = _api(client, session)
    maker = accounts.create_user(session, api.organisation.id, "admin@example.org", "Admin", "correct horse battery",
                                 role="admin")
    _, raw = api_tokens.create_token(session, api.organisation.id, "SIMPEG", maker.email, created_by=maker.id)
    headers = {"Authorization": f"Bearer {raw}"}
    assert client.get("/api/rounds", headers=headers).status_code == 200
    maker.disabled_at = utcnow()  # disabled by hand in the database, the token left as it was
    session.commit()
    assert client.get("/api/rounds", headers=headers).status_code == 401


def test_the_migration_gives_existing_tokens_their_maker_and_one_line_texts_one_line(database_url, tmp_path, monkeypatch):
    from alembic import command
    from sqlalchemy import create_engine, text

    from survey.cli import alembic_config
    from tests.conftest import empty_database
    empty_database(database_url)
    monkeypatch.setenv("NERACA_INSTANCE", str(tmp_path / "instance"))
    command.upgrade(alembic_config(database_url), "0019_network")
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO organisations (id, name) VALUES (1, :name)"), {"name": "Kantor\r\nPusat"})
        connection.execute(text("INSERT INTO users (id, organisation_id, email, name, password_hash, role, session_nonce)"
                                " VALUES (7, 1, 'admin@x.org', :name, 'x', 'admin', 'n')"), {"name": "Ad\nmin\r"})
        for name, actor in (("SIMPEG", "admin@x.org"), ("Old", "system")):
            connection.execute(text("INSERT INTO audit_log (organisation_id, created_at, actor_email, action, subject,"
                                    " details) VALUES (1, CURRENT_TIMESTAMP, :actor, 'api_token_created', :name, '{}')"),
                               {"actor": actor, "name": name})
            connection.execute(text("INSERT INTO api_tokens (organisation_id, name, token_hash, created_at)"
                                    " VALUES (1, :name, :name, CURRENT_TIMESTAMP)"), {"name": name})
    command.upgrade(alembic_config(database_url), "head")
    with engine.begin() as connection:
        makers = dict(connection.execute(text("SELECT name, created_by_id FROM api_tokens")).all())
        names = connection.execute(text("SELECT organisations.name, users.name FROM organisations, users")).one()
    engine.dispose()
    assert makers == {"SIMPEG": 7, "Old": None}
    assert tuple(names) == ("Kantor Pusat", "Ad min ")  # one-line texts saved with a line break, on one line


def test_no_working_link_reaches_the_logs_of_a_crash_or_a_request(app, client, session, caplog, monkeypatch):
    import logging
    import threading
    import urllib.request

    from werkzeug.serving import make_server

    from survey import respond
    from survey.services import accounts, users
    from tests.test_mail_hardening import working_tokens
    api = _api(client, session)
    token = working_tokens(session)[0]
    user = accounts.create_user(session, api.organisation.id, "ani@example.org", "Ani", "correct horse battery")
    password_token = users.new_link_token(session, user, "reset", secret_key="test")
    caplog.set_level(logging.INFO)

    def crash(*args, **kwargs):
        raise RuntimeError(f"cannot show /r/{token}/rate/root")
    monkeypatch.setattr(respond.answers, "mark_opened", crash)  # any crash behind a link
    app.config["PROPAGATE_EXCEPTIONS"] = False
    assert client.get(f"/r/{token}").status_code == 500
    assert "Exception on /r/********" in caplog.text and "cannot show /r/********/rate/root" in caplog.text

    server = make_server("127.0.0.1", 0, app, threaded=True)  # werkzeug's own request lines
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for path in (f"/password/{password_token}", f"/r/{token}"):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{server.port}{path}").close()
            except urllib.error.HTTPError:
                pass
    finally:
        server.shutdown()
    assert "GET /password/******** HTTP" in caplog.text and "GET /r/******** HTTP" in caplog.text
    assert token not in caplog.text and password_token not in caplog.text


def _wide_workbook(rows: int, columns: int) -> bytes:
    """The attacker's file: ``rows`` rows of ``columns`` numbers under name, email and more headers."""
    from tests.test_input_attacks import workbook
    headers = ["name", "email", "kpi", "period", "code", "kind", "parent"] + [f"x{k}" for k in range(columns - 7)]
    row = "<row>" + "".join(f"<c><v>{k}</v></c>" for k in range(columns)) + "</row>"
    return workbook(headers, row.encode(), rows)


def test_a_small_file_of_millions_of_cells_is_refused_in_a_moment_by_every_import(client, session):
    import time

    from tests.samsat_site import build_samsat
    from tests.test_input_attacks import IMPORTS, rows_of_people_and_elements, send
    from tests.web import sign_in
    organisation, version = build_samsat(session, stakeholders=0)
    session.commit()
    sign_in(client, session, organisation.id)
    wide = _wide_workbook(4_900, 300)
    assert len(wide) < 2**20  # (57 KB in the report) under the upload, row and unpacked-size limits
    csv_wide = ("name,email,kpi,period,code,kind,parent" + ",x" * 293 + "\n" + ("1," * 299 + "1\n") * 4_900).encode()
    before = rows_of_people_and_elements(session)
    for content, filename in ((wide, "wide.xlsx"), (csv_wide, "wide.csv")):
        for url, page, _ in IMPORTS:
            started = time.process_time()  # CPU time: other work on the machine does not count
            response = send(client, url.format(version=version.id), page.format(version=version.id), content,
                            filename)
            assert response.status_code == 400, url
            assert "At most 200000 cells (rows times columns) per file" in response.get_data(as_text=True)
            assert time.process_time() - started < 2, url  # 31.6 s of CPU before
    assert rows_of_people_and_elements(session) == before
    response = send(client, "/hr/people/import", "/hr/people", wide, "wide.xlsx", language="id")
    assert "Paling banyak 200000 sel" in response.get_data(as_text=True)


def test_cells_up_to_the_limit_are_imported_and_one_more_column_is_refused(app, client, session):
    from sqlalchemy import func, select

    from survey.models import Person
    from survey.services import accounts
    from tests.test_input_attacks import send, workbook
    from tests.web import sign_in
    organisation = accounts.create_organisation(session, "Kantor")
    sign_in(client, session, organisation.id)
    app.config["MAX_IMPORT_CELLS"] = 8  # the headers and 3 people, 2 columns each
    people = "".join(f'<row><c r="A{n + 2}" t="inlineStr"><is><t>P{n}</t></is></c><c r="B{n + 2}" t="inlineStr">'
                     f"<is><t>p{n}@x.org</t></is></c></row>" for n in range(3)).encode()
    one_more_column = people.replace(b'</row>', b'<c r="C4"><v>1</v></c></row>', 1)  # far right: 4 rows x 3
    for content, status in ((workbook(["name", "email"], one_more_column, 1), 400),
                            (("name,email\nP0,p0@x.org\nP1,p1@x.org,\nP2,p2@x.org\n").encode(), 400),
                            (workbook(["name", "email"], people, 1), 302)):
        filename = "people.csv" if content.startswith(b"name") else "people.xlsx"
        response = send(client, "/hr/people/import", "/hr/people", content, filename)
        assert response.status_code == status, response.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(Person)) == 3


def test_inviting_an_address_of_another_organisation_looks_like_any_invitation_and_tells_its_owner(client, session):
    from sqlalchemy import func, select

    from survey.models import AuditEntry, OutboxMessage, User
    from survey.services import accounts
    from tests.web import post, sign_in
    office = accounts.create_organisation(session, "Dispenda")
    other = accounts.create_organisation(session, "Bappeda")
    accounts.create_user(session, other.id, "rina@bappeda.go.id", "Rina", "correct horse battery")
    sign_in(client, session, office.id, email="admin@dispenda.go.id", role="admin")

    def invite(email):
        return post(client, "/hr/users?lang=en", {"name": "Someone", "email": email, "role": "hr"},
                    follow_redirects=True).get_data(as_text=True)
    fresh, taken = invite("new@dispenda.go.id"), invite("rina@bappeda.go.id")
    assert "already exists" not in taken
    said = lambda page, email: page.split(f"{email} is invited", 1)[1].split("</", 1)[0]  # noqa: E731
    assert said(taken, "rina@bappeda.go.id") == said(fresh, "new@dispenda.go.id")  # word for word the same
    session.expire_all()
    rina = session.scalar(select(User).where(User.email == "rina@bappeda.go.id"))
    assert (rina.organisation_id, rina.name) == (other.id, "Rina")  # nothing changed
    assert session.scalar(select(func.count()).select_from(User).where(User.organisation_id == office.id)) == 2
    notice = session.scalar(select(OutboxMessage).where(OutboxMessage.recipient == "rina@bappeda.go.id"))
    assert notice.organisation_id == other.id and notice.password_token_id is None
    assert "Dispenda wanted to make you a Neraca account" in notice.body and "nothing was changed" in notice.body
    logged = session.scalars(select(AuditEntry.subject).where(AuditEntry.organisation_id == office.id,
                                                              AuditEntry.action == "user_changed")).all()
    assert sorted(logged) == ["new@dispenda.go.id", "rina@bappeda.go.id"]  # the same trace for both
    # Within the organisation nothing is hidden: the administrator sees their own users anyway.
    assert "A user with this email already exists." in invite("new@dispenda.go.id")


def test_a_removed_participants_link_says_so_and_saves_nothing(app, client, session):
    from survey.models import ClusterAnswer, Invitation
    from survey.services import rounds
    from survey.services.tokens import token_for
    from tests.test_rounds_changing_mind import launched
    from tests.web import csrf
    _, _, round_ = launched(client, session)
    kept, removed = sorted(session.query(Invitation).filter_by(round_id=round_.id), key=lambda i: i.id)[:2]
    rounds.remove_participant(session, round_, removed.id, "hr@example.org")
    respondent = app.test_client()
    link = f"/r/{token_for('test', removed.token_nonce)}"
    token = csrf(respondent, f"/r/{token_for('test', kept.token_nonce)}?lang=en")
    page = respondent.get(f"{link}?lang=en")
    assert page.status_code == 410 and "You were removed from this survey" in page.get_data(as_text=True)
    assert "Anda telah dikeluarkan dari survei ini" in respondent.get(f"{link}?lang=id").get_data(as_text=True)
    sent = respondent.post(f"{link}?lang=en", data={"csrf_token": token, "role": "Kepala seksi",
                                                    "years_of_service": "3"})
    assert sent.status_code == 410 and "You were removed from this survey" in sent.get_data(as_text=True)
    for path in ("/c/root", "/next", "/done"):
        assert respondent.get(f"{link}{path}").status_code == 410
    session.expire_all()
    removed = session.get(Invitation, removed.id)
    assert (removed.identity, removed.opened_at) == ({}, None)
    assert session.query(ClusterAnswer).filter_by(invitation_id=removed.id).count() == 0


BROKEN = "Baris satu\r\nBaris dua"


def _site_forms():
    """Every form class of the site (each module imported), with its one-line text fields' input names."""
    import importlib
    import pkgutil

    import survey
    from survey.forms import FlaskForm, NumberField, is_one_line
    for module in pkgutil.walk_packages(survey.__path__, "survey."):
        importlib.import_module(module.name)

    def subclasses(cls):
        for child in cls.__subclasses__():
            yield child
            yield from subclasses(child)

    def one_line(fields):
        from wtforms import FieldList, FormField
        for field in fields:
            if isinstance(field, FormField):
                yield from one_line(field.form)
            elif isinstance(field, FieldList):
                yield from one_line(field.entries)
            elif is_one_line(field) and not isinstance(field, NumberField):  # a number is read as one anyway
                yield field.name
    for cls in {c for c in subclasses(FlaskForm) if getattr(importlib.import_module(c.__module__), c.__name__, None)
                is c}:
        yield cls, list(one_line(cls(formdata=None, meta={"csrf": False})))


def test_every_one_line_field_of_every_form_refuses_a_line_break(app):
    from werkzeug.datastructures import MultiDict
    checked = []
    with app.test_request_context("/?lang=en", method="POST"):
        for cls, names in _site_forms():
            for name in names:
                form = cls(formdata=MultiDict({name: BROKEN}), meta={"csrf": False})
                for field in _flat(form):
                    if getattr(field, "choices", ()) is None:
                        field.choices = []  # given by the view, from the organisation's data
                assert not form.validate()
                field = next(f for f in _flat(form) if f.name == name)
                assert "This field must be one line: remove the line break." in field.errors, (cls.__name__, name)
                checked.append(f"{cls.__name__}.{name}")
    # The ones the report found, and the sum of them all (a new form's fields are checked by the same loop).
    assert {"RoundForm.title", "PersonForm.name", "UserForm.name", "IdentityForm.role", "TokenForm.name",
            "ElementForm.name", "ScorecardForm.name", "BandsForm.bands-0-label_id"} <= set(checked)
    assert len(checked) > 40


def _flat(form):
    from wtforms import FieldList, FormField
    for field in form:
        if isinstance(field, FormField):
            yield from _flat(field.form)
        elif isinstance(field, FieldList):
            yield from _flat(field.entries)
        else:
            yield field


def _csv(rows: list[dict]) -> bytes:
    import csv
    import io
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(rows[0]), quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue().encode()


PERSON = {"name": "Ani", "email": "ani@x.org", "phone": "+62 812 3456 7890", "unit": "Pelayanan",
          "role": "Kepala seksi", "kind": "stakeholder", "weight": "1"}
FREE_TEXT_PERSON = ("name", "unit", "role")  # the others are refused by their own rules (address, phone, kind)


def test_every_text_column_of_the_people_import_and_the_api_refuses_a_line_break(client, session):
    from survey.models import Person
    from tests.test_input_attacks import send
    from tests.web import sign_in
    api = _api(client, session)
    sign_in(client, session, api.organisation.id)
    before = session.query(Person).count()
    for column in ("name", "email", "phone", "unit", "role", "kind"):
        broken = {**PERSON, column: PERSON[column][:1] + "\n" + PERSON[column][1:]}
        response = send(client, "/hr/people/import", "/hr/people", _csv([broken]), "people.csv")
        assert response.status_code == 400, column
        if column in FREE_TEXT_PERSON:
            assert "must be one line" in response.get_data(as_text=True), column
        response = api("POST", f"/api/rounds/{api.round.id}/participants", json=[broken])
        assert response.status_code == 422, column
        if column in FREE_TEXT_PERSON:
            assert "must be one line" in str(response.get_json()["errors"]), column
    session.expire_all()
    assert session.query(Person).count() == before


SCORECARD = [{"code": "P", "kind": "perspective", "parent": "", "name": "Pelanggan"},
             {"code": "O", "kind": "objective", "parent": "P", "name": "Layanan cepat"}]
KPI = {"code": "K", "kind": "kpi", "parent": "O", "name": "Waktu layanan", "unit": "menit", "formula": "",
       "better": "lower", "data_source": "Buku register", "measured_by": "Seksi pelayanan",
       "measurement_frequency": "bulanan", "review_frequency": "triwulanan", "description": "Dua\nbaris boleh"}


def test_every_one_line_column_of_the_scorecard_import_refuses_a_line_break(client, session):
    from survey.models import Element
    from survey.services import accounts, scorecards
    from tests.test_input_attacks import send
    from tests.web import sign_in
    organisation = accounts.create_organisation(session, "Kantor")
    version = scorecards.create_scorecard(session, organisation.id, "BSC", "2010")
    sign_in(client, session, organisation.id)
    page = f"/hr/versions/{version.id}"
    rows = [{**row, **{k: "" for k in KPI if k not in row}} for row in SCORECARD]
    for column in ("code", "parent", "name", "unit", "better", "data_source", "measured_by", "measurement_frequency",
                   "review_frequency"):
        broken = {**KPI, column: KPI[column] + "\r\nx"}
        response = send(client, f"{page}/import", page, _csv(rows + [broken]), "scorecard.csv")
        assert response.status_code == 400, column
        if column not in ("parent", "better"):  # those two are refused as an unknown parent and direction
            assert "must be one line" in response.get_data(as_text=True), column
    session.expire_all()
    assert session.query(Element).filter_by(version_id=version.id).count() == 0
    response = send(client, f"{page}/import", page, _csv(rows + [KPI]), "scorecard.csv")  # a description may
    assert response.status_code == 302, response.get_data(as_text=True)


def test_a_round_title_with_a_line_break_is_refused_and_one_saved_before_does_not_stop_invitations(client, session):
    from sqlalchemy import update

    from survey.models import OutboxMessage, Round
    from survey.services import rounds
    from tests.test_rounds_changing_mind import launched
    from tests.web import post, round_form
    organisation, version, round_ = launched(client, session)
    response = post(client, "/hr/rounds/new?lang=en", round_form(title=BROKEN, version=str(version.id)))
    assert response.status_code == 400 and "must be one line" in response.get_data(as_text=True)
    assert session.query(Round).count() == 1
    with pytest.raises(Invalid, match="must be one line"):  # whoever calls the services, the CLI too
        rounds.create_round(session, organisation.id, version_id=version.id, title=BROKEN)
    session.rollback()
    session.execute(update(Round).where(Round.id == round_.id).values(title=BROKEN))  # as saved before the rule
    session.commit()
    session.expire_all()
    rounds.remind(session, session.get(Round, round_.id), {"SECRET_KEY": "test", "PUBLIC_URL": "http://neraca.test"})
    subjects = [m.subject for m in session.query(OutboxMessage).filter_by(round_id=round_.id)]
    assert subjects and all("\n" not in s and "\r" not in s for s in subjects)
    assert "Reminder: Baris satu Baris dua" in subjects or "Pengingat: Baris satu Baris dua" in subjects
