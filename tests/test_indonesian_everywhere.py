"""On an Indonesian page, PDF and email every word is Indonesian: the demo and a round of each other kind,
crawled as HR and as respondents, with forms sent wrong so their messages show too."""
from __future__ import annotations

import html
import io
import re
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import openpyxl
import pytest
from babel.messages.pofile import read_po

from survey import demo
from survey.models import Round
from tests.web import csrf, hidden, post

PO = Path(__file__).resolve().parents[1] / "survey/translations/id/LC_MESSAGES/messages.po"
#: Words that are English and not Indonesian; names and codes are taken out of a page before looking.
ENGLISH = {"the", "and", "of", "is", "are", "not", "this", "that", "with", "for", "from", "your", "please", "field",
           "required", "invalid", "valid", "value", "kept", "sent", "failed", "sending", "retrying", "queued",
           "number", "could", "file", "perspectives", "principal", "eigenvector", "weights", "choose", "save",
           "page", "must", "be", "at", "least", "most", "between", "character", "characters", "error", "overall",
           "financial", "customer", "learning", "growth", "increase", "revenue"}
#: Codes the database keeps, which a page shows only as words.
RAW_CODES = ("alonso_lamata", "donegan_dodd", "saaty", "self_report", "kept_inconsistent", "yesno")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SKIPPED = ("/logout", "/static/", "/lang/", ".csv", ".xlsx", "/export?", "/health", "/api/")


def english_messages() -> list[str]:
    """Catalog messages of two words or more whose Indonesian differs: none may show as they are."""
    with PO.open("rb") as source:
        return [m.id for m in read_po(source) if isinstance(m.id, str) and m.string and m.id not in m.string
                and len(re.sub(r"%\(\w+\)\w", "", m.id).split()) >= 2 and "%(" not in m.id]


def visible_text(page: str) -> str:
    page = re.sub(r"(?s)<(script|style|pre class=\"code\")[^>]*>.*?</\1>", " ", page)
    page = re.sub(r'(?s)<[^>]*\blang="en"[^>]*>.*?</a>', " ", page)  # the language switch says "English"
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def problems(where: str, text: str, messages: list[str], names: list[str]) -> list[str]:
    found = [f"{where}: message {message!r}" for message in messages if message in text]
    for name in sorted(names, key=len, reverse=True):  # people, emails, titles: written by the office
        text = text.replace(name, " ")
    found += [f"{where}: code {code!r}" for code in RAW_CODES if re.search(rf"\b{code}\b", text)]
    words = set(re.findall(r"[A-Za-z]+", text.lower()))
    found += [f"{where}: word {word!r}" for word in sorted(words & ENGLISH)]
    return found


def crawl(client, start: list[str], skipped: tuple[str, ...] = SKIPPED,
          statuses: tuple[int, ...] = (200, 302, 404)) -> dict[str, str]:
    """Every page reachable from ``start`` by links of the site, as text (PDFs through pdftotext, CSV and
    XLSX downloads cell by cell when not ``skipped``). 404: a period without data."""
    seen, queue, texts = set(), list(start), {}
    while queue:
        url = queue.pop(0)
        if url in seen or any(part in url for part in skipped):
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code in statuses, (url, response.status_code)
        if response.status_code == 302:
            queue.append(urlparse(response.headers["Location"]).path)
            continue
        if response.mimetype == "application/pdf":
            texts[url] = subprocess.run(["pdftotext", "-", "-"], input=response.data, capture_output=True,
                                        check=True).stdout.decode()
            continue
        if response.mimetype in ("text/csv", XLSX):
            texts[url] = table_text(response)
            continue
        page = response.get_data(as_text=True)
        texts[url] = visible_text(page)
        queue += [html.unescape(link).split("#")[0] for link in re.findall(r'href="(/[^"]*)"', page)]
    return texts


def table_text(response) -> str:
    """A CSV or XLSX download as text, a line per row."""
    if response.mimetype == "text/csv":
        return response.get_data(as_text=True)
    book = openpyxl.load_workbook(io.BytesIO(response.data), read_only=True)
    return "\n".join(" ".join("" if cell is None else str(cell) for cell in row)
                     for sheet in book.worksheets for row in sheet.iter_rows(values_only=True))


def signed_in_demo(app, session, tmp_path, language):
    lines = demo.load(session, secret_key="test", base_url="http://neraca.test", password_file=tmp_path / "password",
                      language=language)
    client = app.test_client()
    assert post(client, "/login", {"email": demo.ADMIN_EMAIL,
                                   "password": (tmp_path / "password").read_text()}).status_code == 302
    client.get(f"/lang/{language}")  # the visitor's choice, kept in the session signing in started
    links = [urlparse(line.split()[1]).path for line in lines if line.startswith("Respondent:")]
    return client, links


@pytest.fixture
def demo_site(app, session, tmp_path):
    return signed_in_demo(app, session, tmp_path, "id")


