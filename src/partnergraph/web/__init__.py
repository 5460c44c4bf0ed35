"""The web app: SPARQL 1.1 Protocol endpoint, dereferenceable IRIs with content negotiation, HTML
resource pages, saved-query forms, the dataset description and the network page (docs/web.md)."""

from .app import WebConfig, create_app

__all__ = ["WebConfig", "create_app"]
