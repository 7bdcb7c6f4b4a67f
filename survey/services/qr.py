"""QR codes of links, as SVG that pages and WeasyPrint PDFs embed without image files.

Error correction "M" survives a creased or slightly dirty printout at a counter; the quiet zone of four
modules is what phone scanners need around the code.
"""
import segno


def qr_svg_data_uri(link: str, *, scale: int = 4, dark: str = "#000") -> str:
    """An ``<img src=...>``-ready data URI of the link's QR code."""
    return segno.make(link, error="m", micro=False).svg_data_uri(scale=scale, dark=dark, border=4)


def qr_svg(link: str, *, scale: int = 4) -> str:
    """The QR code as an inline ``<svg>`` element (no XML declaration), for pages that style it."""
    return segno.make(link, error="m", micro=False).svg_inline(scale=scale, border=4)
