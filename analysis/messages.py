"""Errors about a person's input (a ladder, a formula) that an application may show in their language.

The library stays free of any translation machinery: an InputError is a ValueError whose
text is an English template filled with values, and it keeps both, so an application can
translate the template and fill it again.
"""
from __future__ import annotations


class InputError(ValueError):
    """A ValueError made from ``template % values``; ``template`` and ``values`` are kept."""

    def __init__(self, template: str, **values):
        super().__init__(template % values if values else template)
        self.template, self.values = template, values
