"""The site's rendering layer: what turns the services' results into something a person reads.

``numbers`` writes numbers in the reader's language (pure Babel: services may use it too), ``charts`` and
``strategy_map`` draw SVG, ``pdf`` lays out the printed reports (Jinja, WeasyPrint, pypdf) with one function,
``render_pdf``. A page and its PDF render the same view model, built by a service from the session
(services.scorecard_document for the office scorecard). ``analysis/`` stays maths only (tests/test_layers.py).
"""
