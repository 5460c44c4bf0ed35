// The portal's charts and map: every element with data-spec="<id of a JSON script>" (a chart's data and the
// key of its Vega, compiled at install time) is drawn with vega-embed (dist/vega.js, fetched only on pages
// that have charts). A chart is drawn when
// it comes near the screen, so a page's first paint does not wait for the charts below it. On the map page
// the filters re-derive the map's and the charts' data.

import { loadVega } from "./load-vega.js";

function readJSON(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}

// the data a derived view shows, from the groups of events chosen by the filters: each group counts
// the events of one year, type and direction, and per city ([place number, events]) in `places`
const DERIVE = {
  cities(groups, places) {
    const byCity = new Map();
    for (const g of groups) {
      for (const [place, n] of g.cities) {
        const c = places[place];
        const row = byCity.get(place) || { name: c.name, lat: c.lat, lon: c.lon, href: c.href, events: 0 };
        row.events += n;
        byCity.set(place, row);
      }
    }
    return [...byCity.values()];
  },
  "per-year-direction"(groups) {
    return perYear(groups, "direction");
  },
  "per-year-type"(groups) {
    return perYear(groups, "type");
  },
};

function perYear(groups, field) {
  const counts = new Map();
  for (const g of groups) {
    if (!g.year) continue;
    const key = `${g.year}\u0000${g[field] || "?"}`;
    counts.set(key, (counts.get(key) || 0) + g.events);
  }
  const rows = [...counts.entries()].map(([key, n]) => {
    const [year, group] = key.split("\u0000");
    return { year: Number(year), group, events: n };
  });
  // a year between the first and the last without events is a 0 (in the first group), as the server's
  // charts have it (portal/figures.py with_every_year): the axis runs without gaps
  if (rows.length) {
    const had = new Set(rows.map((r) => r.year));
    const first = rows.map((r) => r.group).sort()[0];
    for (let y = Math.min(...had); y <= Math.max(...had); y++) if (!had.has(y)) rows.push({ year: y, group: first, events: 0 });
  }
  return rows.sort((a, b) => a.year - b.year);
}

async function draw(el, events, places) {
  const spec = readJSON(el.dataset.spec);
  if (!spec) return;
  const derive = spec.usermeta && spec.usermeta.derive;
  if (derive && events) spec.datasets = { ...spec.datasets, derived: DERIVE[derive](events, places) };
  const { drawChart } = await loadVega();
  // one drawing at a time per chart, and only the latest data: a filter changed while the chart was
  // being drawn waits for it, then draws once
  const ticket = (el._ticket = (el._ticket || 0) + 1);
  el._drawing = (el._drawing || Promise.resolve()).catch(() => {}).then(async () => {
    if (ticket !== el._ticket) return;
    await drawChart(el, spec, el.dataset.actions);
    el.dataset.drawn = String(Number(el.dataset.drawn || 0) + 1);
  });
  await el._drawing;
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
  if (!charts.length) return;
  const form = document.getElementById("map-filters");
  const all = readJSON("map-events");
  const places = readJSON("map-places");
  const count = document.getElementById("map-count");
  let events = all;
  const seen = new Set(); // the charts that came near the screen: drawn, and redrawn when the filters change
  const show = (el) => draw(el, events, places).catch((err) => console.error(err));
  const near =
    "IntersectionObserver" in window
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting || seen.has(entry.target)) continue;
              seen.add(entry.target);
              near.unobserve(entry.target);
              show(entry.target);
            }
          },
          { rootMargin: "0px" },
        )
      : null;
  const update = () => {
    events = form && all ? chosen(all, form) : all;
    const shown = events ? events.reduce((n, g) => n + g.events, 0) : 0;
    if (count && events) count.textContent = count.dataset.text.replace("{n}", shown);
  };
  if (form) {
    form.addEventListener("change", () => {
      update();
      for (const el of seen) show(el);
    });
  }
  update();
  for (const el of charts) {
    if (near) near.observe(el);
    else show(el);
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
