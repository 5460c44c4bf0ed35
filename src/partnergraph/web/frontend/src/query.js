// YASGUI on /query: our endpoint, our prefixes, the saved queries as examples (tabs), and none of its
// remote autocompleters (they would ask an outside service for classes and properties).
import Yasgui from "@zazuko/yasgui";

function start() {
  const el = document.getElementById("yasgui");
  if (!el) return;
  const config = JSON.parse(document.getElementById("yasgui-config").textContent);
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  const yasgui = new Yasgui(el, {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: config.endpoint }] },
    persistenceId: null,
    yasqe: { value: config.query },
    yasr: { prefixes: config.prefixes },
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
  const plain = document.getElementById("plain-query");
  if (plain) plain.hidden = true; // the form is for browsers without scripts
  window.partnergraphYasgui = yasgui; // for the tests and the curious
}

// YASGUI leaves a few of its controls without an accessible name; give them ours
function labelParts(root, config) {
  const name = (selector, label) => {
    for (const node of root.querySelectorAll(selector)) if (!node.getAttribute("aria-label")) node.setAttribute("aria-label", label);
  };
  name(".CodeMirror textarea", config.labels.editor);
  name("input.autocomplete", config.labels.endpoint);
  name(".yasr input, .yasr select", config.labels.results);
  // a tab list may hold only tabs: its "new tab" button goes right after it
  for (const list of root.querySelectorAll(".tabsList")) {
    for (const child of [...list.children]) if (child.querySelector("button.addTab")) list.after(child);
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
