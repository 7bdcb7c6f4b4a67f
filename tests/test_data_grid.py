"""HR's spreadsheet as a page: a period's grid of every KPI's target, actual and formula inputs.

Many cells are changed and saved at once; only the changed ones are written (each with its history), a
colleague's newer value is never overwritten by a stale page, and a bad number refuses the whole save.
"""
from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest
from sqlalchemy import func, select

from survey.models import Measurement
from survey.services import accounts, kpi_owners, kpi_values, performance, scorecards
from tests.web import sign_in

PERIOD = "2026-Q1"  # Triwulan I 2026, as the calendar stores it
CODES = [f"K{n:02d}" for n in range(1, 10)] + ["K10"]


@pytest.fixture
def office(client, session):
    """A scorecard of 10 KPIs (K10 a formula KPI) with this quarter's targets and actuals; HR signed in."""
    organisation = accounts.create_organisation(session, "Kantor")
    version = scorecards.create_scorecard(session, organisation.id, "IKU", "2026")
    rows = [{"code": "P", "kind": "perspective", "parent": "", "name": "Pelanggan"},
            {"code": "O", "kind": "objective", "parent": "P", "name": "Layanan cepat"}]
    rows += [{"code": code, "kind": "kpi", "parent": "O", "name": f"Indikator {code}", "better": "higher"}
             for code in CODES[:-1]]
    scorecards.import_scorecard(session, version, pd.DataFrame(rows))
    scorecards.add_element(session, version, code="K10", kind="kpi", name="Pegawai terlatih", parent_code="O",
                           formula="trained / staff * 100")
    for n, code in enumerate(CODES[:-1], start=1):
        performance.record_measurement(session, version, kpi=code, period=PERIOD, target=100.0 + n,
                                       actual=90.0 + n, entered_by="import@kantor.go.id")
    performance.record_measurement(session, version, kpi="K10", period=PERIOD, inputs={"staff": 16},
                                   entered_by="import@kantor.go.id")
    sign_in(client, session, organisation.id)
    return {"organisation": organisation, "version": version}


def test_three_changed_cells_of_ten_kpis_write_three_values_each_with_its_history(client, session, office):
    version = office["version"]
    before = measurement_count(session)
    page = grid_page(client, version, "id")
    assert page.status_code == 200
    form = GridForm.read(page)
    assert len([name for name in form.cells if name.endswith(":actual")]) == 10
    assert form.cells["v-K03:target"] == "103" and form.cells["v-K10:input:staff"] == "16"
    assert "v-K10:input:trained" in form.cells  # the formula's other input, still empty
    form.cells.update({"v-K03:actual": "95,5", "v-K07:target": "1.250", "v-K10:input:trained": "12"})
    form.cells["v-K05:actual"] = ""  # a blank cell leaves the stored value as it is

    response = form.post(client, version, note="Rekap TW I")
    assert response.status_code == 302, response.get_data(as_text=True)

    assert measurement_count(session) == before + 3
    assert stored(session, version, "K03") == {"target": 103.0, "actual": 95.5}
    assert stored(session, version, "K07")["target"] == 1250.0
    assert stored(session, version, "K05") == {"target": 105.0, "actual": 95.0}
    assert stored(session, version, "K10") == {"input:staff": 16.0, "input:trained": 12.0}
    changes = kpi_values.changes(session, kpi_id(session, version, "K03"), PERIOD)
    assert [(c.fact, c.old, c.new, c.entered_by, c.note) for c in changes][0] == \
        ("actual", 93.0, 95.5, "hr@example.org", "Rekap TW I")


def test_a_stale_page_reports_a_colleagues_newer_value_and_overwrites_nothing(client, session, office):
    version = office["version"]
    form = GridForm.read(grid_page(client, version, "en"))
    performance.record_measurement(session, version, kpi="K02", period=PERIOD, actual=97.0,
                                   entered_by="colleague@kantor.go.id")
    before = measurement_count(session)
    form.cells.update({"v-K02:actual": "80", "v-K04:actual": "99"})

    refused = form.post(client, version, lang="en")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "colleague@kantor.go.id changed this value to 97 meanwhile; yours (80) was not saved" in page
    assert measurement_count(session) == before  # not even K04, which nobody else touched
    assert stored(session, version, "K02")["actual"] == 97.0 and stored(session, version, "K04")["actual"] == 94.0

    again = GridForm.read(refused)  # the page now shows the colleague's value as the one it replaces
    assert again.cells["v-K02:actual"] == "80" and again.cells["v-K04:actual"] == "99"
    assert again.post(client, version, lang="en").status_code == 302
    assert stored(session, version, "K02")["actual"] == 80.0 and stored(session, version, "K04")["actual"] == 99.0


def test_a_colleagues_value_is_still_noticed_after_a_refused_save_of_the_same_cell(client, session, office):
    version = office["version"]
    form = GridForm.read(grid_page(client, version, "en"))
    performance.record_measurement(session, version, kpi="K02", period=PERIOD, actual=97.0,
                                   entered_by="colleague@kantor.go.id")
    form.cells["v-K02:actual"] = "8O"  # a typo: refused before the value can be compared with the colleague's
    refused = form.post(client, version, lang="en")
    assert refused.status_code == 400 and "changed this value" not in refused.get_data(as_text=True)

    corrected = GridForm.read(refused)
    corrected.cells["v-K02:actual"] = "80"
    again = corrected.post(client, version, lang="en")
    assert again.status_code == 400 and "colleague@kantor.go.id changed this value to 97" in again.get_data(as_text=True)
    assert stored(session, version, "K02")["actual"] == 97.0


