"""`alignment serve`: a local web app over the library (Starlette + uvicorn, Jinja2, no JS build).

`create_app()` builds the ASGI app; `routes.py` holds the pages (Check, Compare, Appraise and
the downloads), `uploads.py` the temporary folder each request's files live in, `pages.py`
the wrapping of the existing HTML reports (`alignment.report`) into app pages.
"""

from .app import create_app

__all__ = ["create_app"]
