"""The reporting cycle of a period: HR sets a deadline, owners enter and submit their KPIs, HR or a
KPI's verifier verifies or returns each, HR locks the verified period and only an administrator
unlocks it. Owners with missing values are reminded by email, at most once a day.
"""
from __future__ import annotations

import io
import shutil
import subprocess
from datetime import timedelta

import pandas as pd
import pytest
from sqlalchemy import func, select

from survey import cli
from survey.models import AuditEntry, KpiSubmission, OutboxMessage, User
from survey.services import accounts, api_tokens, evidence, grid, kpi_owners, mail, performance, reporting
from survey.services.errors import Invalid
from tests.helpers.database import rows_in_every_table
from tests.helpers.scorecards import ANCHORS, small_scorecard
from tests.web import csrf, post, sign_in

PERIOD = "2024"
PASSWORD = "correct horse battery"


@pytest.fixture
def office(session):
    """Three KPIs with ladders in 2024: Ani owns K1 (green) and K2 (red), Budi owns K3 (nothing entered);
    Citra is named to verify K1."""
    organisation = accounts.create_organisation(session, "Kantor")
    version = small_scorecard(session, organisation.id)
    users = {name: accounts.create_user(session, organisation.id, f"{name.lower()}@kantor.go.id", name, PASSWORD,
                                        role="kpi_owner") for name in ("Ani", "Budi", "Citra")}
    for code, owner in (("K1", "Ani"), ("K2", "Ani"), ("K3", "Budi")):
        kpi_owners.assign(session, version, code, [users[owner].id])
    for code in ("K1", "K2", "K3"):
        performance.set_ladder(session, version, kpi=code, period=PERIOD, anchors=ANCHORS)
    performance.record_measurement(session, version, kpi="K1", period=PERIOD, target=90.0, actual=95.0)
    performance.record_measurement(session, version, kpi="K2", period=PERIOD, target=90.0, actual=20.0)
    reporting.set_verifier(session, version, "K1", users["Citra"].id, "hr@kantor.go.id")
    return {"organisation": organisation, "version": version, **users}


def as_user(app, session, office, email, role=None):
    """A client signed in as an existing user (``role``: a new user with that role)."""
    client = app.test_client()
    if role:
        sign_in(client, session, office["organisation"].id, email=email, role=role)
    else:
        assert post(client, "/login", {"email": email, "password": PASSWORD}).status_code == 302
    return client


def board_url(office, action=""):
    return f"/hr/versions/{office['version'].id}/reporting/{PERIOD}{action}"


def act(client, office, action, **data):
    return post(client, board_url(office, action) + "?lang=en", data, page=board_url(office))


def statuses(session, office):
    session.expire_all()
    return {line.code: line.status for line in reporting.board(session, office["version"], PERIOD).kpis}


def finish(session, office, hr):
    """Everything entered, analysed, submitted and verified, as HR does it for the whole office."""
    version = office["version"]
    performance.record_measurement(session, version, kpi="K3", period=PERIOD, target=90.0, actual=92.0)
    performance.set_finding(session, version, kpi="K2", period=PERIOD, root_cause="Late budget",
                            action="Ask for it in January")
    reporting.submit(session, version, PERIOD, hr)
    for code in ("K1", "K2", "K3"):
        reporting.decide(session, version, PERIOD, code, hr, approve=True)


def test_the_board_shows_entered_missing_and_late_values_per_kpi_and_per_owner(app, session, office):
    version = office["version"]
    today = reporting.today_of(session, version.organisation_id)
    reporting.set_deadline(session, version, PERIOD, today + timedelta(days=3), "hr@kantor.go.id")
    before = reporting.board(session, version, PERIOD)
    assert {line.code: line.state for line in before.kpis} == {"K1": "entered", "K2": "entered", "K3": "missing"}
    assert {line.code: line.light for line in before.kpis}["K2"] == "red"
    after = reporting.board(session, version, PERIOD, today=today + timedelta(days=4))
    assert {line.code: line.state for line in after.kpis}["K3"] == "late" and after.late
    counts = {owner.user.name: owner.counts for owner in after.owners}
    assert (counts["Ani"]["entered"], counts["Ani"]["late"], counts["Budi"]["late"]) == (2, 0, 1)

    hr = as_user(app, session, office, "hr@kantor.go.id", role="hr")
    page = hr.get(board_url(office) + "?lang=en").get_data(as_text=True)
    assert "Reporting status: <strong" in page and "provisional" in page
    assert "K3" in page and "missing" in page and "target, actual" in page
    assert act(hr, office, "/deadline", deadline="2020-01-31").status_code == 302
    late = hr.get(board_url(office) + "?lang=id").get_data(as_text=True)
    assert "31 Januari 2020" in late and "terlambat" in late
    assert session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "deadline_set")) == 2


