"""Nobody can misread the pairwise scale: every radio of a pair says, as its accessible name and on the page,
the element it favours and how strongly in Saaty's words ("Keuangan jauh lebih penting · 7"), on a 320 px
and a 390 px phone in both languages (the 320 px one without JavaScript), each a tap target of at least
44 x 44 px; from 832 px the classic 9..1..9 row with the same names. Rating pages name every field.

Debian's chromium via Playwright (as tests/test_browser.py), one browser for the module. The names are the
ones chromium computes for its accessibility tree (what a screen reader is told), read over the DevTools
protocol. Screenshots go to test-artifacts/scale.
"""
import re
from pathlib import Path

import pytest

from survey.services import answers, people, rounds
from tests.helpers.browser import keep_screenshot
from tests.samsat_site import build_samsat
from tests.test_browser import ARTIFACTS, CHROMIUM, live_server  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")]
TAP = 44
#: Saaty's strengths as the page must say them, by language (the words of survey/labels.py and the catalog).
STRENGTH = {
    "id": {"3": "sedikit lebih penting", "5": "lebih penting", "7": "jauh lebih penting",
           "9": "mutlak lebih penting"},
    "en": {"3": "moderately more important", "5": "strongly more important",
           "7": "very strongly more important", "9": "extremely more important"},
}




def radio_names(page) -> dict[tuple[str, str], str]:
    """The accessible name chromium gives each radio button and check box of the page, by (name, value): the
    accessibility tree and the document read in one call each (a call per field: 1.8 s of CPU a run)."""
    cdp = page.context.new_cdp_session(page)
    names = {node["backendDOMNodeId"]: node.get("name", {}).get("value", "")
             for node in cdp.send("Accessibility.getFullAXTree")["nodes"] if "backendDOMNodeId" in node}
    unvisited, found = [cdp.send("DOM.getDocument", {"depth": -1})["root"]], {}
    while unvisited:
        node = unvisited.pop()
        unvisited += node.get("children", [])
        attributes = dict(zip(node.get("attributes", [])[::2], node.get("attributes", [])[1::2]))
        if node["nodeName"] == "INPUT" and attributes.get("type") in ("radio", "checkbox"):
            # a no-break space keeps the number on its word's line; a screen reader reads it as a space
            found[attributes["name"], attributes.get("value", "")] = names[node["backendNodeId"]].replace("\xa0", " ")
    cdp.detach()
    return found


def small_targets(page, selector: str) -> list[str]:
    """The clickable boxes under ``selector`` smaller than TAP x TAP px, as 'text WxH'."""
    return page.evaluate(f"""[...document.querySelectorAll({selector!r})]
        .map(box => [box, box.getBoundingClientRect()])
        .filter(([box, r]) => r.width < {TAP} || r.height < {TAP})
        .map(([box, r]) => box.textContent.trim().slice(0, 40) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))""")


def open_round(session, **settings):
    organisation, version = build_samsat(session)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Survei 2010",
                                 ask_identity=False, allow_dont_know=True, **settings)
    invitation, token = rounds.new_invitation(round_, people.people(session, organisation.id)[0], "test")
    session.add(invitation)
    session.commit()
    return invitation, token


