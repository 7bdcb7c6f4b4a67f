"""Rough edges of issue 26 a respondent or an HR officer ran into, each smoothed and kept so."""
import re
from datetime import datetime

from sqlalchemy import func, select

from survey.models import Judgment, OutboxMessage, Rating
from survey.services import answers, people, rounds
from tests.helpers.weighting import launch_round
from tests.test_invitations_by_hand import a_round_reached_by_phone, invite_everyone
from tests.test_reporting_cycle import PERIOD, as_user, office  # noqa: F401 (a fixture)
from tests.test_site_rating import launch_rating_round, rate_page
from tests.test_weighting_any_answers import launch, post_page
from tests.web import csrf, post


def test_dont_know_is_not_offered_on_a_page_of_one_pair_and_the_refusal_agrees_with_the_counter(client, session):
    _, round_, links = launch(client, session, kpis=3)
    invitation, link = links[0]
    pages = {page.key: page for page in answers.questionnaire(session, invitation)}
    one_pair = pages["root"]
    three = next(page for page in pages.values() if len(page.members) == 3)
    assert 'value="dk"' not in client.get(f"{link}/c/root").get_data(as_text=True)
    assert 'value="dk"' in client.get(f"{link}/c/{three.key}").get_data(as_text=True)

    refused = post_page(client, f"{link}/c/root", {})
    assert refused.status_code == 400
    assert "Pasangan yang belum dijawab: 1." in refused.get_data(as_text=True)

    # Every pair answered, all "don't know": refused, but not for pairs "unanswered".
    everything_dk = {(a.id, b.id): "dk" for a, b in three.pairs}
    refused = post_page(client, f"{link}/c/{three.key}", everything_dk)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "Semua pasangan sudah dijawab" in page and "belum dijawab:" not in page
    assert session.scalar(select(func.count(Judgment.id))) == 0


def test_a_typed_rating_with_dont_know_ticked_is_refused_at_its_field_and_nothing_is_stored(client, session):
    _, _, _, links = launch_rating_round(client, session, allow_dont_know="y")
    invitation = answers.find_invitation(session, links[0].rsplit("/", 1)[1])
    page = answers.questionnaire(session, invitation)[0]
    both = page.members[0].id
    response = rate_page(client, f"{links[0]}/rate/{page.key}", {e.id: "6" for e in page.members}, dont_know=[both])
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Anda mengetik penilaian dan mencentang" in body
    assert re.search(rf'<input[^>]*id="r_{both}"[^>]*value="6"', body), "the typed number is still there"
    assert session.query(Rating).count() == 0


def test_coming_back_the_about_you_answers_are_shown_not_asked_again_and_continue_goes_on(client, session):
    organisation, _, round_ = launch_round(client, session)  # asks role and years of service
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0], "test")
    session.add(invitation)
    session.commit()
    first = client.get(f"/r/{token}").get_data(as_text=True)
    assert "<details" not in first and 'name="role"' in first
    started = client.post(f"/r/{token}", data={"csrf_token": csrf(client, f"/r/{token}"), "role": "Kepala Seksi",
                                               "years_of_service": "12"})
    assert started.status_code == 302
    again = client.get(f"/r/{token}").get_data(as_text=True)
    shown = re.search(r'<p id="identity-given">(.*?)</p>', again, re.S).group(1)
    assert "Kepala Seksi" in shown and "12" in shown
    assert re.search(r'<details><summary>Ubah jawaban ini</summary>.*name="role"', again, re.S), "asked only on demand"
    on = client.post(f"/r/{token}", data={"csrf_token": csrf(client, f"/r/{token}"), "role": "Kepala Seksi",
                                          "years_of_service": "12"})
    assert on.status_code == 302 and on.headers["Location"].endswith(f"/r/{token}/next")


def test_a_rounds_results_lead_back_to_the_round_and_a_frozen_version_offers_its_copy_once(client, session):
    _, version, round_ = launch_round(client, session)
    results_page = client.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)
    assert f'<a href="/hr/rounds/{round_.id}">← Kembali ke putaran</a>' in results_page
    version_page = client.get(f"/hr/versions/{version.id}").get_data(as_text=True)
    assert "Bobot 2010" in version_page and "tidak dapat diubah" in version_page
    assert version_page.count("untuk merevisinya") == 1


