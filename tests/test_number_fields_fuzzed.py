"""Any text in any number the site reads (issue 24): every numeric field of every form, every number column
of every import, the API's weight and the number questions of invited and public pages answer 200, 302,
400 or 422, never a server error; a refused request writes nothing, and the pages showing what an accepted
one stored still render.

The forms' numeric fields are found by inspecting survey.forms, so a new one fails
test_every_numeric_form_field_is_fuzzed until it has its entry in PAGES."""
from __future__ import annotations

import csv
import inspect
import io
import itertools
from dataclasses import dataclass
from typing import Callable

import pytest
import wtforms
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

import survey.forms
from survey.render.numbers import format_number
from survey.models import Base, Invitation, Round
from survey.services import answers, api_tokens, bands, performance, questionnaires, rounds, scorecards
from tests.test_attacks import estate  # noqa: F401  (a fixture: organisation A with every kind of object)
from tests.web import TOKEN, hidden, round_form, sign_in

EXAMPLES = 8  # per field, besides the attacks every run tries (KNOWN)
#: Texts that broke or nearly broke a reader: e-notation, NaN, 26 nines, a 33-digit grouped number,
#: digits of other scripts, more digits than Python's int() reads, a number just past the bound.
ATTACKS = ["NaN", "nan", "inf", "-Infinity", "1e300", "1E5", "9" * 26, "1" + ".000" * 11, "1" + ",000" * 11,
           "9" * 400, "9" * 5000, "-0", "0,0000000000000000000000000001", "١٢٣", "１２３",
           "1.000.000.000.000.000",
           "1.000.000.000.000.001", "-1.000.000.000.000.001", "0x10", "½", "1_000", " ", "", "1,5", "1.5", "-1",
           "2", "1.000.001", "5", "50", "0,2"]
#: The attacks of issue 24 that every run tries on every field.
KNOWN = ["NaN", "9" * 26, "1" + ".000" * 11, "9" * 5000, "1.000.000.000.000.001"]
NUMBER_TEXT = st.one_of(
    st.sampled_from(ATTACKS), st.text(max_size=30), st.from_regex(r"\A[+-]?[0-9.,\s]{1,45}\Z"),
    st.floats().map(lambda value: format_number(value, "exact", "id")),
    st.integers(min_value=-10 ** 40, max_value=10 ** 40).map(str))
OK = {200, 302}
REFUSED = {400, 422}


@dataclass
class Page:
    """Where a number is typed: its address, the other fields as a browser sends them, the fields that take a
    number with how the typed text is put in ('{}': as it is) and a text it accepts, and the pages showing
    what was stored."""
    name: str
    url: Callable[[dict], str]
    fields: Callable[[dict], list[tuple[str, str, str]]]
    base: Callable[[dict, int], dict] = lambda e, n: {}
    shown: Callable[[dict], list[str]] = lambda e: []
    covers: tuple[str, ...] = ()
    page: Callable[[dict], str] | None = None  # where its form is shown, when not at its own address
    upload: Callable[[str, int], tuple[bytes, str]] | None = None


