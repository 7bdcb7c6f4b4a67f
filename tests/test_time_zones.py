"""Round times on the office's clock: HR enters them in WIB, respondents read them in WIB, the database keeps UTC."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from survey.models import Judgment, Organisation, Round
from survey.services import accounts, answers, people, rounds
from survey.services.errors import Invalid
from survey.services.zones import as_utc
from tests.samsat_site import build_samsat
from tests.web import csrf, post, round_form, sign_in

JAKARTA = ZoneInfo("Asia/Jakarta")


ID_MONTHS = "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des".split()
EN_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def in_indonesian(moment: datetime) -> str:
    """How an Indonesian page writes a time in Jakarta: '30 Nov 2026 17.00 WIB'."""
    return f"{moment.day} {ID_MONTHS[moment.month - 1]} {moment.year} {moment:%H.%M} WIB"


def in_english(moment: datetime) -> str:
    """How an English page writes it: 'Nov 30, 2026, 5:00 PM WIB'."""
    hour = moment.hour % 12 or 12
    return (f"{EN_MONTHS[moment.month - 1]} {moment.day}, {moment.year}, {hour}:{moment:%M} "
            f"{'PM' if moment.hour >= 12 else 'AM'} WIB")


def text(response) -> str:
    return response.get_data(as_text=True).replace("\u202f", " ")  # CLDR puts a narrow space before AM/PM


def on_the_form(moment: datetime) -> str:
    """A time as a browser's datetime-local field sends it."""
    return moment.strftime("%Y-%m-%dT%H:%M")


def round_from_the_form(app, client, session, **times):
    """HR creates a weighting round through the form with ``times``; one stakeholder is invited."""
    organisation, version = build_samsat(session, stakeholders=1)
    sign_in(client, session, organisation.id)
    response = post(client, "/hr/rounds/new", round_form(version_id=version.id, ask_identity="", **times))
    assert response.status_code == 302, response.get_data(as_text=True)
    round_ = session.get(Round, int(response.headers["Location"].rsplit("/", 1)[1]))
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0],
                                              app.config["SECRET_KEY"])
    session.add(invitation)
    session.commit()
    return round_, invitation, token


def test_hr_enters_round_times_on_jakarta_clocks_and_reads_them_back_in_wib(app, client, session):
    round_, _, token = round_from_the_form(app, client, session, opens_at="2026-11-02T08:00",
                                           closes_at="2026-11-30T17:00")
    session.expire_all()
    assert as_utc(round_.opens_at) == datetime(2026, 11, 2, 1, 0, tzinfo=timezone.utc)
    assert as_utc(round_.closes_at) == datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)
    page = text(client.get(f"/hr/rounds/{round_.id}?lang=id"))
    assert "2 Nov 2026 08.00 WIB" in page and "30 Nov 2026 17.00 WIB" in page
    assert "Nov 30, 2026, 5:00 PM WIB" in text(client.get(f"/hr/rounds/{round_.id}?lang=en"))


def test_a_round_that_closed_two_hours_ago_on_jakarta_clocks_refuses_answers(app, client, session):
    two_hours_ago = datetime.now(JAKARTA) - timedelta(hours=2)
    _, invitation, token = round_from_the_form(app, client, session, closes_at=on_the_form(two_hours_ago))
    closed = client.get(f"/r/{token}")
    assert closed.status_code == 410
    assert f"ditutup pada {in_indonesian(two_hours_ago)}" in text(closed)
    cluster = answers.questionnaire(session, invitation)[0]
    response = client.post(f"/r/{token}/c/root", data={"csrf_token": csrf(client, "/login"), "submission": "late-1",
                                                       **{f"p_{a.id}_{b.id}": "1" for a, b in cluster.pairs}})
    assert response.status_code == 410 and session.query(Judgment).count() == 0
    with pytest.raises(Invalid, match="closed"):
        answers.submit_cluster(session, invitation, cluster, {(a.id, b.id): 1.0 for a, b in cluster.pairs}, "late-2")


def test_a_round_still_open_on_jakarta_clocks_says_when_it_closes(app, client, session):
    in_two_hours = datetime.now(JAKARTA) + timedelta(hours=2)
    _, _, token = round_from_the_form(app, client, session, closes_at=on_the_form(in_two_hours))
    welcome = client.get(f"/r/{token}?lang=en")
    assert welcome.status_code == 200 and f"This survey closes on {in_english(in_two_hours)}." in text(welcome)


def test_a_round_opening_tomorrow_says_when_it_opens_in_wib_in_the_pages_language(app, client, session):
    tomorrow = (datetime.now(JAKARTA) + timedelta(days=1)).replace(hour=8, minute=0, second=0, microsecond=0)
    _, _, token = round_from_the_form(app, client, session, opens_at=on_the_form(tomorrow))
    early = client.get(f"/r/{token}")
    assert early.status_code == 403  # not yet: the same link works tomorrow
    assert f"Survei ini dibuka pada {in_indonesian(tomorrow)}." in text(early)
    english = text(client.get(f"/r/{token}?lang=en"))
    assert f"This survey opens on {in_english(tomorrow)}." in english and "closed" not in english


def test_an_administrator_sets_the_office_time_zone_and_the_round_form_reads_times_on_that_clock(
        app, client, session):
    organisation, version = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id, role="admin")  # settings are the administrators' (README "Roles")
    assert 'value="Asia/Jakarta"' in client.get("/hr/settings").get_data(as_text=True)
    for wrong in ("Mars/Olympus", "../../etc/passwd", "WIB", ""):
        refused = post(client, "/hr/settings?lang=en", {"time_zone": wrong})
        assert refused.status_code == 400, wrong
    assert "is not a time zone" in refused.get_data(as_text=True) or "required" in refused.get_data(as_text=True)
    session.expire_all()
    assert session.get(Organisation, organisation.id).time_zone == "Asia/Jakarta"
    assert post(client, "/hr/settings", {"time_zone": "Asia/Makassar"}).status_code == 302
    response = post(client, "/hr/rounds/new", round_form(version_id=version.id, closes_at="2026-11-30T17:00"))
    round_ = session.get(Round, int(response.headers["Location"].rsplit("/", 1)[1]))
    assert as_utc(round_.closes_at) == datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)  # WITA is UTC+8
    assert "30 Nov 2026 17.00 WITA" in client.get(f"/hr/rounds/{round_.id}?lang=id").get_data(as_text=True)


def test_a_viewer_cannot_change_the_time_zone(app, client, session):
    organisation = accounts.create_organisation(session, "Office")
    sign_in(client, session, organisation.id, role="viewer")
    assert client.get("/hr/settings").status_code == 403
    assert client.post("/hr/settings", data={"csrf_token": csrf(client, "/login"),
                                             "time_zone": "UTC"}).status_code == 403


def test_a_time_zone_is_an_iana_name(session):
    with pytest.raises(Invalid, match="is not a time zone"):
        accounts.create_organisation(session, "Office", time_zone="Jakarta")
    office = accounts.create_organisation(session, "Office")
    with pytest.raises(Invalid, match="is not a time zone"):
        accounts.set_time_zone(session, office.id, "/etc/localtime")
    assert accounts.set_time_zone(session, office.id, " Asia/Jayapura ").time_zone == "Asia/Jayapura"


def test_stored_times_compare_the_same_whether_the_database_gives_them_back_naive_or_aware():
    aware = datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)
    assert as_utc(aware.replace(tzinfo=None)) == as_utc(aware) == as_utc(aware.astimezone(JAKARTA)) == aware
