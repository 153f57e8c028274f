"""Pages: Check, Compare, Appraise (a form on GET, the report on POST) and the downloads.

Input: a multipart form (the files, the report format, and the CLI's options the page offers:
--as, --plan, --country). Output: a redirect to the report page, a download, or an error page
with the CLI's one-line reason (an export's plans as a list when one must be chosen).

The analysis is synchronous and CPU-bound; it runs in Starlette's thread pool behind one lock,
so the event loop keeps accepting uploads while documents are analysed one at a time (under
the GIL threads would not analyse faster, and the rule engine's caches are then built once).
"""

from __future__ import annotations

import logging
import os
import re
import threading
from functools import cache
from importlib.resources import files

from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ..errors import AlignmentError, PlanChoiceError, TooLargeError
from ..load import USER_TYPES
from ..report.formats import KINDS, offered, render
from .app import BodyTooLarge
from .pages import page, report_page
from .uploads import Workspace, mb

log = logging.getLogger("alignment.web")
_ANALYSIS = threading.Lock()

# Formats each report is offered in, with their labels: those the CLI writes for it, labelled
# by the registry of report/formats.py.
FORMATS = {kind: offered(kind) for kind in KINDS}
MEDIA = {"json": ("application/json", "json"), "md": ("text/markdown; charset=utf-8", "md"),
         "html": ("text/html; charset=utf-8", "html"), "csv": ("text/csv; charset=utf-8", "csv"),
         "text": ("text/plain; charset=utf-8", "txt"),
         "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
         "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")}
ACCEPT = ".pdf,.docx,.txt,.md,.markdown,.html,.htm,.xlsx,.csv"


def _locked(fn, *args, **kwargs):
    with _ANALYSIS:
        return fn(*args, **kwargs)


def _scrub(model, names: dict[str, str]) -> None:
    """Put the user's file names where the models hold the temporary paths."""
    if isinstance(model, BaseModel):
        for key in type(model).model_fields:
            value = getattr(model, key)
            if key == "path" and isinstance(value, str) and value in names:
                setattr(model, key, names[value])
            elif isinstance(value, (BaseModel, list)):
                _scrub(value, names)
    elif isinstance(model, list):
        for item in model:
            _scrub(item, names)


def error_response(request, message: str, status: int, title: str = "The file cannot be analysed") -> HTMLResponse:
    return HTMLResponse(page("error.html.j2", title=title, message=message, back=request.url.path), status_code=status)


def too_large_response(message: str = "the upload is above the size limit of this server (--max-size)",
                       back: str = "/") -> HTMLResponse:
    return HTMLResponse(page("error.html.j2", title="The upload is too large", message=message, back=back),
                        status_code=413)


def too_large_for(path: str) -> HTMLResponse:
    """The 413 page the request-size guard answers, before the route is reached."""
    if path == "/batch":
        return too_large_response("the upload is above the limit for a batch on this server: "
                                  "send fewer or smaller files at a time", "/batch")
    return too_large_response()


async def _form(request):
    return await request.form(max_files=2, max_fields=10)


def _download(kind: str, model, name: str, fmt: str) -> Response:
    body = render(model, fmt)
    media, ext = MEDIA[fmt]
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", os.path.splitext(name)[0])[:80] or "report"
    return Response(body, media_type=media,
                    headers={"content-disposition": f'attachment; filename="{stem}-{kind}.{ext}"'})


def _choices(kind: str, form) -> dict[str, str | None]:
    """The form's options as the CLI's (--plan, --country, --as), only those this page offers;
    ValueError for a document type the command does not take."""
    out: dict[str, str | None] = {}
    for name, label, choices in FORM_PAGES[kind].get("options", []):
        value = str(form.get(name) or "").strip()[:200] or None
        if choices:
            value = None if value in (None, "auto") else value
            if value is not None and value not in choices:
                raise ValueError(f"{label}: choose one of {', '.join(choices)}")
        out[name] = value
    return out


def _plans_page(request, exc: PlanChoiceError, where: str | None) -> HTMLResponse:
    """An export with several plans and no (or no precise) choice: the plans, as a list."""
    return HTMLResponse(page("plans.html.j2", title="Choose a plan of the export", file=where, reason=exc.reason,
                             plans=exc.plans, back=request.url.path), status_code=422)


async def _analyse(request, kind: str, fields: list[tuple[str, bool]], run):
    """Shared POST flow: read the form, save the files, run `run(settings, options, *paths)`,
    answer a report page (or a download when the form asks for a format)."""
    settings, store = request.app.state.settings, request.app.state.store
    try:
        form = await _form(request)
    except BodyTooLarge:
        return too_large_response()
    try:
        fmt = str(form.get("format") or "page")
        if fmt != "page" and fmt not in FORMATS[kind]:
            return error_response(request, f"unknown format {fmt!r}", 400, "Bad request")
        try:
            options = _choices(kind, form)
        except ValueError as exc:
            return error_response(request, str(exc), 400, "Bad request")
        uploads = []
        for name, required in fields:
            upload = form.get(name)
            if not isinstance(upload, UploadFile) or not upload.filename:
                if required:
                    return error_response(request, f"choose a file for “{name}”", 400, "No file chosen")
                upload = None
            uploads.append(upload)
        with Workspace(settings.tmp_root) as ws:
            try:
                paths = [await ws.save(u, settings.max_size) if u else None for u in uploads]
                model = await run_in_threadpool(_locked, run, settings, options, *paths)
            except PlanChoiceError as exc:
                return _plans_page(request, exc, ws.display(exc.path))
            except AlignmentError as exc:
                where = ws.display(exc.path)
                message = f"{where}: {exc.reason}" if where else exc.reason
                status = 413 if isinstance(exc, TooLargeError) else 422
                return error_response(request, message, status)
            _scrub(model, ws.names)
        name = next(ws.names[p] for p in paths if p)
    except Exception as exc:  # never a traceback for a user; the log has it
        log.exception("internal error")
        return error_response(request, f"internal error: {exc.__class__.__name__}", 500, "Something went wrong")
    finally:
        await form.close()
    token = store.put(kind, model, name)
    if fmt != "page":
        return _download(kind, model, name, fmt)
    # Post/redirect/get: the report has its own address, so reload and back do not upload again.
    return RedirectResponse(f"/report/{token}", status_code=303)


