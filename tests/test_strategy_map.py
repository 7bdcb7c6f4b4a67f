"""The strategy map: objectives per perspective in their lights, HR's cause-and-effect arrows, on screen and
as the first page of the office PDF."""
import re
import shutil

import pytest
from sqlalchemy import func, select

from survey.models import StrategyArrow
from survey.services import strategy
from tests.helpers.reports import keep_pages, pdf_text, samsat_office
from tests.web import post, sign_in


def arrows(session):
    return session.scalar(select(func.count()).select_from(StrategyArrow))


def test_hr_draws_an_arrow_between_objectives_and_sees_the_map_in_its_lights(client, session):
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id)
    page = f"/hr/versions/{version.id}/strategy-map"
    assert post(client, page, {"cause": "L1", "effect": "I1"}).status_code == 302
    text = client.get(page).get_data(as_text=True)
    assert "L1 → I1" in text  # the arrow, as text for a screen reader
    assert re.search(r"C3 [^;]*, (merah|kuning|hijau)", text)  # objectives carry their light in words
    assert 'marker-end="url(#arrow)"' in text
    arrow_id = strategy.arrows(session, version)[0][0]
    assert post(client, f"{page}/{arrow_id}/remove", {}, page=page).status_code == 302
    assert arrows(session) == 0


@pytest.mark.parametrize("cause, effect, message", [
    ("L1", "L1", "tidak dapat mendorong dirinya sendiri"),
    ("L1a", "I1", 'aria-invalid="true"'),  # a KPI, not an objective: not among the choices
])
def test_a_wrong_arrow_is_refused_and_nothing_is_written(client, session, cause, effect, message):
    organisation, version = samsat_office(session)
    sign_in(client, session, organisation.id)
    response = post(client, f"/hr/versions/{version.id}/strategy-map", {"cause": cause, "effect": effect})
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert arrows(session) == 0


def test_the_same_arrow_twice_is_refused_and_a_round_on_the_version_does_not_freeze_the_map(session):
    from survey.services import rounds
    from survey.services.errors import Invalid
    organisation, version = samsat_office(session)
    strategy.add_arrow(session, version, "L1", "I1")
    with pytest.raises(Invalid, match="not an objective"):
        strategy.add_arrow(session, version, "L1a", "I1")
    with pytest.raises(Invalid, match="already drives"):
        strategy.add_arrow(session, version, "L1", "I1")
    rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot")
    strategy.add_arrow(session, version, "I1", "C1")  # no answer refers to an arrow
    assert arrows(session) == 2


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_the_office_pdf_opens_with_a_summary_page_with_the_strategy_map(client, session):
    organisation, version = samsat_office(session)
    strategy.add_arrow(session, version, "L1", "I1")
    sign_in(client, session, organisation.id)
    pdf = client.get(f"/hr/reports/office/{version.id}/2010.pdf").data
    first = pdf_text(pdf, 1)
    assert "Peta strategi" in first and "Indeks kinerja 7,90" in first
    assert re.search(r"C3 · [✖▲●] (merah|kuning|hijau)", first)  # a box says its light in words
    assert "IKU merah dan kuning" in first and "C3b" in first
    pages = keep_pages(pdf, "office-summary")
    assert pages and pages[0].stat().st_size > 10_000  # pdftoppm drew the summary page
