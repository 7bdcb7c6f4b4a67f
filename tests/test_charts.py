"""Charts drawn on the server as SVG: in the page and in the PDF, in the reader's language, with their
numbers as text for a screen reader, and readable in grey print (dashes and hatching, not colour alone)."""
import re
import shutil

import pytest

from survey.render import charts
from tests.helpers.reports import keep_pages, pdf_text, samsat_office
from tests.helpers.weighting import answer_everything, invitations, launch
from tests.web import sign_in

poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")


def test_a_line_chart_writes_numbers_the_readers_way_and_leaves_a_gap_for_a_missing_period():
    svg = charts.lines(["2008", "2009", "2010"], {"Indeks": [6.5, None, 7.9012], "Financial": [2.1, 2.0, float("nan")]},
                       language="id", title="Indeks <kantor>")
    assert "<title" in svg and "Indeks &lt;kantor&gt;" in svg
    description = re.search(r"<desc[^>]*>(.*?)</desc>", svg).group(1)
    assert "Indeks: 2008 6,50, 2010 7,90" in description and "Financial: 2008 2,10, 2009 2,00" in description
    assert svg.count("<polyline") == 1  # Indeks is broken by its gap; Financial draws 2008-2009
    assert 'stroke-dasharray="6 3"' in svg  # the second line differs by its dash, not colour alone


def test_a_line_charts_key_names_each_series_in_full_so_two_alike_kpis_stay_apart():
    """Issue 26: the key cut names at 18 letters, so these two both read "Persentase pelaya…"."""
    names = ["Persentase pelayanan tepat waktu", "Persentase pelayanan tepat sasaran <loket>"]
    svg = charts.lines(["2009", "2010"], {"Indeks": [6.5, 7.9], names[0]: [2.1, 2.2], names[1]: [1.1, 1.4]},
                       language="id", axis_names=("Indeks (0-10)", "Subtotal"), height=150)
    drawn = re.sub(r"<(title|desc)[^>]*>.*?</\1>", "", svg)  # what the eye reads, not the screen reader's text
    key = " ".join(re.findall(r"<t(?:ext|span)[^>]*>([^<]+)</", drawn))
    for name in names:
        assert name.replace("<", "&lt;").replace(">", "&gt;") in key
    assert "…" not in drawn
    height = int(re.search(r'height="(\d+)"', svg).group(1))
    lowest = max(float(y) for y in re.findall(r'<tspan x="[\d.]+" y="([\d.]+)"', drawn))
    assert lowest < height  # the wrapped key fits inside the chart


def test_weight_bars_are_percentages_in_the_readers_language():
    svg = charts.horizontal_bars(["F Financial", "C Customer"], [0.2734, 0.7266], maximum=1, kind="weight",
                                 language="id", title="Bobot")
    assert "27,3%" in svg and "72,7%" in svg and "F Financial: 27,3%" in svg


def test_the_office_scorecard_page_draws_the_trend_lights_and_a_small_trend_per_kpi(client, session):
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id)
    page = client.get(f"/hr/versions/{version.id}/scorecard/2010").get_data(as_text=True)
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 2 + 22
    assert "Indeks dan perspektif dari periode ke periode" in page and "Indeks: 2010 7,90" in page
    assert "merah: 3; kuning: 4; hijau: 15" in page  # the lights as text for a screen reader
    assert "Tingkat C3b dari periode ke periode" in page


@poppler
def test_the_office_pdf_and_the_weighting_pdf_print_their_charts(client, session, app):
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id)
    pdf = client.get(f"/hr/reports/office/{version.id}/2010.pdf").data
    first = pdf_text(pdf, 1)
    assert "Indeks dan perspektif dari periode ke periode" in first and "Financial" in first and "7,90" in first
    assert "hijau 15" in pdf_text(pdf)
    keep_pages(pdf, "office-charts")


@poppler
def test_group_weights_are_bars_in_percent_on_the_results_page_and_in_the_weighting_pdf(client, session, app):
    organisation, _, round_ = launch(session)
    answer_everything(session, invitations(session, round_)[0])
    sign_in(client, session, organisation.id)
    page = client.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)
    assert "Bobot Perspektif" in page and re.search(r"F [^<:]+: \d+,\d%", page)
    text = pdf_text(client.get(f"/hr/reports/weighting/{round_.id}.pdf").data)
    assert re.search(r"\d+,\d% ", text) and "F Financial" in text


def test_a_period_that_cannot_be_scored_is_on_the_trend_axis_without_a_point(session):
    from survey.services import performance
    organisation, version = samsat_office(session)  # 2009 has data but no ladders: it cannot be scored
    trends = performance.trends(performance.office_scorecard(session, version, "2010"))
    assert trends.periods == ["2009", "2010"] and trends.index[0] is None and trends.index[1] is not None


def test_perspective_subtotals_get_their_own_axis_and_long_bar_labels_wrap_instead_of_being_cut():
    import re

    from survey.render import charts
    drawn = charts.lines(["2009", "2010"], [("Indeks", [7.0, 8.0]), ("Keuangan", [1.0, 2.2]), ("Pelanggan", [2.8, 1.5])],
                         language="id", axis_names=("Indeks (0-10)", "Subtotal"))
    assert ">5</text>" in drawn and ">Subtotal</text>" in drawn  # the subtotals' scale: 0 to 5, a round number
    polylines = re.findall(r'<polyline points="([^"]+)"', drawn)
    heights = [[float(point.split(",")[1]) for point in run.split()] for run in polylines]
    bottom, top = max(heights[0] + heights[1]), min(heights[0] + heights[1])
    assert min(heights[2]) < bottom - 0.5 * (bottom - top)  # 2,8 of 5 is above the middle, not at 2,8 of 10
    bars = charts.horizontal_bars(["Wajib Pajak dan Masyarakat Umum", "Keuangan"], [2.77, 2.21], label_width=150)
    assert "…" not in bars and ">Wajib Pajak dan</tspan>" in bars and ">Masyarakat Umum</tspan>" in bars