def _run_check(s, o, path):
    from ..pipeline import check
    return check(path, rules_dirs=s.rules_dirs, max_size=s.max_size, plan=o["plan"], country=o["country"],
                 doc_type=o["doc_type"])


def _run_compare(s, o, dwcp, framework):
    from ..compare import compare_files
    return compare_files(dwcp, framework, rules_dirs=s.rules_dirs, max_size=s.max_size, parallel=False,
                         plan=o["plan"], country=o["country"])


def _run_appraise(s, o, proposal, dwcp):
    from ..appraise import appraise, load_dwcp
    ctx = load_dwcp(dwcp, rules_dirs=s.rules_dirs, max_size=s.max_size) if dwcp else None
    return appraise(proposal, dwcp=ctx, rules_dirs=s.rules_dirs, max_size=s.max_size, doc_type=o["doc_type"])


# The CLI's options a form offers: (field, label, choices); no choices: free text. The plan
# fields are the CLI's --plan/--country (a UN INFO export holding several plans), the type
# select its --as ("auto": the detected type), with the types each command accepts.
TYPE_NAMES = {"proposal": "a project proposal", "dwcp": "a Decent Work Country Programme (DWCP)",
              "unsdcf": "a Cooperation Framework (UNSDCF / UNDAF)"}
PLAN_FIELDS = [("plan", "Plan (UN INFO export holding several plans: its name or part of it)", ()),
               ("country", "Country (UN INFO export: the plan of this country)", ())]


FORM_PAGES = {
    "check": dict(title="Check a document", fields=[("file", "Planning document", True)],
                  intro="A UNSDCF, UNDAF, DWCP, CCA or project proposal: coverage of the four strategic objectives "
                        "and the cross-cutting drivers, with evidence, gaps and the social partners.",
                  options=[("doc_type", "Document type", USER_TYPES), *PLAN_FIELDS]),
    "compare": dict(title="Compare a DWCP with a Cooperation Framework",
                    fields=[("dwcp", "Decent Work Country Programme", True),
                            ("framework", "Cooperation Framework (UNSDCF / UNDAF)", True)],
                    intro="How far the framework reflects each DWCP priority and outcome.",
                    options=PLAN_FIELDS),
    "appraise": dict(title="Appraise a project proposal",
                     fields=[("proposal", "Project proposal", True), ("dwcp", "DWCP (optional)", False)],
                     intro="Eleven criteria with quoted evidence and suggestions, the gender markers and an "
                           "overall verdict.",
                     options=[("doc_type", "Document type", ("proposal",))]),
}


def _form_page(kind: str):
    async def handler(request):
        s = request.app.state.settings
        return HTMLResponse(page("form.html.j2", kind=kind, accept=ACCEPT, formats=FORMATS[kind],
                                 limit=mb(s.max_size), TYPE_NAMES=TYPE_NAMES, **{"options": [], **FORM_PAGES[kind]}))
    return handler


async def check_post(request):
    return await _analyse(request, "check", [("file", True)], _run_check)


async def compare_post(request):
    return await _analyse(request, "compare", [("dwcp", True), ("framework", True)], _run_compare)


async def appraise_post(request):
    return await _analyse(request, "appraise", [("proposal", True), ("dwcp", False)], _run_appraise)


async def show(request):
    token = request.path_params["token"]
    item = request.app.state.store.get(token)
    if item is None:
        return error_response(request, "this report is no longer kept by the server: analyse the file again",
                              404, "Report not found")
    kind, model, name = item
    return HTMLResponse(report_page(kind, render(model, "html"), token, FORMATS[kind], name))


async def download(request):
    token, fmt = request.path_params["token"], request.path_params["fmt"]
    item = request.app.state.store.get(token)
    if item is None:
        return error_response(request, "this report is no longer kept by the server: analyse the file again",
                              404, "Report not found")
    kind, model, name = item
    if fmt not in FORMATS[kind]:
        return error_response(request, f"a {kind} report is not available as {fmt!r}", 404, "Not found")
    return _download(kind, model, name, fmt)


# The app's own scripts, the only ones its policy lets a page run (read on first request).
_SCRIPTS = ("app.js", "batch.js")


@cache
def _script(name: str) -> bytes:
    return files("alignment.web").joinpath(f"static/{name}").read_bytes()


async def script(request):
    name = request.path_params["name"]
    body = _script(name) if name in _SCRIPTS else None
    if body is None:
        return Response("not found", status_code=404, media_type="text/plain")
    return Response(body, media_type="text/javascript; charset=utf-8")


ROUTES = [
    Route("/", _form_page("check"), methods=["GET"]),
    Route("/check", _form_page("check"), methods=["GET"]),
    Route("/check", check_post, methods=["POST"]),
    Route("/compare", _form_page("compare"), methods=["GET"]),
    Route("/compare", compare_post, methods=["POST"]),
    Route("/appraise", _form_page("appraise"), methods=["GET"]),
    Route("/appraise", appraise_post, methods=["POST"]),
    Route("/report/{token}.{fmt}", download, methods=["GET"]),
    Route("/report/{token}", show, methods=["GET"]),
    Route("/static/{name}", script, methods=["GET"]),
]
