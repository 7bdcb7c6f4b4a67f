"""Invitations without email (issue 19): people reached by phone get their link from HR on WhatsApp or
on a printed letter; the outbox never writes to them, and only HR and administrators see those links."""
import io
import re
import shutil
import subprocess
from datetime import datetime
from urllib.parse import unquote, urlsplit

import pandas as pd
import pytest
from sqlalchemy import select

from survey import background
from survey.models import AuditEntry, Invitation, OutboxMessage, Person
from survey.services import people, questionnaires, rounds
from survey.services.errors import Invalid
from tests.qr_reader import links_in_pdf
from tests.samsat_site import build_samsat
from tests.web import post, sign_in

ID = {"Accept-Language": "id"}
EN = {"Accept-Language": "en"}
LINK = re.compile(r"http://neraca\.test/r/[A-Za-z0-9_-]+")
poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")


def a_round_reached_by_phone(client, session, language="id", role="hr"):
    """A satisfaction round (closing 15 January 2027, 17:00 in Jakarta) with Siti and Made reached by phone
    and Budi by email, all invited through HR's pages."""
    organisation, version = build_samsat(session, stakeholders=0)
    people.add_person(session, organisation.id, name="Siti Aminah", phone="0812-3456-7890")
    people.add_person(session, organisation.id, name="Budi", email="budi@x.org")
    people.add_person(session, organisation.id, name="Made Wirawan", phone="+62 813 1111 2222")
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Kepuasan 2026",
                                 kind="satisfaction", language=language, closes_at=datetime(2027, 1, 15, 17, 0))
    questionnaires.default_questions(session, round_)
    sign_in(client, session, organisation.id, role=role)
    return organisation, round_


def invite_everyone(client, session, organisation, round_):
    page = f"/hr/rounds/{round_.id}"
    everyone = [str(p.id) for p in people.people(session, organisation.id)]
    assert post(client, f"{page}/invite", {"person": everyone}, page=page).status_code == 302
    session.expire_all()
    return {i.person.name: i for i in session.scalars(select(Invitation).where(Invitation.round_id == round_.id))}


def links_on(client, round_):
    """Each participant's working link as the round's page shows it to HR, by name."""
    page = client.get(f"/hr/rounds/{round_.id}").get_data(as_text=True)
    rows = re.findall(r"<td>([^<]+)<br><small.*?value=\"(http://neraca\.test/r/[^\"]+)\"", page, re.S)
    return {name.strip(): link for name, link in rows}


def shared(client, round_, invitation, reminder=False, headers=ID):
    return post(client, f"/hr/rounds/{round_.id}/invitations/{invitation.id}/whatsapp",
                {"reminder": "1" if reminder else "0"}, page=f"/hr/rounds/{round_.id}", headers=headers)


def test_a_person_with_only_a_phone_is_invited_but_never_written_to(client, session):
    organisation, round_ = a_round_reached_by_phone(client, session)
    page = f"/hr/rounds/{round_.id}"
    everyone = [str(p.id) for p in people.people(session, organisation.id)]
    question = post(client, f"{page}/invite/confirm", {"person": everyone}, page=page, headers=ID).get_data(as_text=True)
    assert "2 di antaranya tidak memiliki email" in question and "Siti Aminah &lt;+6281234567890&gt;" in question
    invited = invite_everyone(client, session, organisation, round_)
    assert set(invited) == {"Siti Aminah", "Budi", "Made Wirawan"}
    outbox = session.scalars(select(OutboxMessage)).all()
    assert [m.recipient for m in outbox] == ["budi@x.org"]  # the outbox is not used for people without email
    assert invited["Siti Aminah"].sent_at is None and invited["Budi"].sent_at is not None
    shown = client.get(page, headers=ID).get_data(as_text=True)
    assert "+6281234567890 · melalui WhatsApp atau surat" in shown and "budi@x.org · melalui email" in shown
    assert post(client, f"{page}/remind", {}, page=page).status_code == 302
    session.expire_all()
    assert [m.recipient for m in session.scalars(select(OutboxMessage))] == ["budi@x.org"] * 2


