"""Weights given by HR or by a decree: through the form and the scorecard import, published as a round's are."""
import pytest

from survey.render.numbers import format_number
from survey.models import Element, ScorecardVersion
from survey.services import accounts, given_weights, scorecards
from survey.services.errors import Invalid
from tests.helpers.weighting import published_local_weights  # noqa: F401
from tests.reference import samsat
from tests.samsat_site import build_samsat, samsat_rows
from tests.web import post, sign_in


def global_weights(session, version) -> dict[str, float]:
    session.expire_all()
    return {e.code: e.global_weight for e in scorecards.elements(session, version.id) if e.kind == "kpi"}


def test_given_local_weights_typed_in_the_form_reproduce_the_published_samsat_weights(client, session):
    organisation, version = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    page = f"/hr/versions/{version.id}/weights"
    typed = {f"w_{code}": format_number(value, "exact", "id") for code, value in published_local_weights().items()}
    response = post(client, page, {**typed, "level": "local", "note": "SK Kepala UPTD 12/2010", "decimals": "2"})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert global_weights(session, version) == pytest.approx(samsat()["global_weights_published"], abs=5e-5)
    row = session.get(ScorecardVersion, version.id)
    assert (row.weights_source, row.weights_note, row.weights_round_id) == ("given", "SK Kepala UPTD 12/2010", None)
    perspectives = session.query(Element).filter_by(version_id=version.id, kind="perspective").all()
    assert {e.code: e.given_weight for e in perspectives} == {code: published_local_weights()[code]
                                                               for code in ("F", "C", "I", "L")}  # as typed
    assert "SK Kepala UPTD 12/2010" in client.get(f"/hr/versions/{version.id}").get_data(as_text=True)


def test_a_weight_column_in_the_scorecard_import_publishes_the_same_weights(client, session):
    organisation = accounts.create_organisation(session, "SAMSAT")
    version = scorecards.create_scorecard(session, organisation.id, "SAMSAT BSC", "2010")
    rows = samsat_rows()
    local = published_local_weights()
    rows["weight"] = [format_number(local[code], "exact", "id") if code in local else "" for code in rows["code"]]
    scorecards.import_scorecard(session, version, rows.astype(object), number_format="id")
    found = global_weights(session, version)
    exact = {code: pytest.approx(value, abs=0.006) for code, value in samsat()["global_weights_published"].items()}
    assert found == exact  # exact products; the published ones are the same rounded to 2 decimals
    assert sum(found.values()) == pytest.approx(1)


def test_global_weights_per_kpi_are_normalised_and_the_numbers_given_are_kept(client, session):
    organisation, version = build_samsat(session, stakeholders=0)
    kpis = [e.code for e in scorecards.elements(session, version.id) if e.kind == "kpi"]
    given = {code: 10 * (1 + position % 3) for position, code in enumerate(kpis)}
    given_weights.publish_given_weights(session, version, given, level="global", by="hr@x.org")
    found = global_weights(session, version)
    assert sum(found.values()) == pytest.approx(1)
    assert found[kpis[1]] / found[kpis[0]] == pytest.approx(2)
    kept = {e.code: e.given_weight for e in scorecards.elements(session, version.id) if e.kind == "kpi"}
    assert kept == given
    objective = next(e for e in scorecards.elements(session, version.id) if e.kind == "objective")
    children = [e for e in scorecards.elements(session, version.id) if e.parent_id == objective.id]
    assert objective.global_weight == pytest.approx(sum(c.global_weight for c in children))


@pytest.mark.parametrize("change, field, message", [
    ({"F": "0"}, "w_F", "Bobot adalah angka di atas 0."),
    ({"F": "-3"}, "w_F", "Bobot adalah angka di atas 0."),
    ({"F": ""}, "w_F", "Beri elemen ini bobot"),
    ({"F": "0.24"}, "w_F", "maksud Anda 0,24?"),
])
def test_a_missing_zero_negative_or_misread_weight_is_refused_at_its_field_and_nothing_is_stored(
        client, session, change, field, message):
    organisation, version = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    page = f"/hr/versions/{version.id}/weights"
    typed = {f"w_{code}": format_number(value, "exact", "id") for code, value in published_local_weights().items()}
    typed.update({f"w_{code}": value for code, value in change.items()})
    response = post(client, page, {**typed, "level": "local"})
    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in text
    assert f'id="{field}" name="{field}" value="{change["F"]}"' in text  # shown back as typed
    assert all(weight is None for weight in global_weights(session, version).values())


