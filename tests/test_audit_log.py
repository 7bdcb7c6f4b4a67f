"""The audit log: written with the change it records, read by administrators only, filtered, paged,
exported, and never editable."""
from datetime import UTC, datetime, timedelta

from survey.models import AuditEntry
from survey.services import accounts, api_tokens, audit
from survey.services.audit import Filters
from tests.web import csrf, post, sign_in


def an_office(session):
    return accounts.create_organisation(session, "SAMSAT")


def test_an_entry_is_written_only_with_the_change_it_records(session):
    office = an_office(session)
    audit.record(session, office.id, "hr@example.org", "round_closed", "Bobot 2010")
    session.rollback()  # the change failed: its entry goes with it
    assert session.query(AuditEntry).count() == 0
    audit.record(session, office.id, "hr@example.org", "round_closed", "Bobot 2010", {"round": 1})
    session.commit()
    (entry,) = session.query(AuditEntry).all()
    assert (entry.actor_email, entry.action, entry.subject, entry.details) == (
        "hr@example.org", "round_closed", "Bobot 2010", {"round": 1})


def test_an_unknown_action_is_a_programming_error(session):
    import pytest
    with pytest.raises(ValueError, match="unknown audit action 'rounds_closed'"):
        audit.record(session, an_office(session).id, "hr@example.org", "rounds_closed", "x")


def test_api_tokens_made_and_revoked_through_the_page_are_logged(client, session):
    office = an_office(session)
    sign_in(client, session, office.id, email="admin@example.org", role="admin")
    assert post(client, "/hr/api-tokens", {"name": "HRIS"}).status_code == 200
    token = api_tokens.tokens(session, office.id)[0]
    post(client, f"/hr/api-tokens/{token.id}/revoke", {}, page="/hr/api-tokens")
    post(client, f"/hr/api-tokens/{token.id}/revoke", {}, page="/hr/api-tokens")  # again: nothing more to log
    session.expire_all()
    assert [(e.action, e.subject, e.actor_email) for e in session.query(AuditEntry).order_by(AuditEntry.id)] == [
        ("api_token_created", "HRIS", "admin@example.org"), ("api_token_revoked", "HRIS", "admin@example.org")]


def test_administrators_filter_page_and_export_the_log_and_others_are_refused(client, session):
    office, other = an_office(session), accounts.create_organisation(session, "Other office")
    for k in range(60):
        audit.record(session, office.id, "hr@example.org" if k % 2 else "boss@example.org",
                     "round_closed" if k < 55 else "weights_published", f"Round {k}")
    audit.record(session, other.id, "spy@other.org", "round_closed", "Their round")
    session.commit()
    sign_in(client, session, office.id, email="admin@example.org", role="admin")
    first = client.get("/hr/audit", headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert "Halaman 1 dari 2 (60 catatan)" in first and "Round 59" in first and "Round 5<" not in first
    assert "Their round" not in first  # another organisation's entries stay apart
    assert "Round 5<" in client.get("/hr/audit?page=2").get_data(as_text=True)
    published = client.get("/hr/audit?action=weights_published&actor=hr@example.org").get_data(as_text=True)
    assert published.count("<tr><td>") == 3  # rounds 55, 57, 59
    exported = client.get("/hr/audit.csv?action=weights_published", headers={"Accept-Language": "id"})
    lines = exported.get_data(as_text=True).lstrip("\ufeff").splitlines()
    assert exported.mimetype == "text/csv" and len(lines) == 6 and '"Bobot diterbitkan"' in lines[1]
    post(client, "/logout", {}, page="/hr/")
    for role in ("hr", "viewer"):
        sign_in(client, session, office.id, email=f"{role}@example.org", role=role)
        assert client.get("/hr/audit").status_code == 403
        assert client.get("/hr/audit.csv").status_code == 403
        post(client, "/logout", {}, page="/hr/")


def test_dates_are_read_on_the_offices_calendar_and_a_reversed_range_is_refused_at_the_field(client, session):
    office = an_office(session)
    entry = audit.record(session, office.id, "hr@example.org", "round_closed", "Late round")
    # 18:00 UTC on 1 March is already 2 March in Jakarta (UTC+7).
    entry.created_at = datetime(2030, 3, 1, 18, 0, tzinfo=UTC)
    session.commit()
    assert audit.entries(session, office.id, Filters(since=datetime(2030, 3, 2).date())).total == 1
    assert audit.entries(session, office.id, Filters(until=datetime(2030, 3, 1).date())).total == 0
    sign_in(client, session, office.id, email="admin@example.org", role="admin")
    response = client.get("/hr/audit?since=2030-03-05&until=2030-03-01", headers={"Accept-Language": "id"})
    assert response.status_code == 400
    assert "Tanggal akhir mendahului tanggal awal." in response.get_data(as_text=True)


def test_the_log_offers_no_way_to_change_or_delete_an_entry(client, session):
    office = an_office(session)
    audit.record(session, office.id, "hr@example.org", "round_closed", "Bobot 2010")
    session.commit()
    sign_in(client, session, office.id, email="admin@example.org", role="admin")
    token = csrf(client, "/hr/")
    page = client.get("/hr/audit").get_data(as_text=True)
    assert 'method="post"' not in page.split("<main>")[1]
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/hr/audit", data={"csrf_token": token}).status_code == 405
    assert session.query(AuditEntry).count() == 1
    assert timedelta(0) <= datetime.now(UTC) - session.query(AuditEntry).one().created_at.replace(
        tzinfo=UTC) < timedelta(minutes=5)


def test_the_log_shows_details_in_words_and_the_pages_number_format_and_the_export_keeps_them_raw(client, session):
    office = an_office(session)
    audit.record(session, office.id, "hr@example.org", "ikm_to_kpi", "C1a",
                 {"round": 4, "period": "2026", "ikm": 75.00000000000001, "grade": "B"})
    audit.record(session, office.id, "hr@example.org", "weights_published", "SAMSAT 2026",
                 {"round": 4, "still_open": True})
    audit.record(session, office.id, "hr@example.org", "invitations_sent", "Bobot 2026",
                 {"round": 4, "count": 1250, "by_hand": 1})
    audit.record(session, office.id, "hr@example.org", "round_changed", "Bobot 2026",
                 {"round": 4, "cr_threshold": "0.1 → 0.15", "include_inconsistent": "True → False"})
    session.commit()
    sign_in(client, session, office.id, email="admin@example.org", role="admin")
    client.get("/lang/id")
    page = client.get("/hr/audit").get_data(as_text=True)
    for internal in ("75.00000000000001", "still_open", "True", "by_hand", "cr_threshold", "0.15", "ikm:"):
        assert internal not in page, internal
    for shown in ("IKM: 75,00", "Periode: 2026", "Putaran masih terbuka: ya", "Dibagikan langsung: 1",
                  "Jumlah: 1.250", "Batas CR: 0,10 → 0,15", "ya → tidak"):
        assert shown in page, shown
    exported = client.get("/hr/audit.csv").get_data(as_text=True)
    assert "ikm=75.00000000000001" in exported and "still_open=True" in exported