def test_an_owner_submits_hr_or_the_named_verifier_verifies_or_returns_with_a_comment(app, session, office):
    ani = as_user(app, session, office, "ani@kantor.go.id")
    viewer = as_user(app, session, office, "viewer@kantor.go.id", role="viewer")
    assert act(viewer, office, "/submit", kpi="K1").status_code == 403

    budi = as_user(app, session, office, "budi@kantor.go.id")
    refused = act(budi, office, "/submit", kpi="K1")
    assert "only for the KPIs assigned to you" in budi.get(refused.headers["Location"]).get_data(as_text=True)
    act(budi, office, "/submit", kpi="K3")  # nothing entered yet
    assert statuses(session, office) == {"K1": "", "K2": "", "K3": ""}

    # K2 is red: no submission without its analysis and follow-up action, and a refusal writes nothing.
    response = act(ani, office, "/submit")
    page = ani.get(response.headers["Location"]).get_data(as_text=True)
    assert "K2 is red: write its analysis (the cause) and its follow-up action first." in page
    assert statuses(session, office) == {"K1": "", "K2": "", "K3": ""}
    assert act(ani, office, "/submit", kpi="K1").status_code == 302
    performance.set_finding(session, office["version"], kpi="K2", period=PERIOD, root_cause="Budget came late",
                            action="")
    with pytest.raises(Invalid, match="K2 is red"):  # a cause without an action is not enough
        reporting.submit(session, office["version"], PERIOD, office["Ani"], ["K2"])
    performance.set_finding(session, office["version"], kpi="K2", period=PERIOD, root_cause="",
                            action="Ask for the budget in January")
    act(ani, office, "/submit", kpi="K2")
    assert statuses(session, office) == {"K1": "submitted", "K2": "submitted", "K3": ""}

    # Citra verifies K1, which she is named for, but not K2; Ani does not verify her own KPIs.
    citra = as_user(app, session, office, "citra@kantor.go.id")
    act(citra, office, "/decide", kpi="K2", decision="verify")
    act(ani, office, "/decide", kpi="K1", decision="verify")
    assert statuses(session, office)["K2"] == "submitted" and statuses(session, office)["K1"] == "submitted"
    act(citra, office, "/decide", kpi="K1", decision="verify")
    hr = as_user(app, session, office, "hr@kantor.go.id", role="hr")
    refused = act(hr, office, "/decide", kpi="K2", decision="return", comment="")
    assert "Say why the KPI is returned" in hr.get(refused.headers["Location"]).get_data(as_text=True)
    act(hr, office, "/decide", kpi="K2", decision="return", comment="The actual is from 2023")
    assert statuses(session, office) == {"K1": "verified", "K2": "returned", "K3": ""}
    assert "The actual is from 2023" in ani.get(board_url(office) + "?lang=en").get_data(as_text=True)
    with pytest.raises(Invalid, match="not waiting for verification"):
        reporting.decide(session, office["version"], PERIOD, "K1", office["Citra"], approve=True)

    act(ani, office, "/submit", kpi="K2")  # corrected and submitted again
    assert statuses(session, office)["K2"] == "submitted"
    actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-5:] == ["kpis_submitted", "kpis_submitted", "kpi_verified", "kpi_returned", "kpis_submitted"]


def test_only_a_verified_period_is_locked_by_hr_and_only_an_administrator_unlocks_it(app, session, office):
    hr_client = as_user(app, session, office, "hr@kantor.go.id", role="hr")
    hr = session.scalar(select(User).where(User.email == "hr@kantor.go.id"))
    refused = act(hr_client, office, "/lock")
    assert "Only a verified period can be locked" in hr_client.get(refused.headers["Location"]).get_data(as_text=True)
    finish(session, office, hr)
    assert reporting.period_state(session, office["version"], PERIOD) == "verified"
    with pytest.raises(Invalid, match="Only HR locks"):
        reporting.lock(session, office["version"], PERIOD, office["Ani"])
    assert act(hr_client, office, "/lock").status_code == 302
    assert reporting.period_state(session, office["version"], PERIOD) == "locked"

    assert act(hr_client, office, "/unlock").status_code == 403
    with pytest.raises(Invalid, match="Only an administrator unlocks"):
        reporting.unlock(session, office["version"], PERIOD, hr)
    admin = as_user(app, session, office, "admin@kantor.go.id", role="admin")
    assert act(admin, office, "/unlock").status_code == 302
    assert reporting.period_state(session, office["version"], PERIOD) == "verified"
    entries = session.execute(select(AuditEntry.action, AuditEntry.actor_email).order_by(AuditEntry.id)).all()
    assert entries[-2:] == [("period_locked", "hr@kantor.go.id"), ("period_unlocked", "admin@kantor.go.id")]


