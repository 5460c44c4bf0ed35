// YASGUI on /query: our endpoint, our prefixes, the saved queries as examples (tabs), a chart of the
// results (yasr-chart.js), and none of its remote autocompleters (they would ask an outside service for
// classes and properties). Fetched by query-start.js when the reader turns to the query; it starts from
// the plain form's text (`query`) and takes the focus, at the form's cursor, when the reader was typing
// there (`focus`, `cursor`).
import Yasgui from "@zazuko/yasgui";
import { chartPlugin } from "./yasr-chart.js";

function start({ query, focus, cursor }) {
  const el = document.getElementById("yasgui");
  if (!el) return;
  const config = JSON.parse(document.getElementById("yasgui-config").textContent);
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  Yasgui.Yasr.registerPlugin("chart", chartPlugin(config.labels.chart));
  const table = Yasgui.Yasr.plugins.table.defaults.tableConfig;
  table.language = { ...table.language, ...config.labels.table }; // its paging arrows kept
  const yasgui = new Yasgui(el, {
    tabName: config.labels.tab,
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: config.endpoint }] },
    persistenceId: null,
    yasqe: { value: query },
    yasr: { prefixes: config.prefixes, pluginOrder: ["table", "chart", "response"] },
  });
  const picker = document.getElementById("examples");
  if (picker) {
    picker.addEventListener("change", () => {
      const example = config.examples[picker.value];
      if (!example) return;
      const tab = yasgui.getTab();
      tab.setQuery(example.query);
      picker.value = "";
    });
  }
  labelParts(el, config);
  yasgui.on("tabChange", () => labelParts(el, config));
  yasgui.on("queryResponse", () => setTimeout(() => labelParts(el, config), 0));
  translate(el, config.labels);
  const plain = document.getElementById("plain-query");
  if (plain) plain.hidden = true; // until now the form was the editor
  if (focus) {
    const yasqe = yasgui.getTab().getYasqe();
    yasqe.focus();
    yasqe.setCursor(yasqe.posFromIndex(cursor)); // keys typed next go where they went in the form
  }
  window.partnergraphYasgui = yasgui; // for the tests and the curious
}

// YASGUI leaves a few of its controls without an accessible name; give them ours
function labelParts(root, config) {
  const name = (selector, label) => {
    for (const node of root.querySelectorAll(selector)) {
      if (!node.getAttribute("aria-label") && !node.closest(".pg-chart")) node.setAttribute("aria-label", label); // the chart's have labels
    }
  };
  name(".CodeMirror textarea", config.labels.editor);
  name("input.autocomplete", config.labels.endpoint);
  name(".yasr input, .yasr select", config.labels.results);
  // the view buttons' names ("Shows Chart view") are YASR's English: the button's own text says it
  for (const button of root.querySelectorAll(".yasr_btn[class*=select_]")) {
    button.removeAttribute("aria-label");
    const view = [...button.classList].find((c) => c.startsWith("select_")).slice(7);
    const text = button.querySelector("span");
    if (text && config.labels.views[view]) text.textContent = button.title = config.labels.views[view];
  }
  // a tab list may hold only tabs: its "new tab" button goes right after it
  for (const list of root.querySelectorAll(".tabsList")) {
    for (const child of [...list.children]) if (child.querySelector("button.addTab")) list.after(child);
  }
}

// YASGUI writes its controls' words in English; in the reader's language as soon as they appear (the
// results' line, "4 results in 0.056 seconds", is written anew from its numbers)
function translate(root, labels) {
  const words = labels.yasgui;
  const number = new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: 3 });
  const answer = /^(\d+) results? in ([\d.]+) seconds?$/;
  const fix = (node) => {
    const at = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    if (!at || at.closest(".CodeMirror, tbody")) return; // the query's and the results' own text stay
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.nodeValue;
      const found = answer.exec(text.trim());
      if (found) node.nodeValue = labels.answer.replace("{n}", number.format(found[1])).replace("{s}", number.format(found[2]));
      else if (words[text] && words[text] !== text) node.nodeValue = words[text];
      else if (words[text.trim()] && words[text.trim()] !== text.trim()) node.nodeValue = words[text.trim()];
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    for (const name of ["title", "placeholder", "aria-label"]) {
      const value = node.getAttribute(name);
      if (value && words[value] && words[value] !== value) node.setAttribute(name, words[value]);
    }
    for (const child of node.childNodes) fix(child);
  };
  fix(root);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "attributes") fix(change.target);
      else if (change.type === "characterData") fix(change.target);
      else for (const node of change.addedNodes) fix(node);
    }
  }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["title", "placeholder", "aria-label"] });
}

window.partnergraphStartYasgui = start;
