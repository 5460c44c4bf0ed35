"""The interactive network page (self-contained, offline)."""

from .network import ViewError, page_data, render_network, render_network_page

__all__ = ["ViewError", "page_data", "render_network", "render_network_page"]
