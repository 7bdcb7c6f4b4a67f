"""Many stakeholders submitting cluster pages to gunicorn, against a bare insert endpoint.

Both servers run gunicorn with the same sync workers on 127.0.0.1 over the same
SQLite (or DATABASE_URL) database. Each simulated stakeholder opens the first
page once (session cookie and CSRF token, before the clock starts) and then
submits every cluster page (POST: CSRF, validation, idempotency key, storage,
consistency check); the bare endpoint only inserts the same rows. Targets
(issue 4): p99 of the submissions under 250 ms, and at least half the bare
endpoint's throughput. Bounded: a fixed number of stakeholders, each server
stopped at the end.
"""
from __future__ import annotations

import http.client
import http.cookies
import os
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.ahp import scale_label  # noqa: E402
from timing import quick_note, sized  # noqa: E402
from tests.helpers.servers import free_port  # noqa: E402

STAKEHOLDERS = int(os.environ.get("STAKEHOLDERS", sized(240, 4)))
CONCURRENCY, WORKERS, TURNS = sized(12, 2), sized(2, 1), sized(8, 2)
SECRET = "benchmark-secret"
CSRF_TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def prepare(database_url: str, stakeholders: int = 2 * STAKEHOLDERS) -> list[tuple[str, int, list[tuple[str, dict]]]]:
    """The SAMSAT organisation with its stakeholders (two sets here: one per server), invitations and answers."""
    from survey import create_app
    from survey.cli import upgrade
    from survey.services import answers, people, rounds
    from tests.samsat_site import build_samsat, published_answers

    upgrade(database_url)
    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": SECRET})
    plan = []
    with app.app_context(), app.extensions["neraca.sessionmaker"]() as session:
        organisation, version = build_samsat(session, stakeholders=stakeholders)
        round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Benchmark",
                                     ask_identity=False)
        for person in people.people(session, organisation.id):
            invitation, token = rounds.new_invitation(round_, person, SECRET)
            session.add(invitation)
            session.commit()
            pages = [(cluster.key, {f"p_{r}_{c}": scale_label(v) for (r, c), v in published_answers(cluster).items()})
                     for cluster in answers.questionnaire(session, invitation)]
            plan.append((token, invitation.id, pages))
    return plan


def serve(target: str, port: int, env: dict) -> subprocess.Popen:
    """gunicorn in a process group of its own, so a fault can kill -9 master and workers at once.

    The app is loaded before the workers are forked (--preload), and this returns once it answers
    HTTP: the clocks measure serving, not importing (Neraca's imports take seconds, a bare app's a
    fraction of one, which would otherwise count against Neraca).
    """
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--preload", "-w", str(WORKERS), "-k", "sync",
                               "-b", f"127.0.0.1:{port}", "--log-level", "warning", target], cwd=ROOT, env=env,
                              start_new_session=True)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1).close()
            return server
        except urllib.error.HTTPError:  # an answer, even 404 from the bare app: it serves
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"gunicorn did not start for {target}")


def stop(servers) -> None:
    """Every server told to stop, then each waited for: they wind down together (a Neraca gunicorn takes
    about 3 s to), not one after the other."""
    for server in servers:
        server.terminate()
    for server in servers:
        server.wait(timeout=30)


def run_clients(work, items, concurrency: int = CONCURRENCY) -> tuple[list[float], float]:
    latencies, lock, queue = [], threading.Lock(), list(items)

    def client():
        while True:
            with lock:
                if not queue:
                    return
                item = queue.pop()
            for seconds in work(item):
                with lock:
                    latencies.append(seconds)

    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return latencies, time.perf_counter() - start


def send(base: str, method: str, path: str, form: dict | None = None, cookie: str = ""):
    """One request as a browser sends it: a connection of its own (gunicorn's sync workers close it), no
    redirects followed. Both servers' clients use this, so what a client costs on these cores is alike."""
    connection = http.client.HTTPConnection(urllib.parse.urlsplit(base).netloc, timeout=60)
    headers = {"Cookie": cookie} if cookie else {}
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def timed_post(base: str, path: str, form: dict, expected: int, cookie: str = "") -> float:
    """Seconds a submission took; a server answering anything but ``expected`` stops the benchmark."""
    start = time.perf_counter()
    response, _ = send(base, "POST", path, form, cookie)
    seconds = time.perf_counter() - start
    if response.status != expected:
        raise RuntimeError(f"{path} answered {response.status}, not {expected}")
    return seconds


