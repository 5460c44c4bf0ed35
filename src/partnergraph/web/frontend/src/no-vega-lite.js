// Stands for vega-lite in dist/vega.js (build.mjs): vega-embed imports it, but the portal's charts come compiled
// to Vega, so the bundle leaves the compiler out.
export const version = undefined;
export function compile() {
  throw new Error("Vega-Lite is not in this bundle: the portal's charts are compiled at install time");
}
