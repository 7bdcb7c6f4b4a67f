"""The weighting round through the site: HR launches and invites, a stakeholder answers and is re-asked."""
import html
import re
from io import BytesIO

import numpy as np
import pytest

from analysis.ahp import aggregate, scale_label
from survey.render.numbers import format_number
from survey.models import ClusterAnswer, Judgment, OutboxMessage, Round
from survey.services import accounts, answers, people, results, rounds, scorecards
from tests.helpers.weighting import answer_page, invited_to_root_page, launch_round  # noqa: F401
from tests.samsat_site import build_samsat, published_answers, samsat_rows
from tests.web import csrf, hidden, post, round_form, sign_in

LINK = re.compile(r"http://neraca\.test/r/[A-Za-z0-9_-]+")


def test_stakeholder_invited_by_real_email_answers_every_cluster_and_hr_sees_the_group_weights(
        app, client, session, smtp_server):
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp_server.port, MAIL_FROM="hr@samsat.test")
    organisation, version, round_ = launch_round(client, session)
    everyone = [str(p.id) for p in people.people(session, organisation.id)]
    page = f"/hr/rounds/{round_.id}"
    response = post(client, f"{page}/invite", {"person": everyone}, page=page)
    assert response.status_code == 302
    assert len(smtp_server.messages) == 3
    email = smtp_server.messages[0]
    assert email["Subject"] == "Undangan: Bobot 2010"  # the round speaks Indonesian
    link = LINK.search(email.get_payload()).group(0).replace("http://neraca.test", "")

    welcome = client.get(link)
    assert welcome.status_code == 200 and "Sama penting" in welcome.get_data(as_text=True)
    response = post(client, link, {"role": "Kepala Seksi", "years_of_service": "7"})
    assert response.status_code == 302
    invitation = answers.find_invitation(session, link.rsplit("/", 1)[1])
    for cluster in answers.questionnaire(session, invitation):
        response = answer_page(client, f"{link}/c/{cluster.key}", published_answers(cluster))
        assert response.status_code == 302, re.findall(r'role="alert">([^<]*)', response.get_data(as_text=True))
        client.get(response.headers["Location"])
    done = client.get(f"{link}/done")
    assert done.status_code == 200 and "Terima kasih" in done.get_data(as_text=True)

    session.expire_all()
    assert rounds.progress(session, round_).completed == 1
    outcome = results.results(session, round_)
    root = next(c for c in outcome.clusters if c.key == "root")
    stored = answers.answer_matrix(answers.cluster_by_key(session, invitation, "root"),
                                   answers.current_answers(session, invitation, "root"))
    np.testing.assert_allclose(root.group_matrix, aggregate(stored[None]))
    page = client.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)
    assert f"{format_number(root.weights[1], 'weight', 'id')}%" in page  # 0.4092 as 40,9%