def other_rounds(client, session) -> list[str]:
    """A self-report, a validation and a satisfaction round of the demo's scorecard, one person invited to
    each: their respondent links."""
    from survey.services import people, rounds
    weighting = session.query(Round).filter_by(kind="weighting").one()
    links = []
    for kind in ("self_report", "validation", "satisfaction"):
        response = post(client, "/hr/rounds/new", {
            "kind": kind, "title": f"Putaran {kind}", "language": "id", "version_id": weighting.version_id,
            "period": "2010", "cr_threshold": "0,10", "ri_table": "saaty", "max_reasks": "2", "aggregation": "aij",
            "priority_method": "eigen", "snap": ""})
        assert response.status_code == 302, response.get_data(as_text=True)
        round_ = session.get(Round, int(response.headers["Location"].rsplit("/", 1)[1]))
        page = f"/hr/rounds/{round_.id}"
        assert post(client, f"{page}/questions/defaults", {}, page=page).status_code == 302
        person = people.add_person(session, round_.organisation_id, name=f"Pegawai {kind}",
                                   email=f"{kind}@samsat.demo", kind="employee")
        invitation, token = rounds.new_invitation(round_, person, "test")
        session.add(invitation)
        session.commit()
        links.append(f"/r/{token}")
    return links


def wrong_forms(client, respondent_links: list[str]) -> dict[str, str]:
    """Forms sent empty or wrong: the pages that come back carry the validators' messages."""
    pages = {}
    for url, data in [("/hr/people", {"name": "", "email": "bukan email", "weight": "1.5.0"}),
                      ("/hr/rounds/new", {"kind": "weighting", "title": "", "cr_threshold": "9", "max_reasks": "x",
                                          "opens_at": "kemarin"}),
                      ("/hr/settings", {"time_zone": ""})]:
        response = post(client, url, data)
        assert response.status_code == 400, url
        pages[f"POST {url}"] = visible_text(response.get_data(as_text=True))
    for link in respondent_links:
        url = f"{link}/q"
        page = client.get(url).get_data(as_text=True)
        if 'name="submission"' not in page:
            continue
        response = client.post(url, data={"csrf_token": csrf(client, url), "submission": hidden(page, "submission")})
        pages[f"POST {url}"] = visible_text(response.get_data(as_text=True))
    return pages


@pytest.mark.demo("id")
def test_every_demo_page_pdf_and_email_is_indonesian(demo_site, session):
    client, links = demo_site
    links += other_rounds(client, session)
    counter = session.query(Round).filter_by(kind='satisfaction').first()
    public_link = f"/p/{counter.public_slug}"
    made = post(client, f"/hr/rounds/{counter.id}/counters", {"name": "Loket 1", "service": ""}).get_data(as_text=True)
    kiosk = re.search(r'id="made-kiosk" readonly value="[^"]*?(/k/[^"]+)"', made).group(1)  # a counter's tablet
    texts = crawl(client, ["/hr/", *links, public_link, kiosk, f"{kiosk}/thanks", f"{kiosk}/live"])
    texts.update(wrong_forms(client, links[-3:]))
    assert any(url.endswith(".pdf") for url in texts) and any("/q" in url for url in texts)
    # The public SKM: its page for visitors, the IKM page, its report and the public answers by hour.
    assert public_link in texts and any(url.endswith("/ikm") for url in texts)
    assert any("/reports/ikm/" in url and url.endswith(".pdf") for url in texts)
    assert any(url.endswith("/public-answers") for url in texts)
    assert f"{kiosk}/live" in texts and any(url.endswith("/counters") for url in texts)
    texts[f"POST /hr/rounds/{counter.id}/counters"] = visible_text(made)
    assert "Undangan" in texts["/hr/outbox"]  # the invitations, as emailed
    assert "Unit kerja" in texts["/hr/people"] and "Seksi Pelayanan" in texts["/hr/people"]  # a person's work unit
    assert "disimpan di sini (tanpa server email)" in texts["/hr/outbox"]
    from survey.models import Organisation, Person
    from survey.models import Round as Round_
    names = [p.name for p in session.query(Person)] + [p.email for p in session.query(Person)]
    names += [r.title for r in session.query(Round_)] + [demo.ADMIN_EMAIL, "Neraca", "English", "SAMSAT"]
    names += [o.name for o in session.query(Organisation)]
    messages = english_messages()
    found = [problem for url, text in texts.items() for problem in problems(url, text, messages, names)]
    assert found == [], "\n".join(found)


@pytest.mark.demo("id")
def test_a_broken_upload_is_refused_in_our_own_words(demo_site):
    client, _ = demo_site
    for name, content in (("orang.xlsx", b"not a zip"), ("orang.csv", b"\x00\x01nama\n\"tak,ditutup")):
        response = client.post("/hr/people/import", data={"csrf_token": csrf(client, "/hr/people"),
                                                          "file": (__import__("io").BytesIO(content), name)},
                               content_type="multipart/form-data")
        text = visible_text(response.get_data(as_text=True))
        assert "Berkas tidak dapat dibaca" in text
        assert "zip" not in text.lower().replace(".xlsx", "") and "delimiter" not in text


@pytest.mark.demo("en")
def test_an_english_demo_shows_no_indonesian_sentence_and_english_names(app, session, tmp_path):
    client, links = signed_in_demo(app, session, tmp_path, "en")
    texts = crawl(client, ["/hr/", *links])
    with PO.open("rb") as source:
        indonesian = [m.string for m in read_po(source) if isinstance(m.id, str) and m.string and m.string != m.id
                      and len(m.string.split()) >= 3 and "%(" not in m.string]
    names_id = [name for name in demo.samsat()["names_id"].values() if name not in ("Proses Bisnis Internal",)]
    found = [f"{url}: {text!r}" for url, page in texts.items() for text in indonesian + names_id if text in page]
    assert found == [], "\n".join(found)
    assert "Motor vehicle tax revenue (PKB)" in texts["/hr/versions/1"]
