// A YASR plugin that draws a SELECT answer as a chart: a bar, line or point chart (Vega-Lite through
// vega-embed, from dist/vega-lite.js, fetched the first time a chart is drawn) of a numeric column against
// another, optionally coloured by a third. The reader chooses the columns and the mark; the first guess
// is the first column that is not a number against the first that is.

import { loadVegaLite } from "./load-vega.js";

const NUMERIC_TYPE = /XMLSchema#(integer|decimal|double|float|long|int|short|byte|(non)?(negative|positive)Integer|unsigned\w+)$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const MAX_ROWS = 2000; // more bars or points than a chart can show legibly

function isNumber(term) {
  return term.type !== "uri" && term.type !== "bnode" && (NUMERIC_TYPE.test(term.datatype || "") || NUMBER.test(term.value));
}

/** The plugin class for `labels` (the page's language): {chart, x, y, colour, none, mark, bar, line, point}. */
export function chartPlugin(labels) {
  return class Chart {
    constructor(yasr) {
      this.yasr = yasr;
      this.priority = 5;
      this.label = labels.chart;
      this.hideFromSelection = false;
      this.choice = {};
    }

    columns() {
      const results = this.yasr.results;
      const vars = results.getVariables();
      const rows = results.getBindings();
      const numeric = vars.filter((v) => {
        const bound = rows.filter((row) => row[v]);
        return bound.length > 0 && bound.every((row) => isNumber(row[v]));
      });
      return { vars, rows, numeric };
    }

    canHandleResults() {
      const results = this.yasr.results;
      if (!results || !results.getVariables || results.getBoolean() !== undefined) return false;
      try {
        const { vars, rows, numeric } = this.columns();
        return rows.length > 0 && vars.length >= 2 && numeric.length > 0;
      } catch {
        return false; // not a table of bindings (CONSTRUCT's triples are; an error is not)
      }
    }

    getIcon() {
      const icon = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      icon.setAttribute("viewBox", "0 0 16 16");
      icon.setAttribute("width", "15");
      icon.setAttribute("height", "15");
      icon.setAttribute("aria-hidden", "true");
      const bars = document.createElementNS("http://www.w3.org/2000/svg", "path");
      bars.setAttribute("d", "M1 15h14v-1H1zM2 13h3V7H2zm4.5 0h3V2h-3zm4.5 0h3V9h-3z");
      bars.setAttribute("fill", "currentColor");
      icon.append(bars);
      return icon;
    }

    // a term as a reader sees it: a prefixed name (or the last part) of an IRI, a literal's text
    show(term) {
      if (!term) return null;
      if (term.type !== "uri") return term.value;
      const prefixes = this.yasr.getPrefixes();
      for (const [name, ns] of Object.entries(prefixes)) if (term.value.startsWith(ns)) return `${name}:${term.value.slice(ns.length)}`;
      return term.value.replace(/^.*[/#](?=[^/#]+$)/, "");
    }

    // years along x and coloured by the first column of names; else names (a label's column first) along x
    guess(vars, numeric, rows) {
      const isYear = (v) => rows.every((row) => !row[v] || /^(19|20|21)\d\d$/.test(row[v].value));
      const names = vars.filter((v) => !numeric.includes(v));
      const literal = names.filter((v) => rows.every((row) => !row[v] || row[v].type !== "uri"));
      const year = numeric.find(isYear);
      if (year && numeric.some((v) => v !== year)) {
        return { x: year, y: numeric.find((v) => v !== year), colour: literal[0] || names[0] || "", mark: "bar" };
      }
      const y = numeric[0];
      const x = literal.find((v) => /label|name|title/i.test(v)) || literal[0] || names[0] || vars.find((v) => v !== y);
      return { x, y, colour: "", mark: "bar" };
    }

    controls(vars, numeric, choice, redraw) {
      const form = document.createElement("form");
      form.className = "pg-chart-controls";
      const select = (name, label, options, value) => {
        const wrap = document.createElement("label");
        wrap.append(label, " ");
        const box = document.createElement("select");
        box.name = name;
        for (const [optValue, optLabel] of options) box.append(new Option(optLabel, optValue, false, optValue === value));
        wrap.append(box);
        form.append(wrap, " ");
      };
      const pairs = (list) => list.map((v) => [v, `?${v}`]);
      select("x", labels.x, pairs(vars), choice.x);
      select("y", labels.y, pairs(numeric), choice.y);
      select("colour", labels.colour, [["", labels.none], ...pairs(vars)], choice.colour);
      select("mark", labels.mark, [["bar", labels.bar], ["line", labels.line], ["point", labels.point]], choice.mark);
      form.addEventListener("change", () => {
        const data = new FormData(form);
        redraw({ x: data.get("x"), y: data.get("y"), colour: data.get("colour"), mark: data.get("mark") });
      });
      form.addEventListener("submit", (e) => e.preventDefault());
      return form;
    }

    spec(rows, choice, numeric) {
      const data = rows.slice(0, MAX_ROWS).flatMap((row) => {
        const y = row[choice.y] ? Number(row[choice.y].value) : NaN;
        if (!row[choice.x] || Number.isNaN(y)) return [];
        const item = { x: this.show(row[choice.x]), y };
        if (numeric.includes(choice.x)) item.x = Number(row[choice.x].value);
        if (choice.colour) item.c = this.show(row[choice.colour]) ?? "";
        return [item];
      });
      // years and other numbers along x keep their order; names are sorted by their value
      const xNumeric = numeric.includes(choice.x);
      const x = { field: "x", type: xNumeric ? "ordinal" : "nominal", title: `?${choice.x}`, sort: xNumeric ? "ascending" : "-y" };
      const y = { field: "y", type: "quantitative", title: `?${choice.y}` };
      if (data.every((d) => Number.isInteger(d.y))) y.axis = { tickMinStep: 1, format: ",d" }; // counts: no "2,5"
      const many = !xNumeric && new Set(data.map((d) => d.x)).size > 12 && choice.mark === "bar";
      const encoding = many ? { y: { ...x, axis: { labelLimit: 160 } }, x: y } : { x: { ...x, axis: { labelLimit: 120 } }, y };
      if (choice.colour) encoding.color = { field: "c", type: "nominal", title: `?${choice.colour}` };
      encoding.tooltip = [x, y, ...(choice.colour ? [encoding.color] : [])].map((e) => ({ field: e.field, type: e.type, title: e.title }));
      return {
        $schema: "https://vega.github.io/schema/vega-lite/v6.json",
        description: `${labels.chart}: ?${choice.y} / ?${choice.x}`,
        width: "container",
        height: many ? { step: 18 } : 320,
        autosize: { type: "fit-x", contains: "padding" },
        data: { values: data },
        mark: { type: choice.mark, tooltip: true, ...(choice.mark === "line" ? { point: true } : {}) },
        encoding,
      };
    }

    async draw() {
      const { vars, rows, numeric } = this.columns();
      const keep = this.choice;
      const fits = keep.x && vars.includes(keep.x) && numeric.includes(keep.y) && (!keep.colour || vars.includes(keep.colour));
      const choice = fits ? keep : this.guess(vars, numeric, rows);
      const root = document.createElement("div");
      root.className = "pg-chart";
      const canvas = document.createElement("div");
      canvas.className = "pg-chart-drawing";
      const redraw = async (next) => {
        this.choice = next;
        const { drawChart } = await loadVegaLite();
        await drawChart(canvas, this.spec(rows, next, numeric), labels.save);
        root.dataset.drawn = String(Number(root.dataset.drawn || 0) + 1);
      };
      root.append(this.controls(vars, numeric, choice, redraw), canvas);
      this.yasr.resultsEl.appendChild(root);
      await redraw(choice);
    }
  };
}
