// The partnergraph network page. Every string that comes from the data is set with textContent or
// as an option's text, never as markup. Positions are computed beforehand; physics stays off.
(function () {
  "use strict";
  var T = { start: performance.now() };
  window.pgTimings = T;
  var D = JSON.parse(document.getElementById("pg-data").textContent);
  T.parsed = performance.now();
  var UI = D.ui;
  var nodesIn = D.nodes, edgesIn = D.edges, N = nodesIn.length;
  var isEvent = new Uint8Array(N);
  var neighbours = nodesIn.map(function () { return []; });
  var quotesOf = nodesIn.map(function () { return []; });  // the quoted source text of a node's links
  edgesIn.forEach(function (e) {
    neighbours[e[0]].push(e[1]); neighbours[e[1]].push(e[0]);
    if (e[3]) { quotesOf[e[0]].push(e[3]); quotesOf[e[1]].push(e[3]); }
  });
  var EVENT = D.kinds.findIndex(function (k) { return k.id === "event"; });
  nodesIn.forEach(function (n, i) { isEvent[i] = n.k === EVENT ? 1 : 0; });

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function fold(s) {
    return String(s).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l");
  }

  // ---- static texts -------------------------------------------------------------------------------
  document.querySelectorAll("[data-ui]").forEach(function (e) { e.textContent = UI[e.dataset.ui]; });
  $("pg-search").placeholder = UI.searchHint;

  function fillSelect(select, options) {
    select.appendChild(new Option(UI.all, "-1"));
    options.forEach(function (o, i) { select.appendChild(new Option(o[1], String(i))); });
  }
  fillSelect($("pg-type"), D.types);
  fillSelect($("pg-direction"), D.directions);
  fillSelect($("pg-topic"), D.topics);
  fillSelect($("pg-country"), D.countries);
  var yearFrom = $("pg-year-from"), yearTo = $("pg-year-to");
  if (D.years) {
    [yearFrom, yearTo].forEach(function (input) { input.min = D.years[0]; input.max = D.years[1]; });
    yearFrom.value = D.years[0];
    yearTo.value = D.years[1];
  } else {
    yearFrom.disabled = yearTo.disabled = true;
  }

  // ---- the filters on a phone: closed at first under a button that says how many are on -----------------
  var narrow = window.matchMedia("(max-width: 40em)");
  function openFilters(open) {
    $("pg-controls").classList.toggle("pg-collapsed", !open);
    $("pg-filters-toggle").setAttribute("aria-expanded", String(open));
  }
  openFilters(!narrow.matches);  // closed in the page as sent (no shift on a phone); open at a desktop's width
  $("pg-filters-toggle").addEventListener("click", function () {
    openFilters(this.getAttribute("aria-expanded") !== "true");
  });

  // ---- legend -------------------------------------------------------------------------------------
  var SVG = "http://www.w3.org/2000/svg";
  function shapePath(shape) {
    var c = 8, r = 6.5;
    function poly(points) { return "M" + points.map(function (p) { return p[0].toFixed(2) + "," + p[1].toFixed(2); }).join("L") + "Z"; }
    function ring(n, radius, start) {
      var pts = [];
      for (var i = 0; i < n; i++) {
        var a = start + (2 * Math.PI * i) / n;
        pts.push([c + radius(i) * Math.cos(a), c + radius(i) * Math.sin(a)]);
      }
      return pts;
    }
    switch (shape) {
      case "square": return poly([[c - r * 0.8, c - r * 0.8], [c + r * 0.8, c - r * 0.8], [c + r * 0.8, c + r * 0.8], [c - r * 0.8, c + r * 0.8]]);
      case "triangle": return poly(ring(3, function () { return r; }, -Math.PI / 2));
      case "triangleDown": return poly(ring(3, function () { return r; }, Math.PI / 2));
      case "diamond": return poly(ring(4, function () { return r; }, -Math.PI / 2));
      case "hexagon": return poly(ring(6, function () { return r; }, 0));
      case "star": return poly(ring(10, function (i) { return i % 2 ? r * 0.45 : r; }, -Math.PI / 2));
      default: return "M" + (c - r) + "," + c + "a" + r + "," + r + " 0 1,0 " + 2 * r + ",0a" + r + "," + r + " 0 1,0 " + -2 * r + ",0Z";
    }
  }
  D.kinds.forEach(function (k) {
    if (!k.count) return;
    var li = el("li");
    li.dataset.kind = k.id;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", shapePath(k.shape));
    path.setAttribute("fill", k.color);
    path.setAttribute("stroke", "#444");
    path.setAttribute("stroke-width", "0.6");
    svg.appendChild(path);
    li.appendChild(svg);
    li.appendChild(el("span", k.label));
    li.appendChild(el("span", k.count, "pg-n"));
    $("pg-legend-items").appendChild(li);
  });

  // vis-network and all that uses it, in tasks after the one that fills the texts, filters and legend
  // above, so that the page paints first and no task holds the main thread for long
  setTimeout(startNetwork, 0);
  function startNetwork() {
    // ---- the network --------------------------------------------------------------------------------
    var visNodes = nodesIn.map(function (n, i) {
      var kind = D.kinds[n.k];
      return {
        id: i, x: n.x, y: n.y, size: n.s, shape: kind.shape,  // labels: see updateLabels
        color: { background: kind.color, border: "#3d3d3d", highlight: { background: kind.color, border: "#000" },
                 hover: { background: kind.color, border: "#000" } },
      };
    });
    var visEdges = edgesIn.map(function (e, i) { return { id: i, from: e[0], to: e[1] }; });
    T.prepared = performance.now();
    // The network is made empty and gets its nodes, then its edges, a slice per task (SLICE_MS each), so that
    // the page answers meanwhile instead of waiting for one long task (vis-network spends about a millisecond
    // on each node it is given, more on a loaded phone). A big graph (over 2,000 nodes) takes its nodes at
    // once, as every slice is followed by a redraw of all that is there, and gets its edges in chunks of
    // D.edgeChunk after its nodes are drawn.
    var chunk = D.edgeChunk || 0, gradual = chunk > 0 && visEdges.length > chunk;
    var nodes = new vis.DataSet([]), edges = new vis.DataSet([]);
    T.datasets = performance.now();
    var big = N > 2000, loaded = false;
    var network = new vis.Network($("pg-graph"), { nodes: nodes, edges: edges }, {
      physics: false,
      layout: { improvedLayout: false },
      interaction: { hover: true, tooltipDelay: 100, hideEdgesOnDrag: big, hideEdgesOnZoom: big, navigationButtons: false },
      nodes: { borderWidth: 1, font: { size: 12, color: "#222", strokeWidth: 2, strokeColor: "#fff" } },
      edges: { smooth: false, width: 0.6, color: { color: "#9aa5b1", highlight: "#222", hover: "#222", opacity: 0.6 } },
    });
    window.pgNetwork = network;
    T.network = performance.now();
    function edgesDone() {
      window.pgEdgesAt = T.edges = performance.now();
      document.documentElement.dataset.edges = "1";
    }
    // ---- labels: 13 px on screen at any zoom. The chosen node and the search's matches are labelled, then
    // the biggest nodes in view, each only where its label does not cover one already placed (a map's rule).
    var LABEL_PX = 13, LABEL_MAX = 400;
    var labelled = new Uint8Array(N), chosenNode = -1, searchMatches = null;
    var bySize = nodesIn.map(function (n, i) { return i; }).sort(function (a, b) { return nodesIn[b].s - nodesIn[a].s; });
    function shortLabel(l) { return l.length > 42 ? l.slice(0, 40) + "…" : l; }
    var fontScale = 0;  // the scale the label font was last set for: setting it again remakes every label
    function updateLabels() {
      if (!loaded) return;
      var scale = network.getScale(), view = network.getViewPosition();
      var W = $("pg-graph").clientWidth, H = $("pg-graph").clientHeight;
      var want = new Uint8Array(N), grid = new Map(), CELL = 64, placed = 0;
      function place(i, force) {
        var n = nodesIn[i], w = shortLabel(n.l).length * LABEL_PX * 0.55, h = LABEL_PX * 1.3;
        var x = (n.x - view.x) * scale + W / 2 - w / 2, y = (n.y - view.y) * scale + H / 2 + n.s * scale + 2;
        if (!force && (x < 0 || x + w > W || y < 0 || y + h > H)) return;  // whole labels only
        var cells = [];
        for (var cx = Math.floor(x / CELL); cx <= Math.floor((x + w) / CELL); cx++) {
          for (var cy = Math.floor(y / CELL); cy <= Math.floor((y + h) / CELL); cy++) cells.push(cx + "," + cy);
        }
        if (!force) {
          for (var c = 0; c < cells.length; c++) {
            var boxes = grid.get(cells[c]) || [];
            for (var k = 0; k < boxes.length; k++) {
              var o = boxes[k];
              if (x < o[0] + o[2] && o[0] < x + w && y < o[1] + o[3] && o[1] < y + h) return;
            }
          }
        }
        cells.forEach(function (key) { (grid.get(key) || grid.set(key, []).get(key)).push([x, y, w, h]); });
        want[i] = 1;
        placed++;
      }
      if (chosenNode >= 0) place(chosenNode, true);
      if (searchMatches) searchMatches.forEach(function (i) { if (placed < LABEL_MAX) place(i, true); });
      for (var r = 0; r < N && placed < LABEL_MAX; r++) {
        var i = bySize[r];
        if (!want[i] && !(hidden && hidden[i])) place(i, false);
      }
      if (scale !== fontScale) {
        fontScale = scale;
        network.setOptions({ nodes: { font: { size: LABEL_PX / scale, strokeWidth: 3 / scale } } });
      }
      var changes = [];
      for (var j = 0; j < N; j++) {
        if (want[j] !== labelled[j]) {
          labelled[j] = want[j];
          changes.push({ id: j, label: want[j] ? shortLabel(nodesIn[j].l) : "" });
        }
      }
      if (changes.length) nodes.update(changes);
      window.pgLabelPx = LABEL_PX * 1;  // for the tests: a label's size on screen
      window.pgLabelled = placed;
    }
    var labelTimer = null;
    function labelsLater() { clearTimeout(labelTimer); labelTimer = setTimeout(updateLabels, 60); }
    network.on("zoom", labelsLater);
    network.on("dragEnd", labelsLater);
    var SLICE_MS = 8;
    function addInSlices(set, items, then) {  // as many items per task as fit in SLICE_MS, measured as it goes
      var next = 0, size = big ? items.length : 8;
      (function slice() {
        var started = performance.now();
        set.add(items.slice(next, next + size));
        next += size;
        var took = performance.now() - started;
        size = Math.max(1, Math.round(size * Math.min(4, SLICE_MS / Math.max(took, 0.1))));
        if (next < items.length) setTimeout(slice, 0);
        else setTimeout(then, 0);
      })();
    }
    function whenDrawn() {  // labels and the edges a big graph gets later, once the loaded nodes are drawn
      network.body.emitter.emit("_allowRedraw");
      network.fit({ animation: false });
      network.once("afterDrawing", function () {
        setTimeout(function () {
          loaded = true;
          apply();  // the filters as the form has them (a reload keeps them), the counts, the labels
          if (D.focus !== null && D.focus !== undefined) select(D.focus, false);  // a focused page opens on its node
          window.pgReadyAt = T.drawn = performance.now();
          document.documentElement.dataset.ready = "1";
          if (!gradual) return edgesDone();
          var next = 0;
          (function addEdges() {
            edges.add(visEdges.slice(next, next + chunk));
            next += chunk;
            if (next < visEdges.length) setTimeout(addEdges, 0);
            else network.once("afterDrawing", edgesDone);
          })();
        }, 0);
      });
      network.redraw();
    }
    // no drawing until the slices are in (vis-network's own switch, which its stabilize() uses): each
    // slice would be followed by a drawing of all that is there
    network.body.emitter.emit("_blockRedraw");
    setTimeout(function () {  // in tasks after this one, which made the network and its handlers
      addInSlices(nodes, visNodes, function () {
        if (gradual) whenDrawn();
        else addInSlices(edges, visEdges, whenDrawn);
      });
    }, 0);

    // ---- zoom buttons and PNG export -----------------------------------------------------------------
    function zoom(factor) {
      network.moveTo({ scale: network.getScale() * factor, position: network.getViewPosition(), animation: false });
      updateLabels();
    }
    $("pg-zoom-in").addEventListener("click", function () { zoom(1.4); });
    $("pg-zoom-out").addEventListener("click", function () { zoom(1 / 1.4); });
    $("pg-fit").addEventListener("click", function () { network.fit({ animation: false }); updateLabels(); });
    $("pg-png").addEventListener("click", function () {
      var canvas = $("pg-graph").querySelector("canvas");
      if (canvas) this.href = canvas.toDataURL("image/png");  // what is on screen, as the browser drew it
    });

    // ---- filters and search -------------------------------------------------------------------------
    var hidden = new Uint8Array(N);  // what vis currently has
    function readFilters() {
      var f = {
        type: +$("pg-type").value, dir: +$("pg-direction").value,
        topic: +$("pg-topic").value, country: +$("pg-country").value,
        from: D.years ? +yearFrom.value : null, to: D.years ? +yearTo.value : null,
      };
      f.years = !!D.years && (f.from > D.years[0] || f.to < D.years[1]);
      f.active = f.years || f.type >= 0 || f.dir >= 0 || f.topic >= 0 || f.country >= 0;
      return f;
    }
    function eventPasses(n, f) {
      if (f.years && (n.y0 === undefined || n.y1 < f.from || n.y0 > f.to)) return false;
      if (f.type >= 0 && n.t !== f.type) return false;
      if (f.dir >= 0 && n.r !== f.dir) return false;
      if (f.topic >= 0 && (n.tp || []).indexOf(f.topic) < 0) return false;
      if (f.country >= 0 && (n.c || []).indexOf(f.country) < 0) return false;
      return true;
    }
    function apply() {
      if (!loaded) return;  // applied once the nodes are in
      var f = readFilters(), show = new Uint8Array(N), i, a, b;
      if (!f.active) show.fill(1);
      else {
        for (i = 0; i < N; i++) if (isEvent[i] && eventPasses(nodesIn[i], f)) show[i] = 1;
        for (i = 0; i < edgesIn.length; i++) {
          a = edgesIn[i][0]; b = edgesIn[i][1];
          if (isEvent[a] && !isEvent[b] && show[a]) show[b] = 1;
          else if (isEvent[b] && !isEvent[a] && show[b]) show[a] = 1;
        }
      }
      if (searchMatches) {
        var keep = new Uint8Array(N);
        searchMatches.forEach(function (m) { keep[m] = 1; });
        for (i = 0; i < edgesIn.length; i++) {
          a = edgesIn[i][0]; b = edgesIn[i][1];
          if (searchMatches.has(a)) keep[b] = 1;
          if (searchMatches.has(b)) keep[a] = 1;
        }
        for (i = 0; i < N; i++) show[i] &= keep[i];
      }
      var changes = [], count = 0;
      for (i = 0; i < N; i++) {
        count += show[i];
        if (hidden[i] !== (show[i] ? 0 : 1)) {
          hidden[i] = show[i] ? 0 : 1;
          changes.push({ id: i, hidden: !show[i] });
        }
      }
      if (changes.length) nodes.update(changes);
      var byKind = {};
      for (i = 0; i < N; i++) if (show[i]) byKind[nodesIn[i].k] = (byKind[nodesIn[i].k] || 0) + 1;
      D.kinds.forEach(function (k, index) {  // the legend counts what is shown
        var li = document.querySelector('#pg-legend-items li[data-kind="' + k.id + '"] .pg-n');
        if (li) li.textContent = byKind[index] || 0;
      });
      window.pgVisible = count;
      if (changes.length && count) {  // the network fits what is shown
        var ids = [];
        for (i = 0; i < N; i++) if (show[i]) ids.push(i);
        if (count < N) network.fit({ nodes: ids, animation: false });
        else network.fit({ animation: false });
      }
      updateLabels();
      $("pg-count").textContent = UI.shown.replace("{shown}", count).replace("{total}", N);
      $("pg-count").dataset.visible = String(count);
      var on = [f.years, f.type >= 0, f.dir >= 0, f.topic >= 0, f.country >= 0].filter(Boolean).length;
      $("pg-filters-active").textContent = on ? " (" + on + ")" : "";
    }
    ["pg-type", "pg-direction", "pg-topic", "pg-country", "pg-year-from", "pg-year-to"].forEach(function (id) {
      $(id).addEventListener("change", apply);
      $(id).addEventListener("input", apply);
    });
    $("pg-controls").addEventListener("reset", function () {
      setTimeout(function () {  // after the form has restored its defaults
        if (D.years) { yearFrom.value = D.years[0]; yearTo.value = D.years[1]; }
        searchMatches = null;
        $("pg-results").replaceChildren();
        apply();
      }, 0);
    });
    $("pg-controls").addEventListener("submit", function (e) { e.preventDefault(); });

    var folded = nodesIn.map(function (n) { return fold(n.l + "\u0000" + (n.a || "")); });
    function search() {
      var q = fold($("pg-search").value.trim());
      var results = $("pg-results");
      results.replaceChildren();
      if (!q) { searchMatches = null; apply(); return; }
      searchMatches = new Set();
      for (var i = 0; i < N; i++) if (folded[i].indexOf(q) >= 0) searchMatches.add(i);
      var shown = 0;
      searchMatches.forEach(function (i) {
        if (shown++ >= 30) return;
        var li = el("li"), button = el("button", nodesIn[i].l);
        button.type = "button";
        button.title = D.kinds[nodesIn[i].k].label;
        button.addEventListener("click", function () { select(i, true); });
        li.appendChild(button);
        results.appendChild(li);
      });
      if (!searchMatches.size) results.appendChild(el("li", UI.noMatch));
      apply();
    }
    var searchTimer = null;
    $("pg-search").addEventListener("input", function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(search, 120);
    });

    // ---- details: tooltip and side panel -------------------------------------------------------------
    var dayFormat = new Intl.DateTimeFormat(document.documentElement.lang, { day: "numeric", month: "short", year: "numeric" });
    function day(iso) {  // '2017-11-16' as the portal's pages write it: '16 lis 2017', 'Nov 16, 2017'
      var m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso);
      return m ? dayFormat.format(new Date(+m[1], +m[2] - 1, +m[3])) : iso;
    }
    function dates(n) {
      if (!n.ds) return null;
      return n.de && n.de !== n.ds ? day(n.ds) + " – " + day(n.de) : day(n.ds);
    }
    function option(list, index) { return index === undefined || index < 0 ? null : list[index][1]; }
    function facts(n) {
      var out = [[UI.kind, D.kinds[n.k].label]];
      if (n.k === EVENT) {
        out.push([UI.dates, dates(n) || UI.undated]);
        out.push([UI.type, option(D.types, n.t)]);
        out.push([UI.direction, option(D.directions, n.r)]);
        out.push([UI.participants, n.p || null]);
        out.push([UI.topic, (n.tp || []).map(function (t) { return D.topics[t][1]; }).join(", ") || null]);
        out.push([UI.country, (n.c || []).map(function (c) { return D.countries[c][1]; }).join(", ") || null]);
      } else {
        out.push([UI.events, n.e]);
        if (n.ds) out.push([UI.dates, dates(n)]);
      }
      return out.filter(function (f) { return f[1] !== null && f[1] !== undefined && f[1] !== ""; });
    }
    var tip = $("pg-tooltip");
    function showTip(parts, pointer) {
      tip.replaceChildren();
      parts.forEach(function (p) { tip.appendChild(p); });
      var rect = $("pg-graph").getBoundingClientRect();
      tip.style.left = Math.min(rect.left + pointer.x + 14, window.innerWidth - 380) + "px";
      tip.style.top = Math.min(rect.top + pointer.y + 14, window.innerHeight - 200) + "px";
      tip.hidden = false;
    }
    network.on("hoverNode", function (p) {
      var n = nodesIn[p.node], parts = [el("strong", n.l)];
      var meta = [D.kinds[n.k].label, dates(n)].filter(Boolean).join(" · ");
      parts.push(el("div", meta, "pg-meta"));
      if (n.q) parts.push(el("blockquote", n.q));
      showTip(parts, p.pointer.DOM);
    });
    network.on("hoverEdge", function (p) {
      var e = edgesIn[p.edge], parts = [el("strong", nodesIn[e[0]].l + " — " + nodesIn[e[1]].l)];
      parts.push(el("div", D.relations[e[2]], "pg-meta"));
      if (e[3]) parts.push(el("blockquote", e[3]));
      showTip(parts, p.pointer.DOM);
    });
    network.on("blurNode", function () { tip.hidden = true; });
    network.on("blurEdge", function () { tip.hidden = true; });
    network.on("dragStart", function () { tip.hidden = true; });

    function resourceLink(iri) {
      if (D.linkBase !== null && iri.indexOf(D.base) === 0) {
        var path = iri.slice(D.base.length), cut = path.indexOf("#"), fragment = cut < 0 ? "" : path.slice(cut);
        path = cut < 0 ? path : path.slice(0, cut);
        if (D.linkSuffix && (path === "" || /\/$/.test(path))) path += "index";  // a file, not a folder
        return D.linkBase + path + D.linkSuffix + fragment;
      }
      return /^https?:\/\//.test(iri) ? iri : null;
    }
    function select(i, focus) {
      if (!loaded) return;
      var n = nodesIn[i], body = $("pg-panel-body");
      body.replaceChildren();
      body.appendChild(el("h2", n.l));
      if (n.a && n.a !== n.l) body.appendChild(el("p", n.a));
      var dl = el("dl");
      facts(n).forEach(function (f) { dl.appendChild(el("dt", f[0])); dl.appendChild(el("dd", f[1])); });
      dl.appendChild(el("dt", "IRI"));
      dl.appendChild(el("dd", n.i));
      body.appendChild(dl);
      // an event's text; an entity's quotes, three at first and all on demand
      var quotes = n.k === EVENT ? (n.q ? [n.q] : []) : quotesOf[i].filter(function (q, at, all) { return all.indexOf(q) === at; }).sort();
      if (quotes.length) {
        body.appendChild(el("h3", UI.sourceText));
        var quoteList = el("div", null, "pg-quotes");
        quotes.forEach(function (q, at) {
          var block = el("blockquote", q);
          block.hidden = at >= 3;
          quoteList.appendChild(block);
        });
        body.appendChild(quoteList);
        if (quotes.length > 3) {
          var more = el("button", UI.allQuotes.replace("{n}", quotes.length), "pg-more");
          more.type = "button";
          more.addEventListener("click", function () {
            quoteList.querySelectorAll("blockquote").forEach(function (b) { b.hidden = false; });
            more.remove();
            quoteList.querySelectorAll("blockquote")[3].setAttribute("tabindex", "-1");
            quoteList.querySelectorAll("blockquote")[3].focus();
          });
          body.appendChild(more);
        }
      }
      var near = neighbours[i].filter(function (j) { return !hidden[j]; });
      if (near.length) {
        body.appendChild(el("h3", UI.linked + " (" + near.length + ")"));
        var list = el("ul", null, "pg-linked");
        near.slice(0, 100).forEach(function (j) {
          var button = el("button", nodesIn[j].l);
          button.type = "button";
          button.title = D.kinds[nodesIn[j].k].label;
          button.addEventListener("click", function () { select(j, true); });
          var li = el("li");
          li.appendChild(button);
          list.appendChild(li);
        });
        body.appendChild(list);
      }
      var href = resourceLink(n.i);
      if (href) {
        var a = el("a", D.linkBase !== null ? UI.openPage : UI.openIri);
        a.href = href;
        a.id = "pg-resource-link";
        body.appendChild(a);
      }
      $("pg-panel").hidden = false;
      network.selectNodes([i]);
      chosenNode = i;
      if (focus) network.focus(i, { scale: Math.max(network.getScale(), 1), animation: false });
      updateLabels();
    }
    network.on("click", function (p) {
      if (p.nodes.length) select(p.nodes[0], false);
    });
    $("pg-panel-close").addEventListener("click", function () {
      $("pg-panel").hidden = true;
      network.unselectAll();
      chosenNode = -1;
      updateLabels();
    });
  }
})();
