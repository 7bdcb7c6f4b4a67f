"""Reading QR codes back in tests with an independent decoder (zxing-cpp), from PNG pages of PDFs."""
import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image


def links_in_png(path: Path) -> list[str]:
    """Every QR code's text found on one image."""
    return [result.text for result in zxingcpp.read_barcodes(Image.open(path))
            if result.format == zxingcpp.BarcodeFormat.QRCode]


def links_in_pdf(pdf: bytes, tmp_path: Path, dpi: int = 150) -> list[list[str]]:
    """The QR codes' texts page by page, from pdftoppm's rendering of the PDF as a printer would see it."""
    source = tmp_path / "printed.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(source), str(tmp_path / "page")], check=True)
    return [links_in_png(page) for page in sorted(tmp_path.glob("page*.png"))]
