"""Counter mode of a satisfaction round: HR makes a tablet's device link; visitor after visitor answers on
the kiosk (no "already answered" refusal between them), the TV's live screen shows the IKM, and a revoked
or unknown link stores nothing."""
from __future__ import annotations

import logging
import re

import pytest
from sqlalchemy import func, select

from survey.forms import FRESH_TOKEN
from survey.models import AuditEntry, CounterDevice, LoginAttempt, PublicVisit, Response
from survey.services import counters, public, questionnaires, rounds
from tests.helpers.questionnaires import ANSWERS, form_values, skm_round, visit
from tests.samsat_site import build_samsat
from tests.web import TOKEN, expired_token, hidden, post, sign_in

#: Each visitor's profile: Ani and Budi received service 1, Cici service 2 (the fifth profile question).
PROFILES = {"Ani": (0, 1, 2, 3, 0), "Budi": (1, 0, 4, 3, 0), "Cici": (2, 1, 2, 0, 1)}


def stored(session) -> tuple[int, int]:
    session.expire_all()
    return (session.scalar(select(func.count()).select_from(PublicVisit)),
            session.scalar(select(func.count()).select_from(Response)))


def make_device(client, round_, name="Loket 2", service="2"):
    """HR makes a device on the round's counters page; the two links it shows once."""
    page = f"/hr/rounds/{round_.id}/counters"
    made = post(client, page, {"name": name, "service": service})
    assert made.status_code == 200, made.get_data(as_text=True)
    html = made.get_data(as_text=True)
    kiosk = re.search(r'id="made-kiosk" readonly value="[^"]*?(/k/[^"]+)"', html).group(1)
    live = re.search(r'id="made-live" readonly value="[^"]*?(/k/[^"]+)"', html).group(1)
    return kiosk, live


def filled(page: str, values: dict) -> dict:
    """The form a browser sends from ``page`` (its CSRF token and submission key) with ``values``."""
    token = TOKEN.search(page)
    return {"csrf_token": token.group(1) or token.group(2), "submission": hidden(page, "submission"),
            **{f"q_{qid}": value for qid, value in values.items()}}


def answer_on(tablet, kiosk, values, address="10.1.1.1"):
    """A visitor answers on the tablet: the form as shown, then sent."""
    shown = tablet.get(kiosk, environ_base={"REMOTE_ADDR": address})
    page = shown.get_data(as_text=True)
    if shown.status_code != 200 or TOKEN.search(page) is None:
        return shown
    return tablet.post(kiosk, environ_base={"REMOTE_ADDR": address}, data=filled(page, values))


def test_visitors_answer_one_after_another_on_the_counter_tablet_and_the_live_screen_shows_their_ikm(
        app, client, session):
    _organisation, _version, round_ = skm_round(client, session)
    kiosk, live = make_device(client, round_)
    device = session.scalars(select(CounterDevice)).one()
    token = kiosk.rsplit("/", 1)[1]
    assert device.token_hash == counters.token_hash(token) and token not in device.token_hash  # only its hash
    asked = questionnaires.questions(session, round_)
    tablet = app.test_client()  # one browser, visitor after visitor: its cookies never refuse the next one
    first = tablet.get(kiosk).get_data(as_text=True)
    assert 'class="kiosk"' in first and "data-kiosk" in first and "data-keep-offline" in first
    service = next(q for q in asked if q.role == "profile:service")
    assert re.search(rf'name="q_{service.id}" value="1" checked', first)  # the device's service 2, pre-filled
    for name, unsur in ANSWERS.items():
        sent = answer_on(tablet, kiosk, form_values(asked, unsur, PROFILES[name], suggestion=f"Saran {name}"))
        assert sent.status_code == 302 and sent.headers["Location"].endswith(f"{kiosk}/thanks")
        thanks = tablet.get(sent.headers["Location"]).get_data(as_text=True)
        assert f'http-equiv="refresh" content="5;url={kiosk}"' in thanks and "Terima kasih" in thanks
    visits = session.scalars(select(PublicVisit)).all()
    assert len(visits) == 3 and {v.counter_device_id for v in visits} == {device.id}
    assert stored(session) == (3, 3 * len(asked))

    screen = tablet.get(live).get_data(as_text=True)
    assert 'http-equiv="refresh" content="30"' in screen
    # By hand: the unsur totals of the three visitors are 10 8 8 12 10 10 11 8+1 8 = 86 over 27 answers;
    # IKM = 86 / 27 x 25 = 79,63 (grade B, 76,61-88,30). Service 1 (Ani, Budi): 58 / 18 x 25 = 80,56 (B);
    # service 2 (Cici): 28 / 9 x 25 = 77,78 (B); the other service: nobody.
    assert sum(map(sum, ANSWERS.values())) == 86
    assert re.search(r"<span data-ikm>79,63</span>\s*<span class=\"live-grade\">B</span>", screen)
    assert "Responden: 3" in screen
    rows = re.findall(r"<tr><td>([^<]+)</td>\s*<td class=\"number\">([^<]+)</td>\s*<td>([^<]+)</td>\s*"
                      r"<td class=\"number\">([^<]+)</td></tr>", screen)
    assert rows == [("Pajak kendaraan tahunan", "80,56", "B", "2"), ("Balik nama kendaraan", "77,78", "B", "1"),
                    ("Layanan lainnya", "–", "–", "0")]
    listing = client.get(f"/hr/rounds/{round_.id}/counters").get_data(as_text=True)
    assert "Loket 2" in listing and "Balik nama kendaraan" in listing and token not in listing


