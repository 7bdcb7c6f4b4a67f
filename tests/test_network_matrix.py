"""The network's influences ticked one matrix per pair of clusters (not element by element), read both ways,
and the strategy map's arrows kept apart from the network: drawn while rounds use the version, warned at a
network round's launch when they differ."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from survey.models import Influence, Round, StrategyArrow
from survey.services import network, rounds, strategy
from tests.helpers.network import NETWORK, small_scorecard
from tests.web import post, round_form, sign_in


def codes_of(version):
    return {e.code: e.id for e in version.elements}


def links(session, version):
    by_id = {e.id: e.code for e in version.elements}
    return {(by_id[s], by_id[t]) for s, t in network.links(session, version)}


def tick(ids, *pairs):
    return {"link": [f"{ids[a]}-{ids[b]}" for a, b in pairs]}


def test_one_matrix_sets_exactly_the_links_between_two_clusters_and_leaves_the_others(client, session):
    organisation, version = small_scorecard(session)
    sign_in(client, session, organisation.id)
    ids = codes_of(version)
    page = f"/hr/versions/{version.id}/network/objective/objective"
    assert post(client, page, tick(ids, ("O1", "O2"), ("O2", "O1"))).status_code == 302
    kpis = f"/hr/versions/{version.id}/network/kpi/objective"
    assert post(client, kpis, tick(ids, ("K1", "O1"), ("K2", "O1"), ("K3", "O2"))).status_code == 302
    # Saving the objective matrix again with one box unticked leaves the KPI matrix's links alone.
    assert post(client, page, tick(ids, ("O1", "O2"))).status_code == 302
    assert links(session, version) == {("O1", "O2"), ("K1", "O1"), ("K2", "O1"), ("K3", "O2")}
    text = client.get(kpis).get_data(as_text=True)
    # Read down a column: what influences the element; each box names both ends for a screen reader.
    assert re.search(r"O1 Name of O1 dipengaruhi oleh: K1, K2", text)
    assert 'aria-label="K1 Name of K1 memengaruhi O1 Name of O1"' in text
    assert text.count("checked") == 3
    overview = client.get(f"/hr/versions/{version.id}/network").get_data(as_text=True)
    assert "Tautan: 3" in overview and "Tautan: 1" in overview  # KPIs -> objectives, objectives -> objectives


@pytest.mark.parametrize("values", [["abc"], ["1-x"], ["999999-1"], ["{o1}-{o1}"], ["{k1}-{o1}"]])
def test_a_box_that_names_no_link_of_the_matrix_is_refused_and_nothing_changes(client, session, values):
    organisation, version = small_scorecard(session)
    sign_in(client, session, organisation.id)
    ids = codes_of(version)
    page = f"/hr/versions/{version.id}/network/objective/objective"
    assert post(client, page, tick(ids, ("O1", "O2"))).status_code == 302
    typed = [v.format(o1=ids["O1"], k1=ids["K1"]) for v in values]
    response = post(client, page, {"link": typed + [f"{ids['O2']}-{ids['O1']}"]})
    assert response.status_code == 400
    assert re.search("Pilih elemen|tidak dapat memengaruhi dirinya", response.get_data(as_text=True))
    assert links(session, version) == {("O1", "O2")}


def test_the_matrix_of_a_version_a_network_round_uses_cannot_change(client, session):
    organisation, version = small_scorecard(session)
    sign_in(client, session, organisation.id)
    ids = codes_of(version)
    for target, sources in NETWORK.items():
        for source in sources:
            session.add(Influence(version_id=version.id, source_id=ids[source], target_id=ids[target]))
    session.commit()
    rounds.create_round(session, organisation.id, version_id=version.id, title="ANP", kind="network")
    page = f"/hr/versions/{version.id}/network/objective/objective"
    assert "disabled" in client.get(page).get_data(as_text=True)
    before = session.scalar(select(func.count()).select_from(Influence))
    assert post(client, page, tick(ids, ("O1", "O2"))).status_code == 400
    assert session.scalar(select(func.count()).select_from(Influence)) == before


def test_strategy_arrows_stay_editable_while_a_weighting_round_uses_the_version_and_are_not_network_links(
        client, session):
    organisation, version = small_scorecard(session)
    rounds.create_round(session, organisation.id, version_id=version.id, title="Bobot")
    sign_in(client, session, organisation.id)
    page = f"/hr/versions/{version.id}/strategy-map"
    assert post(client, page, {"cause": "O1", "effect": "O2"}).status_code == 302
    assert "O1 → O2" in client.get(page).get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(StrategyArrow)) == 1
    assert session.scalar(select(func.count()).select_from(Influence)) == 0
    arrow_id = strategy.arrows(session, version)[0][0]
    assert post(client, f"{page}/{arrow_id}/remove", {}, page=page).status_code == 302
    assert session.scalar(select(func.count()).select_from(StrategyArrow)) == 0


def test_the_network_can_start_from_the_strategy_map_and_a_launch_warns_when_they_differ(client, session):
    organisation, version = small_scorecard(session)
    sign_in(client, session, organisation.id)
    strategy.add_arrow(session, version, "O1", "O2")
    assert post(client, f"/hr/versions/{version.id}/network/from-strategy-map", {},
                page=f"/hr/versions/{version.id}/network").status_code == 302
    assert links(session, version) == {("O1", "O2")}
    ids = codes_of(version)
    for target, sources in NETWORK.items():  # the rest of the network, O2 -> O1 among it: not on the map
        for source in sources:
            if (source, target) != ("O1", "O2"):
                session.add(Influence(version_id=version.id, source_id=ids[source], target_id=ids[target]))
    session.commit()
    assert "O2 → O1" in client.get(f"/hr/versions/{version.id}/network").get_data(as_text=True)
    response = post(client, "/hr/rounds/new", round_form(kind="network", version_id=version.id, title="ANP"))
    assert response.status_code == 302, response.get_data(as_text=True)
    round_page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert re.search(r"flash notice.*hanya di jaringan: O2 → O1", round_page)
    # The arrows agree with the network: nothing to warn of.
    strategy.add_arrow(session, version, "O2", "O1")
    assert network.map_differences(session, version) is None
    assert session.scalar(select(func.count()).select_from(Round)) == 1


def test_the_migration_copies_each_link_between_two_objectives_as_an_arrow(database_url, tmp_path, monkeypatch):
    from alembic import command
    from sqlalchemy import create_engine, text

    from survey.cli import alembic_config
    from tests.helpers.database import empty_database
    empty_database(database_url)
    monkeypatch.setenv("NERACA_INSTANCE", str(tmp_path / "instance"))
    command.upgrade(alembic_config(database_url), "0024_hardening")
    engine = create_engine(database_url)
    with engine.begin() as connection:  # rows as the code before this migration wrote them, in its own SQL
        run = connection.execute
        run(text("INSERT INTO organisations (id, name, time_zone) VALUES (1, 'Dinas', 'Asia/Jakarta')"))
        run(text("INSERT INTO scorecards (id, organisation_id, name) VALUES (1, 1, 'BSC')"))
        run(text("INSERT INTO scorecard_versions (id, organisation_id, scorecard_id, label, created_at) "
                 "VALUES (1, 1, 1, '2026', CURRENT_TIMESTAMP)"))
        for id_, kind, code in ((1, "objective", "O1"), (2, "objective", "O2"), (3, "kpi", "K1")):
            run(text("INSERT INTO elements (id, organisation_id, version_id, kind, code, name, position, description, "
                     "purpose, unit, formula, better, data_source, measured_by, rollup, measurement_frequency, "
                     "review_frequency) VALUES (:id, 1, 1, :kind, :code, :code, :id, '', '', '', '', 'higher', '', '', "
                     "'', '', '')"), {"id": id_, "kind": kind, "code": code})
        ids = {"O1": 1, "O2": 2, "K1": 3}
        for source, target in (("O1", "O2"), ("K1", "O1"), ("O2", "O1")):
            run(text("INSERT INTO influences (version_id, source_id, target_id) VALUES (1, :s, :t)"),
                {"s": ids[source], "t": ids[target]})
        expected = {(ids["O1"], ids["O2"]), (ids["O2"], ids["O1"])}
    command.upgrade(alembic_config(database_url), "head")
    with engine.begin() as connection:
        arrows = set(connection.execute(text("SELECT cause_id, effect_id FROM strategy_arrows")).all())
        kept = connection.execute(text("SELECT count(*) FROM influences")).scalar()
    engine.dispose()
    assert arrows == expected and kept == 3  # the KPI's link stays in the network only
