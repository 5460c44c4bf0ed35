"""`partnergraph review`: a local application in which people check and correct what extraction found,
with each value's evidence highlighted in the page's text. Corrections go to data/curation.yaml and
data/reference/organisations.csv / places.csv; the graph follows incrementally."""
