"""What if a weight moved, on the office scorecard: the server's new index, light, predikat and KPI order
against the same move computed here from the KPIs' published weights, on the SAMSAT 2010 scorecard."""
import pytest

from analysis.predikat import level_percent, predikat_index
from analysis.scoring import light
from survey.render.numbers import format_number
from survey.services.errors import Invalid
from survey.services.scorecard_document import office_document, what_if
from tests.helpers.reports import moved_kpi_weights, samsat_office
from tests.web import sign_in


def index_of(document, weights):
    return sum(kpi.level * weights[kpi.code] for kpi in document.kpis if kpi.level is not None)


def test_what_if_gives_the_index_light_predikat_and_kpi_order_of_the_moved_weights(session):
    organisation, version = samsat_office(session)
    document = office_document(session, version, "2010")
    assert {row.code for row in document.signal} <= {row.code for row in document.movable}
    tipped = 0
    for row in document.movable:
        for share in (row.weight, 0.05, 0.6, (row.above or 0.9) + 1e-4):
            typed = f"{share * 100:.9f}"
            found = what_if(session, version, document, row.code, typed.replace(".", ","), "id")
            weights = moved_kpi_weights(session, version, document, row.code, float(typed) / 100)
            index = index_of(document, weights)
            assert found.index == pytest.approx(index, abs=1e-9)
            assert found.light == light(index) and found.predikat == predikat_index(level_percent(index), document.bands)
            heaviest_first = [weight for _, weight in found.kpis]  # published weights tie: the order by weight
            assert heaviest_first == sorted(heaviest_first, reverse=True) and len(found.kpis) == len(weights)
            assert all(weight == pytest.approx(weights[kpi.code], abs=1e-12) for kpi, weight in found.kpis)
            if share == row.weight:  # not moved: the scorecard as it is
                assert found.index == pytest.approx(document.index, abs=1e-9)
                assert (found.light, found.predikat) == (document.index_light, document.predikat)
            tipped += (found.light, found.predikat) != (document.index_light, document.predikat)
    assert tipped >= 3


def test_a_wrong_element_or_weight_is_named(session):
    organisation, version = samsat_office(session)
    document = office_document(session, version, "2010")
    with pytest.raises(Invalid, match="compared with others"):
        what_if(session, version, document, "NOPE", "20", "id")
    for typed in ("100", "0", "-3", "dua puluh", ""):
        with pytest.raises(Invalid):
            what_if(session, version, document, document.movable[0].code, typed, "id")
    provisional = office_document(session, version, "2009")  # no KPI scored yet
    assert provisional.provisional and not provisional.movable
    with pytest.raises(Invalid, match="must be scored"):
        what_if(session, version, provisional, document.movable[0].code, "20", "id")


def test_the_office_page_tries_a_weight_and_says_when_the_signal_changes(client, session):
    organisation, version = samsat_office(session)
    document = office_document(session, version, "2010")
    row = next(r for r in document.signal if r.above is not None)
    sign_in(client, session, organisation.id)
    url = f"/hr/versions/{version.id}/scorecard/2010"
    typed = format_number(row.above + 0.005, "weight", "id")
    page = client.get(f"{url}?element={row.code}&weight={typed}").get_data(as_text=True)
    found = what_if(session, version, document, row.code, typed, "id")
    assert f"Jika {row.code} {row.name} berbobot {typed}% dari kelompoknya" in page
    assert f"<strong>{format_number(found.index, 'index', 'id')}</strong>" in page
    assert "Sinyal berubah." in page and 'id="what-if-slider"' in page and "what_if.js" in page
    wrong = client.get(f"{url}?element={row.code}&weight=120")
    assert wrong.status_code == 200 and 'aria-invalid="true"' in wrong.get_data(as_text=True)
    assert "di atas 0 dan di bawah 100." in wrong.get_data(as_text=True)
    english = client.get(f"{url}?element={row.code}&weight={(row.above + 0.005) * 100:.1f}",
                         headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "The signal changes." in english


def test_the_results_pages_what_if_form_has_its_slider_and_the_pages_decimal_sign(client, session):
    from tests.helpers.weighting import answer_everything, invitations, launch
    organisation, version, round_ = launch(session)
    for invitation in invitations(session, round_):
        answer_everything(session, invitation)
    sign_in(client, session, organisation.id)
    for language, sign in (("id", ","), ("en", ".")):
        page = client.get(f"/hr/rounds/{round_.id}/results?lang={language}").get_data(as_text=True)
        assert f'data-decimal="{sign}"' in page and 'id="what-if-slider"' in page and "what_if.js" in page
        assert 'id="what-if-result"' in page


def test_hostile_what_if_values_get_a_page_with_a_message_never_an_error(client, session):
    organisation, version = samsat_office(session)
    document = office_document(session, version, "2010")
    sign_in(client, session, organisation.id)
    url = f"/hr/versions/{version.id}/scorecard/2010"
    code = document.movable[0].code
    for element, weight in ((code, "nan"), (code, "inf"), (code, "1e309"), (code, "9" * 400), (code, "-0"),
                            (code, "99,99999999999999999"), (code, "<script>"), ("<b>x</b>", "20"), ("", "20"),
                            ("9" * 100, "20"), (code, "0,00000001")):
        response = client.get(url, query_string={"element": element, "weight": weight})
        text = response.get_data(as_text=True)
        assert response.status_code == 200 and "<b>x</b>" not in text and "<script>" not in text, (element, weight)
        assert 'role="alert"' in text or 'id="what-if-result"' in text
