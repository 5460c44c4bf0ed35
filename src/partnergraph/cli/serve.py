"""`partnergraph serve [--host 127.0.0.1] [--port 8000] [--endpoint URL | --store auto|memory|disk]`"""

from __future__ import annotations

import argparse

from ._common import add_endpoint_options, add_root_option, listen, number, settings_from


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number 0-65535, got {text!r}")
    return int(text)


def _proxies(text: str) -> list[str]:
    """Addresses and networks (CIDR) of reverse proxies, comma-separated; '*' is any."""
    import ipaddress

    items = [item.strip() for item in text.split(",") if item.strip()]
    for item in items:
        if item != "*":
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise argparse.ArgumentTypeError(f"expected IP addresses or networks, got {item!r}") from None
    return items


# serve's limits, each a number no smaller than its least: (option, type, least, default, metavar, help)
LIMITS = [
    ("--timeout", float, 0.001, 10.0, "S", "time limit of a query in seconds (default 10)"),
    ("--max-results", int, 1, 10000, "N", "most rows or triples of an answer (10000)"),
    ("--workers", int, 1, 2, "N", "query worker processes (default 2)"),
    (
        "--query-memory",
        int,
        0,
        512,
        "MB",
        "memory a query worker may take beyond the open store; a query needing more is stopped "
        "(default 512; 0: no limit)",
    ),
    (
        "--cache",
        int,
        0,
        256,
        "N",
        "keep the answers of the last N queries (default 256; 0 turns the cache off)",
    ),
    (
        "--header-timeout",
        float,
        0.1,
        10.0,
        "S",
        "seconds a client has to send a whole request before the connection is closed (default 10)",
    ),
    (
        "--max-connections",
        int,
        1,
        256,
        "N",
        "open connections and requests at once; beyond, a quick 503 (default 256)",
    ),
    (
        "--max-client-connections",
        int,
        1,
        32,
        "N",
        "open connections of one address (a trusted proxy's are not counted); beyond, a quick 503 "
        "(default 32)",
    ),
]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the SPARQL endpoint, resource pages, saved queries and the network over HTTP",
        description="Build the graph if needed, then serve it: /sparql, dereferenceable IRIs under "
        "/partnergraph/, /queries, /network, /dataset (see docs/web.md). A later `partnergraph add` or "
        "`partnergraph build` is served without a restart.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=_port, default=8000, help="port (default 8000; 0 picks a free one)")
    for option, kind, least, default, metavar, text in LIMITS:
        parser.add_argument(
            option, type=number(kind, minimum=least), default=default, metavar=metavar, help=text
        )
    parser.add_argument(
        "--trusted-proxies",
        type=_proxies,
        default=[],
        metavar="ADDRESSES",
        help="comma-separated addresses or networks (CIDR) of reverse proxies in front of the server: "
        "only from these is X-Forwarded-For believed as the client's address (for the per-client shares "
        "of the query workers) and X-Forwarded-Proto as the scheme (default: none, the client is the "
        "connection's peer)",
    )
    parser.add_argument(
        "--no-build", action="store_true", help="serve the existing build as it is, even if out of date"
    )
    parser.add_argument(
        "--store",
        choices=("auto", "memory", "disk"),
        default="auto",
        help="memory: each query worker copies the embedded store into memory, answering from disk until "
        "its copy is made (queries several times faster on a large graph, for that memory); disk: read it "
        "on disk; auto (default): in memory when the copies take at most half the memory available",
    )
    parser.add_argument("--in-memory", action="store_true", help="the same as --store memory")
    add_endpoint_options(parser, timeout=False)  # serve's --timeout is the queries' time limit
    add_root_option(parser)
    parser.set_defaults(func=run)


def run(args) -> int:

    import uvicorn

    from ..errors import PartnergraphError
    from ..state import count_quads, ensure_built_or_keep
    from ..store.memory import available_memory, plan_memory
    from ..web import WebConfig, create_app
    from ..web._h11 import protocol_with_deadline

    settings = settings_from(args)
    if args.in_memory:
        args.store = "memory"
    if args.store != "auto" and args.endpoint:
        raise PartnergraphError(
            f"--store {args.store} (or --in-memory) is about the embedded store; it does not go with --endpoint"
        )
    if not args.endpoint:
        if args.no_build:
            if not settings.store_dir.is_dir():
                raise PartnergraphError(f"no store in {settings.store_dir}; run `partnergraph build` first")
        else:
            report = ensure_built_or_keep(settings)  # bad input: the previous build is served
            if report is not None:
                print(f"built {report.triples} quads into {settings.build_dir}", flush=True)
        plan = plan_memory(count_quads(settings), args.workers, available_memory(), args.store)
        print(plan.describe(), flush=True)
    config = WebConfig(
        endpoint=args.endpoint,
        user=args.user,
        password=args.password,
        timeout=args.timeout,
        cap=args.max_results,
        workers=args.workers,
        cache=args.cache,
        in_memory=not args.endpoint and plan.in_memory,
        memory=args.query_memory,
    )
    app = create_app(settings, config)
    sock = listen(args.host, args.port)
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host

    class Server(uvicorn.Server):
        async def startup(self, sockets=None):
            await super().startup(sockets)
            if self.started:
                print(f"partnergraph serving at http://{shown}:{port}/ (Ctrl+C stops)", flush=True)

    server = Server(
        uvicorn.Config(
            app,
            log_level="warning",
            # a forwarded address is believed only from proxies the operator names: anyone else could
            # send a new X-Forwarded-For with each query and escape the per-client shares
            proxy_headers=bool(args.trusted_proxies),
            forwarded_allow_ips=args.trusted_proxies or None,
            timeout_graceful_shutdown=5,
            http=protocol_with_deadline(
                args.header_timeout, args.max_client_connections, args.trusted_proxies
            ),
            limit_concurrency=args.max_connections,
        )
    )
    server.run(sockets=[sock])
    return 0
