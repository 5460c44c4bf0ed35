// Bundles the portal's front-end into ../static/dist (run by scripts/setup.sh after `npm ci`):
// portal.js (charts, map), query.js + query.css (YASGUI and its chart plugin), search.js (the static site's
// search), tables.js (sorting and paging of the static site's lists), network.js (vis-network and the
// network page's script), vega.js (Vega-Lite and vega-embed, fetched by portal.js and query.js only when a
// page draws a chart), the world-atlas country shapes, and the licences of the bundled packages. All are
// classic scripts: a published site works from a plain folder.
import { build } from "esbuild";
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
    ["portal", "query", "vega", "search", "network", "tables"].map((name) => [name, join(here, `src/${name}.js`)]),
  ),
  format: "iife",
});

copyFileSync(join(here, "node_modules/world-atlas/countries-110m.json"), join(out, "countries-110m.json"));
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
