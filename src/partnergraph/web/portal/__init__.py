"""The portal: the pages people read (home, browse lists, search, map, charts, the /dumps/ index and the
site's static files). One module per page kind; each builds a context and renders a template of
`web/templates/`. The SPARQL protocol, content negotiation and the dataset description live beside it in
`web/` and know nothing of these pages."""

from fastapi import APIRouter

from . import browse, documents, files, find, home, viz

router = APIRouter()
for _module in (files, home, find, browse, viz, documents):
    router.include_router(_module.router)
