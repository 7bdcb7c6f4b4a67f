"""A request reads a scorecard's elements once, however many of its parts ask, and never sees them out of
date: a row it adds is read with them, a row it deletes is gone, the next transaction reads them again. A
session that did not ask for it (a script's, a test's) reads them afresh each time."""
import re

from sqlalchemy import delete

from survey.models import Element
from survey.services import elements as elements_service
from survey.services import per_transaction
from survey.services.per_transaction import remember_reads
from tests.helpers.spies import calls_of
from tests.helpers.reports import samsat_office
from tests.samsat_site import build_samsat
from tests.web import sign_in


def test_the_office_scorecard_page_reads_its_elements_once(client, session, monkeypatch):
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id)
    reads = calls_of(monkeypatch, elements_service, "_read")
    response = client.get(f"/hr/versions/{version.id}/scorecard/2010")
    assert response.status_code == 200 and "F1a" in response.get_data(as_text=True) and len(reads) == 1
    monkeypatch.setattr(per_transaction, "_up_to_date", lambda _session: False)  # nothing remembered
    again = client.get(f"/hr/versions/{version.id}/scorecard/2010")
    assert page(again) == page(response) and len(reads) > 2


def page(response) -> str:
    """The page's text but for its charts' ids (numbered in the order the process drew them) and its forms'
    tokens (signed with the time)."""
    text = re.sub(r"chart-\d+", "chart", response.get_data(as_text=True))
    return re.sub(r'(name="csrf_token"[^>]*value=")[^"]*"', r'\1"', text)


def test_a_remembered_read_shows_what_the_transaction_adds_and_deletes_and_ends_with_it(app, session,
                                                                                        monkeypatch):
    organisation, version = build_samsat(session)
    session.commit()
    with app.extensions["neraca.sessionmaker"]() as request_session:
        remember_reads(request_session)
        reads = calls_of(monkeypatch, elements_service, "_read")
        first = elements_service.elements(request_session, version.id)
        assert elements_service.elements(request_session, version.id, tree_only=True) == first and len(reads) == 1
        added = Element(organisation_id=organisation.id, version_id=version.id, kind="perspective", code="X",
                        name="Baru", position=99)
        request_session.add(added)  # not flushed: the read writes it first, as a query would
        assert added in elements_service.elements(request_session, version.id) and len(reads) == 2
        request_session.execute(delete(Element).where(Element.id == added.id))
        assert added not in elements_service.elements(request_session, version.id) and len(reads) == 3
        request_session.rollback()
        assert [e.code for e in elements_service.elements(request_session, version.id)] == [e.code for e in first]
        assert len(reads) == 4


def test_a_session_that_did_not_ask_reads_afresh_each_time(session, monkeypatch):
    _organisation, version = build_samsat(session)
    reads = calls_of(monkeypatch, elements_service, "_read")
    elements_service.elements(session, version.id)
    elements_service.elements(session, version.id)
    assert len(reads) == 2
