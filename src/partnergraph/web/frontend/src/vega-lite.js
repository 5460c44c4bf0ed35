// YASGUI's charts (yasr-chart.js) are Vega-Lite the reader makes: dist/vega-lite.js is vega.js with the
// Vega-Lite compiler, fetched by the SPARQL page only (load-vega.js).
import { compile } from "vega-lite";
import { drawVega } from "./vega.js";

window.partnergraphVegaLite = { drawChart: (el, spec, actions) => drawVega(el, compile(spec).spec, actions) };
