"""The site's static files (stylesheet, favicon, the bundled front-end in static/dist/) and the /dumps/
index. Files are served from a list made by walking the static folder: no path from the request
reaches the file system."""

from __future__ import annotations

import functools
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse

from .._http import text_response
from ..templating import STATIC as TEMPLATE_STATIC
from ._common import N_, page_response, page_setup

router = APIRouter()
STATIC = TEMPLATE_STATIC.resolve()
MEDIA = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
}


@functools.lru_cache(maxsize=1)
def static_files() -> dict[str, Path]:
    """'dist/portal.js' -> its path, for every file under static/ with a known type."""
    return {
        p.relative_to(STATIC).as_posix(): p for p in STATIC.rglob("*") if p.is_file() and p.suffix in MEDIA
    }


@router.api_route("/static/{name:path}", methods=["GET", "HEAD"])
async def static(request: Request, name: str):
    path = static_files().get(name)
    if path is None:
        static_files.cache_clear()  # the bundle may have been built since the server started
        path = static_files().get(name)
    if path is None:
        return text_response("not found", 404)
    headers = {"Cache-Control": "public, max-age=86400", "Vary": "Accept-Encoding"}
    packed = path.with_name(path.name + ".gz")  # written beside the bundles by frontend/build.mjs
    if "gzip" in request.headers.get("accept-encoding", "") and packed.is_file():
        headers["Content-Encoding"] = "gzip"
        return FileResponse(packed, media_type=MEDIA[path.suffix], headers=headers)
    return FileResponse(path, media_type=MEDIA[path.suffix], headers=headers)


@router.api_route("/robots.txt", methods=["GET", "HEAD"])
async def robots():
    # every page may be crawled; the endpoint's answers are queries, not pages
    return text_response(
        "User-agent: *\nDisallow: /sparql\n", 200, {"Cache-Control": "public, max-age=86400"}
    )


@router.api_route("/favicon.ico", methods=["GET", "HEAD"])
async def favicon():
    return RedirectResponse("/static/favicon.svg", status_code=301)


def dump_rows(dumps_dir: Path) -> list[dict]:
    from ...publish.dumps import DUMP_FORMATS, DUMP_NAME

    rows = []
    for suffix in DUMP_FORMATS:
        path = dumps_dir / f"{DUMP_NAME}.{suffix}"
        if path.is_file():
            rows.append({"name": path.name, "size": path.stat().st_size, "format": suffix})
    return rows


@router.api_route("/dumps/", methods=["GET", "HEAD"])
async def dumps_index(request: Request):
    from .._http import state_of

    lang, linker = page_setup(request)
    rows = dump_rows(state_of(request).settings.dumps_dir)
    return page_response(request, "dumps.html", lang, linker, title=N_("Dumps"), dumps=rows, nav="dataset")


@router.api_route("/dumps", methods=["GET", "HEAD"])
async def dumps_slash():
    return RedirectResponse("/dumps/", status_code=301)
