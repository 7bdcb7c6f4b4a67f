"""Each organisation's data version moves with every commit that writes its rows, and only then: a stored
document is served by it without building its view model, and never from data older than the version says."""
from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from survey import background
from survey.cli import upgrade
from survey.db import make_engine
from survey.models import Base, Element, Influence, Judgment, Organisation, ReportJob, ScorecardVersion
from survey.services import (answers, data_versions, documents, performance, public, questionnaires, results,
                             scorecard_document)
from survey.services.errors import Invalid
from tests.helpers.questionnaires import form_values, skm_round, visit
from tests.helpers.reports import pdf_text, small_office
from tests.helpers.spies import calls_of
from tests.helpers.weighting import answer_everything, invitations, launch
from tests.samsat_site import published_answers
from tests.web import sign_in


def versions(session, *organisations) -> list[str]:
    return [data_versions.of(session, organisation.id) for organisation in organisations]


def moved(before: list[str], after: list[str]) -> list[bool]:
    """Which organisations' versions moved."""
    return [old != new for old, new in zip(before, after, strict=True)]


def test_every_table_names_its_organisation_or_is_bookkeeping():
    """A row without organisation_id reaches one through a foreign key; else its writes could not move a
    version and a stored document would outlive its data."""
    reached = {"organisations"} | {table.name for table in Base.metadata.sorted_tables if "organisation_id" in table.c}
    for table in Base.metadata.sorted_tables:  # parents first: a table reached through a reached one counts
        if table.name not in reached and any(key.column.table.name in reached for column in table.columns
                                             for key in column.foreign_keys):
            reached.add(table.name)
    assert {table.name for table in Base.metadata.sorted_tables} - reached - data_versions.QUIET == set()


def test_a_write_moves_its_own_organisations_version_and_no_other(session):
    first, first_version = small_office(session)
    second, _ = small_office(session)
    before = versions(session, first, second)
    performance.record_measurement(session, first_version, kpi="K1", period="2010", actual=15)
    written = versions(session, first, second)
    assert moved(before, written) == [True, False]
    with pytest.raises(Invalid):  # refused: nothing written, nothing moved
        performance.record_measurement(session, first_version, kpi="NOPE", period="2010", actual=15)
    assert versions(session, first, second) == written


def test_rows_without_their_own_organisation_move_their_parents(session):
    """Influences name their scorecard version only; deleting them in bulk without naming the organisation
    moves every version (slower to read again, never stale)."""
    first, version = small_office(session)
    second, _ = small_office(session)
    source, target = session.scalars(select(Element.id).where(Element.version_id == version.id).limit(2))
    before = versions(session, first, second)
    session.add(Influence(version_id=version.id, source_id=source, target_id=target))
    session.commit()
    added = versions(session, first, second)
    assert moved(before, added) == [True, False]
    session.execute(delete(Influence).where(Influence.version_id == version.id))
    session.commit()
    assert moved(added, versions(session, first, second)) == [True, True]


def test_a_page_of_judgments_stored_as_plain_inserts_moves_the_rounds_organisation(session):
    organisation, _, round_ = launch(session)
    other, _ = small_office(session)
    invitation = invitations(session, round_)[0]
    cluster = answers.questionnaire(session, invitation)[0]
    before = versions(session, organisation, other)
    answers.submit_cluster(session, invitation, cluster, published_answers(cluster), uuid.uuid4().hex)
    assert session.scalar(select(func.count(Judgment.id)).where(Judgment.invitation_id == invitation.id)) > 0
    assert moved(before, versions(session, organisation, other)) == [True, False]


def test_a_public_answer_moves_the_offices_version(client, session, app):
    organisation, version, round_ = skm_round(client, session)
    public.make_public(session, round_, None, "hr@x.org")
    other, _ = small_office(session)
    before = versions(session, organisation, other)
    asked = questionnaires.questions(session, round_)
    _, sent = visit(app, round_, "10.0.0.7", form_values(asked, [4, 3, 3, 4, 3, 3, 4, 3, 2]))
    assert sent.status_code in (200, 302)
    assert moved(before, versions(session, organisation, other)) == [True, False]


