// partnergraph review: corrections posted with the run's token; keyboard navigation through the values.
"use strict";
(function () {
  const token = document.querySelector('meta[name="review-token"]').content;
  const dataEl = document.getElementById("review-data");
  const data = dataEl ? JSON.parse(dataEl.textContent) : { t: {}, concepts: {} };
  const t = data.t;
  const message = document.getElementById("message");
  const review = document.querySelector(".review");
  const textEl = document.getElementById("text");
  const selbar = document.getElementById("selbar");
  let activeCard = null;
  let selection = null; // {start, end, text}

  function say(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  async function post(url, body) {
    say("");
    let response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Review-Token": token,
          "X-Review-Lang": document.documentElement.lang,
        },
        body: JSON.stringify(body),
      });
    } catch (e) {
      say(String(e));
      return null;
    }
    const answer = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) {
      say(answer.error || response.statusText);
      return null;
    }
    return answer;
  }

  // after a saved correction: the page again, at the same value
  function reloadAt(valueId) {
    const focused = valueId || (document.activeElement && document.activeElement.dataset.v);
    const url = new URL(location.href);
    url.hash = focused ? "v=" + encodeURIComponent(focused) : "";
    history.replaceState(null, "", url.toString()); // no navigation of its own: one reload follows
    location.reload();
  }

  async function correct(card, body, valueId) {
    body.event = card.dataset.event;
    body.version = card.dataset.version;
    if (await post("/api/correct", body)) reloadAt(valueId);
  }

  async function entity(body, valueId) {
    body.version = review.dataset.registryVersion;
    body.page = review.dataset.page; // remade with the pages that name the body
    if (await post("/api/entity", body)) reloadAt(valueId);
  }

  function values() {
    return Array.from(document.querySelectorAll(".value"));
  }

  function showSpan(li) {
    document.querySelectorAll("mark.current").forEach((m) => m.classList.remove("current"));
    if (!li || !textEl) return;
    const id = li.dataset.v;
    let first = null;
    document.querySelectorAll("#text mark").forEach((m) => {
      if (m.dataset.v.split(" ").includes(id)) {
        m.classList.add("current");
        first = first || m;
      }
    });
    if (first) first.scrollIntoView({ block: "center", behavior: "instant" });
  }

  function focusValue(li) {
    if (!li) return;
    li.focus();
    const card = li.closest(".card");
    if (card) activeCard = card;
    showSpan(li);
  }

  // ---- forms for a change: a select for a vocabulary, a city search, or a text box ----
  function form(li, fields, onSave) {
    li.querySelectorAll("form").forEach((f) => f.remove());
    const f = document.createElement("form");
    f.className = "edit";
    fields.forEach((el) => f.appendChild(el));
    const save = document.createElement("button");
    save.type = "submit";
    save.textContent = t.save;
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.textContent = t.cancel;
    cancel.onclick = () => f.remove();
    f.append(save, cancel);
    f.onsubmit = (ev) => {
      ev.preventDefault();
      onSave(f);
    };
    li.appendChild(f);
    const first = f.querySelector("input, select");
    if (first) first.focus();
    return f;
  }

  function input(name, label, value, list) {
    const l = document.createElement("label");
    l.textContent = label + " ";
    const i = document.createElement("input");
    i.name = name;
    i.value = value || "";
    if (list) i.setAttribute("list", list);
    l.appendChild(i);
    return l;
  }

  // what tells same-named towns apart: region, country, people, where it lies, its GeoNames id
  function townLabel(c) {
    const n = (x, digits) => x.toLocaleString(data.lang, { maximumFractionDigits: digits });
    const names = c.name + (c.name_pl && c.name_pl !== c.name ? " / " + c.name_pl : "") + (c.region ? ` (${c.region})` : "");
    const people = t.people.replace("{n}", n(c.population, 0));
    const at = c.lat == null ? "" : `, ${n(Math.abs(c.lat), 2)}° ${c.lat < 0 ? "S" : "N"} ${n(Math.abs(c.lon), 2)}° ${c.lon < 0 ? "W" : "E"}`;
    return `${names}, ${c.country_name} — ${people}${at} (GeoNames ${c.geonames_id})`;
  }

  let searches = 0;
  function citySearch(li, onPick) {
    const results = document.createElement("ul");
    results.className = "cities";
    const f = form(li, [input("q", t.pick_city, li.dataset.key)], async (fm) => {
      const q = fm.elements.q.value;
      results.innerHTML = ""; // at once: no click on the last search's answer while this one runs
      const ticket = (searches += 1);
      const found = await (await fetch("/api/cities?q=" + encodeURIComponent(q))).json();
      if (ticket !== searches) return; // a later search was asked meanwhile: its answer counts
      found.forEach((c) => {
        const item = document.createElement("li");
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = townLabel(c);
        b.onclick = () => onPick(c);
        item.appendChild(b);
        results.appendChild(item);
      });
      if (!found.length) results.textContent = "—";
    });
    f.querySelector('button[type="submit"]').textContent = t.search;
    f.appendChild(results);
    if (li.dataset.key) f.requestSubmit(); // the gazetteer's cities of that name at once: pick one, or search another
  }

  function change(li) {
    const card = li.closest(".card");
    const field = li.dataset.field;
    const key = li.dataset.key;
    const id = li.dataset.v;
    if (field === "location" || field === "cities") {
      citySearch(li, (c) => {
        const body = { field, value: c.name, geonames_id: c.geonames_id };
        if (field === "location") correct(card, Object.assign(body, { op: "set" }), id);
        else correct(card, Object.assign(body, { op: "replace", key }), id);
      });
      return;
    }
    const concepts = data.concepts[field];
    if (concepts && field !== "topics") {
      const l = document.createElement("label");
      const s = document.createElement("select");
      s.name = "value";
      Object.entries(concepts).forEach(([k, labels]) => {
        const o = new Option(labels[data.lang] || k, k, false, k === key);
        s.appendChild(o);
      });
      l.appendChild(s);
      form(li, [l], (f) => correct(card, { op: "set", field, value: f.elements.value.value }, id));
      return;
    }
    form(li, [input("value", "", key, field === "organisations" ? "organisation-names" : null)], (f) => {
      const value = f.elements.value.value;
      if (["title", "start", "end"].includes(field)) correct(card, { op: "set", field, value }, id);
      else correct(card, { op: "replace", field, key, value }, id);
    });
  }

  function same(li) {
    form(li, [input("into", t.same_as, "", "organisation-names")], (f) =>
      entity({ op: "merge", name: li.dataset.key, into: f.elements.into.value }, li.dataset.v)
    );
  }

  // two cards that are one event: this one goes into the one picked
  function mergeForm(card) {
    const l = document.createElement("label");
    l.textContent = t.merge_into + " ";
    const s = document.createElement("select");
    s.name = "into";
    document.querySelectorAll(".card:not(.deleted)").forEach((c) => {
      if (c !== card) s.appendChild(new Option(c.querySelector("h2").textContent, c.dataset.event));
    });
    l.appendChild(s);
    form(card.querySelector(".actions"), [l], (f) => {
      const into = document.querySelector(`.card[data-event="${CSS.escape(f.elements.into.value)}"]`);
      correct(card, { op: "merge_events", into: into.dataset.event, into_version: into.dataset.version }, null);
    });
  }

  function newOrg(li) {
    // no guess of the country: the event's is often not the organisation's (a Kraków body at a meeting abroad)
    const fields = [input("kind", t.kind, "ngo", "organisation-kinds"), input("country", t.country, "", "country-codes")];
    form(li, fields, (f) =>
      entity(
        { op: "new_org", name: li.dataset.key, kind: f.elements.kind.value, country: f.elements.country.value },
        li.dataset.v
      )
    );
  }

  // a value accepted from the queue itself; the queue again, at the value after it
  async function acceptRow(row, next) {
    if (!row.classList.contains("state-open")) return;
    const d = row.dataset;
    const body = { op: "accept", event: d.event, field: d.field, key: d.key, version: d.version };
    if (await post("/api/correct", body)) reloadAt(next ? next.dataset.v : null);
  }

  // the next card after `card` (from the top again past the last) that has values still open
  function nextOpenCard(card) {
    const cards = Array.from(document.querySelectorAll(".card"));
    const i = cards.indexOf(card);
    const order = [...cards.slice(i + 1), ...cards.slice(0, i)];
    return order.find((c) => c.querySelector('button[data-op="accept_event"]')) || null;
  }

  // ---- clicks ----
  document.addEventListener("click", (ev) => {
    const button = ev.target.closest("button[data-op]");
    const li = ev.target.closest(".value");
    const card = ev.target.closest(".card");
    if (card) activeCard = card;
    if (button && button.dataset.op === "forget") {
      const d = button.dataset;
      const body = { op: "forget", event: d.event, version: d.version, kind: d.kind, field: d.field, key: d.key };
      post("/api/correct", body).then((ok) => ok && reloadAt(null));
      return;
    }
    if (button && button.dataset.op === "carry_over") return; // the form's submit (below)
    if (button && button.dataset.op === "forget_refused") {
      if (window.confirm(button.dataset.confirm)) correct(card, { op: "forget_refused" }, null);
      return;
    }
    if (button && card) {
      const op = button.dataset.op;
      if (op === "accept") correct(card, { op, field: li.dataset.field, key: li.dataset.key }, li.dataset.v);
      else if (op === "remove") correct(card, { op, field: li.dataset.field, key: li.dataset.key }, li.dataset.v);
      else if (op === "change") change(li);
      else if (op === "same") same(li);
      else if (op === "neworg") newOrg(li);
      else if (op === "merge") mergeForm(card);
      else if (op === "accept_event" || op === "delete" || op === "restore") {
        const next = nextOpenCard(card) || card.nextElementSibling;
        const value = next && next.querySelector(".value.state-open, .value");
        correct(card, { op }, value ? value.dataset.v : null);
      }
      return;
    }
    if (li && !ev.target.closest("form")) {
      focusValue(li);
      return;
    }
    const mark = ev.target.closest("#text mark");
    if (mark && ev.detail === 1) {
      // a moment later: focusing the value scrolls the page, which would move the word from under a
      // double click (a selection) that is not over yet
      setTimeout(() => {
        if (window.getSelection().toString()) return;
        focusValue(document.querySelector(`.value[data-v="${CSS.escape(mark.dataset.v.split(" ")[0])}"]`));
      }, 350);
      return;
    }
    const row = ev.target.closest("tr[data-href]");
    if (row && !ev.target.closest("a")) location.href = row.dataset.href;
  });

  // ---- a lost event's corrections carried over to the event picked (an empty pick is refused, in the page's language)
  document.addEventListener("submit", (ev) => {
    const f = ev.target.closest("form.carry");
    if (!f) return;
    ev.preventDefault();
    const body = { op: "carry_over", event: f.dataset.event, into: f.elements.into.value, version: f.dataset.version };
    post("/api/correct", body).then((ok) => ok && reloadAt(null));
  });
  document.addEventListener(
    "invalid",
    (ev) => {
      const f = ev.target.closest && ev.target.closest("form.carry");
      if (f) ev.target.setCustomValidity(f.dataset.choose);
    },
    true,
  );
  document.addEventListener("change", (ev) => {
    if (ev.target.closest("form.carry")) ev.target.setCustomValidity("");
  });

  // ---- a selection in the page's text: add it as a value, or as a missed event ----
  function cardAt(offset) {
    const cards = Array.from(document.querySelectorAll(".card:not(.deleted)"));
    return cards.find((c) => +c.dataset.start <= offset && offset < +c.dataset.end) || activeCard;
  }

  if (textEl) {
    textEl.addEventListener("mouseup", () => setTimeout(readSelection, 0));
    textEl.addEventListener("keyup", (ev) => {
      if (ev.shiftKey) readSelection();
    });
  }

  function readSelection() {
    const sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed || !textEl.contains(sel.anchorNode)) {
      selbar.hidden = true;
      return;
    }
    const range = sel.getRangeAt(0);
    const before = document.createRange();
    before.selectNodeContents(textEl);
    before.setEnd(range.startContainer, range.startOffset);
    const raw = range.toString();
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text) return;
    const start = before.toString().length + lead;
    selection = { start, end: start + text.length, text };
    const card = cardAt(start);
    selbar.querySelector(".target").textContent = card
      ? `${t.target_event}: ${card.querySelector("h2").textContent}`
      : t.choose_event;
    selbar.hidden = false;
  }

  if (selbar) {
    selbar.addEventListener("click", async (ev) => {
      const b = ev.target.closest("button[data-add]");
      if (!b || !selection) return;
      const what = b.dataset.add;
      const at = [selection.start, selection.end];
      if (what === "split") {
        const card = cardAt(selection.start);
        if (card) correct(card, { op: "split", at }, null);
        else say(t.choose_event);
        return;
      }
      if (what === "event") {
        if (await post("/api/correct", { op: "create", page: review.dataset.page, at })) reloadAt(null);
        return;
      }
      const card = cardAt(selection.start);
      if (!card) {
        say(t.choose_event);
        return;
      }
      correct(card, { op: "add", field: what, value: selection.text, at }, null);
    });
  }

  // ---- keyboard: j / k (or arrows) next / previous value, a accept, A accept the event ----
  document.addEventListener("keydown", (ev) => {
    if (ev.target.closest("input, select, textarea, form") || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const all = values();
    const current = document.activeElement && document.activeElement.closest(".value");
    const i = all.indexOf(current);
    if (ev.key === "j" || ev.key === "ArrowDown") {
      focusValue(all[Math.min(i + 1, all.length - 1)]);
      ev.preventDefault();
    } else if (ev.key === "k" || ev.key === "ArrowUp") {
      focusValue(all[Math.max(i - 1, 0)]);
      ev.preventDefault();
    } else if (ev.key === "a" && current && current.dataset.href) {
      acceptRow(current, all[i + 1]);
    } else if (ev.key === "a" && current) {
      const b = current.querySelector('button[data-op="accept"]');
      if (b) b.click();
    } else if (ev.key === "A" && current) {
      const b = current.closest(".card") && current.closest(".card").querySelector('button[data-op="accept_event"]');
      if (b) b.click();
    } else if (ev.key === "Enter" && current) {
      if (current.dataset.href) location.href = current.dataset.href;
      else showSpan(current);
    }
  });

  // ---- on load: back at the value we were at; the graph's state kept fresh ----
  const wanted = new URLSearchParams(location.hash.slice(1)).get("v");
  if (wanted) {
    const li = document.querySelector(`.value[data-v="${CSS.escape(wanted)}"]`);
    if (li) focusValue(li);
  }
  const status = document.getElementById("graph-status");
  async function poll() {
    try {
      const s = await (await fetch("/api/status")).json();
      status.dataset.graph = s.graph;
      const state = s.graph === "failed" ? status.dataset.failed.replace("{pages}", s.failed.join(", "))
        : s.graph === "current" ? status.dataset.current : status.dataset.updating;
      const refused = (s.refused || []).map((r) => r.event).join(", ");
      status.textContent = state + (refused ? " — " + status.dataset.refused.replace("{events}", refused) : "")
        + (s.error ? " — " + s.error : "");
    } catch (e) {
      /* the review was stopped */
    }
  }
  poll();
  setInterval(poll, 2000);
})();