def test_a_revoked_counter_link_refuses_with_a_clear_page_and_stores_nothing(app, client, session):
    _organisation, _version, round_ = skm_round(client, session)
    kiosk, live = make_device(client, round_)
    asked = questionnaires.questions(session, round_)
    tablet = app.test_client()
    page = tablet.get(kiosk).get_data(as_text=True)
    device = session.scalars(select(CounterDevice)).one()
    revoked = post(client, f"/hr/rounds/{round_.id}/counters/{device.id}/revoke", {},
                   page=f"/hr/rounds/{round_.id}/counters")
    assert revoked.status_code == 302
    late = tablet.post(kiosk, data=filled(page, form_values(asked, ANSWERS["Ani"])))
    assert late.status_code == 410
    assert "dicabut" in late.get_data(as_text=True) and "Tidak ada yang disimpan" in late.get_data(as_text=True)
    assert tablet.get(kiosk).status_code == 410 and tablet.get(live).status_code == 410
    assert stored(session) == (0, 0)
    session.expire_all()
    assert [entry.action for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id))][-2:] == [
        "counter_device_created", "counter_device_revoked"]
    again = post(client, f"/hr/rounds/{round_.id}/counters/{device.id}/revoke", {},
                 page=f"/hr/rounds/{round_.id}/counters")
    assert again.status_code == 302 and session.scalar(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "counter_device_revoked")) == 1


def test_unknown_links_and_another_organisations_devices_are_not_found(app, client, session):
    _organisation, _version, round_ = skm_round(client, session)
    kiosk, _live = make_device(client, round_)
    device = session.scalars(select(CounterDevice)).one()
    stranger = app.test_client()
    for address in ("/k/not-a-device", "/k/not-a-device/live", "/k/not-a-device/thanks", kiosk[:-1] + "x",
                    "/k/" + "a" * 150):
        assert stranger.get(address).status_code == 404, address
    other, other_version = build_samsat(session, stakeholders=0)
    theirs = app.test_client()
    sign_in(theirs, session, other.id, email="hr@other.org")
    assert theirs.get(f"/hr/rounds/{round_.id}/counters").status_code == 404
    own = other_round(session, other, other_version)
    refused = post(theirs, f"/hr/rounds/{own.id}/counters/{device.id}/revoke", {}, page=f"/hr/rounds/{own.id}/counters")
    assert refused.status_code == 404
    session.expire_all()
    assert session.get(CounterDevice, device.id).revoked_at is None


def other_round(session, organisation, version):
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="SKM lain",
                                 kind="satisfaction", period="2010")
    session.commit()
    return round_


def test_the_tablet_has_its_own_limit_per_minute_not_the_networks(app, client, session):
    app.config.update(COUNTER_ANSWERS_PER_MINUTE=2, PUBLIC_ANSWERS_PER_ADDRESS=1)
    _organisation, _version, round_ = skm_round(client, session)
    public.make_public(session, round_, None, "hr@example.org")
    kiosk, _live = make_device(client, round_)
    asked = questionnaires.questions(session, round_)
    # A visitor's phone on the office Wi-Fi uses up the address's public limit...
    visit(app, round_, "10.1.1.1", form_values(asked, ANSWERS["Ani"]))
    tablet = app.test_client()
    # ...and the tablet on the same Wi-Fi still takes its visitors, up to its own limit per minute.
    for name in ("Budi", "Cici"):
        assert answer_on(tablet, kiosk, form_values(asked, ANSWERS[name])).status_code == 302
    busy = answer_on(tablet, kiosk, form_values(asked, ANSWERS["Ani"]))
    assert busy.status_code == 429 and "dari loket ini" in busy.get_data(as_text=True)
    # The form stays with the visitor's choices, to save again in a moment (the limit refuses storing, not showing).
    first = next(q for q in asked if q.role == "skm:U1")
    assert re.search(rf'name="q_{first.id}" value="3" checked', busy.get_data(as_text=True))  # Ani's 4 on U1
    assert stored(session)[0] == 3


def test_the_same_answer_sent_twice_from_the_tablet_is_stored_once(app, client, session):
    _organisation, _version, round_ = skm_round(client, session)
    kiosk, _live = make_device(client, round_)
    asked = questionnaires.questions(session, round_)
    tablet = app.test_client()
    page = tablet.get(kiosk).get_data(as_text=True)
    form = filled(page, form_values(asked, ANSWERS["Ani"]))
    first, second = tablet.post(kiosk, data=form), tablet.post(kiosk, data=form)
    assert first.status_code == second.status_code == 302
    assert second.headers["Location"] == first.headers["Location"]
    assert stored(session) == (1, len(asked) - 1)  # the empty suggestion box stores nothing


