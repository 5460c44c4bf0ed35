// /query opens on the plain form (a textarea and Run: the server answers it, with or without scripts).
// YASGUI (dist/query.js and query.css: about 300 KB gzipped, a second of a phone's main thread) is fetched
// when the reader turns to the query: a click, a tap or a key in the textarea, or an example picked. Until
// it comes, a picked example is written into the textarea, and YASGUI starts from whatever the textarea
// holds.
const here = document.currentScript ? document.currentScript.src : location.href; // read while the script runs

function start() {
  const form = document.getElementById("plain-query");
  const config = document.getElementById("yasgui-config");
  if (!form || !config) return;
  const textarea = form.querySelector("textarea");
  const picker = document.getElementById("examples");
  const examples = JSON.parse(config.textContent).examples;
  let loading = false;
  const load = (focus) => {
    if (loading) return;
    loading = true;
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = new URL("query.css", here).href;
    const script = document.createElement("script");
    script.src = new URL("query.js", here).href;
    script.onload = () =>
      window.partnergraphStartYasgui({ query: textarea.value, focus, cursor: textarea.selectionEnd });
    document.head.append(css, script);
  };
  for (const type of ["pointerdown", "keydown", "focus"]) textarea.addEventListener(type, () => load(true));
  if (picker) {
    picker.addEventListener("change", () => {
      const example = examples[picker.value];
      if (!example) return;
      textarea.value = example.query;
      picker.value = "";
      load(false);
    });
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
