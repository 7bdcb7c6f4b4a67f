"""Extract messages and rebuild survey/translations/id/LC_MESSAGES/messages.po from scripts/id_translations.py.

Run after changing any user-facing text: `.venv/bin/python scripts/update_catalog.py`.
It fails, listing them, when a message has no Indonesian translation.
"""
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from id_translations import ID  # noqa: E402

POT = ROOT / "build" / "messages.pot"
PO = ROOT / "survey" / "translations" / "id" / "LC_MESSAGES" / "messages.po"


def extract(pot: Path, quiet: bool = False):
    """Every marked message of the code and templates (the keywords _l, N_ and analysis' InputError),
    written to ``pot`` and returned as a catalog for Indonesian."""
    pot.parent.mkdir(exist_ok=True)
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(ROOT / "babel.cfg"),
                    "-k", "_l", "-k", "N_", "-k", "InputError", "--no-location", "-o", str(pot), str(ROOT)],
                   check=True, capture_output=quiet)
    with pot.open("rb") as source:
        return read_po(source, locale="id")


def main() -> None:
    catalog = extract(POT)
    missing = [m.id for m in catalog if m.id and m.id not in ID]
    for message in catalog:
        if message.id:
            message.string = ID.get(message.id, "")
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as out:
        write_po(out, catalog, omit_header=False, width=0)
    if missing:
        sys.exit("No Indonesian translation for:\n" + "\n".join(missing))


if __name__ == "__main__":
    main()
