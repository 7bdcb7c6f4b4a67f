"""The site's rendering layer: what turns the services' results into something a person reads.

``numbers`` writes numbers in the reader's language (pure Babel: services may use it), ``charts`` and
``strategy_map`` draw SVG, ``pdf`` lays out the printed reports (Jinja, WeasyPrint, pypdf) and
``documents`` holds the view models a page and its PDF both render. ``analysis/`` stays maths only.
"""