def test_every_choice_of_a_pair_names_the_element_it_favours_and_how_strongly_on_phones_and_desktops(
        app, session, live_server, browser):
    invitation, token = open_round(session)
    root = answers.questionnaire(session, invitation)[0]
    shots = ARTIFACTS / "scale"
    shots.mkdir(parents=True, exist_ok=True)
    for width in (320, 390, 832, 1280):  # 832 px: the narrowest window with the two-sided row
        # the smallest phone without JavaScript: the scale must not need it
        context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=width > 320)
        page = context.new_page()
        for language in ("id", "en"):
            page.goto(f"{live_server}/r/{token}/c/{root.key}?lang={language}")
            names = radio_names(page)
            assert len(names) == 18 * len(root.pairs)  # 17 values and "don't know" per pair
            words = STRENGTH[language]
            for a, b in root.pairs:
                said = {value: name for (field, value), name in names.items() if field == f"p_{a.id}_{b.id}"}
                assert len(said) == 18
                assert said["7"] == f"{a.name} {'' if language == 'id' else 'is '}{words['7']} · 7"
                assert said["1"] == {"id": f"{a.name} sama penting dengan {b.name} · 1",
                                     "en": f"{a.name} is as important as {b.name} · 1"}[language]
                assert said["dk"] == {"id": "Tidak tahu", "en": "Don't know"}[language]
                strengths = {}
                for value, name in said.items():
                    if value in ("1", "dk"):
                        continue
                    favoured, number = (b, value[2:]) if "/" in value else (a, value)
                    assert name.startswith(favoured.name + " ") and name.endswith(f" · {number}"), name
                    strengths.setdefault(number, set()).add(
                        name[len(favoured.name):-len(f" · {number}")].removeprefix(" is").strip())
                # the same words on both sides, and a word of its own for each strength
                assert all(len(found) == 1 for found in strengths.values())
                assert [strengths[n].pop() for n in "3579"] == [words[n] for n in "3579"]
            if width < 832:  # a phone: every sentence is on the page, every choice a big enough target
                assert page.locator(".two-sided .say").evaluate_all(
                    "spans => spans.every(s => s.getBoundingClientRect().width > 40)")
                assert not small_targets(page, "fieldset.pair label")
                assert page.evaluate("document.documentElement.scrollWidth") <= width
            else:  # the classic row: A's 9 ... 1 ... B's 9 on one line, the chosen sentence shown under it
                pair = page.locator("fieldset.pair").first
                tops = pair.locator(".two-sided label").evaluate_all(
                    "labels => labels.map(l => Math.round(l.getBoundingClientRect().top))")
                assert len(set(tops)) == 1
                assert not small_targets(page, "fieldset.pair label")
                leans = {"id": "{} lebih penting", "en": "{} more important"}[language]
                assert pair.locator(".sides").inner_text().split("\n") == [
                    "← " + leans.format(root.pairs[0][0].name), leans.format(root.pairs[0][1].name) + " →"]
                assert pair.locator(".strengths").inner_text().split("\n")[:5] == [
                    {"id": "mutlak", "en": "extremely"}[language], {"id": "jauh", "en": "very strongly"}[language],
                    {"id": "lebih", "en": "strongly"}[language], {"id": "sedikit", "en": "moderately"}[language],
                    {"id": "sama", "en": "equally"}[language]]
                pair.locator('input[value="1/7"]').check()
                page.mouse.move(0, 0)
                chosen = pair.locator('input[value="1/7"] ~ .say').bounding_box()
                assert chosen["width"] > 200 and chosen["height"] > 10
                assert not pair.locator(".sides").is_visible()  # the chosen sentence took its place
            keep_screenshot(page, shots / f"pairwise-{width}-{language}.png")
        context.close()


def test_every_field_of_a_rating_page_is_named_and_big_enough_to_tap(app, session, live_server, browser):
    invitation, token = open_round(session, kind="rating", rating_scale=10)
    root = answers.questionnaire(session, invitation)[0]
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    for language in ("id", "en"):
        page.goto(f"{live_server}/r/{token}/rate/{root.key}?lang={language}")
        names = radio_names(page)  # the "don't know" boxes
        dont_know = {"id": "Tidak tahu", "en": "Don't know"}[language]
        assert names == {(f"dk_{element.id}", "y"): f"{dont_know} ({element.name})" for element in root.members}
        for element in root.members:
            field = page.get_by_role("textbox", name=re.compile(re.escape(element.name)))
            assert field.count() == 1
            box = field.bounding_box()
            assert box["height"] >= TAP and box["width"] >= TAP
        assert not small_targets(page, "label.choice")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        keep_screenshot(page, ARTIFACTS / "scale" / f"rating-320-{language}.png")
    context.close()