def test_a_locked_period_refuses_every_change_of_its_values_and_writes_nothing(app, session, office):
    version = office["version"]
    hr = accounts.create_user(session, office["organisation"].id, "boss@kantor.go.id", "Boss", PASSWORD, role="hr")
    finish(session, office, hr)
    reporting.lock(session, version, PERIOD, hr)
    _, token = api_tokens.create_token(session, office["organisation"].id, "HRIS")
    hr_client = as_user(app, session, office, "boss@kantor.go.id")
    before = rows_in_every_table(session)

    service_writes = [
        lambda: performance.record_measurement(session, version, kpi="K1", period=PERIOD, actual=1.0),
        lambda: performance.import_measurements(session, version, pd.DataFrame(
            [{"kpi": "K1", "period": "2025", "target": 1.0, "actual": 1.0},  # an open period in the same file
             {"kpi": "K1", "period": PERIOD, "target": 2.0, "actual": 2.0}])),
        lambda: performance.clear_value(session, version, kpi="K1", period=PERIOD, fact="actual", reason="wrong"),
        lambda: performance.set_finding(session, version, kpi="K2", period=PERIOD, root_cause="x", action="y"),
        lambda: performance.set_ladder(session, version, kpi="K1", period=PERIOD, anchors=ANCHORS),
        lambda: performance.import_ladders(session, version, pd.DataFrame([{"kpi": "K1", "period": PERIOD,
                                                                            "0": "0", "10": "100"}])),
        lambda: grid.save(session, version, PERIOD, {grid.cell_name("K1", "actual"): "1"}, {}, locale="en", entered_by="x"),
        lambda: performance.import_measurements(session, version, pd.DataFrame(  # the period as offices write it
            [{"kpi": "K1", "period": f"Tahun {PERIOD}", "actual": 3.0}])),
        lambda: evidence.attach(session, performance.kpis(session, version)["K1"], PERIOD, "late.pdf",
                                b"%PDF-1.4 late", "x", 2**20),
        lambda: reporting.set_deadline(session, version, PERIOD, None, "x"),
        lambda: reporting.submit(session, version, PERIOD, hr, ["K1"]),
        lambda: reporting.decide(session, version, PERIOD, "K1", hr, approve=False, comment="again"),
    ]
    for write in service_writes:
        with pytest.raises(Invalid, match=f"Period {PERIOD} is locked"):
            write()
        session.rollback()

    base = f"/hr/versions/{version.id}"
    form = post(hr_client, f"{base}/performance?lang=en", {"m-kpi": "K1", "m-period": PERIOD, "m-actual": "1"},
                page=f"{base}/performance")
    assert form.status_code == 400 and "is locked" in form.get_data(as_text=True)
    cleared = post(hr_client, f"{base}/performance/K1/values/{PERIOD}?lang=en",
                   {"fact": "actual", "reason": "wrong", "confirm": "y"}, page=f"{base}/performance/K1/values/{PERIOD}")
    assert cleared.status_code == 400 and "is locked" in cleared.get_data(as_text=True)
    finding = post(hr_client, f"{base}/scorecard/{PERIOD}?lang=en", {"kpi": "K2", "root_cause": "x", "action": "y"},
                   page=f"{base}/scorecard/{PERIOD}")
    assert finding.status_code == 400 and "is locked" in finding.get_data(as_text=True)
    upload = hr_client.post(f"{base}/performance/import?lang=en", data={
        "csrf_token": csrf(hr_client, f"{base}/performance"), "number_format": "en",
        "file": (io.BytesIO(f"kpi,period,target,actual\nK1,{PERIOD},5,5\n".encode()), "values.csv")})
    assert upload.status_code == 400 and "is locked" in upload.get_data(as_text=True)
    headers = {"Authorization": f"Bearer {token}"}
    api = app.test_client()
    assert api.post(f"/api/scorecards/{version.id}/measurements", headers=headers,
                    json=[{"kpi": "K1", "period": PERIOD, "actual": 3}]).status_code == 422
    assert api.post(f"/api/scorecards/{version.id}/measurements/clear", headers=headers,
                    json={"kpi": "K1", "period": PERIOD, "value": "actual", "reason": "x"}).status_code == 422
    assert rows_in_every_table(session) == before

    performance.record_measurement(session, version, kpi="K1", period="2025", actual=1.0)  # other periods stay open


