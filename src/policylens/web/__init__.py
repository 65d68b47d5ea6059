"""The web door: a REST API under /api/v1 and server-rendered pages, over the same functions as the CLI.

    from policylens.web import create_app
    app = create_app(Settings.from_env())        # or: policylens serve

Modules: ``app`` (the factory, security headers), ``api`` (JSON routes),
``schemas`` (their response models), ``ingest`` (the writing routes: token, size
limit, private-address guard),
``pages`` (HTML routes), ``reads`` (what both ask the knowledge base),
``params`` (query parameters), ``errors`` (JSON errors and error pages),
``highlight`` (a document's text with its facts marked), ``chart`` (the
deadline timeline as SVG geometry), ``present`` (formatting, templates).
"""

from .app import create_app

__all__ = ["create_app"]