def test_the_whatsapp_link_carries_the_invitation_in_the_rounds_language(client, session):
    organisation, round_ = a_round_reached_by_phone(client, session)
    siti = invite_everyone(client, session, organisation, round_)["Siti Aminah"]
    link = links_on(client, round_)["Siti Aminah"]
    response = shared(client, round_, siti, headers=EN)  # HR reads English; the round speaks Indonesian
    assert response.status_code == 302
    target = urlsplit(response.headers["Location"])
    assert (target.scheme, target.netloc, target.path) == ("https", "wa.me", "/6281234567890")
    assert target.query.startswith("text=") and "+" not in target.query and " " not in target.query
    assert unquote(target.query.removeprefix("text=")) == (
        "Yth. Siti Aminah,\n\n"
        'Anda diundang untuk mengisi kuesioner "Kepuasan 2026". Tautan pribadi Anda:\n\n'
        f"{link}\n\n"
        "Mohon diisi paling lambat 15 Jan 2027 17.00 WIB.\n\n"
        "Tautan ini khusus untuk Anda: mohon tidak diteruskan. Anda dapat berhenti kapan saja dan melanjutkan "
        "nanti dengan tautan yang sama.\n\n"
        "Terima kasih.")
    questionnaire = client.get(urlsplit(link).path, headers=ID)  # the link shared opens her questionnaire
    assert questionnaire.status_code == 200 and "Nyatakan seberapa puas Anda" in questionnaire.get_data(as_text=True)
    session.expire_all()
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "invitation_shared"))
    assert entry.subject == "Siti Aminah" and entry.actor_email == "hr@example.org"
    assert entry.details["channel"] == "whatsapp" and entry.details["reminder"] is False
    assert session.get(Invitation, siti.id).sent_at is not None


def test_an_english_round_writes_its_whatsapp_message_in_english(client, session):
    organisation, round_ = a_round_reached_by_phone(client, session, language="en")
    made = invite_everyone(client, session, organisation, round_)["Made Wirawan"]
    text = unquote(urlsplit(shared(client, round_, made, headers=ID).headers["Location"]).query[len("text="):])
    assert text.startswith("Dear Made Wirawan,\n\nYou are invited to fill in the questionnaire \"Kepuasan 2026\"")
    assert "Please answer by Jan 15, 2027, 5:00\u202fPM WIB." in text and LINK.search(text)


@poppler
def test_letters_print_a_page_per_person_with_their_link_and_its_qr_code(client, session, tmp_path):
    organisation, round_ = a_round_reached_by_phone(client, session)
    invited = invite_everyone(client, session, organisation, round_)
    links = links_on(client, round_)
    chosen = [str(invited[name].id) for name in ("Siti Aminah", "Made Wirawan")]
    response = post(client, f"/hr/rounds/{round_.id}/letters", {"invitation": chosen}, page=f"/hr/rounds/{round_.id}",
                    headers=EN)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    pages = subprocess.run(["pdftotext", "-layout", "-", "-"], input=response.data, capture_output=True,
                           check=True).stdout.decode().split("\f")
    pages = [page for page in pages if page.strip()]
    assert len(pages) == 2  # sorted by name: Made, then Siti
    for page, name in zip(pages, ("Made Wirawan", "Siti Aminah")):
        assert f"Yth. {name}," in page and "Kepuasan 2026" in page and "SAMSAT" in page
        assert "15 Jan 2027 17.00 WIB" in page and LINK.findall(page) == [links[name]]
    assert links_in_pdf(response.data, tmp_path) == [[links["Made Wirawan"]], [links["Siti Aminah"]]]
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "invitation_letters_printed"))
    assert entry.details["count"] == 2 and entry.details["people"] == "Made Wirawan, Siti Aminah"