def test_a_bad_weight_in_an_import_names_its_row_and_imports_nothing(session):
    organisation = accounts.create_organisation(session, "SAMSAT")
    version = scorecards.create_scorecard(session, organisation.id, "SAMSAT BSC", "2010")
    rows = samsat_rows()
    rows["weight"] = ["" for _ in rows["code"]]
    rows.loc[0, "weight"], rows.loc[1, "weight"] = "1", "0"  # the first two perspectives; the others have none
    with pytest.raises(Invalid) as refused:
        scorecards.import_scorecard(session, version, rows.astype(object))
    assert any(name.startswith("row ") for name in refused.value.errors)
    assert scorecards.elements(session, version.id) == []


def test_the_office_report_says_the_weights_were_given_and_by_what(client, session):
    organisation, version = build_samsat(session, stakeholders=0)
    given_weights.publish_given_weights(session, version, published_local_weights(), note="SK 12/2010", decimals=2)
    from survey.services import scorecard_document
    from tests.samsat_site import load_samsat_performance
    load_samsat_performance(session, version)
    card = scorecard_document.office_document(session, session.get(ScorecardVersion, version.id), "2010")
    assert (card.weights_from["source"], card.weights_from["note"]) == ("given", "SK 12/2010")
    sign_in(client, session, organisation.id)
    html = client.get(f"/hr/reports/office/{version.id}/2010.html").get_data(as_text=True)
    assert "Bobot ditetapkan oleh SK 12/2010." in html


def test_publishing_given_weights_is_in_the_audit_log(session):
    from survey.models import AuditEntry
    organisation, version = build_samsat(session, stakeholders=0)
    given_weights.publish_given_weights(session, version, published_local_weights(), note="SK 12/2010",
                                        by="hr@samsat.test")
    (entry,) = session.query(AuditEntry).filter_by(action="weights_given").all()
    assert (entry.actor_email, entry.details["note"]) == ("hr@samsat.test", "SK 12/2010")


def test_global_weights_per_kpi_import_with_a_weight_level_column_and_export_as_they_came(session):
    organisation = accounts.create_organisation(session, "SAMSAT")
    version = scorecards.create_scorecard(session, organisation.id, "SAMSAT BSC", "2010")
    rows = samsat_rows()
    kpis = [code for code, kind in zip(rows["code"], rows["kind"]) if kind == "kpi"]
    given = {code: 10 * (1 + position % 3) for position, code in enumerate(kpis)}
    rows["weight"] = [format_number(given[code], "exact", "id") if code in given else "" for code in rows["code"]]
    rows["weight_level"] = ["Global" if code in given else "" for code in rows["code"]]
    scorecards.import_scorecard(session, version, rows.astype(object), number_format="id")
    found = global_weights(session, version)
    assert sum(found.values()) == pytest.approx(1)
    assert found[kpis[1]] / found[kpis[0]] == pytest.approx(2)  # as given, not as local weights among siblings

    exported = scorecards.export_scorecard(session, version)
    copy = scorecards.create_scorecard(session, organisation.id, "Salinan", "2011")
    scorecards.import_scorecard(session, copy, exported.astype(object), number_format="en")
    assert global_weights(session, copy) == pytest.approx(found)


def test_a_file_mixing_local_and_global_weights_or_an_unknown_level_is_refused_and_imports_nothing(session):
    organisation = accounts.create_organisation(session, "SAMSAT")
    version = scorecards.create_scorecard(session, organisation.id, "SAMSAT BSC", "2010")
    rows = samsat_rows()
    local = published_local_weights()
    rows["weight"] = [format_number(local[code], "exact", "id") if code in local else "" for code in rows["code"]]
    rows["weight_level"] = ["lokal" if code in local else "" for code in rows["code"]]
    rows.loc[5, "weight_level"] = "global"
    with pytest.raises(Invalid, match="all local or all global"):
        scorecards.import_scorecard(session, version, rows.astype(object))
    rows.loc[5, "weight_level"] = "semua"
    with pytest.raises(Invalid, match="local/lokal, global"):
        scorecards.import_scorecard(session, version, rows.astype(object))
    assert scorecards.elements(session, version.id) == []
