"""`partnergraph build`"""

from __future__ import annotations

from ._common import add_root_option, settings_from


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "build",
        help="extract the pages, build and validate the graph, write dumps and store",
        description="Sources -> extraction -> curation -> RDF -> SHACL -> dumps + store.",
    )
    add_root_option(parser)
    parser.add_argument("--if-needed", action="store_true", help="do nothing when the inputs did not change")
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..build import build, ensure_built

    settings = settings_from(args)
    report = ensure_built(settings) if args.if_needed else build(settings)
    if report is None:
        print(f"up to date: {settings.build_dir}")
        return 0
    print(
        f"built {report.triples} quads from {len(report.pages)} pages "
        f"({sum(report.pages.values())} events) into {settings.build_dir}"
    )
    for label, items in (
        ("organisations not in the registry", report.unknown_organisations),
        ("strings linked to nothing", report.unlinked),
        ("stale curations", report.stale_curations),
    ):
        if items:
            print(f"{label} ({len(items)}):")
            for item in items:
                print(f"  {item}")
    refused = report.refused_curations
    if refused:  # what and where: the event, its corrections' file, the rules they broke
        print(f"corrections the graph refuses, left out: their events stay as extracted ({len(refused)}):")
        for event, problems in refused.items():
            print(f"  {settings.curation_file}: {event}: {'; '.join(problems)}")
    return 0