def test_a_rounds_letters_are_printed_in_the_background_and_fetched_where_the_answer_says(
        app, client, session, redis_url, tmp_path):
    """Hundreds of letters take seconds to print: the form's answer says they are being prepared and looks
    again at the build's own address, which only this office's HR may open."""
    app.config.update(REDIS_URL=redis_url, JOBS_INLINE=False)
    organisation, round_ = a_round_reached_by_phone(client, session)
    invited = invite_everyone(client, session, organisation, round_)
    links = links_on(client, round_)
    page = f"/hr/rounds/{round_.id}"
    waiting = post(client, f"{page}/letters", {"invitation": [str(invited["Siti Aminah"].id)]}, page=page)
    address = re.search(r'content="3; url=([^"]+)"', waiting.get_data(as_text=True)).group(1)
    assert waiting.status_code == 202 and re.fullmatch(rf"{page}/letters/\d+\.pdf", address)
    assert client.get(address).status_code == 202  # not printed yet: still being prepared
    (entry,) = [job for job in background.queue(app).get_jobs() if job.func_name.endswith("make_document")]
    with app.app_context():  # what `neraca worker` runs for the queue entry
        background.make_document(*entry.args)
    ready = client.get(address)
    assert ready.status_code == 200 and ready.mimetype == "application/pdf"
    assert links_in_pdf(ready.data, tmp_path) == [[links["Siti Aminah"]]]  # the QR code drawn when printed
    other, _ = build_samsat(session, stakeholders=0)
    client.get("/logout")
    sign_in(client, session, other.id, email="hr2@example.org")
    assert client.get(address).status_code == 404  # another office's HR


def test_nothing_ticked_prints_no_letter_and_another_rounds_participant_is_refused(client, session):
    organisation, round_ = a_round_reached_by_phone(client, session)
    siti = invite_everyone(client, session, organisation, round_)["Siti Aminah"]
    other = rounds.create_round(session, organisation.id, version_id=round_.version_id, title="Lain",
                                kind="satisfaction")
    page = f"/hr/rounds/{other.id}"
    refused = post(client, f"{page}/letters", {"invitation": [str(siti.id)]}, page=page, follow_redirects=True,
                   headers=EN)
    assert "No such participant in this round." in refused.get_data(as_text=True)
    nothing = post(client, f"{page}/letters", {}, page=page, follow_redirects=True, headers=EN)
    assert "Choose at least one participant" in nothing.get_data(as_text=True)
    budi = session.scalar(select(Invitation).join(Person).where(Person.name == "Budi"))
    no_phone = shared(client, round_, budi, headers=EN)
    assert no_phone.status_code == 302 and "wa.me" not in no_phone.headers["Location"]
    assert session.scalar(select(AuditEntry).where(AuditEntry.action.in_(
        ["invitation_shared", "invitation_letters_printed"]))) is None


@pytest.mark.parametrize("ticked", ["1" * 30, "12\n34", "-1"])
def test_a_ticked_value_that_names_no_participant_prints_nothing_and_invites_nobody(client, session, ticked):
    """A 30-digit number overflowed the database driver (500); now it names nobody, like any unknown id."""
    organisation, round_ = a_round_reached_by_phone(client, session)
    page = f"/hr/rounds/{round_.id}"
    for address, field in (("letters", "invitation"), ("invite/confirm", "person"), ("invite", "person")):
        answer = post(client, f"{page}/{address}", {field: [ticked]}, page=page, follow_redirects=True, headers=EN)
        assert answer.status_code == 200 and "Choose at least one" in answer.get_data(as_text=True)
    assert session.scalar(select(Invitation.id)) is None and session.scalar(select(AuditEntry.id).where(
        AuditEntry.action == "invitation_letters_printed")) is None