def table(header: list[str], *rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    return out.getvalue().encode()


def prepared(session, e: dict) -> dict:
    """The estate with what the pages need besides: a number question on the public SKM and a draft round
    to add questions to, a draft scorecard version to import into."""
    counter = session.scalar(select(Round).where(Round.public_slug == e["slug"]))
    e["public_question"] = questionnaires.add_question(session, counter, kind="number", text="Menit menunggu")
    e["counter"] = counter
    e["public_answers"] = {f"q_{q.id}": "1" for q in questionnaires.questions(session, counter)
                           if q.kind not in ("text", "number")}  # the SKM's choices: every one is needed
    e["draft"] = rounds.create_round(session, e["organisation"].id, version_id=e["version"].id, title="Draf",
                                     kind="self_report", period="2011", draft=True)
    e["answered"] = session.scalar(select(Invitation.id).where(Invitation.round_id == e["self_report"].id))
    e["own_question"] = next(q for q in questionnaires.questions(session, e["self_report"]) if q.kind == "number")
    e["new_version"] = scorecards.create_scorecard(session, e["organisation"].id, "BSC 2011", "2011")
    e["kpis"] = [element.code for element in e["version"].elements if element.kind == "kpi"]
    e["bands"] = bands.bands_of(e["organisation"])
    e["lowers"] = [format_number(band.lower, "exact", "id") for band in e["bands"]]
    rater = answers.find_invitation(session, e["rating_link"])
    cluster = answers.questionnaire(session, rater)[0]
    e["rating_page"] = f"/r/{e['rating_link']}/rate/{cluster.key}"
    e["rated"], e["rating"] = cluster.members, rater.round_id
    for period in ("2011", "2012"):  # the scorecards the measurement pages store into exist already
        performance.record_measurement(session, e["version"], kpi="L1b", period=period, target=100, actual=90)
    session.commit()
    return e


def band_rows(e: dict) -> dict:
    return {f"bands-{k}-{name}": format_number(value, "exact", "id") if name == "lower" else value
            for k, band in enumerate(e["bands"]) for name, value in
            (("lower", band.lower), ("label_id", band.label_id), ("label_en", band.label_en))}


PAGES = [
    Page("person added", lambda e: "/hr/people", lambda e: [("weight", "{}", "2")],
         lambda e, n: {"name": f"Dewi {n}", "email": f"dewi{n}@x.org", "kind": "stakeholder"},
         lambda e: ["/hr/people"], ("PersonForm.weight",)),
    Page("person edited", lambda e: f"/hr/people/{e['person'].id}", lambda e: [("weight", "{}", "2")],
         lambda e, n: {"name": "Budi", "email": "budi@x.org", "kind": "stakeholder"},
         lambda e: ["/hr/people", f"/hr/people/{e['person'].id}"], ("PersonForm.weight",)),
    Page("new round", lambda e: "/hr/rounds/new",
         lambda e: [("cr_threshold", "{}", "0,2"), ("max_reasks", "{}", "3"), ("weight_decimals", "{}", "2")],
         lambda e, n: round_form(version_id=e["version"].id, title=f"Bobot {n}"), lambda e: ["/hr/"],
         ("RoundForm.cr_threshold", "RoundForm.max_reasks", "RoundForm.weight_decimals")),
    Page("draft round settings", lambda e: f"/hr/rounds/{e['draft'].id}/settings",
         lambda e: [("cr_threshold", "{}", "0,2"), ("max_reasks", "{}", "3"), ("weight_decimals", "{}", "2")],
         lambda e, n: round_form(version_id=e["version"].id, kind="self_report", title="Draf", period="2011"),
         lambda e: [f"/hr/rounds/{e['draft'].id}"],
         ("RoundForm.cr_threshold", "RoundForm.max_reasks", "RoundForm.weight_decimals")),
    Page("predikat bands", lambda e: "/hr/settings/bands",
         lambda e: [("bands-1-lower", "{}", e["lowers"][1]), ("bands-0-lower", "{}", e["lowers"][0])],
         lambda e, n: band_rows(e), lambda e: ["/hr/settings", f"/hr/versions/{e['version'].id}/scorecard/2010"],
         ("BandRowForm.lower",), page=lambda e: "/hr/settings"),
    Page("traffic lights", lambda e: "/hr/settings/lights",
         lambda e: [("red_below", "{}", "3"), ("yellow_below", "{}", "7")],
         lambda e, n: {"red_below": "4", "yellow_below": "8"},
         lambda e: ["/hr/settings", f"/hr/versions/{e['version'].id}/scorecard/2010"],
         ("LightsForm.red_below", "LightsForm.yellow_below"), page=lambda e: "/hr/settings"),
    Page("period calendar", lambda e: "/hr/settings/calendar", lambda e: [("year", "{}", "2027")],
         lambda e, n: {"kinds": "quarter"}, lambda e: ["/hr/settings"], ("CalendarForm.year",),
         page=lambda e: "/hr/settings"),
    Page("respondent's identity", lambda e: f"/r/{e['weighting_link']}",
         lambda e: [("years_of_service", "{}", "5")],
         lambda e, n: {"role": "Kepala"}, lambda e: [f"/r/{e['weighting_link']}"],
         ("IdentityForm.years_of_service",)),
    Page("measurement", lambda e: f"/hr/versions/{e['version'].id}/performance",
         lambda e: [("m-target", "{}", "100"), ("m-actual", "{}", "80"),
                    ("m-inputs", "trained = {}; staff = 16", "12")],
         lambda e, n: {"m-kpi": "L1a", "m-period": "2011", "m-target": "100", "m-actual": "80"},
         lambda e: [f"/hr/versions/{e['version'].id}/performance?period=2011",
                    f"/hr/versions/{e['version'].id}/scorecard/2011",
                    f"/hr/reports/office/{e['version'].id}/2011.html"],
         ("MeasurementForm.target", "MeasurementForm.actual")),
    Page("ladder", lambda e: f"/hr/versions/{e['version'].id}/ladders",
         lambda e: [("l-anchors", "0: {}; 10: 100", "50"), ("l-anchors", "0: 50; 10: {}", "100")],
         lambda e, n: {"l-kpi": "L1a", "l-period": "2011"},
         lambda e: [f"/hr/versions/{e['version'].id}/performance?period=2011",
                    f"/hr/versions/{e['version'].id}/scorecard/2011"],
         page=lambda e: f"/hr/versions/{e['version'].id}/performance"),
    Page("number question", lambda e: f"/hr/rounds/{e['draft'].id}/questions",
         lambda e: [("minimum", "{}", "0"), ("maximum", "{}", "100")],
         lambda e, n: {"kind": "number", "text": f"Pelatihan {n}"},
         lambda e: [f"/hr/rounds/{e['draft'].id}"], ("QuestionForm.minimum", "QuestionForm.maximum"),
         page=lambda e: f"/hr/rounds/{e['draft'].id}"),
    Page("choice question", lambda e: f"/hr/rounds/{e['draft'].id}/questions",
         lambda e: [("options", "sedikit = {}; banyak = 10", "5")],
         lambda e, n: {"kind": "choice", "text": f"Waktu {n}"},
         lambda e: [f"/hr/rounds/{e['draft'].id}"], page=lambda e: f"/hr/rounds/{e['draft'].id}"),
    Page("people served", lambda e: f"/hr/rounds/{e['satisfaction'].id}/ikm/population",
         lambda e: [("population", "{}", "1.000")], shown=lambda e: [f"/hr/rounds/{e['satisfaction'].id}/ikm"],
         covers=("ServedPopulationForm.population",), page=lambda e: f"/hr/rounds/{e['satisfaction'].id}/ikm"),
    Page("given weights", lambda e: f"/hr/versions/{e['version'].id}/weights",
         lambda e: [("decimals", "{}", "2"), (f"w_{e['kpis'][0]}", "{}", "2")],
         lambda e, n: {"level": "global", "note": "SK 2010", **{f"w_{code}": "1" for code in e["kpis"]}},
         lambda e: [f"/hr/versions/{e['version'].id}/weights", f"/hr/versions/{e['version'].id}",
                    f"/hr/versions/{e['version'].id}/scorecard/2010"], ("GivenWeightsForm.decimals",)),
    Page("daily cap", lambda e: f"/hr/rounds/{e['counter'].id}/public", lambda e: [("daily_cap", "{}", "100")],
         shown=lambda e: [f"/hr/rounds/{e['counter'].id}"], covers=("PublicForm.daily_cap",),
         page=lambda e: f"/hr/rounds/{e['counter'].id}"),
    Page("answer corrected", lambda e: f"/hr/rounds/{e['self_report'].id}/results",
         lambda e: [("c-value", "{}", "50")],
         lambda e, n: {"c-invitation": str(e["answered"]),
                       "c-question": str(e["own_question"].id), "c-reason": "Salah ketik"},
         lambda e: [f"/hr/rounds/{e['self_report'].id}/results"]),
    Page("direct rating", lambda e: e["rating_page"], lambda e: [(f"r_{e['rated'][0].id}", "{}", "5")],
         lambda e, n: {f"r_{element.id}": "5" for element in e["rated"][1:]},
         lambda e: [e["rating_page"], f"/hr/rounds/{e['rating']}/results"]),
    Page("self-report questionnaire", lambda e: f"/r/{e['link']}/q",
         lambda e: [(f"q_{e['own_question'].id}", "{}", "50")],
         shown=lambda e: [f"/hr/rounds/{e['self_report'].id}/results"]),
    Page("public SKM", lambda e: f"/p/{e['slug']}", lambda e: [(f"q_{e['public_question'].id}", "{}", "15")],
         lambda e, n: e["public_answers"],
         lambda e: [f"/hr/rounds/{e['counter'].id}/results", f"/hr/rounds/{e['counter'].id}/ikm"]),
    Page("people import", lambda e: "/hr/people/import", lambda e: [("weight", "{}", "2")],
         shown=lambda e: ["/hr/people"], page=lambda e: "/hr/people",
         upload=lambda text, n: (table(["name", "email", "weight"], ["Eko", f"eko{n}@x.org", text]), "people.csv")),
    Page("scorecard import", lambda e: f"/hr/versions/{e['new_version'].id}/import", lambda e: [("weight", "{}", "2")],
         shown=lambda e: [f"/hr/versions/{e['new_version'].id}", f"/hr/versions/{e['new_version'].id}/weights"],
         page=lambda e: f"/hr/versions/{e['new_version'].id}",
         upload=lambda text, n: (table(["code", "kind", "parent", "name", "weight"],
                                       ["P", "perspective", "", "Pelanggan", text],
                                       ["Q", "perspective", "", "Proses", "1"]), "scorecard.csv")),
    Page("measurements import", lambda e: f"/hr/versions/{e['version'].id}/performance/import",
         lambda e: [("target", "{}", "100")],
         shown=lambda e: [f"/hr/versions/{e['version'].id}/performance?period=2012",
                          f"/hr/versions/{e['version'].id}/scorecard/2012"],
         page=lambda e: f"/hr/versions/{e['version'].id}/performance",
         upload=lambda text, n: (table(["kpi", "period", "target", "actual"], ["L1a", "2012", text, "80"]),
                                 "data.csv")),
    Page("ladders import", lambda e: f"/hr/versions/{e['version'].id}/performance/import",
         lambda e: [("0", "{}", "50")], shown=lambda e: [f"/hr/versions/{e['version'].id}/scorecard/2012"],
         page=lambda e: f"/hr/versions/{e['version'].id}/performance",
         upload=lambda text, n: (table(["kpi", "period", "0", "10"], ["L1a", "2012", text, "100"]),
                                 "ladders.csv")),
]


def contents(session) -> dict[str, list[tuple]]:
    """Every row of every table: a refused request must leave all of it as it was."""
    session.expire_all()
    return {name: sorted(map(repr, session.execute(select(t)).all())) for name, t in Base.metadata.tables.items()}


def numeric_form_fields() -> set[str]:
    """'Form.field' of every number or integer field of the forms in survey.forms."""
    numeric = (survey.forms.NumberField, wtforms.IntegerField, wtforms.DecimalField, wtforms.FloatField)
    found = set()
    for name, form in vars(survey.forms).items():
        if inspect.isclass(form) and issubclass(form, wtforms.Form) and form.__module__ == survey.forms.__name__:
            found.update(f"{name}.{field_name}" for field_name, unbound in vars(form).items()
                         if isinstance(unbound, wtforms.fields.core.UnboundField)
                         and issubclass(unbound.field_class, numeric))
    return found


def test_every_numeric_form_field_is_fuzzed():
    covered = {name for page in PAGES for name in page.covers}
    assert numeric_form_fields() <= covered, sorted(numeric_form_fields() - covered)
    assert len(numeric_form_fields()) >= 15


def known_attacks(test):
    for text in KNOWN:
        test = example(text=text)(test)
    return test


def form_token(browser, url: str) -> tuple[str, str | None]:
    """The CSRF token of the form at ``url`` and its idempotency key, if it has one."""
    page = browser.get(url).get_data(as_text=True)
    match = TOKEN.search(page)
    assert match, f"no form on {url}"
    submission = hidden(page, "submission") if 'name="submission"' in page else None
    return match.group(1) or match.group(2), submission


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_any_text_typed_as_a_number_answers_without_a_server_error_and_a_refusal_writes_nothing(
        app, client, session, estate, page):
    e = prepared(session, estate)
    sign_in(client, session, e["organisation"].id, email="admin@a.org", role="admin")
    numbers = itertools.count()
    tokens = {}  # the signed-in session's token of a form without an idempotency key: read from it once

    def send(name: str, typed: str):
        n = next(numbers)
        browser = app.test_client() if page.url(e).startswith("/p/") else client
        address = {"REMOTE_ADDR": f"198.51.{n // 250}.{n % 250 + 1}"}
        form = (page.page or page.url)(e)
        token, submission = (tokens[form], None) if browser is client and form in tokens else form_token(browser, form)
        if browser is client and submission is None:
            tokens[form] = token
        data = {"csrf_token": token, **page.base(e, n)}
        if submission:
            data["submission"] = submission
        if page.upload:
            content, filename = page.upload(typed, n)
            data.update(file=(io.BytesIO(content), filename), number_format="id")
        else:
            data[name] = typed
        return browser.post(page.url(e), data=data, environ_base=address,
                            content_type="multipart/form-data" if page.upload else None)

    def stored_numbers_shown(text: str) -> None:
        for url in page.shown(e):
            assert client.get(url).status_code == 200, (text, url)

    for name, template, accepted in page.fields(e):
        response = send(name, template.format(accepted))  # the entry reaches the page that stores the number
        assert response.status_code in OK, (accepted, response.status_code, response.get_data(as_text=True)[-3000:])
        stored_numbers_shown(accepted)
        # Every state the rows reach is shown once: a refused text leaves the rows exactly as the check before it
        # found them (compared whole), so the pages showing them were already rendered from these very rows,
        # and the rows read then are the next text's "before".
        unchanged = {}

        @given(text=NUMBER_TEXT)
        @known_attacks
        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def typed(text):
            before = unchanged.pop("rows", None) or contents(session)
            response = send(name, template.format(text))
            assert response.status_code in OK | REFUSED, (text, response.status_code)
            if response.status_code in REFUSED:
                assert contents(session) == before, text
                unchanged["rows"] = before
            else:
                stored_numbers_shown(text)

        typed()


@pytest.fixture
def participants(session, estate):
    return estate["weighting"].id, api_tokens.create_token(session, estate["organisation"].id, "HRIS")[1]


JSON_NUMBER = st.one_of(st.floats(), st.integers(min_value=-10 ** 400, max_value=10 ** 400), NUMBER_TEXT, st.none(),
                        st.booleans(), st.sampled_from([1e15, 1e6, 1_000_001, 1e300, -1e300, 10 ** 400]))


def test_any_weight_sent_to_the_api_answers_201_or_422_and_a_refusal_writes_nothing(client, session, estate,
                                                                                     participants):
    round_id, token = participants
    sign_in(client, session, estate["organisation"].id, email="admin@a.org", role="admin")
    numbers = itertools.count()

    assert client.get("/hr/people").status_code == 200
    unchanged = {}  # as in the forms' test above: a refusal leaves the rows the last check found

    @given(weight=JSON_NUMBER)
    @settings(max_examples=4 * EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def sent(weight):
        n = next(numbers)
        before = unchanged.pop("rows", None) or contents(session)
        response = client.post(f"/api/rounds/{round_id}/participants", headers={"Authorization": f"Bearer {token}"},
                               json=[{"name": f"Fajar {n}", "email": f"fajar{n}@x.org", "weight": weight}])
        assert response.status_code in (201, 422), (weight, response.status_code)
        if response.status_code == 422:
            assert contents(session) == before, weight
            unchanged["rows"] = before
        else:
            assert client.get("/hr/people").status_code == 200, weight

    sent()