def test_a_personal_link_is_a_full_width_text_field_with_a_copy_button_for_javascript(client, session):
    organisation, round_ = a_round_reached_by_phone(client, session)
    invite_everyone(client, session, organisation, round_)
    page = client.get(f"/hr/rounds/{round_.id}").get_data(as_text=True)
    boxes = re.findall(r'<span class="link-box"><input type="text" readonly aria-label="Tautan pribadi ([^"]+)" '
                       r'value="(http://neraca\.test/r/[^"]+)">\s*<button type="button" class="secondary" data-copy '
                       r'hidden>Salin', page)
    assert {name for name, _ in boxes} >= {"Siti Aminah", "Budi", "Made Wirawan"}
    assert 'data-copied="Tersalin"' in page and "copy_link.js" in page


def test_remind_says_first_whom_it_reaches_and_when_nobody_why(client, session):
    organisation, round_ = a_round_reached_by_phone(client, session)
    invited = invite_everyone(client, session, organisation, round_)
    page = f"/hr/rounds/{round_.id}"
    assert f'href="{page}/remind"' in client.get(page).get_data(as_text=True)
    confirm = client.get(f"{page}/remind").get_data(as_text=True)
    assert "1 orang yang belum selesai akan diingatkan lewat email." in confirm
    assert "2 orang yang belum selesai tidak memiliki email" in confirm and "Kirim pengingat" in confirm
    sent_before = session.scalar(select(func.count(OutboxMessage.id)))

    invited["Budi"].completed_at = datetime(2026, 12, 1)
    session.commit()
    confirm = client.get(f"{page}/remind").get_data(as_text=True)
    assert "Tidak ada yang belum selesai yang memiliki email: ingatkan mereka secara langsung (2 orang" in confirm
    assert "Kirim pengingat" not in confirm and "Kembali ke putaran" in confirm
    told = client.get(post(client, f"{page}/remind", {}, page=f"{page}/remind").headers["Location"])
    assert "Tidak ada yang belum selesai yang memiliki email" in told.get_data(as_text=True)
    assert "0 pengingat" not in told.get_data(as_text=True)
    assert session.scalar(select(func.count(OutboxMessage.id))) == sent_before

    for invitation in invited.values():
        invitation.completed_at = datetime(2026, 12, 1)
    session.commit()
    assert "Semua sudah selesai: tidak ada yang perlu diingatkan." in client.get(f"{page}/remind").get_data(as_text=True)


def test_a_saved_root_cause_says_saved(app, session, office):
    hr = as_user(app, session, office, "hr@kantor.go.id", role="hr")
    page = f"/hr/versions/{office['version'].id}/scorecard/{PERIOD}"
    saved = post(hr, page, {"kpi": "K2", "root_cause": "Anggaran terlambat", "action": "Ajukan lebih awal"})
    assert saved.status_code == 302
    shown = hr.get(saved.headers["Location"]).get_data(as_text=True)
    assert '<div class="flash ok" role="status">Tersimpan.</div>' in shown and "Anggaran terlambat" in shown


def test_every_page_names_its_icon_and_favicon_ico_leads_to_it(client):
    home = client.get("/").get_data(as_text=True)
    icon = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', home).group(1)
    svg = client.get(icon)
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml" and b"<svg" in svg.data
    asked = client.get("/favicon.ico")
    assert asked.status_code == 301 and asked.headers["Location"].endswith(icon)


def test_the_new_round_form_groups_each_kinds_options_under_a_heading_naming_the_kinds(client, session):
    launch_round(client, session)  # signs in
    page = client.get("/hr/rounds/new").get_data(as_text=True)
    groups = dict(re.findall(r'<fieldset class="options" data-kinds="([^"]+)">(.*?)</fieldset>', page, re.S))
    assert set(groups) == {"weighting network", "rating", "weighting network rating", "self_report"}
    assert 'name="cr_threshold"' in groups["weighting network"] and 'name="rating_scale"' in groups["rating"]
    assert 'name="snap"' in groups["self_report"] and 'name="cr_threshold"' not in groups["rating"]
    assert "<legend>Penilaian langsung</legend>" in groups["rating"] and "Dipakai oleh:" in groups["rating"]
    assert 'name="title"' not in "".join(groups.values())  # every kind's own options stay outside