def test_reminders_reach_only_owners_with_missing_values_at_most_once_a_day(app, session, office, smtp_server):
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp_server.port)
    version = office["version"]
    today = reporting.today_of(session, version.organisation_id)
    reporting.set_deadline(session, version, PERIOD, today + timedelta(days=20), "hr@kantor.go.id")
    assert reporting.remind_due(session, app.config) == 0  # more than 15 days before the deadline
    reporting.set_deadline(session, version, PERIOD, today + timedelta(days=10), "hr@kantor.go.id")

    hr = as_user(app, session, office, "hr@kantor.go.id", role="hr")
    assert act(hr, office, "/remind").status_code == 302
    assert [message["To"] for message in smtp_server.messages] == ["budi@kantor.go.id"]  # Ani entered hers
    body = smtp_server.messages[0].get_payload()
    assert "K3" in body and "K1" not in body and f"http://neraca.test/hr/versions/{version.id}/performance" in body
    act(hr, office, "/remind")
    assert reporting.remind_due(session, app.config) == 0
    mail.deliver(session, app.config)
    assert len(smtp_server.messages) == 1  # once a day
    page = hr.get(board_url(office) + "?lang=en").get_data(as_text=True)
    assert "reminded today" in page and "https://wa.me/?text=" in page

    tomorrow = today + timedelta(days=1)
    assert reporting.remind(session, version, PERIOD, app.config, "scheduler", "en", tomorrow) == 1
    mail.deliver(session, app.config)
    assert [message["To"] for message in smtp_server.messages] == ["budi@kantor.go.id"] * 2
    assert "Please enter them by" in smtp_server.messages[1].get_payload()
    performance.record_measurement(session, version, kpi="K3", period=PERIOD, target=90.0, actual=91.0)
    assert reporting.remind(session, version, PERIOD, app.config, "scheduler", "en", today + timedelta(days=2)) == 0
    assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 2
    assert session.scalar(select(func.count()).select_from(AuditEntry)
                          .where(AuditEntry.action == "kpi_owners_reminded")) == 2


def test_the_scheduled_command_reminds_owners_and_sends_the_mail(app, session, office, smtp_server, monkeypatch,
                                                                 database_url):
    version = office["version"]
    today = reporting.today_of(session, version.organisation_id)
    reporting.set_deadline(session, version, PERIOD, today - timedelta(days=2), "hr@kantor.go.id")
    for name, value in {"DATABASE_URL": database_url, "SECRET_KEY": "test", "SMTP_HOST": "127.0.0.1",
                        "SMTP_PORT": str(smtp_server.port), "PUBLIC_URL": "http://neraca.test"}.items():
        monkeypatch.setenv(name, value)
    assert cli.main(["remind-kpi-owners"]) == 0
    assert cli.main(["remind-kpi-owners"]) == 0
    assert [message["To"] for message in smtp_server.messages] == ["budi@kantor.go.id"]
    assert "telah lewat" in smtp_server.messages[0].get_payload()  # the deadline has passed


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_the_scorecard_and_its_pdf_say_whether_the_period_is_provisional_submitted_verified_or_locked(
        app, session, office, tmp_path):
    hr_user = accounts.create_user(session, office["organisation"].id, "boss@kantor.go.id", "Boss", PASSWORD,
                                   role="hr")
    client = as_user(app, session, office, "boss@kantor.go.id")
    version = office["version"]

    def shown():
        page = client.get(f"/hr/versions/{version.id}/scorecard/{PERIOD}?lang=en").get_data(as_text=True)
        pdf = tmp_path / "office.pdf"
        pdf.write_bytes(client.get(f"/hr/reports/office/{version.id}/{PERIOD}.pdf?lang=id").data)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        return page.split('id="reporting-state"')[1].split("</p>")[0], " ".join(text.split())

    page, pdf = shown()
    assert "provisional" in page and "Status pelaporan: sementara" in pdf
    performance.record_measurement(session, version, kpi="K3", period=PERIOD, target=90.0, actual=92.0)
    performance.set_finding(session, version, kpi="K2", period=PERIOD, root_cause="Late", action="Earlier")
    reporting.submit(session, version, PERIOD, hr_user)
    page, pdf = shown()
    assert "submitted" in page and "Status pelaporan: diajukan" in pdf
    for code in ("K1", "K2", "K3"):
        reporting.decide(session, version, PERIOD, code, hr_user, approve=True)
    page, pdf = shown()
    assert "verified" in page and "Status pelaporan: diverifikasi" in pdf
    scorecard = f"/hr/versions/{version.id}/scorecard/{PERIOD}"
    assert 'name="root_cause"' in client.get(scorecard).get_data(as_text=True)
    reporting.lock(session, version, PERIOD, hr_user)
    page, pdf = shown()
    assert "locked" in page and "Status pelaporan: dikunci" in pdf
    assert 'name="root_cause"' not in client.get(scorecard).get_data(as_text=True)  # no form a lock refuses
    assert session.scalar(select(func.count()).select_from(KpiSubmission)) == 3


