"""One exception family; the CLI maps it to exit codes (2 for bad input or a runtime failure, 1 for an
invalid graph)."""


class PartnergraphError(Exception):
    """Base of every error partnergraph raises on purpose; its message is shown to the user as is."""

    exit_code = 2


class SourceError(PartnergraphError):
    """A source page cannot be read: missing, empty, binary, undecodable."""


class RegistryError(PartnergraphError):
    """A reference registry file is missing or has a malformed row."""


class CurationError(PartnergraphError):
    """data/curation.yaml is malformed."""


class ValidationError(PartnergraphError):
    """The graph breaks a SHACL shape; the message is the readable report. `events`: the IRIs of the events
    each broken rule concerns (the event itself, or the events naming the city or body that breaks it),
    each with the report's lines about it."""

    exit_code = 1

    def __init__(self, message: str, events: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.events = events or {}


class ConflictError(PartnergraphError):
    """New input valid on its own that the data already there makes invalid (two pages giving one city two
    latitudes): refused as bad input, nothing changed."""


class QueryError(PartnergraphError):
    """A saved or ad-hoc query is unknown, malformed, or was given a bad parameter."""


class StoreError(PartnergraphError):
    """The store or a remote SPARQL endpoint failed."""


class StoreTimeoutError(StoreError):
    """A remote SPARQL endpoint gave no whole answer within the time limit."""