def test_an_inconsistent_stakeholder_is_reasked_changes_an_answer_and_resumes_after_leaving(app, client, session):
    organisation, _, round_ = launch_round(client, session)
    person = people.people(session, organisation.id)[0]
    invitation, token = rounds.new_invitation(round_, person, app.config["SECRET_KEY"])
    session.add(invitation)
    session.commit()
    link = f"/r/{token}"
    post(client, link, {"role": "Ahli", "years_of_service": ""})
    root = answers.questionnaire(session, invitation)[0]
    F, C, I, L = root.members
    circular = {(F.id, C.id): 5, (F.id, I.id): 1 / 5, (F.id, L.id): 3, (C.id, I.id): 5, (C.id, L.id): 1 / 3,
                (I.id, L.id): 5}
    response = answer_page(client, f"{link}/c/root", circular)
    assert client.get(response.headers["Location"]).headers["Location"].endswith("/c/root/reask")

    # The respondent leaves and comes back later with the same link: the re-ask is waiting.
    assert client.get(f"{link}/next").headers["Location"].endswith("/c/root/reask")
    reask_page = client.get(f"{link}/c/root/reask").get_data(as_text=True)
    assert "Mohon periksa jawaban berikut" in reask_page and "Jawaban Anda yang lain menunjukkan" in reask_page
    reask = answers.open_reask(session, invitation, "root")
    first = reask.pairs_shown[0]
    data = {"csrf_token": csrf(client, f"{link}/c/root/reask"), "submission": hidden(reask_page, "submission"),
            **{f"p_{p['row_id']}_{p['column_id']}": scale_label(p["current"]) for p in reask.pairs_shown}}
    data[f"p_{first['row_id']}_{first['column_id']}"] = scale_label(first["implied_scale"])
    response = client.post(f"{link}/c/root/reask", data=data)
    assert response.status_code == 302
    session.expire_all()
    revisions = session.query(Judgment).filter_by(invitation_id=invitation.id, row_id=first["row_id"],
                                                 column_id=first["column_id"]).order_by(Judgment.revision).all()
    assert [j.revision for j in revisions] == [1, 2]
    assert revisions[-1].value == pytest.approx(first["implied_scale"])
    progress = answers.status_of(invitation)["root"]
    assert progress.reasks == 1 and progress.cr < reask.cr_before
    next_page = client.get(f"{link}/next").headers["Location"]
    expected = "/c/root/reask" if progress.status == "reasking" else f"/c/{answers.questionnaire(session, invitation)[1].key}"
    assert next_page.endswith(expected)
    monitor = client.get(f"/hr/rounds/{round_.id}").get_data(as_text=True)
    assert format_number(progress.cr, "ratio", "id") in monitor


def test_a_double_submitted_page_is_stored_once(app, client, session):
    organisation, _, round_ = launch_round(client, session, ask_identity="")
    person = people.people(session, organisation.id)[0]
    invitation, token = rounds.new_invitation(round_, person, app.config["SECRET_KEY"])
    session.add(invitation)
    session.commit()
    url = f"/r/{token}/c/root"
    page = client.get(url).get_data(as_text=True)
    cluster = answers.questionnaire(session, invitation)[0]
    data = {"csrf_token": csrf(client, url), "submission": hidden(page, "submission"),
            **{f"p_{r}_{c}": scale_label(v) for (r, c), v in published_answers(cluster).items()}}
    assert client.post(url, data=data).status_code == 302
    assert client.post(url, data=data).status_code == 302
    assert session.query(Judgment).filter_by(invitation_id=invitation.id).count() == len(cluster.pairs)


def test_a_page_with_a_missing_pair_is_shown_again_with_the_message_and_stores_nothing(app, client, session):
    token, cluster = invited_to_root_page(client, session)
    values = published_answers(cluster)
    values.pop(next(iter(values)))
    response = answer_page(client, f"/r/{token}/c/root", values)
    assert response.status_code == 400
    assert "Pilih nilai untuk pasangan ini." in response.get_data(as_text=True)
    assert session.query(Judgment).count() == 0


def test_a_page_off_the_scale_or_with_an_unasked_dont_know_is_shown_again_with_the_choices_kept(app, client, session):
    token, cluster = invited_to_root_page(client, session)
    values = published_answers(cluster)
    off_scale, dont_know, kept = list(values)[:3]
    response = answer_page(client, f"/r/{token}/c/root", values, raw_choices=[(off_scale, "10"), (dont_know, "dk")])
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Pilih nilai pada skala 1-9." in page and "Putaran ini meminta nilai untuk setiap pasangan." in page
    kept_choice = f'name="p_{kept[0]}_{kept[1]}" value="{scale_label(values[kept])}" checked'
    assert kept_choice in page  # the respondent's other answers are still chosen
    assert session.query(Judgment).count() == 0 and session.query(ClusterAnswer).count() == 0


def test_wrong_tokens_look_like_unknown_pages_and_a_closed_round_says_so(app, client, session):
    organisation, _, round_ = launch_round(client, session)
    unknown = client.get("/no/such/page")
    wrong = client.get("/r/" + "x" * 32)
    assert wrong.status_code == unknown.status_code == 404
    # The pages differ only in the language links, which point back at the address asked for, and in
    # the signed-in HR user's CSRF token, which carries the second it was made.
    def page(response, path):
        return re.sub(r'value="[\w.-]{40,}"', "TOKEN", response.get_data(as_text=True).replace(path, "PATH"))
    assert page(wrong, "/r/" + "x" * 32) == page(unknown, "/no/such/page")
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0], "test")
    session.add(invitation)
    session.commit()
    rounds.close_round(session, round_)
    closed = client.get(f"/r/{token}")
    assert closed.status_code == 410 and "sudah ditutup" in closed.get_data(as_text=True)


