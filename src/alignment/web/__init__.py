"""`alignment serve`: a local web app over the library (Starlette + uvicorn, Jinja2, no JS build).

`create_app()` builds the ASGI app; `routes.py` holds the pages (Check, Compare, Appraise and
the downloads; their forms carry the CLI's --as, --plan and --country), `uploads.py` the
temporary folder each request's files live in, `pages.py` the wrapping of the existing HTML
reports (`alignment.report`) into app pages. The Batch page: `batch_routes.py` (the pages and
downloads), `batch_jobs.py` (uploads -> a child process, its status), `batch_child.py` (the
child: `alignment.batch.run_batch` with progress), `batch_view.py` (results folder -> page).
"""

from .app import create_app

__all__ = ["create_app"]
