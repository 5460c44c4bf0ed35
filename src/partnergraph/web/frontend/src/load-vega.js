// Fetches the Vega bundle (dist/vega.js, beside the script that imports this) the first time a chart is
// drawn, as a classic script: pages without charts never load Vega, and a published site works from a
// plain folder (module scripts and import() are refused on file:// pages).
const here = document.currentScript ? document.currentScript.src : location.href; // read while the bundle runs
let loading = null;

export function loadVega() {
  loading =
    loading ||
    new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL("vega.js", here).href;
      script.onload = () => resolve(window.partnergraphVega);
      script.onerror = () => reject(new Error(`cannot load ${script.src}`));
      document.head.append(script);
    });
  return loading;
}
