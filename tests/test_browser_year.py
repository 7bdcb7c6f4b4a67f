"""A quarter's reporting cycle from end to end in a real browser (Debian's chromium via Playwright), on
Indonesian pages: the administrator sets the calendar to quarters, a deadline for Triwulan I 2026 and the
KPI owners; an owner types targets, later pastes actuals from a spreadsheet, writes the analysis of a red
KPI and attaches evidence, submits; the other owner, still missing a value, is reminded by email; HR
returns one KPI with a comment, verifies all and locks the period, which then refuses every change; the
office scorecard PDF says the period is locked and carries the narrative and the evidence's name."""
from __future__ import annotations

import shutil
from datetime import date

import pandas as pd
import pytest

from survey.models import Evidence, Finding
from survey.services import accounts, calendar, given_weights, kpi_owners, performance, reporting, scorecards
from tests.helpers.browser import keep_screenshot, paste
from tests.helpers.database import rows_in_every_table
from tests.test_browser import ARTIFACTS, live_server  # noqa: F401  (fixture, skips)
from tests.test_browser_setup import sign_in
from tests.test_data_grid import stored
from tests.test_evidence import PDF
from tests.helpers.scorecards import ANCHORS
from tests.test_reports import pdf_text

PERIOD = "2026-Q1"  # Triwulan I 2026, as the calendar stores it
PASSWORD = "kata sandi kantor 2026"
KPIS = ("K1", "K2", "K3", "K4")
# Ani's three actuals as a spreadsheet copies a column with its header: K1 green, K2 red, K3 green on the
# ladder 0: 0, 3: 50, 10: 100 (levels 9,37, 1,2 and 8,32; red below 4, yellow below 8).
ACTUALS = "Realisasi\r\n95,5\r\n20\r\n88\r\n"
ROOT_CAUSE = "Blangko STNK dari pusat baru tiba akhir Maret"
ACTION = "Ajukan kebutuhan blangko sejak Januari"
EVIDENCE_NAME = "Berita acara blangko TW I.pdf"
RETURN_COMMENT = "Realisasi K1 belum memuat loket keliling"
LOCKED = "Periode 2026-Q1 dikunci"


@pytest.fixture
def office(session):
    """A small office scorecard of four KPIs with weights given by decree and ladders for the quarter; an
    administrator, HR and two KPI owners. Budi's K4 has its target but no actual yet."""
    organisation = accounts.create_organisation(session, "Samsat Kota Contoh")
    version = scorecards.create_scorecard(session, organisation.id, "IKU Samsat", "2026")
    scorecards.import_scorecard(session, version, pd.DataFrame([
        {"code": "F", "kind": "perspective", "parent": "", "name": "Keuangan"},
        {"code": "C", "kind": "perspective", "parent": "", "name": "Pelanggan"},
        {"code": "F1", "kind": "objective", "parent": "F", "name": "Pendapatan tercapai"},
        {"code": "C1", "kind": "objective", "parent": "C", "name": "Layanan cepat"},
        {"code": "K1", "kind": "kpi", "parent": "F1", "name": "Realisasi PKB", "better": "higher"},
        {"code": "K2", "kind": "kpi", "parent": "C1", "name": "STNK selesai tepat waktu", "better": "higher"},
        {"code": "K3", "kind": "kpi", "parent": "C1", "name": "Kepuasan wajib pajak", "better": "higher"},
        {"code": "K4", "kind": "kpi", "parent": "F1", "name": "Tunggakan tertagih", "better": "higher"}]))
    given_weights.publish_given_weights(session, version, {"K1": 30, "K2": 30, "K3": 20, "K4": 20}, level="global",
                                        note="SK Kepala UPT Nomor 12 Tahun 2026", by="admin@samsat.go.id")
    for code in KPIS:
        performance.set_ladder(session, version, kpi=code, period=PERIOD, anchors=ANCHORS)
    users = {role: accounts.create_user(session, organisation.id, f"{name.lower()}@samsat.go.id", name, PASSWORD,
                                        role=role_name)
             for role, name, role_name in (("admin", "Admin", "admin"), ("hr", "Sari", "hr"),
                                           ("ani", "Ani", "kpi_owner"), ("budi", "Budi", "kpi_owner"))}
    performance.record_measurement(session, version, kpi="K4", period=PERIOD, target=100.0,
                                   entered_by="budi@samsat.go.id")
    return {"organisation": organisation, "version": version, **users}


