"""A province on one instance: one office's pages alone, then beside ORGANISATIONS-1 more offices of its shape.

    scripts/with-postgres.sh .venv/bin/python benchmarks/province.py      (or DATABASE_URL=postgresql://...)
    ORGANISATIONS=10 PEOPLE=200 ... benchmarks/province.py                a smaller province

Each office, built through the services: the SAMSAT scorecard with its 2009-2010 data, PEOPLE people all invited
to a weighting round that ANSWERED of them answered (its weights published), and a public SKM with SKM_ANSWERS
answers. The other offices are built by a process per core on PostgreSQL (one on SQLite).
The first office's pages (dashboard, round page, people, office scorecard, weighting results, IKM, office PDF)
are timed with the office alone (a copy of the database made before the others are added) and in the
province, over two gunicorns side by side (site.py's WORKERS sync workers each, CONCURRENCY clients, each page
after one warm-up request, in bursts alternating between the two): p50 and p99 of each, and the province/small
ratio of both. Target (issue 30): province/small p99 <= 1.2 for every page.

The database is emptied first: DATABASE_URL, else (not in quick mode) TEST_DATABASE_URL as `make bench` sets it
through scripts/with-postgres.sh, else an SQLite file in a temporary folder. PostgreSQL's statistics are
refreshed (ANALYZE) before each phase, as its autovacuum would after such a load.
"""
from __future__ import annotations

import http.cookies
import multiprocessing
import os
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from load import bench  # noqa: E402  benchmarks/site.py, which load.py loads by its path
from timing import QUICK, quick_note, sized  # noqa: E402
from tests.helpers.database import drop_database  # noqa: E402

ORGANISATIONS = int(os.environ.get("ORGANISATIONS", sized(40, 2)))
PEOPLE = int(os.environ.get("PEOPLE", sized(500, 6)))
ANSWERED = int(os.environ.get("ANSWERED", sized(10, 1)))
SKM_ANSWERS = int(os.environ.get("SKM_ANSWERS", sized(60, 2)))
REPEATS = int(os.environ.get("REPEATS", sized(60, 1)))  # timed requests per page and phase (a p99 needs many)
PDF_REPEATS = int(os.environ.get("PDF_REPEATS", sized(48, 1)))  # the office PDF, once built (served as stored)
CONCURRENCY = sized(2, 1)
PDF_CLIENTS = sized(12, 1)  # issue 30: the office PDF under 12 clients, once built: p99 < 300 ms
PDF_TARGET = 0.3
TURNS = sized(10, 1)  # bursts per page and phase, alternating small and province (a busy moment hits both)
PDF_TURNS = sized(2, 1)  # the PDF's bursts: each of PDF_CLIENTS clients sends at least two requests
BUILDERS = os.cpu_count() or 1  # processes building the other offices
TARGET = 1.2
FIRST: dict[tuple[str, str], float] = {}  # (phase, page): its first request, before anything was cached or built


def build_office(session, number: int, password: str) -> dict:
    """One office of the province's shape, through the services as HR and the public would make it; returns
    its pages' addresses and its administrator's email."""
    from sqlalchemy import select

    from survey.models import Invitation
    from survey.services import accounts, people, public, questionnaires, results, rounds, scorecards, skm
    from survey.services.kinds import SATISFACTION
    from tests.helpers.weighting import answer_everything
    from tests.samsat_site import load_samsat_performance, samsat_rows

    organisation = accounts.create_organisation(session, f"Kantor {number:02d}")
    admin = accounts.create_user(session, organisation.id, f"admin@kantor{number}.go.id", "Admin", password,
                                 role="admin")
    version = scorecards.create_scorecard(session, organisation.id, "BSC", "2010")
    scorecards.import_scorecard(session, version, samsat_rows())
    load_samsat_performance(session, version)
    people.add_people(session, organisation.id, pd.DataFrame(
        {"name": [f"Pegawai {number:02d}-{k:04d}" for k in range(PEOPLE)],
         "email": [f"pegawai{k}@kantor{number}.go.id" for k in range(PEOPLE)],
         "unit": [f"Seksi {k % 7}" for k in range(PEOPLE)], "role": ["Staf"] * PEOPLE,
         "kind": ["employee"] * PEOPLE}))
    weighting = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2010",
                                    period="2010", ask_identity=False)
    session.commit()
    rounds.invite(session, weighting, [p.id for p in people.people(session, organisation.id)],
                  {"SECRET_KEY": bench.SECRET})
    session.commit()
    for invitation in session.scalars(select(Invitation).where(Invitation.round_id == weighting.id)
                                      .order_by(Invitation.id).limit(ANSWERED)).all():
        answer_everything(session, invitation)
    results.publish(session, weighting)  # the scorecard's weights, for the office scorecard and its PDF
    survey_ = rounds.create_round(session, organisation.id, version_id=version.id, title="SKM 2010", period="2010",
                                  kind=SATISFACTION.code)
    skm.create_questionnaire(session, survey_, "Pendaftaran; Pembayaran; Pengaduan")
    public.make_public(session, survey_, None, rounds.SYSTEM)
    skm.set_population(session, survey_, 1200)
    asked = questionnaires.questions(session, survey_)
    settings = {"PUBLIC_ANSWERS_PER_ADDRESS": SKM_ANSWERS + 1, "PUBLIC_ADDRESS_WINDOW_MINUTES": 60,
                "SECRET_KEY": bench.SECRET}
    for visitor in range(SKM_ANSWERS):
        raw = {question.id: ("" if question.kind == "text" else str((visitor + question.id) % len(question.options)))
               for question in asked}
        public.submit(session, survey_, raw, f"province-{number}-{visitor}", client="10.0.0.1", settings=settings,
                      locale="id")
    session.commit()
    return {"admin": admin.email, "pages": {
        "dashboard": "/hr/",
        "round page": f"/hr/rounds/{weighting.id}",
        "people": "/hr/people",
        "office scorecard": f"/hr/versions/{version.id}/scorecard/2010",
        "weighting results": f"/hr/rounds/{weighting.id}/results",
        "IKM": f"/hr/rounds/{survey_.id}/ikm",
        "office PDF": f"/hr/reports/office/{version.id}/2010.pdf",
    }}


