"""Documents built once per change of what they show, kept in the database and served from there; the IKM's
answers read once per change."""
from __future__ import annotations

import io
from datetime import timedelta

import docx

from sqlalchemy import select

from survey import background
from survey.render import word
from survey.models import Organisation, ReportJob, utcnow
from survey.services import documents, programmes, performance, questionnaires, scorecard_document, skm
from tests.helpers.questionnaires import ANSWERS, answer, form_values, invite_person, skm_round
from tests.helpers.reports import pdf_text, samsat_office, small_office
from tests.helpers.spies import calls_of
from tests.web import sign_in


#: A signatory of the PK, as HR sets one.
SIGNER = {"name": "Drs. Budi Santoso", "position": "Kepala UPTD", "nip": ""}


def stored(session) -> list[ReportJob]:
    session.expire_all()
    return list(session.scalars(select(ReportJob).where(ReportJob.kind == documents.KIND).order_by(ReportJob.id)))


def test_the_office_pdf_is_built_once_and_served_from_the_database_until_its_figures_change(
        client, session, monkeypatch):
    organisation, version = small_office(session)
    sign_in(client, session, organisation.id)
    builds = calls_of(monkeypatch, background, "html_to_pdf")
    url = f"/hr/reports/office/{version.id}/2010.pdf?lang=id"
    first = client.get(url)
    assert first.status_code == 200 and first.mimetype == "application/pdf" and len(builds) == 1
    again = client.get(url)
    assert again.data == first.data and len(builds) == 1  # the stored bytes, nothing printed
    (job,) = stored(session)
    assert job.content == first.data and job.organisation_id == organisation.id and job.source is None
    # Another language is another document's build; a new actual makes both stale.
    assert client.get(f"/hr/reports/office/{version.id}/2010.pdf?lang=en").status_code == 200 and len(builds) == 2
    performance.record_measurement(session, version, kpi="K1", period="2010", actual=15)
    changed = client.get(url)
    assert changed.status_code == 200 and len(builds) == 3 and changed.data != first.data
    assert client.get(url).data == changed.data and len(builds) == 3
    assert "18,8" in pdf_text(changed.data) and "18,8" not in pdf_text(first.data)  # K1's capaian: 15 of 80


def test_only_the_newest_builds_of_a_document_are_kept(client, session, monkeypatch):
    organisation, version = small_office(session)
    sign_in(client, session, organisation.id)
    for days in range(documents.KEEP + 2):
        performance.record_measurement(session, version, kpi="K1", period="2010", actual=10 + days)
        assert client.get(f"/hr/reports/office/{version.id}/2010.pdf").status_code == 200
    assert len(stored(session)) == documents.KEEP


def test_with_a_worker_the_pdf_is_being_prepared_and_no_web_request_prints_it(app, client, session, redis_url,
                                                                                monkeypatch):
    app.config.update(REDIS_URL=redis_url, JOBS_INLINE=False)
    organisation, version = small_office(session)
    sign_in(client, session, organisation.id)
    builds = calls_of(monkeypatch, background, "html_to_pdf")
    url = f"/hr/reports/office/{version.id}/2010.pdf?lang=id"
    waiting = client.get(url)
    page = waiting.get_data(as_text=True)
    assert waiting.status_code == 202 and waiting.mimetype == "text/html" and not builds
    assert '<meta http-equiv="refresh" content="3">' in page and "Dokumen sedang disiapkan" in page
    assert background.queue(app).count == 1
    assert client.get(url).status_code == 202 and background.queue(app).count == 1  # asked again: queued once
    (job,) = stored(session)
    assert job.status == "queued" and job.content is None and "<html" in job.source
    (entry,) = background.queue(app).get_jobs()
    assert entry.func_name == "survey.worker.make_document" and entry.args == (job.id,)
    with app.app_context():  # what `neraca worker` runs for the queue entry (survey.worker.make_document)
        background.make_document(job.id)
    ready = client.get(url)
    assert ready.status_code == 200 and ready.mimetype == "application/pdf" and len(builds) == 1
    assert "Kantor Kecil" in pdf_text(ready.data)


