"""The Batch page: many files at once -> one comparable table, with progress.

POST /batch saves the files in a job's folder and answers at once with a redirect to the job's
page (`batch_jobs` runs `alignment batch` in a child process); that page polls
/batch/{id}/status (batch.js) and shows the results once the run is done (`batch_view`).
Every output of the run is downloadable, alone or all in one zip.
"""

from __future__ import annotations

import io
import os
import zipfile

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from .app import BodyTooLarge
from .batch_child import KEPT
from .batch_view import results
from .pages import page
from .routes import ACCEPT, error_response, too_large_response
from .uploads import mb

MEDIA = {".csv": "text/csv; charset=utf-8", ".json": "application/json", ".md": "text/markdown; charset=utf-8",
         ".svg": "image/svg+xml",
         ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


async def form_page(request):
    s = request.app.state.settings
    return HTMLResponse(page("batch_form.html.j2", accept=ACCEPT, limit=mb(s.max_size), files=s.batch_files,
                             total=mb(s.batch_total)))


async def submit(request):
    s, jobs = request.app.state.settings, request.app.state.jobs
    try:
        form = await request.form(max_files=s.batch_files, max_fields=10)
    except BodyTooLarge:
        return too_large_response(f"the upload is above {mb(s.batch_total)} MB, the limit for a batch "
                                  "on this server: send fewer or smaller files at a time", "/batch")
    except HTTPException as exc:  # the multipart parser's limits (too many files)
        message = f"at most {s.batch_files} files at a time" if "files" in str(exc.detail) else str(exc.detail)
        return error_response(request, message, 400, "Too many files")
    try:
        uploads = [u for u in form.getlist("files") if isinstance(u, UploadFile) and u.filename]
        if not uploads:
            return error_response(request, "choose one file or more", 400, "No file chosen")
        job = jobs.new(s.tmp_root)
        if job is None:
            return error_response(request, "the server is busy with other batches: try again when one has finished",
                                  503, "Busy")
        try:
            for upload in uploads:
                await job.add(upload, s.max_size)
        except BaseException:
            job.stop()
            raise
        jobs.submit(job)
    finally:
        await form.close()
    return RedirectResponse(f"/batch/{job.id}", status_code=303)


def _job(request):
    return request.app.state.jobs.get(request.path_params["job"])


def _gone(request):
    return error_response(request, "this batch is no longer kept by the server: run it again", 404, "Batch not found")


async def show(request):
    job = _job(request)
    if job is None:
        return _gone(request)
    status = job.status()
    context = {"job": job.id, "status": status, "inputs": len(job.names)}
    if status["state"] == "done":
        context.update(results(job.output))
    return HTMLResponse(page("batch.html.j2", **context))


async def status(request):
    job = _job(request)
    if job is None:
        return JSONResponse({"state": "gone", "message": "this batch is no longer kept by the server"},
                            status_code=404)
    return JSONResponse(job.status())


def _finished(request):
    job = _job(request)
    if job is None or job.status()["state"] != "done":
        return None
    return job


async def download(request):
    job, name = _finished(request), request.path_params["name"]
    if job is None:
        return _gone(request)
    path = os.path.join(job.output, name)
    if name not in KEPT or not os.path.exists(path):
        return error_response(request, f"this batch has no file {name!r}", 404, "Not found")
    return FileResponse(path, media_type=MEDIA[os.path.splitext(name)[1]], filename=f"alignment-batch-{name}")


async def zipped(request):
    job = _finished(request)
    if job is None:
        return _gone(request)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in KEPT:
            path = os.path.join(job.output, name)
            if os.path.exists(path):
                zf.write(path, f"alignment-batch/{name}")
    return Response(buffer.getvalue(), media_type="application/zip",
                    headers={"content-disposition": 'attachment; filename="alignment-batch.zip"'})


ROUTES = [
    Route("/batch", form_page, methods=["GET"]),
    Route("/batch", submit, methods=["POST"]),
    Route("/batch/{job}", show, methods=["GET"]),
    Route("/batch/{job}/status", status, methods=["GET"]),
    Route("/batch/{job}/alignment-batch.zip", zipped, methods=["GET"]),
    Route("/batch/{job}/files/{name}", download, methods=["GET"]),
]