def build_offices(database_url: str, numbers: range, password: str) -> None:
    """Offices ``numbers``, each process of a pool building its share with an app of its own (PostgreSQL
    takes several writers at once; an SQLite file one)."""
    processes = 1 if database_url.startswith("sqlite") else min(BUILDERS, len(numbers)) or 1
    if processes == 1:  # here: a process to start costs more than one office (quick mode builds one)
        for number in numbers:
            build_in_process(database_url, number, password)
        return
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        pool.starmap(build_in_process, [(database_url, number, password) for number in numbers])


def build_in_process(database_url: str, number: int, password: str) -> None:
    from survey import create_app

    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": bench.SECRET})
    with app.app_context(), app.extensions["neraca.sessionmaker"]() as session:
        build_office(session, number, password)
    app.extensions["neraca.engine"].dispose()


def signed_in(base: str, email: str, password: str) -> str:
    """The Cookie header of an HR session on ``base``."""
    response, page = bench.send(base, "GET", "/login")
    cookie = cookie_header(response, "")
    token = bench.CSRF_TOKEN.search(page.decode()).group(1)
    response, _ = bench.send(base, "POST", "/login", {"csrf_token": token, "email": email, "password": password},
                             cookie)
    if response.status != 302:
        raise RuntimeError(f"sign-in answered {response.status}")
    return cookie_header(response, cookie)


def cookie_header(response, cookie: str) -> str:
    jar = http.cookies.SimpleCookie(cookie)
    for header in response.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return "; ".join(f"{name}={morsel.value}" for name, morsel in jar.items())


def compare_pages(phases: dict[str, str], env: dict, office: dict, password: str) -> dict[str, dict]:
    """{phase: {page: (p50, p99) in seconds}}: each phase's database (small, province) served by a gunicorn of its
    own, both running side by side; each page timed in TURNS short bursts that alternate between them, so a
    shared machine slowing down for a while slows both alike."""
    servers, bases, cookies = [], {}, {}
    try:
        for phase, database_url in phases.items():
            analyse(database_url)
            port = bench.free_port()
            servers.append(bench.serve("survey:create_app()", port, dict(env, DATABASE_URL=database_url)))
            bases[phase] = f"http://127.0.0.1:{port}"
            cookies[phase] = signed_in(bases[phase], office["admin"], password)

        def visitor(phase, path):
            def work(_):
                start = time.perf_counter()
                response, _ = bench.send(bases[phase], "GET", path, cookie=cookies[phase])
                if response.status != 200:
                    raise RuntimeError(f"{path} answered {response.status} ({phase})")
                yield time.perf_counter() - start
            return work

        figures = {phase: {} for phase in phases}
        for name, path in office["pages"].items():
            latencies = {phase: [] for phase in phases}
            for phase in phases:  # warm-up: caches filled, templates compiled, a document built once
                FIRST[(phase, name)] = ready(bases[phase], path, cookies[phase])
            repeats, clients, turns = ((PDF_REPEATS, PDF_CLIENTS, PDF_TURNS) if path.endswith(".pdf")
                                       else (REPEATS, CONCURRENCY, TURNS))
            for turn in range(turns):
                for phase in phases:
                    burst, _ = bench.run_clients(visitor(phase, path), range(turn, repeats, turns),
                                                 concurrency=clients)
                    latencies[phase] += burst
            for phase in phases:
                figures[phase][name] = (bench.percentile(latencies[phase], 0.5),
                                        bench.percentile(latencies[phase], 0.99))
        return figures
    finally:
        bench.stop(servers)


def ready(base: str, path: str, cookie: str, patience: float = 300.0) -> float:
    """Ask for ``path`` until it answers 200: a document not built yet answers 202 ("being prepared") while a
    worker builds it once (survey/services/documents.py); the benchmark times it once it is built.
    Returns how long the first request took (for a document: what a web worker spends before answering 202)."""
    deadline, first = time.monotonic() + patience, None
    while True:
        started = time.perf_counter()
        response, _ = bench.send(base, "GET", path, cookie=cookie)
        first = first if first is not None else time.perf_counter() - started
        if response.status == 200:
            return first
        if response.status != 202 or time.monotonic() > deadline:
            raise RuntimeError(f"{path} answered {response.status} while warming up")
        time.sleep(0.5)


