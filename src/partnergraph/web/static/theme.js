// The reader's colour theme: "system" (the browser's prefers-color-scheme), "light" or "dark", remembered in
// localStorage. Loaded in <head> without defer, so the theme is on <html data-theme> before the page is first
// drawn (a dark page does not flash white); the stylesheets read it (header.css). The header's switch
// (#site-theme, shown only where this script runs) changes it, in every open tab of the site.
(function () {
  var KEY = "partnergraph-theme";
  var THEMES = ["system", "light", "dark"];
  var root = document.documentElement;

  function stored() {
    try {
      var theme = localStorage.getItem(KEY);
      return THEMES.indexOf(theme) >= 0 ? theme : "system";
    } catch (e) {  // storage refused (a file:// page, private mode): the system's theme
      return "system";
    }
  }

  function apply(theme) {
    root.dataset.theme = theme;
    var select = document.getElementById("site-theme");
    if (select) select.value = theme;
  }

  apply(stored());
  document.addEventListener("DOMContentLoaded", function () { apply(root.dataset.theme); });
  document.addEventListener("change", function (event) {
    if (event.target.id !== "site-theme") return;
    var theme = THEMES.indexOf(event.target.value) >= 0 ? event.target.value : "system";
    try {
      localStorage.setItem(KEY, theme);
    } catch (e) { /* this page only */ }
    apply(theme);
  });
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) apply(stored());
  });
})();
