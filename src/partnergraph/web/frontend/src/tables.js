// Sorting and paging for the lists of a published static site (the server sorts and pages its own):
// a click on a column's header sorts by it (a second click the other way round), 50 rows a page with
// previous and next. Cells sort by their data-sort value (a date's ISO form, a number) or their text.
const PAGE = 50; // rows a page, unless the table says otherwise (data-page-size)

function button(text, className) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  if (className) b.className = className;
  return b;
}

function enhance(table) {
  const labels = JSON.parse(table.dataset.static); // {previous, next, page: "Page 1111 of 2222", pages}
  const size = Number(table.dataset.pageSize) || PAGE;
  const tbody = table.tBodies[0];
  const rows = [...tbody.rows];
  let sorted = rows;
  let page = 1;
  const nav = document.createElement("nav");
  nav.className = "pager";
  nav.setAttribute("aria-label", labels.pages);
  const prev = button(labels.previous);
  const next = button(labels.next);
  const where = document.createElement("span");
  where.setAttribute("aria-live", "polite");
  nav.append(prev, where, next);
  (table.closest(".table-wrap") || table).after(nav);
  const show = (n) => {
    const pages = Math.max(1, Math.ceil(sorted.length / size));
    page = Math.min(Math.max(1, n), pages);
    tbody.replaceChildren(...sorted.slice((page - 1) * size, page * size));
    where.textContent = labels.page.replace("1111", page).replace("2222", pages);
    prev.disabled = page === 1;
    next.disabled = page === pages;
    nav.hidden = pages === 1;
  };
  prev.addEventListener("click", () => show(page - 1));
  next.addEventListener("click", () => show(page + 1));
  const collator = new Intl.Collator(document.documentElement.lang, { numeric: true, sensitivity: "base" });
  const headers = [...table.tHead.rows[0].cells];
  headers.forEach((th, index) => {
    const sort = button(th.textContent.trim(), "sort");
    th.replaceChildren(sort);
    sort.addEventListener("click", () => {
      const order = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      for (const other of headers) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", order);
      const numeric = th.classList.contains("num");
      const key = (tr) => {
        const cell = tr.cells[index];
        const v = cell.dataset.sort ?? cell.textContent.trim();
        return numeric ? Number(v) || 0 : v;
      };
      sorted = [...rows].sort((a, b) => {
        const c = numeric ? key(a) - key(b) : collator.compare(key(a), key(b));
        return order === "ascending" ? c : -c;
      });
      show(1);
    });
  });
  show(1);
}

for (const table of document.querySelectorAll("table.list[data-static]")) enhance(table);