def test_a_document_that_cannot_be_printed_says_why_and_is_tried_again(client, session, monkeypatch):
    organisation, version = small_office(session)
    sign_in(client, session, organisation.id)

    def broken(html: str) -> bytes:
        raise RuntimeError("no fonts")
    monkeypatch.setattr(background, "html_to_pdf", broken)
    url = f"/hr/reports/office/{version.id}/2010.pdf?lang=en"
    failed = client.get(url)
    assert failed.status_code == 503 and "no fonts" in failed.get_data(as_text=True)
    monkeypatch.undo()
    assert client.get(url).status_code == 200
    (job,) = stored(session)
    assert (job.status, job.attempts) == ("done", 2)


def test_an_office_never_gets_another_offices_stored_document(client, session, monkeypatch):
    first, first_version = small_office(session)
    second, second_version = small_office(session)
    session.get(Organisation, second.id).name = "SAMSAT Kedua"
    session.commit()
    builds = calls_of(monkeypatch, background, "html_to_pdf")
    sign_in(client, session, first.id)
    mine = client.get(f"/hr/reports/office/{first_version.id}/2010.pdf")
    assert client.get(f"/hr/reports/office/{second_version.id}/2010.pdf").status_code == 404
    client.get("/logout")
    sign_in(client, session, second.id, email="hr2@example.org")
    theirs = client.get(f"/hr/reports/office/{second_version.id}/2010.pdf")
    assert theirs.status_code == 200 and len(builds) == 2 and "SAMSAT Kedua" in pdf_text(theirs.data)
    assert "SAMSAT Kedua" not in pdf_text(mine.data)
    assert [job.organisation_id for job in stored(session)] == [first.id, second.id]
    # The same figures in two offices never share a key.
    same = {"index": 7.5}
    assert documents.fingerprint(first.id, "office.html", same) != documents.fingerprint(second.id, "office.html", same)


def test_a_fingerprint_is_the_same_for_the_same_figures_in_any_session(session):
    organisation, version = samsat_office(session)
    card = scorecard_document.office_document(session, version, "2010")
    session.expire_all()
    again = scorecard_document.office_document(session, version, "2010")
    assert card is not again and documents.fingerprint(card) == documents.fingerprint(again)
    performance.record_measurement(session, version, kpi="C4a", period="2010", actual=15)
    changed = scorecard_document.office_document(session, version, "2010")
    assert documents.fingerprint(changed) != documents.fingerprint(card)


def test_the_ikm_reads_a_rounds_answers_once_per_change(app, client, session, monkeypatch):
    organisation, _, round_ = skm_round(client, session, language="en")
    asked = questionnaires.questions(session, round_)
    reads, real = [], questionnaires._response_table

    def reading(*args):
        reads.append(1)
        return real(*args)
    monkeypatch.setattr(questionnaires, "_response_table", reading)
    for name, scores in list(ANSWERS.items())[:2]:
        _, token = invite_person(app, session, organisation, round_, name)
        assert answer(client, token, form_values(asked, scores, profile=(0, 1, 2, 3, 0))).status_code == 302
    assert skm.results(session, round_).respondents == 2 and len(reads) == 1
    assert client.get(f"/hr/rounds/{round_.id}/ikm?lang=en").status_code == 200
    assert skm.results(session, round_).respondents == 2 and len(reads) == 1
    name, scores = list(ANSWERS.items())[2]
    _, token = invite_person(app, session, organisation, round_, name)
    assert answer(client, token, form_values(asked, scores, profile=(0, 1, 2, 3, 1))).status_code == 302
    assert skm.results(session, round_).respondents == 3 and len(reads) == 2


