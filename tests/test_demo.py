"""The demo organisation `make run` loads."""
from survey import demo
from survey.models import OutboxMessage
from tests.web import post


def test_demo_loads_once_and_prints_a_working_admin_login_and_respondent_links(app, session, tmp_path):
    password_file = tmp_path / "password"
    first = demo.load(session, secret_key="test", base_url="http://neraca.test", password_file=password_file)
    again = demo.load(session, secret_key="test", base_url="http://neraca.test", password_file=password_file)
    assert first == again
    links = [line.split()[1] for line in first if line.startswith("Respondent:")]
    assert len(links) == 4
    client = app.test_client()
    assert client.get(links[2].replace("http://neraca.test", "")).status_code == 200
    assert post(client, "/login", {"email": demo.ADMIN_EMAIL, "password": password_file.read_text()}).status_code == 302
    page = client.get("/hr/rounds/1").get_data(as_text=True)
    assert "kept inconsistent" in page or "tetap tidak konsisten" in page
    assert {m.status for m in session.query(OutboxMessage)} == {"kept"}


def test_the_demo_speaks_the_language_of_its_round(session, tmp_path):
    from survey.models import Element, Person, Round
    demo.load(session, secret_key="test", base_url="http://neraca.test", password_file=tmp_path / "password")
    names = {e.code: e.name for e in session.query(Element)}
    assert names["F"] == "Keuangan" and names["L"] == "Pembelajaran dan Pertumbuhan"
    assert names["F1b"] == "BBNKB (Bea Balik Nama Kendaraan Bermotor)"
    assert {r.language for r in session.query(Round)} == {"id"}
    assert {p.unit for p in session.query(Person)} >= {"Seksi Pelayanan"}


def test_an_english_demo_has_english_names_and_the_same_codes(app, tmp_path):
    from survey.models import Element, Person, Round
    with app.extensions["neraca.sessionmaker"]() as session:
        demo.load(session, secret_key="test", base_url="http://neraca.test", password_file=tmp_path / "pw",
                  language="en")
        names = {e.code: e.name for e in session.query(Element)}
        assert names["F"] == "Financial" and names["F1a"] == "Motor vehicle tax revenue (PKB)"
        assert len(names) == len(demo.samsat()["names_id"])
        round_ = session.query(Round).filter_by(kind="weighting").one()
        assert (round_.language, round_.title) == ("en", "BSC weighting 2010")
        assert session.query(Round).filter_by(kind="satisfaction").one().title == "Public satisfaction survey 2010"
        assert "Head of the UPTD" in {p.name for p in session.query(Person)}


def test_the_demo_has_a_public_skm_answered_by_visitors_with_its_ikm(app, session, tmp_path):
    lines = demo.load(session, secret_key="test", base_url="http://neraca.test", password_file=tmp_path / "pw")
    (line,) = [line for line in lines if line.startswith("Public SKM:")]
    link = line.split()[2]
    visitor = app.test_client()
    page = visitor.get(link.replace("http://neraca.test", ""), headers={"Accept-Language": "en"})
    assert page.status_code == 200 and "kesesuaian persyaratan" in page.get_data(as_text=True)  # the round's language
    from survey.models import Round
    from survey.services import skm
    survey_ = session.query(Round).filter_by(kind="satisfaction").one()
    found = skm.results(session, survey_)
    assert found.respondents == demo.SKM_VISITORS and found.result.grade in "ABCD"
    assert found.priorities[0].code == "U3"  # waiting time, answered lowest on purpose
    assert "Tambah kursi di ruang tunggu." in found.suggestions


def test_the_demo_prints_a_counter_tablets_link_that_takes_answers_and_its_live_screen(app, session, tmp_path):
    lines = demo.load(session, secret_key="test", base_url="http://neraca.test", password_file=tmp_path / "pw")
    (line,) = [line for line in lines if line.startswith("Counter:")]
    kiosk, live = line.split()[1].replace("http://neraca.test", ""), line.split()[-1].rstrip(")")
    tablet = app.test_client()
    assert tablet.get(kiosk).status_code == 200 and 'class="kiosk"' in tablet.get(kiosk).get_data(as_text=True)
    screen = tablet.get(live.replace("http://neraca.test", "")).get_data(as_text=True)
    assert f"Responden: {demo.SKM_VISITORS}" in screen
    again = demo.load(session, secret_key="test", base_url="http://neraca.test", password_file=tmp_path / "pw")
    assert line in again  # the same working link on every run
