// Bundles the portal's front-end into ../static/dist (run by scripts/setup.sh after `npm ci`):
// portal.js (charts, map), query-start.js (the SPARQL page's plain form, which fetches query.js + query.css,
// YASGUI and its chart plugin, when the reader turns to the query), search.js (the static site's
// search), tables.js (sorting and paging of the static site's lists), network.js (vis-network and the
// network page's script), vega.js (Vega and vega-embed, fetched by portal.js only when a page draws a
// chart) and vega-lite.js (the same with the Vega-Lite compiler, for YASGUI's charts), the portal's charts
// compiled from Vega-Lite to Vega into vega.js (see below), the map's country shapes projected once here, and the licences
// of the bundled packages. All are classic scripts: a published site works from a plain folder.
import { geoMercator, geoPath } from "d3-geo";
import { build } from "esbuild";
import { feature } from "topojson-client";
import { compile } from "vega-lite";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "static", "dist");
rmSync(out, { recursive: true, force: true }); // no file of an earlier build stays behind
mkdirSync(out, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  target: "es2020",
  outdir: out,
  legalComments: "none",
  loader: { ".woff": "dataurl", ".woff2": "dataurl", ".ttf": "dataurl", ".svg": "dataurl" },
  logLevel: "warning",
};
await build({
  ...common,
  entryPoints: Object.fromEntries(
    ["portal", "query-start", "query", "search", "network", "tables"].map((name) => [name, join(here, `src/${name}.js`)]),
  ),
  format: "iife",
});
// The map's countries (world-atlas, Natural Earth 1:110m), projected here once into one SVG path
// (basemap-shapes.json) that vega.js puts under the map's circles, which Vega-Lite draws in the same
// projection (basemap.json, read by the server): projecting, clipping and bounding 177 shapes in the
// browser was most of the map page's main-thread time.
const BASEMAP = { type: "mercator", center: [15, 50], scale: 520, width: 1600, height: 420, shapes: "basemap-shapes.json" };
// sea, land and borders: a pale blue sea so that the coasts read, land a shade off the page's white with grey
// borders; the orange circles and their dark rims stand out on both
const COLOURS = { sea: "#cfe1f0", land: "#f5f3ee", border: "#a3acb6" };
{
  const world = JSON.parse(readFileSync(join(here, "node_modules/world-atlas/countries-110m.json"), "utf8"));
  const { width, height } = BASEMAP;
  const projection = geoMercator()
    .center(BASEMAP.center)
    .scale(BASEMAP.scale)
    .translate([width / 2, height / 2])
    .clipExtent([[0, 0], [width, height]]);
  const path = geoPath(projection).digits(1);
  const shapes = feature(world, world.objects.countries)
    .features.map((country) => path(country))
    .filter(Boolean);
  writeFileSync(join(out, BASEMAP.shapes), JSON.stringify({ width, height, ...COLOURS, path: shapes.join("") }) + "\n");
  writeFileSync(join(out, "basemap.json"), JSON.stringify(BASEMAP) + "\n");
  // the same shapes as an image, under the small map of a city's or a country's page (drawn by the
  // server, portal/viz.py place_map: no script on those pages)
  writeFileSync(
    join(out, "basemap.svg"),
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">` +
      `<rect width="${width}" height="${height}" fill="${COLOURS.sea}"/>` +
      `<path d="${shapes.join("")}" fill="${COLOURS.land}" stroke="${COLOURS.border}" stroke-width="0.6"/></svg>\n`,
  );
}

// The portal's charts, compiled from Vega-Lite to Vega here rather than in every reader's browser: each chart's
// shape (its spec without data, per language) as partnergraph.web.portal.charts writes it (run with $PYTHON,
// the project's; scripts/setup.sh sets it), keyed as web/vega.py keys them, bundled into vega.js (a page
// carries a chart's key and data). vega.js leaves out vega-embed's import of Vega-Lite; vega-lite.js, for
// YASGUI's charts, keeps it.
{
  const python = process.env.PYTHON || "python3";
  const program = "import json; from partnergraph.web.portal.charts import chart_shapes; print(json.dumps(chart_shapes()))";
  const shapes = JSON.parse(execFileSync(python, ["-c", program], { encoding: "utf8" }));
  // Vega-Lite's warnings (it drops fit-y for a bar chart's discrete height) would only be noise here
  const quiet = { level: () => quiet, warn() {}, info() {}, debug() {}, error: (e) => { throw new Error(String(e)); } };
  const compiled = Object.fromEntries(Object.entries(shapes).map(([key, spec]) => [key, compile(spec, { logger: quiet }).spec]));
  const folder = mkdtempSync(join(tmpdir(), "partnergraph-vega-"));
  const specs = join(folder, "vega-specs.json");
  writeFileSync(specs, JSON.stringify(compiled));
  const alias = { "compiled-vega-specs": specs };
  await build({ ...common, entryPoints: { vega: join(here, "src/vega.js") }, alias: { ...alias, "vega-lite": join(here, "src/no-vega-lite.js") }, format: "iife" });
  await build({ ...common, entryPoints: { "vega-lite": join(here, "src/vega-lite.js") }, alias, format: "iife" });
  rmSync(folder, { recursive: true, force: true });
}

copyFileSync(join(here, "node_modules/@zazuko/yasgui/build/yasgui.min.css"), join(out, "query.css"));

// the licence of every package that goes into the bundles
const lock = JSON.parse(readFileSync(join(here, "package-lock.json"), "utf8"));
const notices = [];
for (const [path, info] of Object.entries(lock.packages)) {
  if (!path || info.dev) continue;
  const dir = join(here, path);
  const file = ["LICENSE", "LICENSE.md", "LICENSE.txt", "license", "LICENCE"].map((n) => join(dir, n)).find(existsSync);
  notices.push(`${path.replace(/^node_modules\//, "")} ${info.version} (${info.license || "see package"})`);
  if (file) notices.push(readFileSync(file, "utf8").trim(), "");
}
writeFileSync(join(out, "THIRD_PARTY_LICENSES.txt"), notices.join("\n") + "\n");
// gzip beside each file: the server sends it to browsers that accept it (a fifth of the bytes)
for (const name of readdirSync(out)) {
  if (/\.(js|css|json|svg)$/.test(name)) writeFileSync(join(out, name + ".gz"), gzipSync(readFileSync(join(out, name)), { level: 9 }));
}
console.log(`front-end bundled into ${out}`);
