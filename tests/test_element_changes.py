"""HR edits, moves and deletes scorecard elements while no round uses the version; a frozen version
says why and offers the copy."""
import re

from survey.models import AuditEntry, Element
from survey.services import performance, rounds, scorecards
from tests.samsat_site import build_samsat
from tests.web import post, sign_in

ID = {"Accept-Language": "id"}


def a_scorecard(client, session):
    organisation, version = build_samsat(session)
    sign_in(client, session, organisation.id)
    by_code = {e.code: e for e in scorecards.elements(session, version.id)}
    return organisation, version, by_code


def codes_in_order(session, version):
    session.expire_all()
    return [e.code for e, _depth in scorecards.tree_order(scorecards.elements(session, version.id))]


def test_hr_edits_an_element_and_the_change_is_logged(client, session):
    _, version, by_code = a_scorecard(client, session)
    page = f"/hr/versions/{version.id}/elements/{by_code['F1a'].id}"
    response = post(client, page, {"code": "F1a", "name": "Pendapatan PKB", "unit": "%", "better": "lower"})
    assert response.status_code == 302
    session.expire_all()
    element = session.get(Element, by_code["F1a"].id)
    assert (element.name, element.unit, element.better) == ("Pendapatan PKB", "%", "lower")
    (entry,) = session.query(AuditEntry).filter_by(action="element_changed").all()
    assert entry.subject == "F1a Pendapatan PKB" and entry.details["better"] == "higher → lower"


def test_an_edit_to_a_code_already_used_is_refused_at_the_field_and_changes_nothing(client, session):
    _, version, by_code = a_scorecard(client, session)
    page = f"/hr/versions/{version.id}/elements/{by_code['F1a'].id}"
    response = post(client, page, {"code": "F1b", "name": "x", "better": "higher"}, headers=ID)
    assert response.status_code == 400
    assert re.search(r'aria-invalid="true"[^>]*>\s*<div class="error" role="alert">Kode F1b', response.get_data(as_text=True))
    session.expire_all()
    assert session.get(Element, by_code["F1a"].id).code == "F1a" and session.query(AuditEntry).count() == 0


def test_hr_moves_an_element_among_its_siblings(client, session):
    _, version, by_code = a_scorecard(client, session)
    first, second = [e.code for e in scorecards.elements(session, version.id) if e.parent_id is None][:2]
    move = f"/hr/versions/{version.id}/elements/{by_code[second].id}/move"
    assert post(client, move, {"direction": "up"}, page=f"/hr/versions/{version.id}").status_code == 302
    perspectives = [code for code in codes_in_order(session, version) if by_code[code].parent_id is None]
    assert perspectives[:2] == [second, first]
    post(client, f"/hr/versions/{version.id}/elements/{by_code[second].id}/move", {"direction": "up"},
         page=f"/hr/versions/{version.id}")  # already first: nothing moves
    assert [c for c in codes_in_order(session, version) if by_code[c].parent_id is None][:2] == [second, first]


def test_deleting_asks_first_naming_the_children_then_deletes_them_all(client, session):
    _, version, by_code = a_scorecard(client, session)
    perspective = next(e for e in by_code.values() if e.parent_id is None)
    below = [e.code for e in by_code.values() if e.parent_id == perspective.id]
    code, page = perspective.code, f"/hr/versions/{version.id}/elements/{perspective.id}/delete"
    question = client.get(page, headers=ID).get_data(as_text=True)
    assert "Elemen-elemen di bawahnya ini ikut terhapus" in question and all(code in question for code in below)
    assert len(codes_in_order(session, version)) == len(by_code)  # asking deleted nothing
    assert post(client, page, {}, page=page).status_code == 302
    remaining = codes_in_order(session, version)
    assert code not in remaining and not set(below) & set(remaining)
    assert len(remaining) < len(by_code) - len(below)  # the KPIs below the objectives went too
    (entry,) = session.query(AuditEntry).filter_by(action="element_deleted").all()
    assert entry.subject.startswith(code) and below[0] in entry.details["with"]


def test_an_element_with_performance_data_below_it_says_what_refers_to_it_and_stays(client, session):
    _, version, by_code = a_scorecard(client, session)
    performance.record_measurement(session, version, kpi="F1a", period="2010", target=100, actual=90,
                                   entered_by="hr@example.org")
    objective = session.get(Element, by_code["F1a"].parent_id)
    page = f"/hr/versions/{version.id}/elements/{objective.id}/delete"
    response = post(client, page, {}, page=page, follow_redirects=True, headers=ID)
    assert (f"{objective.code} tidak dapat dihapus: 1 baris target dan realisasi merujuk kepadanya"
            in response.get_data(as_text=True))
    assert objective.code in codes_in_order(session, version) and "F1a" in codes_in_order(session, version)
    assert session.query(AuditEntry).count() == 0


def test_a_version_used_by_a_round_says_why_it_cannot_change_and_offers_the_copy(client, session):
    organisation, version, by_code = a_scorecard(client, session)
    rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2010")
    element = by_code["F1a"]
    page = client.get(f"/hr/versions/{version.id}/elements/{element.id}", headers=ID).get_data(as_text=True)
    assert "dipakai oleh putaran survei Bobot 2010 dan tidak dapat diubah" in page and "#copy" in page
    assert 'name="name"' not in page
    refused = post(client, f"/hr/versions/{version.id}/elements/{element.id}",
                   {"code": "F1a", "name": "changed", "better": "higher"}, page=f"/hr/versions/{version.id}")
    assert refused.status_code == 400
    version_page = client.get(f"/hr/versions/{version.id}", headers=ID).get_data(as_text=True)
    assert "Salin versi ini untuk merevisinya" in version_page and "/move" not in version_page
    for url in (f"/hr/versions/{version.id}/elements/{element.id}/move",
                f"/hr/versions/{version.id}/elements/{element.id}/delete"):
        post(client, url, {"direction": "up"}, page=f"/hr/versions/{version.id}")
    assert codes_in_order(session, version).count("F1a") == 1
    assert session.get(Element, element.id).name != "changed" and session.query(AuditEntry).count() == 0


def test_a_viewer_cannot_change_elements(client, session):
    organisation, version, by_code = a_scorecard(client, session)
    post(client, "/logout", {}, page="/hr/")
    sign_in(client, session, organisation.id, email="viewer@example.org", role="viewer")
    base = f"/hr/versions/{version.id}/elements/{by_code['F1a'].id}"
    assert client.get(base).status_code == 403 and client.get(f"{base}/delete").status_code == 403
    for url in (base, f"{base}/move", f"{base}/delete"):
        assert post(client, url, {"direction": "up", "code": "X", "name": "x"}, page="/hr/").status_code == 403
    assert len(codes_in_order(session, version)) == len(by_code)
