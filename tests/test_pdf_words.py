"""A printed document breaks words only where it must: a long unbroken name (an email, an address, a name typed
without spaces) anywhere so that it stays within its page, ordinary words nowhere (faster to lay out, and its
tables' columns take the width of their longest word)."""
from survey.render import pdf
from tests.helpers.reports import filled_width, pdf_text
from tests.helpers.spies import calls_of

TABLE = ("<!doctype html><html><head><style>table {{ border-collapse: collapse; width: 100% }}"
         " th, td {{ overflow-wrap: anywhere; border: 0.5pt solid #000 }}</style></head><body><table>"
         "<tr><th>Nama</th><th>Bobot</th><th>Keterangan</th></tr>{rows}</table></body></html>")


def document(name: str) -> str:
    return TABLE.format(rows="".join(f"<tr><td>{name}</td><td>{k}</td><td>Meningkatkan kepuasan pelanggan</td></tr>"
                                     for k in range(3)))


def test_a_word_longer_than_the_longest_that_fits_is_found_in_the_text_only():
    assert not pdf.has_long_word(document("Pertanggungjawaban"))  # 18 letters
    assert pdf.has_long_word(document("x" * (pdf.LONGEST_WORD + 1)))
    assert not pdf.has_long_word("<style>" + "a" * 80 + "</style><svg><path d='" + "1" * 80 + "'/></svg><p>kata</p>")
    assert not pdf.has_long_word(f'<a href="https://{"a" * 80}.example">tautan</a>')  # an address, not shown
    assert pdf.has_long_word("<p>Rp&nbsp;" + "1" * pdf.LONGEST_WORD + "</p>")  # no line breaks at a no-break space
    assert not pdf.has_long_word("<p>" + " ".join(["Pertanggungjawaban"] * 50) + "</p>")


def test_ordinary_words_print_whole_and_a_long_name_is_broken_within_the_page(monkeypatch):
    whole = calls_of(monkeypatch, pdf, "_words_whole")
    ordinary = pdf.html_to_pdf(document("Pertanggungjawaban"))
    assert len(whole) == 1 and pdf_text(ordinary).count("Pertanggungjawaban") == 3
    name = "SatuNamaPanjangTanpaSpasi" * 12  # 300 letters
    long = pdf.html_to_pdf(document(name))
    assert len(whole) == 1  # the document's own rule: break it anywhere
    assert pdf_text(long).count("SatuNama") > 3 * 8 and max(filled_width(long)) < 0.95  # printed, on its page
    monkeypatch.setattr(pdf, "has_long_word", lambda html: False)  # as if it were an ordinary word
    assert max(filled_width(pdf.html_to_pdf(document(name)))) > 0.95  # its column would push past the page