def test_a_public_answer_resent_after_its_reply_was_lost_is_thanked_and_stored_once(app, client, session):
    """The reply of the first send never reached the phone; the phone resends the same page with the same
    key when its signal returns, and the address's limit was reached meanwhile: still thanked, stored once."""
    app.config["PUBLIC_ANSWERS_PER_ADDRESS"] = 1
    _organisation, _version, round_ = skm_round(client, session)
    public.make_public(session, round_, None, "hr@example.org")
    asked = questionnaires.questions(session, round_)
    phone = app.test_client()
    url = f"/p/{round_.public_slug}"
    page = phone.get(url, environ_base={"REMOTE_ADDR": "10.2.2.2"}).get_data(as_text=True)
    form = filled(page, form_values(asked, ANSWERS["Budi"]))
    first = phone.post(url, data=form, environ_base={"REMOTE_ADDR": "10.2.2.2"})
    resent = phone.post(url, data=form, environ_base={"REMOTE_ADDR": "10.2.2.2"})
    assert first.status_code == resent.status_code == 302 and resent.headers["Location"].endswith("/thanks")
    assert stored(session)[0] == 1
    fresh = app.test_client().post(url, data={**form, "submission": "another-page"},
                                   environ_base={"REMOTE_ADDR": "10.2.2.2"})
    assert fresh.status_code == 429 and stored(session)[0] == 1  # a new answer from the address: refused


@pytest.mark.parametrize("where", ["counter", "public"])
def test_an_answer_kept_past_its_forms_hour_is_stored_once_with_the_fresh_token_its_refusal_carries(
        app, client, session, where):
    """A tablet or a phone kept an answer offline for more than an hour, so its form token has expired. The
    refusal stores nothing, spends none of the limits (one answer a minute per tablet, one per address here)
    and carries a fresh token; the same answer, same key, sent with it is stored once; sent again, nothing."""
    app.config.update(COUNTER_ANSWERS_PER_MINUTE=1, PUBLIC_ANSWERS_PER_ADDRESS=1)
    _organisation, _version, round_ = skm_round(client, session)
    if where == "counter":
        url, _live = make_device(client, round_)
    else:
        public.make_public(session, round_, None, "hr@example.org")
        url = f"/p/{round_.public_slug}"
    asked = questionnaires.questions(session, round_)
    device, address = app.test_client(), {"REMOTE_ADDR": "10.3.3.3"}
    page = device.get(url, environ_base=address).get_data(as_text=True)
    kept = {**filled(page, form_values(asked, ANSWERS["Ani"])), "csrf_token": expired_token(app, device)}

    refused = device.post(url, data=kept, environ_base=address)
    assert refused.status_code == 400 and "tekan tombolnya sekali lagi" in refused.get_data(as_text=True)
    assert stored(session) == (0, 0) and session.scalar(select(func.count()).select_from(LoginAttempt)) == 0
    fresh = refused.headers[FRESH_TOKEN]
    assert fresh == TOKEN.search(refused.get_data(as_text=True)).group(1) and fresh != kept["csrf_token"]

    resent = device.post(url, data={**kept, "csrf_token": fresh}, environ_base=address)
    assert resent.status_code == 302 and resent.headers["Location"].endswith("/thanks")
    assert FRESH_TOKEN not in resent.headers and stored(session) == (1, len(asked) - 1)
    again = device.post(url, data={**kept, "csrf_token": fresh}, environ_base=address)
    assert again.status_code == 302 and again.headers["Location"] == resent.headers["Location"]
    assert stored(session) == (1, len(asked) - 1)
    # The one answer the limit allows was this one: the next visitor's is refused.
    budi = form_values(asked, ANSWERS["Budi"])
    another = (answer_on(app.test_client(), url, budi, "10.3.3.3") if where == "counter"
               else visit(app, round_, "10.3.3.3", budi)[1])
    assert another.status_code == 429 and stored(session)[0] == 1


@pytest.mark.parametrize("name, service, message", [("", "", "Beri nama"), ("Loket 9", "7", "Pilih salah satu")])
def test_a_device_with_no_name_or_a_service_the_survey_lacks_is_refused(client, session, name, service, message):
    _organisation, _version, round_ = skm_round(client, session)
    refused = post(client, f"/hr/rounds/{round_.id}/counters", {"name": name, "service": service})
    assert refused.status_code == 400 and message in refused.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(CounterDevice)) == 0


def test_a_counter_devices_link_never_reaches_the_logs(app, client, session, caplog):
    _organisation, _version, round_ = skm_round(client, session)
    kiosk, live = make_device(client, round_)
    token = kiosk.rsplit("/", 1)[1]
    caplog.set_level(logging.INFO)
    logging.getLogger("werkzeug").info('127.0.0.1 - - "GET %s HTTP/1.1" 200 -', live)
    assert token not in caplog.text and "/k/********/live" in caplog.text
