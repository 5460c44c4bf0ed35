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
    for org in registries.organisations:
        node = add_named(graph, "organisation", org.name)
        if org.name in (MOPS, GMINA):
            graph.remove((node, RDF.type, PG.PartnerOrganisation))
        for alias in org.aliases:
            graph.add((node, SKOS.altLabel, Literal(alias)))
        if org.country:
            graph.add((node, PG.basedIn, iris.country_iri(org.country)))
        if org.kind:
            graph.add((node, PG.organisationKind, Literal(org.kind)))
        if org.wikidata_id:
            graph.add((node, OWL.sameAs, WIKIDATA[org.wikidata_id]))
    graph.add((mops, ORG.subOrganizationOf, iris.named_iri("organisation", GMINA)))
    for unit in registries.units:
        node = add_named(graph, "unit", unit.name)
        for alias in unit.aliases:
            graph.add((node, SKOS.altLabel, Literal(alias)))
        if unit.kind:
            graph.add((node, PG.organisationKind, Literal(unit.kind)))
    for programme in registries.programmes:
        node = add_named(graph, "programme", programme.name)
        for alias in programme.aliases:
            graph.add((node, SKOS.altLabel, Literal(alias)))
        if programme.owner:
            graph.add((node, SCHEMA.funder, Literal(programme.owner)))
        if programme.wikidata_id:
            graph.add((node, OWL.sameAs, WIKIDATA[programme.wikidata_id]))
    for project in registries.projects:
        node = add_named(graph, "project", project.name)
        for alias in project.aliases:
            graph.add((node, SKOS.altLabel, Literal(alias)))
        if project.programme:
            programme = registries.find_programme(project.programme)
            graph.add((node, PG.fundedByProgramme, iris.named_iri("programme", programme.name)))
        if project.start:
            graph.add((node, SCHEMA.startDate, date_literal(project.start)))
        if project.end:
            graph.add((node, SCHEMA.endDate, date_literal(project.end)))
        if project.lead_partner:
            graph.add((node, PG.leadPartner, place_iri(project.lead_partner)))
        for city in project.partner_cities:
            graph.add((node, PG.partnerCity, place_iri(city)))
    graph.add((mops, RDF.type, ORG.FormalOrganization))
    return graph
