// Fetches a Vega bundle (beside the script that imports this) the first time a chart is drawn, as a classic
// script: pages without charts never load Vega, and a published site works from a plain folder (module
// scripts and import() are refused on file:// pages). dist/vega.js draws Vega (the portal's charts, compiled
// at install time); dist/vega-lite.js also compiles Vega-Lite (YASGUI's charts).
const here = document.currentScript ? document.currentScript.src : location.href; // read while the bundle runs
const loading = {};

function load(file, name) {
  loading[file] =
    loading[file] ||
    new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(file, here).href;
      script.onload = () => resolve(window[name]);
      script.onerror = () => reject(new Error(`cannot load ${script.src}`));
      document.head.append(script);
    });
  return loading[file];
}

export const loadVega = () => load("vega.js", "partnergraphVega");
export const loadVegaLite = () => load("vega-lite.js", "partnergraphVegaLite");
