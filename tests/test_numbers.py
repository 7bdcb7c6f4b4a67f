"""Numbers read strictly and shown in the page's language (Indonesian 1.250.000,5; English 1,250,000.5)."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from survey.render.numbers import DECIMALS, format_number
from survey.services import performance
from survey.services.numbers import NumberError, parse_number, read_cell
from tests.samsat_site import build_samsat
from tests.web import post, sign_in


@pytest.mark.parametrize("value, kind, locale, shown", [
    (52295456000, "money", "id", "52.295.456.000"), (52295456000, "money", "en", "52,295,456,000"),
    (1035.0, "measure", "id", "1.035"), (95.5, "measure", "id", "95,5"), (2.3812, "ratio", "id", "2,38"),
    (2.3812, "ratio", "en", "2.38"), (0.27345, "weight", "id", "27,3"), (7.90047, "index", "id", "7,90"),
    (5e10, "count", "en", "50,000,000,000"), (-0.0001, "level", "id", "0,00"), (None, "level", "id", "–"),
    (float("nan"), "measure", "en", "–"), (0.0123, "index", "en", "0.01"),
])
def test_numbers_are_written_as_the_pages_language_writes_them_and_never_in_e_notation(value, kind, locale, shown):
    assert format_number(value, kind, locale) == shown


@pytest.mark.parametrize("text, locale, value", [
    ("95,5", "id", 95.5), ("1.250.000", "id", 1250000), ("50.000.000.000", "id", 5e10), ("1.250.000,75", "id", 1250000.75),
    ("95.5", "en", 95.5), ("1,250,000", "en", 1250000), (" -3,5 ", "id", -3.5), ("12", "en", 12),
])
def test_typed_numbers_are_read_in_the_pages_language(text, locale, value):
    assert parse_number(text, locale) == pytest.approx(value)


@pytest.mark.parametrize("text, locale, hint", [
    ("95.5", "id", "95,5"), ("1,25", "en", "1.25"), ("1.25.000", "id", "125.000"), ("1,250,000", "id", None),
    ("1.250.000", "en", None), ("1e5", "id", None), ("NaN", "en", None), ("", "id", None), ("12 apel", "id", None),
])
def test_a_number_that_does_not_fit_the_language_is_refused_with_an_example_never_read_another_way(text, locale, hint):
    with pytest.raises(NumberError) as refused:
        parse_number(text, locale)
    message = str(refused.value)
    assert format_number(1250000.5, "measure", locale) in message or hint in message
    if hint:
        assert f"did you mean {hint}?" in message


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.sampled_from(sorted(DECIMALS)),
       st.sampled_from(["id", "en"]))
def test_any_number_shown_is_read_back_equal_at_its_shown_precision(value, kind, locale):
    shown = format_number(value, kind, locale)
    decimals = DECIMALS[kind][1]
    expected = value * 100 if kind == "weight" else value
    assert parse_number(shown, locale) == pytest.approx(round(expected, decimals), abs=10 ** -decimals)


def test_spreadsheet_numbers_are_numbers_and_text_cells_are_read_in_the_declared_language():
    assert read_cell(95.5, "id") == 95.5 and read_cell("95,5", "id") == 95.5 and read_cell("", "en") is None
    with pytest.raises(NumberError):
        read_cell("95,5", "en")


def test_hr_types_95_5_and_1_250_000_on_the_indonesian_performance_form_and_they_are_read_as_meant(client, session):
    organisation, version = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    page = f"/hr/versions/{version.id}/performance"
    response = post(client, page, {"m-kpi": "L1a", "m-period": "2010", "m-target": "1.250.000", "m-actual": "95,5"})
    assert response.status_code == 302
    measurement = performance.current_measurements(session, version)[(performance.kpis(session, version)["L1a"].id,
                                                                       "2010")]
    assert (measurement.target, measurement.actual) == (1250000, 95.5)
    shown = client.get(page).get_data(as_text=True)
    assert "1.250.000" in shown and "95,5" in shown


def test_a_number_written_the_english_way_on_the_indonesian_form_is_refused_kept_as_typed_and_nothing_is_stored(
        client, session):
    organisation, version = build_samsat(session, stakeholders=0)
    sign_in(client, session, organisation.id)
    page = f"/hr/versions/{version.id}/performance"
    response = post(client, page, {"m-kpi": "L1a", "m-period": "2010", "m-target": "100", "m-actual": "95.5"})
    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "95.5 tidak sesuai dengan cara penulisan angka di sini (1.250.000,5): maksud Anda 95,5?" in text
    assert 'value="95.5"' in text and 'inputmode="decimal"' in text and 'type="number"' not in text
    assert performance.current_measurements(session, version) == {}


def test_xlsx_exports_keep_exact_numbers_with_grouped_number_formats():
    import io

    import openpyxl
    import pandas as pd

    from survey.services.tables import DECIMAL_NUMBER, WHOLE_NUMBER, to_bytes
    content = to_bytes(pd.DataFrame({"kpi": ["F1a"], "target": [52295456000.0], "weight": [0.0612345]}), "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    target, weight = sheet["B2"], sheet["C2"]
    assert (target.value, target.number_format) == (52295456000, WHOLE_NUMBER)
    assert (weight.value, weight.number_format) == (0.0612345, DECIMAL_NUMBER)
    assert sheet["A2"].number_format == "General"  # text stays text
