"""A 20-element cluster with half its pairs "don't know", 100 respondents, beside a 7-element one.

Targets (issue 13): server time to save one page under 100 ms (p99 over 50 saves), the results page
and the API results under 1 s each, for the 20-element cluster. Each figure is printed beside the
same request on a 7-element cluster measured in the same run (machines are noisy, ratios less so).
Requests go through the app in-process (Flask's test client), so the times are the server's.
The results are timed right after a new page is stored (computed afresh) and again (reused).
"""
from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import quick_note, sized  # noqa: E402

RESPONDENTS, SAVES, DONT_KNOW = sized(100, 4), sized(50, 3), 0.5
SMALL, LARGE = sized(7, 3), sized(20, 5)  # elements in the cluster


def main() -> None:
    quick_note()
    import pandas as pd

    from analysis.ahp import scale_label
    from survey import create_app
    from survey.cli import upgrade
    from survey.models import Person
    from survey.services import accounts, answers, api_tokens, rounds, scorecards

    figures = {}
    for kpis in (SMALL, LARGE):
        with tempfile.TemporaryDirectory() as workdir:
            os.environ["NERACA_INSTANCE"] = workdir
            url = f"sqlite:///{workdir}/sizes.db"
            upgrade(url)
            app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "SESSION_COOKIE_SECURE": False,
                              "PUBLIC_URL": "http://bench.test"})
            rng = np.random.default_rng(kpis)
            with app.app_context(), app.extensions["neraca.sessionmaker"]() as session:
                organisation = accounts.create_organisation(session, "Benchmark")
                version = scorecards.create_scorecard(session, organisation.id, "BSC", "2026")
                rows = [{"code": "P", "kind": "perspective", "parent": "", "name": "Layanan"},
                        {"code": "O", "kind": "objective", "parent": "P", "name": "Cepat"}]
                rows += [{"code": f"K{k}", "kind": "kpi", "parent": "O", "name": f"KPI {k}"} for k in range(kpis)]
                scorecards.import_scorecard(session, version, pd.DataFrame(rows))
                round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot",
                                             ri_table="alonso_lamata", allow_dont_know=True, ask_identity=False,
                                             max_reasks=1)
                people = [Person(organisation_id=organisation.id, name=f"S{i}", email=f"s{i}@x.org")
                          for i in range(RESPONDENTS + SAVES)]
                session.add_all(people)
                session.commit()
                links = []
                for person in people:
                    invitation, token = rounds.new_invitation(round_, person, "bench")
                    session.add(invitation)
                    links.append((invitation, token))
                session.commit()
                (cluster,) = answers.questionnaire(session, links[0][0])
                for invitation, _ in links[:RESPONDENTS]:
                    answers.submit_cluster(session, invitation, cluster, _answers(cluster, rng, as_float=True),
                                           os.urandom(8).hex())
                _, raw = api_tokens.create_token(session, organisation.id, "bench")
                accounts.create_user(session, organisation.id, "hr@example.org", "HR", "correct horse battery")
                round_id, tokens = round_.id, [token for _, token in links]
            # The requests run outside the set-up's app context: inside it, every request would share its
            # `g`, and a CSRF token cached there by one request would outlive the session that signed in.
            client = app.test_client()
            # As a browser: each form carries the session's CSRF token (the pages refuse one without,
            # whatever the configuration), taken from a page before the clock starts.
            client.post("/login", data={"email": "hr@example.org", "password": "correct horse battery",
                                        "csrf_token": _csrf_token(client, "/login")})
            csrf_token = _csrf_token(client, f"/r/{tokens[RESPONDENTS]}/c/{cluster.key}")

            pending = iter(tokens[RESPONDENTS:])

            def save_next_page():
                token = next(pending)
                data = {f"p_{r}_{c}": v for (r, c), v in _answers(cluster, rng).items()}
                data["submission"], data["csrf_token"] = os.urandom(8).hex(), csrf_token
                start = time.perf_counter()
                response = client.post(f"/r/{token}/c/{cluster.key}", data=data)
                assert response.status_code == 302, re.findall(r'role="alert">([^<]*)', response.get_data(True))
                return time.perf_counter() - start

            saves = [save_next_page() for _ in range(SAVES - 1)]
            results_page = _timed(client.get, f"/hr/rounds/{round_id}/results")  # the first after a change
            saves.append(save_next_page())
            api = _timed(client.get, f"/api/rounds/{round_id}/results",
                         headers={"Authorization": f"Bearer {raw}"})
            results_again = _timed(client.get, f"/hr/rounds/{round_id}/results")  # nothing changed
            figures[kpis] = {"save p50": np.percentile(saves, 50), "save p99": np.percentile(saves, 99),
                             "results page": results_page, "API results": api, "results page again": results_again}
    print(f"weighting with {DONT_KNOW:.0%} \"don't know\": {RESPONDENTS + SAVES} respondents, {SAVES} saves timed")
    print(f"  {'request':<22}{f'{SMALL} elements':>12}{f'{LARGE} elements':>13}{'ratio':>8}   target for 20")
    targets = {"save p99": "< 100 ms", "results page": "< 1000 ms", "API results": "< 1000 ms"}
    for name in figures[LARGE]:
        small, large = figures[SMALL][name] * 1000, figures[LARGE][name] * 1000
        print(f"  {name:<22}{small:>9.1f} ms{large:>10.1f} ms{large / small:>8.1f}   {targets.get(name, '')}")


def _answers(cluster, rng, as_float=False):
    """Random judgments, about DONT_KNOW of them "don't know", neighbours always answered (so all is linked)."""
    from analysis.ahp import scale_label
    position = {m.id: i for i, m in enumerate(cluster.members)}
    chosen = {}
    for a, b in cluster.pairs:
        if position[b.id] != position[a.id] + 1 and rng.random() < DONT_KNOW:
            chosen[(a.id, b.id)] = None if as_float else "dk"
        else:
            value = float(rng.choice([1 / 5, 1 / 3, 1 / 2, 1, 2, 3, 5]))
            chosen[(a.id, b.id)] = value if as_float else scale_label(value)
    return chosen


def _csrf_token(client, url: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', client.get(url).get_data(True)).group(1)


def _timed(call, *args, **kwargs) -> float:
    start = time.perf_counter()
    response = call(*args, **kwargs)
    elapsed = time.perf_counter() - start
    assert response.status_code == 200, response.status_code
    return elapsed


if __name__ == "__main__":
    main()
