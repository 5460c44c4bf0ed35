// Vega-Lite charts through vega-embed, shared by the portal's charts and map (portal.js) and YASGUI's chart
// plugin (yasr-chart.js): bundled on its own as dist/vega.js, which both fetch (load-vega.js) only when a
// page has something to draw, so the pages without charts never load Vega. Vega runs with its expression interpreter (no eval), so the page's CSP
// can stay "script-src 'self'".
import embed from "vega-embed";
import { expressionInterpreter } from "vega-interpreter";
import { compile } from "vega-lite";

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

// The map's countries: one path projected at install time (frontend/build.mjs) in the projection the
// circles use, centred on the plot as the projection is; a Vega path mark, under the circles.
function countries({ width, height, path }) {
  return {
    type: "path",
    name: "countries",
    clip: true,
    interactive: false,
    aria: false,
    encode: {
      enter: {
        path: { value: path },
        fill: { value: "#e4e9ee" },
        stroke: { value: "#fff" },
        strokeWidth: { value: 0.6 },
      },
      update: { x: { signal: `width / 2 - ${width / 2}` }, y: { signal: `height / 2 - ${height / 2}` } },
    },
  };
}

// a pause between the steps of drawing, so that each is its own task and the page answers in between
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Draw `spec` into `el` (replacing what was there); `actions` names vega-embed's export menu. */
async function drawChart(el, spec, actions) {
  if (el._view) el._view.finalize();
  await pause();
  const compiled = compile(spec).spec; // Vega-Lite to Vega, then Vega's parse and first run
  const basemap = spec.usermeta && spec.usermeta.basemap;
  if (basemap) compiled.marks.unshift(countries(await readJSON(new URL(basemap, location.href).href)));
  await pause();
  const result = await embed(el, compiled, { ...options(spec), mode: "vega" });
  el._view = result.view;
  const summary = el.querySelector("details > summary");
  if (summary) summary.setAttribute("aria-label", actions || "Export"); // vega-embed's menu has no name
  return result.view;
}

window.partnergraphVega = { drawChart };
