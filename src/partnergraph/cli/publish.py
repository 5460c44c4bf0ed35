"""`partnergraph publish DIR [--url URL]`"""

from __future__ import annotations

from ._common import add_root_option, settings_from


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "publish",
        help="write the publication as a static site: resource pages, RDF, dumps, network, ontology, VoID",
        description="Write the dataset as a static web site into DIR (replaced as a whole). Serve DIR as "
        "the host's root so that each IRI's path answers with its page.",
    )
    parser.add_argument("folder", metavar="DIR", help="output folder (new, or one written by publish before)")
    parser.add_argument(
        "--url",
        metavar="URL",
        help="address the site will be served from, for the dump links in VoID "
        "(default: the base IRI without 'partnergraph/')",
    )
    add_root_option(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..publish.site import publish_site

    report = publish_site(args.folder, settings_from(args), site_url=args.url)
    print(f"published {report.resources} resources ({report.files} files) into {report.folder}")
    return 0
