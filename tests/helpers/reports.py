"""Report PDFs read back, and the offices and rounds the report tests print."""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

from survey.models import Element
from survey.services import accounts, people, performance, questionnaires, rounds, scorecards
from tests.helpers.scorecards import KPIS, fill, small_scorecard
from tests.reference import samsat
from tests.samsat_site import build_samsat, load_samsat_performance

ARTIFACTS = Path(os.environ.get("NERACA_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))


def pdf_text(pdf: bytes, page: int | None = None) -> str:
    """The PDF's words (of one page if given) in reading order, white space folded (cells wrap lines)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    raw = subprocess.run(["pdftotext", *pages, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return " ".join(raw.split())


def page_count(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def keep_pages(pdf: bytes, name: str) -> list[Path]:
    """Render every page to PNG for a person to look at; kept as test artefacts."""
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob(f"{name}-*.png"):  # a longer PDF printed before left more pages
        old.unlink()
    (ARTIFACTS / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(ARTIFACTS / f"{name}.pdf"), str(ARTIFACTS / name)], check=True)
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


def filled_share(pdf: bytes) -> list[float]:
    """How far down each page its content reaches (0 to 1), header and footer lines left out: the page as an
    image (pdftoppm at 50 dpi), its lowest row with ink between the top and bottom margins' text."""
    shares = []
    for width, height, margin, box in _inked(pdf):
        shares.append(0.0 if box is None else (box[3] + margin) / height)
    return shares


def filled_width(pdf: bytes) -> list[float]:
    """How far right each page's content reaches (0 to 1): past the right margin, something overflowed."""
    return [0.0 if box is None else box[2] / width for width, _height, _margin, box in _inked(pdf)]


def _inked(pdf: bytes):
    """(width, height, margin, box with ink between the header and the footer) of each page, as an image."""
    from PIL import Image  # Pillow comes with WeasyPrint

    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-png", "-r", "50", "-", f"{folder}/page"], input=pdf, check=True)
        for path in sorted(Path(folder).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1])):
            page = Image.open(path).convert("L")
            width, height = page.size
            margin = round(height * 0.045)  # the running header and footer sit within the outer 4.5 %
            body = page.crop((0, margin, width, height - margin)).point(lambda v: 255 if v < 160 else 0)
            yield width, height, margin, body.getbbox()


def samsat_office(session, kpi_name=None):
    organisation, version = build_samsat(session, stakeholders=0)
    for element in session.query(Element).filter_by(version_id=version.id):
        element.global_weight = samsat()["global_weights_published"].get(element.code, 1.0)
        if kpi_name and element.code == "C1a":
            element.name = kpi_name
    session.commit()
    load_samsat_performance(session, version)
    performance.set_finding(session, version, kpi="C3b", period="2010", root_cause="Apel pagi dimulai terlambat",
                            action="Absensi sidik jari")
    return organisation, version


def small_office(session, name: str = "Kantor Kecil"):
    """An office whose 2010 scorecard is three KPIs with targets, actuals and ladders: its office PDF prints in
    a fifth of the SAMSAT office's time, for the tests of how documents are built, kept and served."""
    organisation = accounts.create_organisation(session, name)
    version = small_scorecard(session, organisation.id)
    fill(session, version, {(kpi, "2010"): (True, True, True) for kpi in KPIS})
    return organisation, version


def self_report_round(session, answers):
    """A self-report round on L1a where each named employee reported the given percentage."""
    organisation, version = build_samsat(session, stakeholders=0)
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title="Kinerja pegawai",
                                 kind="self_report", period="2010")
    question = questionnaires.add_question(session, round_, kind="number", text="Training", kpi="L1a", unit="%",
                                           minimum=0, maximum=100)
    performance.set_ladder(session, version, kpi="L1a", period="2010", anchors={0: 0, 3: 50, 10: 100})
    for n, (name, value) in enumerate(answers.items()):
        person = people.add_person(session, organisation.id, name=name, email=f"p{n}@x.org", kind="employee")
        invitation, _ = rounds.new_invitation(round_, person, "test")
        session.add(invitation)
        session.flush()
        questionnaires.submit_answers(session, invitation, {question.id: str(value)}, f"k-{n}", locale="en")
    return organisation, round_


def moved_kpi_weights(session, version, document, code, share) -> dict:
    """Each KPI's weight (as the office scorecard ``document`` publishes it) when the element ``code`` weighs
    ``share`` of its group, the group's other members rescaled in proportion: worked out here on the tree."""
    tree, by_id = scorecards.hierarchy(session, version.id)
    key_of = {by_id[key].code: key for key in tree.keys}
    published = {kpi.code: kpi.weight for kpi in document.kpis}
    shares = dict(zip(tree.keys, tree.local_from_leaves({key_of[c]: w for c, w in published.items()})))
    member = key_of[code]
    mates = next(members for members in tree.clusters().values() if member in members)
    scale = (1 - share) / (1 - shares[member])
    shares.update({mate: shares[mate] * scale for mate in mates} | {member: share})
    weights = tree.global_weights(shares) * sum(published.values())
    return {kpi.code: float(weights[tree.keys.index(key_of[kpi.code])]) for kpi in document.kpis}
