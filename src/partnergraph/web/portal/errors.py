"""Error answers in one style: the portal's error page for browsers, one line of text for everyone else."""

from __future__ import annotations

from fastapi import Request

from .._http import html_response, text_response
from ..templating import gettext, render
from ._common import N_, page_setup

ERROR = N_("Error")
TITLES = {404: N_("Not found"), 405: N_("Method not allowed")}
MESSAGES = {404: N_("There is no page at this address.")}


def error_response(request: Request, status: int, detail: str):
    if "text/html" not in request.headers.get("accept", ""):
        return text_response(detail or "error", status)
    lang, linker = page_setup(request)
    title = gettext(lang, TITLES.get(status, ERROR))
    message = gettext(lang, MESSAGES[status]) if status in MESSAGES else detail
    return html_response(
        render("error.html", lang, title=title, message=message, linker=linker), status=status
    )
