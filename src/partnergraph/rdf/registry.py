"""The registries' named graph: countries, places, organisations, MOPS and its units, programmes, projects."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import ORG, OWL, RDF, RDFS, SKOS

from .. import iris
from ..namespace import PG
from ..reference import Registries
from .graph import GMINA, MOPS, add_named, add_place, new_graph
from .terms import date_literal, place_iri
from .vocab import SCHEMA, WIKIDATA


def registries_to_graph(registries: Registries) -> Graph:
    graph = new_graph()
    for country in registries.countries.values():
        node = iris.country_iri(country.iso2)
        graph.add((node, RDF.type, PG.Country))
        graph.add((node, PG.isoCode, Literal(country.iso2)))
        for name, lang in ((country.name_en, "en"), (country.name_pl, "pl")):
            graph.add((node, RDFS.label, Literal(name, lang=lang)))
            graph.add((node, SKOS.prefLabel, Literal(name, lang=lang)))
        if country.wikidata_id:
            graph.add((node, OWL.sameAs, WIKIDATA[country.wikidata_id]))
    for place in registries.places.values():
        add_place(graph, place)
    mops = iris.named_iri("organisation", MOPS)
    place_items = {p.wikidata_id for p in registries.places.values() if p.wikidata_id}
    for org in registries.organisations:
        # an organisation whose Wikidata item is a place's (a municipality and its city) only points
        # at it: owl:sameAs would make a reasoner merge an organisation with a city
        node = _add_entry(graph, "organisation", org, same=org.wikidata_id not in place_items)
        if org.name in (MOPS, GMINA):  # the centre and its municipality are not partners
            graph.remove((node, RDF.type, PG.PartnerOrganisation))
        if org.country:
            graph.add((node, PG.basedIn, iris.country_iri(org.country)))
    graph.add((mops, ORG.subOrganizationOf, iris.named_iri("organisation", GMINA)))
    for unit in registries.units:
        _add_entry(graph, "unit", unit)
    for programme in registries.programmes:
        node = _add_entry(graph, "programme", programme)
        if programme.owner:
            graph.add((node, SCHEMA.funder, Literal(programme.owner)))
    for project in registries.projects:
        node = _add_entry(graph, "project", project)
        if project.programme:
            programme = registries.find_programme(project.programme)
            graph.add((node, PG.fundedByProgramme, iris.named_iri("programme", programme.name)))
        for prop, value in ((SCHEMA.startDate, project.start), (SCHEMA.endDate, project.end)):
            if value:
                graph.add((node, prop, date_literal(value)))
        if project.lead_partner:
            graph.add((node, PG.leadPartner, place_iri(project.lead_partner)))
        for city in project.partner_cities:
            graph.add((node, PG.partnerCity, place_iri(city)))
    graph.add((mops, RDF.type, ORG.FormalOrganization))
    return graph


def _add_entry(graph: Graph, kind: str, entry, same: bool = True):
    """What every registry entry has: its label, aliases, kind and Wikidata link (owl:sameAs, or
    rdfs:seeAlso when the item is not the entry itself)."""
    node = add_named(graph, kind, entry.name)
    for alias in entry.aliases:
        graph.add((node, SKOS.altLabel, Literal(alias)))
    if getattr(entry, "kind", None):
        graph.add((node, PG.organisationKind, Literal(entry.kind)))
    if getattr(entry, "wikidata_id", None):
        graph.add((node, OWL.sameAs if same else RDFS.seeAlso, WIKIDATA[entry.wikidata_id]))
    return node