def test_a_number_written_the_other_languages_way_refuses_the_whole_save(client, session, office):
    version = office["version"]
    before = measurement_count(session)
    form = GridForm.read(grid_page(client, version, "id"))
    form.cells.update({"v-K01:actual": "91,5", "v-K06:actual": "95.5", "v-K08:target": "banyak"})
    response = form.post(client, version)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Tidak ada yang disimpan" in page
    assert 'id="v-K06:actual-error"' in page and 'id="v-K08:target-error"' in page
    assert 'id="v-K01:actual-error"' not in page and 'value="91,5"' in page  # the typed value is kept
    assert measurement_count(session) == before
    assert stored(session, version, "K01")["actual"] == 91.0


def test_a_kpi_owner_sees_and_saves_only_the_kpis_assigned_to_them(app, session, office):
    version = office["version"]
    owner_client = app.test_client()
    sign_in(owner_client, session, office["organisation"].id, email="owner@kantor.go.id", role="kpi_owner")
    owner = next(iter(kpi_owners.candidates(session, office["organisation"].id)))
    kpi_owners.assign(session, version, "K04", [owner.id])
    page = grid_page(owner_client, version, "en")
    form = GridForm.read(page)
    assert {name.split(":")[0] for name in form.cells} == {"v-K04"}
    assert "K05" not in page.get_data(as_text=True)

    before = measurement_count(session)
    forged = dict(form.cells, **{"v-K04:actual": "50", "v-K05:actual": "50"})
    refused = GridForm(form.hidden, forged).post(owner_client, version, lang="en")
    assert refused.status_code == 400 and "assigned to you" in refused.get_data(as_text=True)
    assert measurement_count(session) == before

    form.cells["v-K04:actual"] = "50"
    assert form.post(owner_client, version, lang="en").status_code == 302
    assert stored(session, version, "K04")["actual"] == 50.0 and stored(session, version, "K05")["actual"] == 95.0
    assert measurement_count(session) == before + 1


def test_the_ladder_column_shows_hrs_ladder_or_the_automatic_one_it_will_use(client, session, office):
    version = office["version"]
    performance.record_measurement(session, version, kpi="K02", period="2025/TW 4", actual=80.0)
    performance.set_ladder(session, version, kpi="K01", period=PERIOD, anchors={0: 50, 10: 100})
    page = grid_page(client, version, "en").get_data(as_text=True)
    k01, k02, k03 = (page.split(f"<strong>{code}</strong>")[1].split("</tr>")[0] for code in ("K01", "K02", "K03"))
    assert "0: 50; 10: 100" in k01 and "automatic" not in k01
    assert "automatic" in k02 and "10: 102" in k02 and "3: 80" in k02  # target 102, last quarter's actual 80
    assert "no ladder" in k03


def test_the_performance_page_links_each_periods_grid(client, office):
    version = office["version"]
    page = client.get(f"/hr/versions/{version.id}/performance").get_data(as_text=True)
    assert f"/hr/versions/{version.id}/performance/grid/2026-Q1" in page
    opened = client.get(f"/hr/versions/{version.id}/performance/grid?period=2027")
    assert opened.status_code == 302 and opened.location.endswith("/performance/grid/2027")
    assert client.get(opened.location).status_code == 200  # a period without data yet: its targets go here


# Helpers ---------------------------------------------------------------------------------------------------

class GridForm(HTMLParser):
    """The grid's form as a browser would send it: the hidden fields and every cell as shown."""

    def __init__(self, hidden=None, cells=None):
        super().__init__()
        self.hidden, self.cells = dict(hidden or {}), dict(cells or {})

    @classmethod
    def read(cls, response) -> "GridForm":
        form = cls()
        form.feed(response.get_data(as_text=True))
        return form

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "hidden":
            self.hidden[attrs["name"]] = attrs.get("value", "")
        elif tag == "input" and attrs.get("name", "").startswith("v-"):
            self.cells[attrs["name"]] = attrs.get("value", "")

    def post(self, client, version, note="", lang="id"):
        return client.post(grid_url(version) + f"?lang={lang}", data={**self.hidden, **self.cells, "note": note})


def grid_url(version, period=PERIOD):
    return f"/hr/versions/{version.id}/performance/grid/{period}"


def grid_page(client, version, lang):
    return client.get(grid_url(version) + f"?lang={lang}")


def measurement_count(session) -> int:
    return session.scalar(select(func.count()).select_from(Measurement))


def kpi_id(session, version, code) -> int:
    return performance.kpis(session, version)[code].id


def stored(session, version, code) -> dict[str, float]:
    session.expire_all()
    element = performance.kpis(session, version)[code]
    current = kpi_values.current_values(session, [element.id]).get((element.id, PERIOD), kpi_values.CurrentValues())
    return {fact: entry.value for fact, entry in current.facts.items()}



def test_a_period_written_as_offices_write_it_opens_the_grid_of_its_calendar_code(client, office):
    response = client.get(grid_url(office["version"], "2026/TW 1") + "?lang=id")
    assert response.status_code == 308 and response.headers["Location"].endswith("/performance/grid/2026-Q1?lang=id")
    assert client.get(grid_url(office["version"], "not a period")).status_code == 404