def statuses(session, version):
    session.expire_all()
    return {line.code: line.status for line in reporting.board(session, version, PERIOD).kpis}


def body(message) -> str:
    return message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")


def click_and_load(page, locator):
    """Press a form's button and wait for the page it leads to."""
    with page.expect_navigation():
        locator.click()


def kpi_row(page, code):
    return page.locator("#kpis tbody tr").filter(has=page.locator(f'strong:text-is("{code}")'))


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_a_quarter_is_entered_reminded_submitted_returned_verified_locked_and_printed(app, session, office,
                                                                                     live_server, smtp_server, browser):
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp_server.port, PUBLIC_URL=live_server)
    version, organisation = office["version"], office["organisation"]
    base = f"{live_server}/hr/versions/{version.id}"
    board, grid = f"{base}/reporting/{PERIOD}", f"{base}/performance/grid/{PERIOD}"
    ARTIFACTS.mkdir(exist_ok=True)


    def signed_in(email):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
        context.set_default_timeout(10_000)  # a failing step says so in seconds, not half a minute
        page = context.new_page()
        sign_in(page, live_server, email, PASSWORD)
        return page

    # 1. The administrator reports in quarters only, sets the quarter's deadline and gives the KPIs out.
    admin = signed_in("admin@samsat.go.id")
    admin.goto(f"{live_server}/hr/settings?lang=id")
    admin.locator('#calendar input[value="year"]').uncheck()
    admin.locator('#calendar input[value="quarter"]').check()
    click_and_load(admin, admin.locator("#calendar button[type=submit]"))
    assert "Tersimpan." in admin.locator(".flash.ok").inner_text()
    assert "Triwulan I-IV" in admin.locator("#calendar tbody").inner_text()
    session.expire_all()
    assert calendar.kinds_of(session.get(type(organisation), organisation.id), 2026) == ("quarter",)

    admin.goto(board)
    admin.fill("#deadline", "2026-04-15")
    click_and_load(admin, admin.locator('form[action$="/deadline"] button'))
    assert "Batas waktu disimpan." in admin.locator(".flash.ok").inner_text()
    assert "15 April 2026" in admin.locator("#status").inner_text()
    session.expire_all()
    assert reporting.reporting_period(session, version, PERIOD).deadline == date(2026, 4, 15)

    admin.goto(f"{base}/performance")
    assert admin.locator('#m-period option[value="2026-Q1"]').inner_text() == "Triwulan I 2026"
    assert admin.locator('#m-period option[value="2026"]').count() == 0  # no year: quarters only
    for code, owner in (("K1", "ani"), ("K2", "ani"), ("K3", "ani"), ("K4", "budi")):
        admin.select_option("#o-kpi", code)
        admin.select_option("#o-owner", str(office[owner].id))
        click_and_load(admin, admin.locator('form[action$="/owners"] button'))
    assert "K4: Budi" in admin.content()
    session.expire_all()
    assert {code: [user.name for user in users] for code, users in kpi_owners.owners(session, version).items()} \
        == {"K1": ["Ani"], "K2": ["Ani"], "K3": ["Ani"], "K4": ["Budi"]}

    # 2. Ani types her three targets (Enter moves down the column) and saves.
    ani = signed_in("ani@samsat.go.id")
    ani.goto(grid)
    assert ani.locator("h1").inner_text() == "Tabel isian: Triwulan I 2026"
    assert ani.locator('input[name="v-K4:target"]').count() == 0  # Budi's KPI is not hers
    ani.locator('input[name="v-K1:target"]').focus()
    for typed in ("100", "100", "90,5"):
        ani.keyboard.type(typed)
        ani.keyboard.press("Enter")
    click_and_load(ani, ani.locator("form.grid-form button[type=submit]"))
    assert "Nilai yang berubah: 3" in ani.locator(".flash.ok").inner_text()
    assert [stored(session, version, code).get("target") for code in KPIS] == [100.0, 100.0, 90.5, 100.0]

    # 3. Later she pastes her actuals from a spreadsheet and saves; Budi's K4 still has no actual.
    ani.goto(grid)
    ani.locator('input[name="v-K1:actual"]').focus()
    paste(ani, ACTUALS)
    assert "3 sel diisi" in ani.locator("#grid-status").inner_text()
    assert ani.locator('input[name="v-K2:actual"]').input_value() == "20"
    click_and_load(ani, ani.locator("form.grid-form button[type=submit]"))
    assert "Nilai yang berubah: 3" in ani.locator(".flash.ok").inner_text()
    assert [stored(session, version, code).get("actual") for code in KPIS] == [95.5, 20.0, 88.0, None]

    # 4. HR reminds: the email reaches Budi, who misses K4's actual, and not Ani.
    hr = signed_in("sari@samsat.go.id")
    hr.goto(board)
    assert "Budi: K4" in hr.locator("#reminders").inner_text()
    click_and_load(hr, hr.get_by_role("button", name="Ingatkan lewat surel sekarang"))
    assert "1 pemilik IKU diingatkan lewat surel." in hr.locator(".flash.ok").inner_text()
    assert [message["To"] for message in smtp_server.messages] == ["budi@samsat.go.id"]
    reminder = smtp_server.messages[0]
    text = body(reminder)
    assert "Triwulan I 2026" in reminder["Subject"]
    assert "K4 Tunggakan tertagih: realisasi" in text and "K1" not in text and "15 April 2026" in text
    assert f"{base}/performance?period={PERIOD}" in text
    assert "sudah diingatkan hari ini" in hr.locator("#reminders").inner_text()

    # 5. Ani submits all: refused while red K2 has no analysis, and nothing is submitted.
    ani.goto(board)
    assert "merah" in kpi_row(ani, "K2").inner_text()
    click_and_load(ani, ani.get_by_role("button", name="Ajukan semua IKU saya yang sudah terisi"))
    assert "K2 merah: tulis dulu analisisnya (penyebab) dan rencana tindak lanjutnya." in \
        ani.locator(".flash.error").inner_text()
    assert statuses(session, version) == dict.fromkeys(KPIS, "")

    # ... so she writes its root cause and follow-up action, attaches the evidence, and submits.
    ani.goto(f"{base}/scorecard/{PERIOD}")
    ani.locator("article:has(#cause-K2) summary").click()
    ani.fill("#cause-K2", ROOT_CAUSE)
    ani.fill("#action-K2", ACTION)
    click_and_load(ani, ani.locator("form:has(#cause-K2) button"))
    assert ROOT_CAUSE in ani.locator("article:has(#cause-K2)").inner_text()
    session.expire_all()
    finding = session.query(Finding).filter_by(element_id=performance.kpis(session, version)["K2"].id,
                                               period=PERIOD).one()
    assert (finding.root_cause, finding.action) == (ROOT_CAUSE, ACTION)

    ani.goto(f"{base}/performance/K2/values/{PERIOD}")
    ani.set_input_files("#file", files=[{"name": EVIDENCE_NAME, "mimeType": "application/pdf", "buffer": PDF}])
    click_and_load(ani, ani.locator("#evidence button[type=submit]"))
    assert "Berkas disimpan sebagai bukti dukung." in ani.locator(".flash.ok").inner_text()
    assert EVIDENCE_NAME in ani.locator("#evidence").inner_text()
    session.expire_all()
    kept = session.query(Evidence).one()
    assert (kept.filename, kept.period, kept.content, kept.uploaded_by) == (EVIDENCE_NAME, PERIOD, PDF,
                                                                            "ani@samsat.go.id")

    ani.goto(board)
    click_and_load(ani, ani.get_by_role("button", name="Ajukan semua IKU saya yang sudah terisi"))
    assert "3 IKU diajukan." in ani.locator(".flash.ok").inner_text()
    assert statuses(session, version) == {"K1": "submitted", "K2": "submitted", "K3": "submitted", "K4": ""}

    # Budi, reminded, enters K4's actual and submits it (not the point here: through the services).
    performance.record_measurement(session, version, kpi="K4", period=PERIOD, actual=90.0,
                                   entered_by="budi@samsat.go.id")
    reporting.submit(session, version, PERIOD, office["budi"])

    # 6. HR returns K1 with a comment; Ani reads it and submits K1 again.
    hr.goto(board)
    kpi_row(hr, "K1").locator("textarea").fill(RETURN_COMMENT)
    click_and_load(hr, kpi_row(hr, "K1").get_by_role("button", name="Kembalikan"))
    assert "IKU dikembalikan ke pemiliknya." in hr.locator(".flash.ok").inner_text()
    assert statuses(session, version)["K1"] == "returned"
    ani.goto(board)
    returned = kpi_row(ani, "K1")
    assert "dikembalikan" in returned.inner_text() and RETURN_COMMENT in returned.inner_text()
    click_and_load(ani, returned.get_by_role("button", name="Ajukan", exact=True))
    assert "1 IKU diajukan." in ani.locator(".flash.ok").inner_text()
    assert statuses(session, version) == dict.fromkeys(KPIS, "submitted")

    # 7. HR verifies every KPI, then locks the period.
    hr.goto(board)
    for code in KPIS:
        click_and_load(hr, kpi_row(hr, code).get_by_role("button", name="Verifikasi", exact=True))
        assert "IKU diverifikasi." in hr.locator(".flash.ok").inner_text()
    assert hr.locator(".period-state").inner_text() == "diverifikasi"
    assert reporting.period_state(session, version, PERIOD) == "verified"
    click_and_load(hr, hr.get_by_role("button", name="Kunci periode"))
    assert "Periode dikunci: nilainya tidak dapat diubah lagi." in hr.locator(".flash.ok").inner_text()
    assert hr.locator(".period-state").inner_text() == "dikunci"
    assert "dikunci oleh sari@samsat.go.id" in hr.locator("#status").inner_text()
    session.expire_all()
    assert reporting.period_state(session, version, PERIOD) == "locked"
    keep_screenshot(hr, ARTIFACTS / "year-board-locked.png")

    # 8. The locked quarter refuses a change from the grid and from the form, and writes nothing.
    before = rows_in_every_table(session)
    ani.goto(grid)
    ani.fill('input[name="v-K1:actual"]', "99")
    click_and_load(ani, ani.locator("form.grid-form button[type=submit]"))
    assert LOCKED in ani.locator(".flash.error").inner_text()
    hr.goto(f"{base}/performance")
    hr.select_option("#m-kpi", "K2")
    hr.select_option("#m-period", PERIOD)
    hr.fill("#m-actual", "75")
    click_and_load(hr, hr.locator("form:has(#m-actual) button[type=submit]"))
    assert LOCKED in hr.locator("form:has(#m-actual)").inner_text()
    assert rows_in_every_table(session) == before
    assert stored(session, version, "K1")["actual"] == 95.5 and stored(session, version, "K2")["actual"] == 20.0

    # 9. The office scorecard's PDF says the quarter is locked and carries the narrative and the evidence.
    printed = hr.request.get(f"{live_server}/hr/reports/office/{version.id}/{PERIOD}.pdf?lang=id")
    assert printed.ok
    pdf = printed.body()

    assert pdf.startswith(b"%PDF")
    words = pdf_text(pdf)
    assert "Status pelaporan: dikunci" in words and "Triwulan I 2026" in words
    assert ROOT_CAUSE in words and ACTION in words and EVIDENCE_NAME in words