def copy_database(database_url: str, workdir: str) -> str:
    """A copy of the database as it is now (``database_url`` must have no connection open): another SQLite file,
    or a PostgreSQL database made from it as a template (the role needs CREATEDB, as `make test-postgres` gives
    neraca_ci). Any copy of an earlier run is replaced."""
    if database_url.startswith("sqlite"):
        copy = Path(workdir) / "small.db"
        shutil.copy(database_url.removeprefix("sqlite:///"), copy)
        return f"sqlite:///{copy}"
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    copy = f"{url.database}_small"
    server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        drop_database(connection, copy)
        connection.execute(text(f'CREATE DATABASE "{copy}" TEMPLATE "{url.database}"'))
    server.dispose()
    return url.set(database=copy).render_as_string(hide_password=False)


def drop_copy(copy_url: str) -> None:
    if copy_url.startswith("postgresql"):
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        url = make_url(copy_url)
        server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with server.connect() as connection:
            drop_database(connection, url.database)
        server.dispose()


def analyse(database_url: str) -> None:
    if database_url.startswith("postgresql"):
        from sqlalchemy import create_engine, text
        engine = create_engine(database_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text("ANALYZE"))
        engine.dispose()


def main() -> None:
    from survey import create_app
    from survey.cli import upgrade
    from tests.helpers.database import empty_database

    quick_note()
    with tempfile.TemporaryDirectory() as workdir:
        # As load.py: quick mode takes no test suite's database (it would empty it); SQLite unless DATABASE_URL
        # names one on purpose.
        database_url = os.environ.get("DATABASE_URL") or (None if QUICK else os.environ.get("TEST_DATABASE_URL")) \
            or f"sqlite:///{workdir}/province.db"
        os.environ["NERACA_INSTANCE"] = workdir
        empty_database(database_url)
        upgrade(database_url)
        env = dict(os.environ, DATABASE_URL=database_url, SECRET_KEY=bench.SECRET, NERACA_INSTANCE=workdir,
                   NERACA_INSECURE_COOKIES="1", PYTHONPATH=str(ROOT))
        password = secrets.token_urlsafe(12)
        app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": bench.SECRET})
        with app.app_context(), app.extensions["neraca.sessionmaker"]() as session:
            started = time.perf_counter()
            office = build_office(session, 0, password)
            one_office = time.perf_counter() - started
        app.extensions["neraca.engine"].dispose()
        small_url = copy_database(database_url, workdir)  # the office alone, kept while the province grows
        try:
            started = time.perf_counter()
            build_offices(database_url, range(1, ORGANISATIONS), password)
            built = time.perf_counter() - started
            figures = compare_pages({"small": small_url, "province": database_url}, env, office, password)
        finally:
            drop_copy(small_url)
    small, province = figures["small"], figures["province"]
    print(f"{ORGANISATIONS} offices of {PEOPLE} people ({ANSWERED} weighting answers, {SKM_ANSWERS} public SKM answers "
          f"each) on {database_url.split(':')[0]}; gunicorn {bench.WORKERS} sync workers, {CONCURRENCY} clients, "
          f"{REPEATS} requests a page ({PDF_REPEATS} for the PDF, by {PDF_CLIENTS} clients)")
    print(f"  built: one office {one_office:.1f} s, the other {ORGANISATIONS - 1} in {built:.1f} s")
    print(f"  {'page':18s} {'small p50':>10s} {'p99':>9s} {'province p50':>13s} {'p99':>9s} {'ratio p50':>10s} "
          f"{'ratio p99':>10s}")
    over = []
    for name, (p50, p99) in small.items():
        big50, big99 = province[name]
        ratio50, ratio99 = big50 / p50, big99 / p99
        if ratio99 > TARGET:
            over.append(name)
        print(f"  {name:18s} {p50 * 1000:7.1f} ms {p99 * 1000:6.1f} ms {big50 * 1000:10.1f} ms {big99 * 1000:6.1f} ms "
              f"{ratio50:9.2f}x {ratio99:9.2f}x{'   over target' if ratio99 > TARGET else ''}")
    print(f"  target: province/small p99 <= {TARGET}x; over it: {', '.join(over) or 'none'}")
    print(f"  office PDF, first request (queues the build, answers 202): {FIRST[('province', 'office PDF')] * 1000:.0f} ms"
          f" (target: no request spends > 1 s on a document)")
    pdf99 = province["office PDF"][1]
    print(f"  office PDF once built, {PDF_CLIENTS} clients: p99 {pdf99 * 1000:.1f} ms (target < {PDF_TARGET * 1000:.0f} ms)"
          f"{'   over target' if pdf99 >= PDF_TARGET else ''}")


if __name__ == "__main__":
    main()
