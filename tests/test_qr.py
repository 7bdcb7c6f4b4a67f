"""The QR codes Neraca prints decode, with an independent reader, to the very link they stand for."""
from weasyprint import HTML

from survey.services.qr import qr_svg, qr_svg_data_uri
from tests.qr_reader import links_in_pdf

LINK = "https://neraca.example.go.id/p/Zx8_kq-3"


def test_a_printed_qr_code_reads_back_as_its_link(tmp_path):
    html = f'<img src="{qr_svg_data_uri(LINK)}" style="width:5cm">'
    assert links_in_pdf(HTML(string=html).write_pdf(), tmp_path) == [[LINK]]


def test_the_inline_svg_is_a_code_too(tmp_path):
    assert links_in_pdf(HTML(string=f'<div style="width:5cm">{qr_svg(LINK)}</div>').write_pdf(), tmp_path) == [[LINK]]


def test_two_links_give_two_different_codes():
    assert qr_svg_data_uri(LINK) != qr_svg_data_uri(LINK + "x")
