"""Would the office's signal change: each weight's thresholds for the index's light and predikat, on the
published SAMSAT 2010 scorecard, checked by moving the weight just past each one and scoring again."""

from analysis.predikat import level_percent, predikat_index
from analysis.scoring import light_codes
from survey.services.scorecard_document import office_document
from tests.helpers.reports import moved_kpi_weights, pdf_text, samsat_office
from tests.web import sign_in


def signal_after_moving(session, version, document, code, weight):
    """(light, predikat) of the index when ``code`` weighs ``weight`` in its group, by the KPIs' weights."""
    moved = moved_kpi_weights(session, version, document, code, weight)
    index = sum(kpi.level * moved[kpi.code] for kpi in document.kpis if kpi.level is not None)
    return int(light_codes(index)), int(predikat_index(level_percent(index), document.bands))


def test_each_threshold_is_where_moving_the_weight_changes_the_light_or_the_predikat(session):
    organisation, version = samsat_office(session)
    document = office_document(session, version, "2010")
    assert document.signal and not document.provisional
    now = signal_after_moving(session, version, document, document.signal[0].code, document.signal[0].weight)
    crossings = 0
    for row in document.signal:
        assert signal_after_moving(session, version, document, row.code, row.weight) == now
        for threshold, step in ((row.below, -1e-7), (row.above, 1e-7)):
            if threshold is None:
                continue
            assert signal_after_moving(session, version, document, row.code, threshold - step) == now
            assert signal_after_moving(session, version, document, row.code, threshold + step) != now
            crossings += 1
    assert crossings >= 5


def test_the_office_page_and_its_pdf_show_the_same_thresholds(client, session):
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id)
    page = client.get(f"/hr/versions/{version.id}/scorecard/2010").get_data(as_text=True)
    assert "Apakah sinyal akan berubah?" in page
    pdf = " ".join(pdf_text(client.get(f"/hr/reports/office/{version.id}/2010.pdf").data).split())
    assert "Apakah sinyal akan berubah?" in pdf
    row = next(r for r in office_document(session, version, "2010").signal if r.above is not None)
    from survey.render.numbers import format_number
    assert f"{format_number(row.above, 'weight', 'id')}%" in pdf and f"{format_number(row.above, 'weight', 'id')}%" in page