def site_session(base: str, item) -> tuple:
    """A stakeholder's browser after opening the first page: the session cookie and the CSRF token,
    valid for every page. Made before the clock starts: the figures are about submissions."""
    token, _, pages = item
    response, page = send(base, "GET", f"/r/{token}/c/{pages[0][0]}")
    cookie = http.cookies.SimpleCookie(response.getheader("Set-Cookie"))
    return "; ".join(f"{name}={morsel.value}" for name, morsel in cookie.items()), \
        CSRF_TOKEN.search(page.decode()).group(1), token, pages


def site_stakeholder(base):
    def work(opened):
        cookie, csrf_token, token, pages = opened
        for key, values in pages:  # each submission carries a fresh idempotency key
            form = {"csrf_token": csrf_token, "submission": secrets.token_hex(16), **values}
            yield timed_post(base, f"/r/{token}/c/{key}", form, 302, cookie)  # saved: on to the next page
    return work


def bare_stakeholder(base):
    def work(item):
        _, invitation_id, pages = item
        for key, values in pages:
            yield timed_post(base, f"/bare/{invitation_id}/{key}", values, 204)
    return work


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def compare(plan, stakeholders: int, env: dict, concurrency: int = CONCURRENCY,
            turns: int = TURNS) -> dict[str, tuple]:
    """Throughput, p50 and p99 of the bare endpoint and of Neraca's pages, each over gunicorn with its
    own ``stakeholders`` of the plan, so both start from the same database state.

    Both servers run side by side and take ``turns`` in short bursts (bare, Neraca, bare, ...),
    so a shared machine slowing down for a while slows both alike instead of one of them.
    """
    runs = (("bare endpoint", "benchmarks.bare_app:create_app()", None, bare_stakeholder, plan[:stakeholders]),
            ("neraca pages", "survey:create_app()", site_session, site_stakeholder,
             plan[stakeholders:2 * stakeholders]))
    servers, latencies, elapsed = {}, {name: [] for name, *_ in runs}, {name: 0.0 for name, *_ in runs}
    try:
        for name, target, *_ in runs:
            port = free_port()
            servers[name] = (serve(target, port, env), f"http://127.0.0.1:{port}")
        turn_ratios = []
        for turn in range(turns):
            rates = []
            for name, _, opened, stakeholder, chosen in runs:
                base = servers[name][1]
                items = [opened(base, item) if opened else item for item in chosen[turn::turns]]
                burst, seconds = run_clients(stakeholder(base), items, concurrency)
                latencies[name] += burst
                elapsed[name] += seconds
                rates.append(len(burst) / seconds)
            turn_ratios.append(rates[1] / rates[0])
        # How much the machine's drift moves the ratio within this run.
        print("  ratio to bare in each turn: " + " ".join(f"{ratio:.2f}" for ratio in turn_ratios))
    finally:
        stop([server for server, _ in servers.values()])
    return {name: (len(latencies[name]) / elapsed[name], percentile(latencies[name], 0.5),
                   percentile(latencies[name], 0.99)) for name in latencies}


def print_figures(figures: dict[str, tuple]) -> float:
    """The comparison's lines; returns the throughput ratio to the bare endpoint."""
    for name, (throughput, p50, p99) in figures.items():
        print(f"  {name:14s} {throughput:7.1f} submissions/s   p50 {p50 * 1000:6.1f} ms   p99 {p99 * 1000:6.1f} ms")
    return figures["neraca pages"][0] / figures["bare endpoint"][0]


def main() -> None:
    quick_note()
    with tempfile.TemporaryDirectory() as workdir:
        database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{workdir}/bench.db"
        os.environ["NERACA_INSTANCE"] = workdir
        plan = prepare(database_url)
        env = dict(os.environ, DATABASE_URL=database_url, SECRET_KEY=SECRET, NERACA_INSTANCE=workdir,
                   NERACA_INSECURE_COOKIES="1", PYTHONPATH=str(ROOT))
        figures = compare(plan, STAKEHOLDERS, env)
    print(f"{STAKEHOLDERS} stakeholders x {len(plan[0][2])} cluster pages, {CONCURRENCY} at once, {TURNS} turns each, "
          f"gunicorn {WORKERS} sync workers, {database_url.split(':')[0]}")
    ratio = print_figures(figures)
    print(f"  throughput ratio to bare {ratio:5.2f}   (target >= 0.5); neraca p99 target < 250 ms")


if __name__ == "__main__":
    main()