def test_the_ikm_report_kept_for_hr_never_reaches_a_viewer_who_may_not_read_suggestions(app, client, session):
    organisation, _, round_ = skm_round(client, session, language="id")
    asked = questionnaires.questions(session, round_)
    name, scores = next(iter(ANSWERS.items()))
    _, token = invite_person(app, session, organisation, round_, name)
    assert answer(client, token, form_values(asked, scores, suggestion="Antrean terlalu panjang")).status_code == 302
    url = f"/hr/reports/ikm/{round_.id}.pdf"  # HR is signed in (skm_round)
    assert "Antrean terlalu panjang" in pdf_text(client.get(url).data)
    client.get("/logout")
    sign_in(client, session, organisation.id, email="viewer@example.org", role="viewer")
    seen = client.get(url)
    assert seen.status_code == 200 and "Antrean terlalu panjang" not in pdf_text(seen.data)
    assert len(stored(session)) == 2  # one build per way of seeing it


def test_a_build_whose_worker_was_lost_is_queued_again_by_the_next_request(app, client, session, monkeypatch):
    organisation, version = small_office(session)
    sign_in(client, session, organisation.id)
    app.config["JOBS_INLINE"] = False
    monkeypatch.setattr(background, "submit", lambda *args, **kwargs: None)  # a thread that died before it began
    url = f"/hr/reports/office/{version.id}/2010.pdf"
    assert client.get(url).status_code == 202
    (job,) = stored(session)
    assert client.get(url).status_code == 202  # not lost yet: still waiting, not queued twice
    job.created_at = utcnow() - documents.LOST_AFTER - timedelta(seconds=1)
    session.commit()
    monkeypatch.undo()
    app.config["JOBS_INLINE"] = True
    assert client.get(url).status_code == 200 and len(stored(session)) == 1


def test_a_word_document_is_made_by_the_worker_once_per_change_and_what_stops_it_is_said_at_once(
        app, client, session, redis_url, monkeypatch):
    """python-docx takes most of a second for a small office's LKjIP: no web request makes one."""
    app.config.update(REDIS_URL=redis_url, JOBS_INLINE=False)
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id)
    unsigned = client.get(f"/hr/reports/pk/{version.id}.docx?day=2010-01-28")
    assert unsigned.status_code == 404 and "dua penanda tangan" in unsigned.get_data(as_text=True)  # said, not queued
    assert stored(session) == []
    programmes.set_signing(session, organisation.id, place="Semarang", first=SIGNER, second=SIGNER)
    made = calls_of(monkeypatch, word.MAKERS, "pk")
    url = f"/hr/reports/pk/{version.id}.docx?day=2010-01-28"
    waiting = client.get(url)
    assert waiting.status_code == 202 and made == []
    assert "perjanjian-kinerja-2010.docx" in waiting.get_data(as_text=True)
    (entry,) = [job for job in background.queue(app).get_jobs() if job.func_name.endswith("make_document")]
    with app.app_context():  # what `neraca worker` runs for the queue entry
        background.make_document(*entry.args)
    ready = client.get(url)
    assert ready.status_code == 200 and made == [1] and ready.mimetype.endswith("wordprocessingml.document")
    assert ready.headers["Content-Disposition"] == 'attachment; filename="perjanjian-kinerja-2010.docx"'
    document = docx.Document(io.BytesIO(ready.data))
    text = "\n".join([p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows
                                                              for c in r.cells])
    assert "PERJANJIAN KINERJA TAHUN 2010" in text and "Semarang" in text and SIGNER["name"] in text
    assert client.get(url).data == ready.data and made == [1]  # served as stored
    programmes.set_signing(session, organisation.id, place="Pekanbaru", first=SIGNER, second=SIGNER)
    assert client.get(url).status_code == 202  # the data moved: made again by the worker


def test_letters_asked_for_by_forms_are_each_kept_until_pruned(session):
    """Each letters build is one form's ticked people, looked for at its own address: a fifth form does not
    drop the first one's letters before HR printed them (neraca prune drops them after a day)."""
    organisation, _ = samsat_office(session)
    builds = [ReportJob(organisation_id=organisation.id, kind=documents.KIND, document=f"{documents.LETTERS}letters-1",
                        key=str(n), status="done", content=b"%PDF-") for n in range(documents.KEEP + 2)]
    session.add_all(builds)
    session.commit()
    documents.forget_older(session, builds[-1])
    session.commit()
    assert len(stored(session)) == documents.KEEP + 2