@pytest.mark.parametrize("role", ["viewer", "kpi_owner"])
def test_readers_get_neither_whatsapp_links_nor_letters(client, session, role):
    organisation, round_ = a_round_reached_by_phone(client, session, role=role)
    everyone = [p.id for p in people.people(session, organisation.id)]
    rounds.invite(session, round_, everyone, {"SECRET_KEY": "test"})
    siti = session.scalar(select(Invitation).join(Person).where(Person.name == "Siti Aminah"))
    page = client.get(f"/hr/rounds/{round_.id}").get_data(as_text=True)
    assert "/r/" not in page and "whatsapp" not in page and "/letters" not in page
    assert shared(client, round_, siti).status_code == 403
    letters = post(client, f"/hr/rounds/{round_.id}/letters", {"invitation": [str(siti.id)]},
                   page=f"/hr/rounds/{round_.id}")
    assert letters.status_code == 403 and b"/r/" not in letters.data
    assert session.scalar(select(AuditEntry).where(AuditEntry.action == "invitation_shared")) is None


@pytest.mark.parametrize("written", ["0812", "0812-3456-7890-1234", "+62 abc 3456", "12345", "0812-3456-789O", "+1 234"])
def test_a_bad_phone_number_is_refused_at_its_field_and_nothing_is_stored(client, session, written):
    organisation, _ = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    response = post(client, "/hr/people", {"name": "Siti", "email": "", "phone": written, "kind": "stakeholder",
                                           "weight": "1"}, headers=ID)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Masukkan nomor telepon seperti 0812-3456-7890" in page
    assert session.scalars(select(Person)).all() == []
    with pytest.raises(Invalid, match="not a phone number"):
        people.add_person(session, organisation.id, name="Siti", phone=written)
    session.rollback()
    assert session.scalars(select(Person)).all() == []


def test_someone_needs_an_email_or_a_phone_and_a_phone_is_kept_in_international_form(client, session):
    organisation, _ = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    form = {"name": "Siti", "email": "", "phone": "", "kind": "stakeholder", "weight": "1"}
    refused = post(client, "/hr/people", form, headers=ID)
    assert refused.status_code == 400 and "Isi alamat email atau nomor telepon." in refused.get_data(as_text=True)
    assert post(client, "/hr/people", {**form, "phone": "0812-3456-7890"}).status_code == 302
    siti = session.scalar(select(Person))
    assert (siti.email, siti.phone) == (None, "+6281234567890")
    again = post(client, "/hr/people", {**form, "name": "Siti 2", "phone": "+62 812 3456 7890"}, headers=EN)
    assert again.status_code == 400 and "+6281234567890 is already on the list." in again.get_data(as_text=True)
    edited = post(client, f"/hr/people/{siti.id}", {**form, "phone": "0813 1111 2222", "email": "siti@x.org"})
    assert edited.status_code == 302
    session.expire_all()
    assert (siti.email, siti.phone) == ("siti@x.org", "+6281311112222")


def test_people_are_imported_with_a_phone_column_and_matched_by_it_again(client, session):
    organisation, _ = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    csv = "name,phone,unit\nSiti Aminah,0812-3456-7890,Pelayanan\nMade Wirawan,+62 813 1111 2222,\n"
    response = post(client, "/hr/people/import", {"file": (io.BytesIO(csv.encode()), "people.csv"),
                                                   "number_format": "id"}, page="/hr/people")
    assert response.status_code == 302
    listed = {p.name: (p.email, p.phone, p.unit) for p in people.people(session, organisation.id)}
    assert listed == {"Siti Aminah": (None, "+6281234567890", "Pelayanan"), "Made Wirawan": (None, "+6281311112222", "")}
    changed = pd.DataFrame([{"name": "Siti Aminah", "phone": "6281234567890", "unit": "Umum"}])
    assert people.import_people(session, organisation.id, changed).updated == 1  # the same phone, another unit
    bad = "name,phone\nAni,0812\nBudi,\n"
    refused = post(client, "/hr/people/import?lang=en", {"file": (io.BytesIO(bad.encode()), "people.csv"),
                                                         "number_format": "id"}, page="/hr/people")
    text = refused.get_data(as_text=True)
    assert refused.status_code == 400 and "&#39;0812&#39; is not a phone number" in text
    assert "Give an email address or a phone number." in text
    assert {p.name for p in people.people(session, organisation.id)} == {"Siti Aminah", "Made Wirawan"}


