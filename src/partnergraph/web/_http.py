"""Helpers the route modules share: the state, the page language, linkers, HTML answers."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from ._html import pick_lang
from .app import CSP, WebState


def state_of(request: Request) -> WebState:
    return request.app.state.web


def client_of(request: Request) -> str:
    """Who asks, for the fair shares of query workers: the connection's peer, or the X-Forwarded-For
    of a proxy named by `serve --trusted-proxies` (none by default)."""
    return request.client.host if request.client else "unknown"


def lang_of(request: Request, override: str | None = None) -> tuple[str, bool]:
    """(language, chosen explicitly by ?lang=)."""
    requested = override or request.query_params.get("lang")
    lang = pick_lang(request.headers.get("accept-language"), requested)
    return lang, requested == lang


def other_lang_href(request: Request, lang: str) -> str:
    params = dict(request.query_params)
    params["lang"] = "pl" if lang == "en" else "en"
    return request.url.path + "?" + urlencode(params)


def html_response(
    text: str, status: int = 200, headers: dict | None = None, csp: bool = True
) -> HTMLResponse:
    headers = dict(headers or {})
    if csp:
        headers["Content-Security-Policy"] = CSP
    return HTMLResponse(text, status_code=status, headers=headers)


def text_response(message: str, status: int, headers: dict | None = None) -> Response:
    return PlainTextResponse(message.rstrip("\n") + "\n", status_code=status, headers=headers)


def site_url(request: Request) -> str:
    """The address this server is reached at, ending with '/'."""
    return str(request.base_url)
