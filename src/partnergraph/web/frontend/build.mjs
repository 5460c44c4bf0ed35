// Bundles the portal's front-end into ../static/dist (run by scripts/setup.sh after `npm ci`):
// portal.js (charts, map), query-start.js (the SPARQL page's plain form, which fetches query.js + query.css,
// YASGUI and its chart plugin, when the reader turns to the query), search.js (the static site's
// search), tables.js (sorting and paging of the static site's lists), network.js (vis-network and the
// network page's script), vega.js (Vega-Lite and vega-embed, fetched by portal.js and query.js only when a
// page draws a chart), the map's country shapes projected once here (see below), and the licences
// of the bundled packages. All are classic scripts: a published site works from a plain folder.
import { geoMercator, geoPath } from "d3-geo";
import { build } from "esbuild";
import { feature } from "topojson-client";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
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
    ["portal", "query-start", "query", "vega", "search", "network", "tables"].map((name) => [name, join(here, `src/${name}.js`)]),
  ),
  format: "iife",
});

// The map's countries (world-atlas, Natural Earth 1:110m), projected here once into one SVG path
// (basemap-shapes.json) that vega.js puts under the map's circles, which Vega-Lite draws in the same
// projection (basemap.json, read by the server): projecting, clipping and bounding 177 shapes in the
// browser was most of the map page's main-thread time.
const BASEMAP = { type: "mercator", center: [15, 50], scale: 520, width: 1600, height: 420, shapes: "basemap-shapes.json" };
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
  writeFileSync(join(out, BASEMAP.shapes), JSON.stringify({ width, height, path: shapes.join("") }) + "\n");
  writeFileSync(join(out, "basemap.json"), JSON.stringify(BASEMAP) + "\n");
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
  if (/\.(js|css|json)$/.test(name)) writeFileSync(join(out, name + ".gz"), gzipSync(readFileSync(join(out, name)), { level: 9 }));
}
console.log(`front-end bundled into ${out}`);