def test_without_smtp_invitations_wait_in_the_outbox_and_hr_copies_the_links(client, session):
    organisation, _, round_ = launch_round(client, session)
    page = f"/hr/rounds/{round_.id}"
    post(client, f"{page}/invite", {"person": [str(p.id) for p in people.people(session, organisation.id)]}, page=page)
    assert {m.status for m in session.query(OutboxMessage)} == {"kept"}
    assert client.get("/hr/outbox").get_data(as_text=True).count("http://neraca.test/r/") == 3  # masked there
    assert len(set(LINK.findall(client.get(page).get_data(as_text=True)))) == 3


def test_smtp_down_keeps_invitations_waiting_and_hr_can_send_them_now(app, client, session, smtp_server):
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=1)  # nothing listens there
    organisation, _, round_ = launch_round(client, session)
    page = f"/hr/rounds/{round_.id}"
    post(client, f"{page}/invite", {"person": [str(p.id) for p in people.people(session, organisation.id)]}, page=page)
    shown = client.get(page, headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert "antre 3" in shown and "akan dicoba lagi secara otomatis" in shown
    app.config.update(SMTP_PORT=smtp_server.port)
    post(client, f"{page}/retry-mail", {}, page=page)
    assert len(smtp_server.messages) == 3


def test_another_organisations_round_is_not_found(client, session):
    _, _, round_ = launch_round(client, session)
    other = accounts.create_organisation(session, "Other office")
    post(client, "/logout", {}, page="/hr/")
    sign_in(client, session, other.id, email="hr@other.org")
    assert client.get(f"/hr/rounds/{round_.id}").status_code == 404
    assert client.get(f"/hr/rounds/{round_.id}/results").status_code == 404
    assert post(client, f"/hr/rounds/{round_.id}/close", {}, page="/hr/").status_code == 404


def test_forms_without_a_csrf_token_are_refused(client, session):
    organisation, version, round_ = launch_round(client, session)
    assert client.post(f"/hr/rounds/{round_.id}/close").status_code == 400
    assert session.get(Round, round_.id).status == "open"


def test_a_bad_round_form_is_shown_again_at_the_field_and_creates_nothing(client, session):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    response = post(client, "/hr/rounds/new", round_form(title="", version_id=version.id, cr_threshold="2",
                                                          max_reasks="9"))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert page.count('role="alert"') >= 3
    assert session.query(Round).count() == 0


def test_people_import_with_one_bad_row_imports_nothing_and_names_the_row(client, session):
    organisation, _ = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    csv = "name,email,unit,weight\nAni,ani@x.org,Pelayanan,1\nBudi,not-an-email,Keuangan,1\nCici,cici@x.org,,abc\n"
    pages = {}
    for language in ("id", "en"):  # each row's message in the page's language, with the row's values in it
        response = post(client, f"/hr/people/import?lang={language}",
                         {"file": (BytesIO(csv.encode()), "people.csv")}, page="/hr/people",
                         content_type="multipart/form-data")
        assert response.status_code == 400
        pages[language] = response.get_data(as_text=True).replace("&#39;", "'")
    assert "baris 3: 'not-an-email' bukan alamat email." in pages["id"]
    assert "baris 4: Bobot: abc bukan angka. Tulis angka seperti 1.250.000,5." in pages["id"]
    assert "row 3: 'not-an-email' is not an email address." in pages["en"]
    assert "row 4: Weight: abc is not a number. Write numbers like 1,250,000.5." in pages["en"]
    assert people.people(session, organisation.id) == []


def test_scorecard_round_trip_through_xlsx(client, session):
    organisation, version = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    exported = client.get(f"/hr/versions/{version.id}/export.xlsx")
    assert exported.status_code == 200
    fresh = post(client, "/hr/scorecards/new", {"name": "Copy", "label": "2011"})
    fresh_id = int(fresh.headers["Location"].rsplit("/", 1)[1])
    response = post(client, f"/hr/versions/{fresh_id}/import", {"file": (BytesIO(exported.data), "sc.xlsx")},
                    page=f"/hr/versions/{fresh_id}", content_type="multipart/form-data")
    assert response.status_code == 302
    page = client.get(f"/hr/versions/{fresh_id}").get_data(as_text=True)
    assert all(code in page for code in samsat_rows()["code"])


def test_names_with_html_are_shown_as_text(client, session):
    organisation, _ = build_samsat(session, stakeholders=0)
    people.add_person(session, organisation.id, name="<script>alert(1)</script>", email="x@y.org")
    sign_in(client, session, organisation.id)
    page = client.get("/hr/people").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_sign_in_is_rate_limited(client, session):
    organisation, _ = build_samsat(session, stakeholders=0)
    accounts.create_user(session, organisation.id, "hr@example.org", "HR", "correct horse battery")
    for _ in range(5):
        assert post(client, "/login", {"email": "hr@example.org", "password": "wrong"}).status_code == 401
    assert post(client, "/login", {"email": "hr@example.org", "password": "correct horse battery"}).status_code == 429


def test_pages_switch_language(client, session):
    assert "Sign in" in client.get("/login?lang=en").get_data(as_text=True)
    assert "Masuk" in client.get("/login?lang=id").get_data(as_text=True)
    client.get("/lang/en?next=/login")
    assert "Sign in" in client.get("/login").get_data(as_text=True)


def test_guessing_links_is_slowed_down_after_twenty_wrong_tokens(app, client, session):
    from survey.pages import WRONG_TOKENS_ALLOWED
    organisation, _, round_ = launch_round(client, session)
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0], "test")
    session.add(invitation)
    session.commit()
    for attempt in range(WRONG_TOKENS_ALLOWED):
        assert client.get(f"/r/guess{attempt:030d}").status_code == 404
    assert client.get("/r/" + "y" * 32).status_code == 429
    assert client.get(f"/r/{token}").status_code == 200  # a real link still opens