def test_hr_reminds_by_hand_who_has_not_answered_and_has_no_email(client, session):
    organisation, round_ = a_round_reached_by_phone(client, session)
    invited = invite_everyone(client, session, organisation, round_)
    invited["Made Wirawan"].completed_at = datetime(2026, 11, 29, 9, 0)
    session.commit()
    page = client.get(f"/hr/rounds/{round_.id}", headers=ID).get_data(as_text=True)
    by_hand = page.split("Diingatkan secara langsung")[1].split("</section>")[0]
    assert "Siti Aminah" in by_hand and "Made Wirawan" not in by_hand and "Budi" not in by_hand
    assert links_on(client, round_)["Siti Aminah"] in by_hand and "Ingatkan lewat WhatsApp" in by_hand
    reminder = shared(client, round_, invited["Siti Aminah"], reminder=True)
    text = unquote(urlsplit(reminder.headers["Location"]).query[len("text="):])
    assert text.startswith("Pengingat: Kepuasan 2026\n\nYth. Siti Aminah,")
    session.expire_all()
    siti = session.get(Invitation, invited["Siti Aminah"].id)
    assert siti.reminders == 1 and siti.reminded_at is not None
    finished = shared(client, round_, invited["Made Wirawan"], reminder=True, headers=EN)
    assert "wa.me" not in finished.headers["Location"]  # finished: nothing to remind


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_people_export_keeps_phones_and_imports_back_unchanged(client, session, fmt):
    organisation, _ = build_samsat(session, stakeholders=0)
    people.add_person(session, organisation.id, name="Siti Aminah", phone="0812-3456-7890", unit="Pelayanan")
    people.add_person(session, organisation.id, name="Budi", email="budi@x.org", phone="0813 1111 2222", weight=1.5)
    sign_in(client, session, organisation.id)
    exported = client.get(f"/hr/people/export?fmt={fmt}&lang=en")  # its CSV numbers as English writes them
    assert exported.status_code == 200
    table = (pd.read_csv(io.BytesIO(exported.data), dtype=str, keep_default_na=False) if fmt == "csv"
             else pd.read_excel(io.BytesIO(exported.data), dtype=str, keep_default_na=False))
    assert list(table.columns) == list(people.COLUMNS)
    assert table.loc[table.name == "Siti Aminah", ["email", "phone"]].values.tolist() == [["", "'+6281234567890"]]
    before = [(p.name, p.email, p.phone, p.unit, p.weight) for p in people.people(session, organisation.id)]
    again = post(client, "/hr/people/import?lang=en", {"file": (io.BytesIO(exported.data), f"people.{fmt}"),
                                                       "number_format": "en"}, page="/hr/people", follow_redirects=True)
    assert "Added 0 people, updated 0." in again.get_data(as_text=True)  # the ' against formulas is read off
    session.expire_all()
    assert [(p.name, p.email, p.phone, p.unit, p.weight) for p in people.people(session, organisation.id)] == before


def test_without_a_public_address_no_link_leaves_the_site_by_whatsapp_or_letter(app, client, session):
    """Like emails, WhatsApp messages and letters are made from PUBLIC_URL only: the address HR's own
    browser used (localhost, an intranet address) would reach nobody outside."""
    organisation, round_ = a_round_reached_by_phone(client, session)
    invited = invite_everyone(client, session, organisation, round_)
    app.config["PUBLIC_URL"] = ""
    page = f"/hr/rounds/{round_.id}"
    for response in (shared(client, round_, invited["Siti Aminah"]),
                     post(client, f"{page}/letters", {"invitation": [str(invited["Siti Aminah"].id)]}, page=page,
                          headers=ID)):
        assert response.status_code == 302 and response.headers["Location"].endswith(page)
    shown = client.get(page, headers=ID).get_data(as_text=True)
    assert "memerlukan alamat publiknya (PUBLIC_URL)" in shown
    assert session.scalar(select(AuditEntry).where(AuditEntry.action.in_(
        ["invitation_shared", "invitation_letters_printed"]))) is None
