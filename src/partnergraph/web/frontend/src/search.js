// Search in a published static site: reads search.json (written by `partnergraph publish`, see
// partnergraph/search/static.py) and finds documents by base forms as the server does: each typed word
// is folded (no diacritics), mapped to its base forms through the index's table of inflected forms, and
// must start one of the document's base forms. Adjectives also look for their stem ("bezdomny" ->
// "bezdomn", which finds "bezdomnosc"), as the server does.
const root = document.getElementById("static-search");

function fold(word) {
  return word.toLowerCase().replace(/ł/g, "l").normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

function wordsOf(text) {
  const found = text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) || [];
  const long = found.filter((w) => w.length > 1);
  return (long.length ? long : found).slice(0, 12);
}

function searchIndex(index, query) {
  const keys = Object.keys(index.postings);
  let result = null;
  for (const word of wordsOf(query)) {
    const folded = fold(word);
    const wanted = new Set([folded, ...(index.forms[folded] || [])]);
    for (const base of [...wanted]) if (base.length >= 6 && /[yi]$/.test(base)) wanted.add(base.slice(0, -1));
    const docs = new Set();
    for (const key of keys) {
      for (const w of wanted) {
        if (key.startsWith(w)) {
          for (const d of index.postings[key]) docs.add(d);
          break;
        }
      }
    }
    result = result === null ? docs : new Set([...result].filter((d) => docs.has(d)));
  }
  return result ? [...result] : [];
}

async function start() {
  if (!root) return;
  const query = new URLSearchParams(location.search).get("q") || "";
  const input = document.getElementById("search-q");
  if (input) input.value = query;
  if (!query.trim()) return;
  const index = await (await fetch(root.dataset.index)).json();
  const docs = index[`docs_${document.documentElement.lang}`];
  const hits = searchIndex(index, query);
  const count = document.getElementById("search-count");
  count.textContent = root.dataset.count.replace("{n}", hits.length).replace("{q}", query);
  count.hidden = false;
  const list = document.querySelector("ol.hits");
  const kinds = JSON.parse(root.dataset.kinds);
  for (const n of hits.slice(0, 100)) {
    const [href, kind, title, date] = docs[n];
    const li = document.createElement("li");
    const label = document.createElement("span");
    label.className = "kind";
    label.textContent = kinds[kind] || kind;
    li.append(label);
    if (date) li.append(` · ${date}`);
    li.append(document.createElement("br"));
    const link = document.createElement("a");
    link.href = href;
    link.textContent = title;
    li.append(link);
    list.append(li);
  }
}

start().catch((err) => console.error(err));
