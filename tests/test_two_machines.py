"""Two app machines behind Debian's nginx (README "Deployment"): two gunicorn processes on their own ports and
instance folders, one PostgreSQL, one Redis, nginx round-robin in front. A respondent's pages and an HR sign-in
alternate between the machines without a lost answer or a broken session, and a file kept through one machine is
served by the other (files live in the database, not on a machine's disk)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from types import SimpleNamespace

import pytest
from redis import Redis
from rq import Queue
from sqlalchemy import select

from analysis.ahp import scale_label
from survey import background
from survey.models import Evidence, Judgment
from survey.services import accounts, answers, people, rounds
from tests.helpers.machines import ROOT, Browser, start_gunicorn, start_nginx, stop, wait_for_health
from tests.helpers.reports import samsat_office
from tests.helpers.servers import free_port
from tests.samsat_site import build_samsat, published_answers
from tests.test_evidence import PDF
from tests.web import TOKEN, hidden

pytestmark = pytest.mark.deployment

SECRET = "test"  # the app fixture's: invitation tokens made here open on the machines
PASSWORD = "correct horse battery"


def csrf_of(page: str) -> str:
    found = TOKEN.search(page)
    assert found, page[:500]
    return found.group(1) or found.group(2)


def relative(location: str) -> str:
    return re.sub(r"^https?://[^/]+", "", location)


def sign_in(browser: Browser) -> tuple[int, dict, str]:
    _, _, login = browser.get("/login")
    return browser.post("/login", {"csrf_token": csrf_of(login), "email": "hr@example.org", "password": PASSWORD})


@pytest.fixture
def machines(app, database_url, redis_url, compiled_translations, tmp_path):
    """Two gunicorn machines (each its own instance folder: nothing shared on disk) and nginx before them."""
    if not database_url.startswith("postgresql"):
        pytest.skip("two app machines share a database server: run on PostgreSQL (make test-postgres); "
                    "an SQLite file belongs to one machine")
    ports, proxy_port = [free_port(), free_port()], free_port()
    servers = []
    try:
        for number, port in enumerate(ports):
            instance = tmp_path / f"machine{number}"
            shutil.copytree(compiled_translations, instance / "translations")
            env = dict(os.environ, DATABASE_URL=database_url, SECRET_KEY=SECRET, REDIS_URL=redis_url,
                       NERACA_INSTANCE=str(instance), NERACA_INSECURE_COOKIES="1", NERACA_TRUSTED_PROXIES="1",
                       NERACA_DB_POOL_SIZE="2", NERACA_DB_MAX_OVERFLOW="1",
                       PUBLIC_URL=f"http://127.0.0.1:{proxy_port}", PYTHONPATH=str(ROOT))
            servers.append(start_gunicorn(port, env, tmp_path / f"machine{number}.log"))
        for server, port in zip(servers, ports):
            wait_for_health(server, port)
        servers.append(start_nginx(tmp_path / "nginx", proxy_port, ports))
        yield SimpleNamespace(proxy=f"http://127.0.0.1:{proxy_port}", ports=ports, logs=tmp_path, redis_url=redis_url,
                              upstreams={f"127.0.0.1:{port}" for port in ports},
                              instances=[tmp_path / f"machine{number}" for number in range(2)])
    finally:
        for server in reversed(servers):
            stop(server)


def alternates(served_by: list[str]) -> bool:
    return len(served_by) > 2 and all(a != b for a, b in zip(served_by, served_by[1:]))


def test_a_respondent_and_an_hr_sign_in_alternate_between_two_machines_and_nothing_is_lost(machines, session):
    organisation, version = build_samsat(session, stakeholders=1)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot 2010",
                                 ask_identity=False)
    session.flush()
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0], SECRET)
    session.add(invitation)
    session.commit()
    accounts.create_user(session, organisation.id, "hr@example.org", "HR", PASSWORD, role="hr")
    pages = {cluster.key: {f"p_{r}_{c}": scale_label(v) for (r, c), v in published_answers(cluster).items()}
             for cluster in answers.questionnaire(session, invitation)}

    respondent = Browser(machines.proxy)
    status, _, welcome = respondent.get(f"/r/{token}")
    assert status == 200
    status, headers, _ = respondent.post(f"/r/{token}", {"csrf_token": csrf_of(welcome)})
    assert status == 302
    location, answered, last_form = relative(headers["Location"]), [], None
    while "/done" not in location:
        status, headers, page = respondent.get(location)
        if status == 302:  # /next: on to the first page not answered yet
            location = relative(headers["Location"])
            continue
        assert status == 200 and "/c/" in location, (status, location, page[:500])
        cluster = location.rsplit("/c/", 1)[1]
        last_form = {"csrf_token": csrf_of(page), "submission": hidden(page, "submission"), **pages[cluster]}
        status, headers, body = respondent.post(location, last_form)
        assert status == 302, body[:1000]  # saved (a session the other machine cannot read: 400)
        answered.append(cluster)
        location = relative(headers["Location"])
    assert sorted(answered) == sorted(pages)
    assert respondent.get(location)[0] == 200
    # The browser sends its last page again (no answer reached it): the other machine stores nothing twice.
    assert respondent.post(f"/r/{token}/c/{answered[-1]}", last_form)[0] in (302, 303)
    assert set(respondent.served_by) == machines.upstreams and alternates(respondent.served_by), \
        respondent.served_by

    session.expire_all()
    stored = session.scalars(select(Judgment).where(Judgment.invitation_id == invitation.id)).all()
    assert Counter((j.cluster, j.row_id, j.column_id) for j in stored).most_common(1)[0][1] == 1
    assert {(j.cluster, f"p_{j.row_id}_{j.column_id}"): scale_label(j.value) for j in stored} == \
        {(cluster, name): label for cluster, values in pages.items() for name, label in values.items()}
    session.refresh(invitation)
    assert invitation.completed_at is not None

    hr = Browser(machines.proxy)
    status, headers, _ = sign_in(hr)
    assert status == 302 and "/login" not in headers["Location"]
    for _ in range(3):  # signed in on whichever machine answers
        status, _, page = hr.get(f"/hr/rounds/{round_.id}")
        assert status == 200 and "Stakeholder 0" in page, page[:500]
        assert hr.get("/hr/")[0] == 200
    assert set(hr.served_by) == machines.upstreams and alternates(hr.served_by), hr.served_by
    # Background work from both machines goes to the one Redis: a set-password email asked on each.
    forgetful, asked_on = Browser(machines.proxy), []
    for _ in range(2):
        _, _, page = forgetful.get("/password/forgot")
        assert forgetful.post("/password/forgot", {"csrf_token": csrf_of(page), "email": "hr@example.org"})[0] == 200
        asked_on.append(forgetful.served_by[-1])
        forgetful.get("/health")  # one more request: the next form is sent to the other machine
    assert set(asked_on) == machines.upstreams
    assert Queue(background.QUEUE, connection=Redis.from_url(machines.redis_url)).count == 2

    proxy_log = (machines.logs / "nginx" / "access.log").read_text()
    assert token not in proxy_log and '"POST /r/********/c/root" 302' in proxy_log, proxy_log
    for number in range(2):  # gunicorn's own access logs (tokens masked): each showed pages and stored answers
        log = (machines.logs / f"machine{number}.log").read_text()
        assert '"GET /r/********/c/' in log and '"POST /r/********/c/' in log and '"GET /hr/' in log, log


def test_a_file_kept_through_one_machine_is_served_by_the_other(machines, session):
    organisation, version = samsat_office(session)
    accounts.create_user(session, organisation.id, "hr@example.org", "HR", PASSWORD, role="hr")
    first = Browser(f"http://127.0.0.1:{machines.ports[0]}")
    assert sign_in(first)[0] == 302
    second = first.on(f"http://127.0.0.1:{machines.ports[1]}")  # signed in there too: one session, any machine
    values_page = f"/hr/versions/{version.id}/performance/C3b/values/2010"
    _, _, page = first.get(values_page)
    status, _, body = first.upload(f"/hr/versions/{version.id}/performance/C3b/evidence/2010",
                                   {"csrf_token": csrf_of(page)}, "file", "Daftar hadir.pdf", PDF)
    assert status == 302, body[:1000]
    kept = session.scalar(select(Evidence))
    status, headers, content = second.send(f"/hr/evidence/{kept.id}")
    assert status == 200 and content == PDF and "Daftar hadir.pdf" in headers["Content-Disposition"]
    # Neither machine wrote a file of its own: the instance folders hold only the compiled translations.
    for instance in machines.instances:
        assert {path.relative_to(instance).parts[0] for path in instance.rglob("*")} == {"translations"}



def test_the_readmes_nginx_sample_is_a_valid_nginx_config(tmp_path):
    """The README's sample, inside an http block as /etc/nginx/conf.d is, passes `nginx -t`: only its
    certificate paths (the office's own) and log path are moved to files of this test."""
    sample = re.search(r"```nginx\n(.*?)```", (ROOT / "README.md").read_text(), re.S).group(1)
    certificate, key = self_signed_certificate(tmp_path)
    sample = (sample.replace("/etc/ssl/neraca/fullchain.pem", str(certificate))
              .replace("/etc/ssl/neraca/privkey.pem", str(key))
              .replace("/var/log/nginx/neraca.log", str(tmp_path / "access.log")))
    config = tmp_path / "nginx.conf"
    config.write_text(f"pid {tmp_path / 'nginx.pid'};\nevents {{}}\nhttp {{\n{sample}\n}}\n")
    checked = subprocess.run([shutil.which("nginx") or "/usr/sbin/nginx", "-t", "-p", str(tmp_path),
                              "-e", str(tmp_path / "error.log"), "-c", str(config)],
                             capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr


def self_signed_certificate(folder):
    """A throwaway certificate and key, made by the openssl command (`make setup` installs it)."""
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=neraca",
                    "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
                   check=True, capture_output=True, timeout=60)
    return folder / "cert.pem", folder / "key.pem"