def test_a_value_changed_after_submission_is_submitted_again(session, office):
    version = office["version"]
    reporting.submit(session, version, PERIOD, office["Ani"], ["K1"])
    reporting.decide(session, version, PERIOD, "K1", office["Citra"], approve=True)
    performance.record_measurement(session, version, kpi="K1", period=PERIOD, actual=95.0)  # the same value
    assert statuses(session, office)["K1"] == "verified"
    performance.record_measurement(session, version, kpi="K1", period="2025", actual=50.0)  # another period
    assert statuses(session, office)["K1"] == "verified"
    performance.record_measurement(session, version, kpi="K1", period=PERIOD, actual=97.0)
    assert statuses(session, office)["K1"] == ""
    reporting.submit(session, version, PERIOD, office["Ani"], ["K1"])
    performance.import_measurements(session, version, pd.DataFrame([{"kpi": "K1", "period": PERIOD, "target": 91.0}]))
    assert statuses(session, office)["K1"] == ""


def test_submitting_all_takes_the_entered_kpis_and_says_when_there_is_none(session, office):
    version = office["version"]
    with pytest.raises(Invalid, match="There is nothing to submit"):
        reporting.submit(session, version, PERIOD, office["Budi"])  # K3 has no values yet
    performance.set_finding(session, version, kpi="K2", period=PERIOD, root_cause="Late", action="Earlier")
    assert reporting.submit(session, version, PERIOD, office["Ani"]) == 2
    with pytest.raises(Invalid, match="There is nothing to submit"):
        reporting.submit(session, version, PERIOD, office["Ani"])
    assert statuses(session, office) == {"K1": "submitted", "K2": "submitted", "K3": ""}


def test_an_owner_finds_the_board_from_the_performance_page_and_a_viewer_reads_it(app, session, office):
    ani = as_user(app, session, office, "ani@kantor.go.id")
    page = ani.get(f"/hr/versions/{office['version'].id}/performance?period={PERIOD}&lang=en").get_data(as_text=True)
    assert board_url(office) in page
    viewer = as_user(app, session, office, "viewer@kantor.go.id", role="viewer")
    board = viewer.get(board_url(office) + "?lang=en")
    assert board.status_code == 200
    text = board.get_data(as_text=True)
    assert "Budi" in text and "budi@kantor.go.id" not in text and "/submit" not in text and "/remind" not in text and "wa.me" not in text


def test_hr_names_a_kpis_verifier_among_the_users_who_may_enter_kpi_data(app, session, office):
    hr = as_user(app, session, office, "hr@kantor.go.id", role="hr")
    viewer = accounts.create_user(session, office["organisation"].id, "dedi@kantor.go.id", "Dedi", PASSWORD,
                                  role="viewer")
    refused = act(hr, office, "/verifier", kpi="K2", verifier=str(viewer.id))
    assert "A verifier is an active user who may enter KPI data" in hr.get(refused.headers["Location"]).get_data(
        as_text=True)
    assert "K2" not in reporting.verifiers(session, office["version"])
    act(hr, office, "/verifier", kpi="K2", verifier=str(office["Budi"].id))
    session.expire_all()
    assert reporting.verifiers(session, office["version"])["K2"].name == "Budi"
    act(hr, office, "/verifier", kpi="K1", verifier="")  # HR only again
    session.expire_all()
    assert set(reporting.verifiers(session, office["version"])) == {"K2"}
