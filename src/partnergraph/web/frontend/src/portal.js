// The portal's charts and map: every element with data-spec="<id of a JSON script>" is drawn with
// vega-embed. Vega runs with its expression interpreter (no eval), so the page's CSP can stay
// "script-src 'self'". On the map page the filters re-derive the map's and the charts' data.
import embed from "vega-embed";
import { expressionInterpreter } from "vega-interpreter";

const PL_NUMBERS = { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0zł"] };

function options() {
  const lang = document.documentElement.lang;
  return {
    ast: true,
    expr: expressionInterpreter,
    renderer: "svg",
    actions: { export: true, source: false, compiled: false, editor: false },
    formatLocale: lang === "pl" ? PL_NUMBERS : undefined,
    i18n: lang === "pl" ? { PNG_ACTION: "Zapisz jako PNG", SVG_ACTION: "Zapisz jako SVG" } : undefined,
  };
}

function readJSON(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}

// the data a derived view shows, from the events chosen by the filters
const DERIVE = {
  cities(events) {
    const byCity = new Map();
    for (const e of events) {
      for (const c of e.cities) {
        const row = byCity.get(c.iri) || { name: c.name, lat: c.lat, lon: c.lon, href: c.href, events: 0 };
        row.events += 1;
        byCity.set(c.iri, row);
      }
    }
    return [...byCity.values()];
  },
  "per-year-direction"(events) {
    return perYear(events, "direction");
  },
  "per-year-type"(events) {
    return perYear(events, "type");
  },
};

function perYear(events, field) {
  const counts = new Map();
  for (const e of events) {
    if (!e.year) continue;
    const key = `${e.year}\u0000${e[field] || "?"}`;
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  return [...counts.entries()]
    .map(([key, n]) => {
      const [year, group] = key.split("\u0000");
      return { year: Number(year), group, events: n };
    })
    .sort((a, b) => a.year - b.year);
}

async function draw(el, events) {
  const spec = readJSON(el.dataset.spec);
  if (!spec) return;
  const derive = spec.usermeta && spec.usermeta.derive;
  if (derive && events) spec.datasets = { ...spec.datasets, derived: DERIVE[derive](events) };
  if (el._view) el._view.finalize();
  const result = await embed(el, spec, options());
  el._view = result.view;
  const summary = el.querySelector("details > summary");
  if (summary) summary.setAttribute("aria-label", el.dataset.actions || "Export"); // vega-embed's menu has no name
  el.dataset.drawn = String(Number(el.dataset.drawn || 0) + 1);
}

function chosen(events, form) {
  const f = new FormData(form);
  const from = Number(f.get("from")) || -Infinity;
  const to = Number(f.get("to")) || Infinity;
  return events.filter(
    (e) =>
      (!e.year || (e.year >= from && e.year <= to)) &&
      (!f.get("type") || e.type === f.get("type")) &&
      (!f.get("direction") || e.direction === f.get("direction")),
  );
}

function start() {
  const charts = [...document.querySelectorAll("[data-spec]")];
  const form = document.getElementById("map-filters");
  const all = readJSON("map-events");
  const count = document.getElementById("map-count");
  const redraw = () => {
    const events = form && all ? chosen(all, form) : all;
    if (count && events) count.textContent = count.dataset.text.replace("{n}", events.length);
    for (const el of charts) draw(el, events).catch((err) => console.error(err));
  };
  if (form) form.addEventListener("change", redraw);
  redraw();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