def test_building_a_stored_document_moves_nothing_and_the_next_request_builds_no_view_model(
        client, session, monkeypatch):
    organisation, version = small_office(session)
    sign_in(client, session, organisation.id)
    built = calls_of(monkeypatch, scorecard_document, "office_document")
    url = f"/hr/reports/office/{version.id}/2010.pdf?lang=id"
    first = client.get(url)
    version_now = data_versions.of(session, organisation.id)
    assert first.status_code == 200 and built == [1]
    again = client.get(url)
    assert again.data == first.data and built == [1]  # found by its shortcut: no view model built
    assert data_versions.of(session, organisation.id) == version_now  # the build and its shortcut are bookkeeping
    # Another address, another shortcut; a new actual moves the version and the next request looks again.
    assert client.get(f"/hr/reports/office/{version.id}/2010.pdf?lang=en").status_code == 200 and built == [1, 1]
    performance.record_measurement(session, version, kpi="K1", period="2010", actual=15)
    changed = client.get(url)
    assert changed.status_code == 200 and changed.data != first.data and built == [1, 1, 1]
    assert client.get(url).data == changed.data and built == [1, 1, 1]


def test_a_moved_version_with_the_same_figures_serves_the_stored_build(client, session, monkeypatch):
    """A write that changes nothing the document shows (another KPI owner's note) costs one view model, not
    a print."""
    organisation, version = small_office(session)
    sign_in(client, session, organisation.id)
    printed = calls_of(monkeypatch, background, "html_to_pdf")
    url = f"/hr/reports/office/{version.id}/2010.pdf"
    first = client.get(url)
    session.get(Organisation, organisation.id).pk_signatories = {"place": "Pekanbaru"}
    session.commit()
    again = client.get(url)
    assert again.data == first.data and printed == [1]
    jobs = list(session.scalars(select(ReportJob).where(ReportJob.kind == documents.KIND)))
    assert len(jobs) == 1 and jobs[0].shortcut != ""


def test_a_rounds_answers_are_fingerprinted_again_only_when_the_data_version_moved(session, monkeypatch):
    organisation, _, round_ = launch(session)
    first, second = invitations(session, round_)[:2]
    answer_everything(session, first)
    fingerprinted = calls_of(monkeypatch, results, "_answers_key")
    before = results.results(session, round_)
    assert results.results(session, round_) is before and fingerprinted == [1]  # same version: one read
    answer_everything(session, second)
    after = results.results(session, round_)
    assert fingerprinted == [1, 1] and after is not before
    assert max(c.respondents for c in after.clusters) == max(c.respondents for c in before.clusters) + 1
    session.get(Organisation, organisation.id).name = "SAMSAT Baru"  # written, not committed yet
    assert results.results(session, round_) is after and fingerprinted == [1, 1, 1]  # looked at afresh
    session.rollback()


def test_rows_the_request_loaded_before_the_version_moved_are_read_again(client, session, app, monkeypatch):
    """The scorecard version the route loaded, changed and committed before the request read the data version:
    the document filed under the new version shows the change, not the row as first loaded."""
    organisation, version = small_office(session)
    sign_in(client, session, organisation.id)
    url = f"/hr/reports/office/{version.id}/2010.pdf?lang=en"
    first = client.get(url)
    real = documents.shortcut

    def given_meanwhile(db_session, organisation_id, *asked):
        with app.extensions["neraca.sessionmaker"]() as other:
            changed = other.get(ScorecardVersion, version.id)
            changed.weights_source, changed.weights_note = "given", "the head of office"
            other.commit()
        monkeypatch.setattr(documents, "shortcut", real)
        return real(db_session, organisation_id, *asked)
    monkeypatch.setattr(documents, "shortcut", given_meanwhile)
    raced = client.get(url)
    assert "Weights given by the head of office" in pdf_text(raced.data) and raced.data != first.data
    assert client.get(url).data == raced.data


def test_a_remembered_fingerprint_is_kept_apart_per_database(session, migrated_database, tmp_path):
    """Versions are tokens, but an organisation never written through the site keeps the migration's empty
    one: the same id and version in two databases (tests, a restored copy) never share a fingerprint."""
    other_url = f"sqlite:///{tmp_path / 'other.db'}"
    if isinstance(migrated_database, Path):
        shutil.copy(migrated_database, tmp_path / "other.db")
    else:
        upgrade(other_url)
    engine = make_engine(other_url)
    with Session(engine) as other:
        for db_session in (session, other):  # on the connection: as a data migration would, no version given
            db_session.connection().execute(insert(Organisation.__table__).values(id=10**6, name="Dinas"))
            db_session.commit()
        assert data_versions.of(session, 10**6) == data_versions.of(other, 10**6) == ""
        assert data_versions.remembered(session, 10**6, ("answers", 1), lambda: "first") == "first"
        assert data_versions.remembered(other, 10**6, ("answers", 1), lambda: "second") == "second"
    engine.dispose()
