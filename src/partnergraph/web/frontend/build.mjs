// Bundles the portal's front-end into ../static/dist (run by scripts/setup.sh after `npm ci`):
// portal.js (charts, map), query.js + query.css (YASGUI), search.js (the static site's search), the world-atlas country shapes, and the
// licences of the bundled packages.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "static", "dist");
mkdirSync(out, { recursive: true });

await build({
  entryPoints: {
    portal: join(here, "src/portal.js"),
    query: join(here, "src/query.js"),
    search: join(here, "src/search.js"),
  },
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  outdir: out,
  legalComments: "none",
  loader: { ".woff": "dataurl", ".woff2": "dataurl", ".ttf": "dataurl", ".svg": "dataurl" },
  logLevel: "warning",
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
