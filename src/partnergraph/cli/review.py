"""`partnergraph review [--port P] [--no-browser]`"""

from __future__ import annotations

import sys

from ._common import add_root_option, listen, settings_from
from .serve import _port


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "review",
        help="check and correct extracted values in the browser (writes data/curation.yaml)",
        description="A local review application on 127.0.0.1: a queue of extracted values, doubtful first; "
        "each page's text with every value highlighted at its evidence; corrections saved to "
        "data/curation.yaml and data/reference/, and the graph updated incrementally.",
    )
    parser.add_argument("--port", type=_port, default=8001, help="port (default 8001; 0 picks a free one)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    add_root_option(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    import webbrowser

    import uvicorn

    from ..review.app import open_review

    settings = settings_from(args)
    sock = listen("127.0.0.1", args.port)  # local only: the review writes files
    port = sock.getsockname()[1]
    print("reading and extracting the pages…", flush=True)
    app, report, failed = open_review(settings)
    if failed:
        print(
            f"partnergraph review: warning: the graph was not rebuilt, fix it here: {' '.join(failed.split())}",
            file=sys.stderr,
            flush=True,
        )
    if report is not None:
        print(f"built {report.triples} quads into {settings.build_dir}", flush=True)
    url = f"http://127.0.0.1:{port}/"

    class Server(uvicorn.Server):
        async def startup(self, sockets=None):
            await super().startup(sockets)
            if self.started:
                print(f"partnergraph review at {url} (Ctrl+C stops)", flush=True)
                if not args.no_browser:
                    webbrowser.open(url)

    server = Server(
        uvicorn.Config(app, log_level="warning", proxy_headers=False, timeout_graceful_shutdown=5)
    )
    server.run(sockets=[sock])
    app.state.review.updater.wait(120)  # corrections saved last reach the graph before we exit
    return 0
