// Vega charts through vega-embed, for the portal's charts and map (portal.js), whose Vega-Lite is compiled to
// Vega at install time (build.mjs, web/vega.py) into this bundle: a page carries a chart's key and data.
// Bundled on its own as dist/vega.js without Vega-Lite (a third of the bytes), fetched (load-vega.js) only
// when a page has something to draw. vega-lite.js adds the compiler for YASGUI's charts, which the reader
// makes. Vega runs with its expression interpreter (no eval), so the page's CSP can stay "script-src 'self'".
import SHAPES from "compiled-vega-specs"; // written by build.mjs
import embed from "vega-embed";
import { expressionInterpreter } from "vega-interpreter";

const PL_NUMBERS = { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0zł"] };

function options(spec) {
  const lang = document.documentElement.lang;
  return {
    ast: true,
    expr: expressionInterpreter,
    // a map draws about 200 country shapes: on a canvas, not as as many SVG elements to lay out and paint
    renderer: "svg",
    actions: { export: true, source: false, compiled: false, editor: false },
    formatLocale: lang === "pl" ? PL_NUMBERS : undefined,
    i18n: lang === "pl" ? { PNG_ACTION: "Zapisz jako PNG", SVG_ACTION: "Zapisz jako SVG" } : undefined,
  };
}

const fetched = new Map();
const readJSON = (url) => {
  if (!fetched.has(url)) fetched.set(url, fetch(url).then((answer) => answer.json()));
  return fetched.get(url);
};

// The map's sea and countries: one path projected at install time (frontend/build.mjs) in the projection the
// circles use, centred on the plot as the projection is; Vega marks under the circles, in build.mjs's colours.
function countries({ width, height, path, sea, land, border }) {
  const at = { x: { signal: `width / 2 - ${width / 2}` }, y: { signal: `height / 2 - ${height / 2}` } };
  const mark = (type, name, enter) => ({ type, name, clip: true, interactive: false, aria: false, encode: { enter, update: at } });
  return [
    mark("rect", "sea", { width: { value: width }, height: { value: height }, fill: { value: sea } }),
    mark("path", "countries", { path: { value: path }, fill: { value: land }, stroke: { value: border }, strokeWidth: { value: 0.6 } }),
  ];
}

// a pause between the steps of drawing, so that each is its own task and the page answers in between
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The Vega of a chart as a page carries it: {shape, datasets, usermeta} (web/vega.py `to_page`). */
export function vegaOf({ shape, datasets, usermeta }) {
  if (!SHAPES[shape]) throw new Error(`chart ${shape} is not in dist/vega.js: run scripts/setup.sh`);
  const spec = structuredClone(SHAPES[shape]);
  for (const data of spec.data || []) if (data.name in datasets) data.values = datasets[data.name];
  if (usermeta && Object.keys(usermeta).length) spec.usermeta = usermeta;
  return spec;
}

/** Draw the Vega `spec` into `el` (replacing what was there); `actions` names vega-embed's export menu. */
export async function drawVega(el, spec, actions) {
  if (el._view) el._view.finalize();
  await pause();
  const basemap = spec.usermeta && spec.usermeta.basemap;
  if (basemap) spec.marks.unshift(...countries(await readJSON(new URL(basemap, location.href).href)));
  // vega-embed's hover is for hand-written Vega: a compiled Vega-Lite spec has no hover encoding
  const result = await embed(el, spec, { ...options(spec), mode: "vega", hover: false });
  el._view = result.view;
  const summary = el.querySelector("details > summary");
  if (summary) summary.setAttribute("aria-label", actions || "Export"); // vega-embed's menu has no name
  return result.view;
}

/** Draw a chart as a page carries it (see vegaOf). */
const drawChart = (el, chart, actions) => drawVega(el, vegaOf(chart), actions);

window.partnergraphVega = { drawChart, vegaOf };