def test_each_button_of_a_pair_says_the_element_it_favours_and_how_strongly_in_the_page_language(client, session):
    token, root = invited_to_root_page(client, session)
    a, b = root.pairs[0]
    for language, says, equal in (("id", "{x} {s} · {v}", "{x} sama penting dengan {y} · 1"),
                                  ("en", "{x} is {s} · {v}", "{x} is as important as {y} · 1")):
        page = html.unescape(client.get(f"/r/{token}/c/{root.key}?lang={language}").get_data(as_text=True))
        field = re.search(rf'<fieldset[^>]*id="p_{a.id}_{b.id}".*?</fieldset>', page, re.S).group(0)
        said = {value: re.sub(r"<[^>]+>", "", text).replace("\xa0", " ").strip() for value, text in
                re.findall(r'value="([^"]+)"[^>]*>.*?<span class="say">(.*?)</span></label>', field, re.S)}
        assert len(said) == 17
        assert said["3"] == says.format(x=a.name, s={"id": "sedikit lebih penting", "en": "moderately more important"}
                                        [language], v=3)
        assert said["1/7"] == says.format(x=b.name, s={"id": "jauh lebih penting", "en": "very strongly more important"}
                                          [language], v=7)
        assert said["1"] == equal.format(x=a.name, y=b.name)


def test_publishing_before_anyone_finished_is_refused_with_a_message_in_the_page_language(client, session):
    _, version, round_ = launch_round(client, session)
    page = f"/hr/rounds/{round_.id}"
    for language, says in (("id", "Setiap klaster memerlukan paling sedikit satu responden yang selesai"),
                           ("en", "Every cluster needs at least one finished respondent")):
        response = post(client, f"{page}/publish?lang={language}", {}, page=f"{page}/results")
        assert response.status_code == 302
        assert says in client.get(response.headers["Location"] + f"?lang={language}").get_data(as_text=True)
    elements = scorecards.elements(session, version.id)
    assert elements and all(element.global_weight is None for element in elements)  # nothing published
