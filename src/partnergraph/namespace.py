"""The pg namespace: every class and property of the partnergraph ontology.

Generated from ontology/*.ttl by partnergraph.ontology_tools.generate_namespace_module: do not
edit. Regenerate: `python -m partnergraph.ontology_tools`; a test fails when this file is stale.
Concepts of the SKOS schemes are not here: reach them with `partnergraph.iris.concept_iri`.
"""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace

from .iris import DEF


class PG(DefinedNamespace):
    """partnergraph: an ontology of international cooperation (version 0.1.0)."""

    _NS = DEF
    _fail = True

    # classes
    City: URIRef  # city
    Country: URIRef  # country
    Event: URIRef  # event
    PartnerOrganisation: URIRef  # partner organisation
    Programme: URIRef  # programme
    Project: URIRef  # project
    SourcePage: URIRef  # source page

    # properties
    basedIn: URIRef  # based in
    confidence: URIRef  # confidence
    curated: URIRef  # curated
    dateStated: URIRef  # date stated
    direction: URIRef  # direction
    eventType: URIRef  # event type
    evidenceOf: URIRef  # evidence of
    field: URIRef  # field
    fundedByProgramme: URIRef  # funded by programme
    geonamesId: URIRef  # GeoNames id
    involvesCity: URIRef  # involves city
    involvesCountry: URIRef  # involves country
    involvesOrganisation: URIRef  # involves organisation
    involvesPerson: URIRef  # involves person
    involvesUnit: URIRef  # involves MOPS unit
    isoCode: URIRef  # ISO code
    leadPartner: URIRef  # lead partner
    organisationKind: URIRef  # organisation kind
    partOfProject: URIRef  # part of project
    participantKind: URIRef  # participant kind
    partnerCity: URIRef  # partner city
    sectionText: URIRef  # section text
