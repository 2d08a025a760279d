"use strict";
(function () {
  // Article text and every value reach the page only through textContent / createTextNode.
  const DATA = JSON.parse(document.getElementById("review-data").textContent);
  const $ = (id) => document.getElementById(id);
  const STORE = "uninews-review-decisions:" + DATA.articles.map((a) => a.doc_id).join(",").slice(0, 200);
  const decisions = DATA.decisions.slice();
  let current = null;
  let selection = null;

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === "text") node.textContent = v;
      else if (k === "cls") node.className = v;
      else if (k.startsWith("data-")) node.setAttribute(k, v);
      else node[k] = v;
    }
    for (const child of children || []) node.append(child);
    return node;
  }
  function randomId() {
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  // --- legend and filters --------------------------------------------------------------
  for (const t of DATA.types) {
    const box = el("input", { type: "checkbox", checked: true, "data-type": t.key });
    box.id = "filter-" + t.key;
    box.addEventListener("change", () => document.body.classList.toggle("hide-" + t.key, !box.checked));
    $("legend").append(el("label", { cls: "lg-" + t.key }, [box, el("span", { cls: "swatch sw-" + t.key }), t.label]));
  }

  // --- article list --------------------------------------------------------------------
  function flags(a) {
    const out = [];
    if (a.status === "missing") out.push(["source file missing", ""]);
    if (a.status === "changed") out.push(["source file changed", ""]);
    if (a.partial.length) out.push([a.partial.length + " overlapping", "warn"]);
    if (a.uncertain) out.push([a.uncertain + " to check", "warn"]);
    return out;
  }
  function haystack(a) {
    const names = a.items.map((i) => i.value || i.text).join(" ");
    return (a.title + " " + a.path + " " + names + " " + a.tree.map(flat).join("")).toLowerCase();
  }
  function flat(node) { return node.t !== undefined ? node.t : node.c.map(flat).join(""); }
  const entries = DATA.articles.map((a, index) => {
    const c = a.counts;
    const row = el("div", { cls: "art", "data-doc": a.doc_id, tabIndex: 0 }, [
      el("div", { cls: "t", text: a.title }),
      el("div", { cls: "c", text: `${c.people} people · ${c.roles} roles · ${c.organizations} orgs · ${c.locations} places · ${c.dates} dates · ${c.agreement_counts} counts` }),
    ]);
    for (const [label, kind] of flags(a)) row.firstChild.append(el("span", { cls: "flag " + kind, text: label }));
    row.addEventListener("click", () => show(index));
    $("article-list").append(row);
    return { a, row, hay: haystack(a), flagged: flags(a).length > 0 };
  });
  function filterList() {
    const q = $("search").value.trim().toLowerCase();
    const only = $("only-flagged").checked;
    for (const e of entries) e.row.hidden = (q && !e.hay.includes(q)) || (only && !e.flagged);
  }
  $("search").addEventListener("input", filterList);
  $("only-flagged").addEventListener("change", filterList);

  // --- one article -----------------------------------------------------------------------
  function renderTree(nodes, items, parent) {
    for (const node of nodes) {
      if (node.t !== undefined) {
        parent.append(el("span", { cls: "run", "data-s": String(node.s), text: node.t }));
      } else {
        const item = items[node.m];
        const mark = el("mark", {
          cls: "t-" + item.type, title: item.hover,
          "data-i": String(item.i), "data-start": String(item.start), "data-end": String(item.end),
        });
        renderTree(node.c, items, mark);
        parent.append(mark);
      }
    }
  }
  function show(index) {
    current = DATA.articles[index];
    for (const e of entries) e.row.classList.toggle("selected", e.a === current);
    const head = $("article-head");
    head.replaceChildren(el("h2", { text: current.title }), el("div", { cls: "path", text: current.path + " · " + current.doc_id }));
    if (current.status !== "ok") {
      head.append(el("div", { cls: "notice", text: current.status === "missing"
        ? "The source file is missing, so its text cannot be shown."
        : "The source file changed since extraction (sha256 differs): re-run uninews extract." }));
    }
    const reviewed = el("button", { type: "button", text: "Mark article reviewed" });
    reviewed.addEventListener("click", () => decide({ action: "confirm", field: "article", start: 0, end: 0, text: "" }));
    head.append(reviewed);
    const text = $("text");
    text.replaceChildren();
    renderTree(current.tree, current.items, text);
    renderTables();
  }

  const COLUMNS = {
    person: ["Name", "Mentions", "Evidence"],
    role: ["Title", "Person · organization", "Evidence"],
    organization: ["Name", "Mentions", "Evidence"],
    location: ["Name", "Mentions", "Evidence"],
    date: ["Text", "Value", "Evidence"],
    agreement_count: ["Count", "Text", "Evidence sentence"],
  };
  function cells(item) {
    const rec = current.record;
    if (item.type === "role") {
      const person = rec.people.find((p) => p.id === item.entity);
      return [item.value, (person ? person.name : "?") + " · " + (item.organization || "no organization")];
    }
    if (item.type === "organization") {
      const org = rec.organizations.find((o) => o.id === item.entity);
      const extra = org && org.aliases.length ? " (aliases: " + org.aliases.join(", ") + ")" : "";
      return [item.value + extra + (org ? " [" + org.type + "]" : ""), item.text];
    }
    if (item.type === "date") return [item.text, (item.field === "published" ? "published " : "") + (item.value || "unresolved")];
    if (item.type === "agreement_count") return [item.hover.replace("Agreement count: ", ""), item.text];
    return [item.value, item.text];
  }
  function stateOf(item) {
    let state = "";
    for (const d of decisions) {
      if (d.doc_id === current.doc_id && d.start === item.start && d.end === item.end && d.field === item.field) {
        state = { reject: "rejected", edit: "edited", confirm: "confirmed", add: "edited" }[d.action];
      }
    }
    return state;
  }
  function groups(items, type) {
    // One row per person, organization or location (its mentions together); one per value else.
    if (!["person", "organization", "location"].includes(type)) return items.map((i) => [i]);
    const by = new Map();
    for (const item of items) {
      const key = item.entity || item.value;
      if (!by.has(key)) by.set(key, []);
      by.get(key).push(item);
    }
    return [...by.values()];
  }
  function renderTables() {
    const box = $("tables");
    box.replaceChildren();
    for (const t of DATA.types) {
      const items = current.items.filter((i) => i.type === t.key);
      if (!items.length) continue;
      const head = el("tr", {}, COLUMNS[t.key].map((c) => el("th", { text: c })).concat([el("th", { text: "" })]));
      const rows = groups(items, t.key).map((group) => {
        const item = group[0];
        let [a, b] = cells(item);
        if (group.length > 1) b = [...new Set(group.map((g) => g.text))].join(", ") + " (" + group.length + "×)";
        const act = el("td", { cls: "act" });
        for (const [label, action] of [["✓", "confirm"], ["✗", "reject"], ["✎", "edit"]]) {
          const button = el("button", { type: "button", text: label, title: action, "data-action": action, "data-i": String(item.i) });
          button.addEventListener("click", () => {
            if (action === "edit") return openEdit(item);
            // A rejection or confirmation holds for every mention of the row.
            for (const g of group) decideOn(g, action);
          });
          act.append(button);
        }
        const row = el("tr", { cls: stateOf(item), "data-i": String(item.i) }, [
          el("td", { text: a }), el("td", { text: b }), el("td", { cls: "ev", text: item.evidence || "" }), act,
        ]);
        row.addEventListener("mouseenter", () => group.forEach((g) => flash(g.i, true)));
        row.addEventListener("mouseleave", () => group.forEach((g) => flash(g.i, false)));
        return row;
      });
      box.append(el("div", { cls: "tbl-" + t.key }, [el("h3", { text: t.label }), el("table", {}, [head, ...rows])]));
    }
  }
  function flash(i, on) {
    const mark = $("text").querySelector(`mark[data-i="${Number(i)}"]`);
    if (mark) mark.style.outline = on ? "2px solid #1d2330" : "";
  }

  // --- decisions -------------------------------------------------------------------------
  function decideOn(item, action, extra) {
    decide(Object.assign({ action, field: item.field, start: item.start, end: item.end, text: item.text,
      value: item.value === undefined || item.value === null ? null : String(item.value) }, extra || {}), item);
  }
  function decide(partial, item) {
    const d = Object.assign({
      id: randomId(), doc_id: current.doc_id, path: current.path,
      reviewer: $("reviewer").value.trim() || "reviewer", time: new Date().toISOString(),
      evidence: item ? item.evidence || "" : "",
    }, partial);
    if (DATA.serve) {
      fetch("/corrections", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(d) })
        .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
        .then(({ ok, body }) => {
          if (ok) { decisions.push(body); status("saved to corrections.jsonl"); }
          else status("not saved: " + (body.error || "error"));
          refresh();
        })
        .catch(() => status("not saved: server unreachable"));
    } else {
      decisions.push(d);
      try { localStorage.setItem(STORE, JSON.stringify(decisions)); } catch (e) { /* private mode */ }
      status(decisions.length + " decisions, not saved yet: download corrections.jsonl");
      refresh();
    }
  }
  function status(text) { $("save-status").textContent = text; }
  function refresh() {
    if (current) renderTables();
    $("decision-list").replaceChildren(...decisions.map((d) => el("li", {
      text: `${d.time} ${d.reviewer}: ${d.action} ${d.field} “${d.text}”` + (d.new_value ? ` → ${d.new_value}` : "") + ` (${d.path})`,
    })));
  }
  if (!DATA.serve) {
    try {
      const saved = JSON.parse(localStorage.getItem(STORE) || "[]");
      if (Array.isArray(saved)) for (const d of saved) if (!decisions.some((x) => x.id === d.id)) decisions.push(d);
    } catch (e) { /* ignore */ }
    $("download").hidden = false;
    $("download").addEventListener("click", () => {
      const blob = new Blob([decisions.map((d) => JSON.stringify(d)).join("\n") + "\n"], { type: "application/x-ndjson" });
      const link = el("a", { href: URL.createObjectURL(blob), download: "corrections.jsonl" });
      document.body.append(link);
      link.click();
      link.remove();
    });
  }
  const saved = localStorage.getItem("uninews-reviewer");
  if (saved) $("reviewer").value = saved;
  $("reviewer").addEventListener("change", () => localStorage.setItem("uninews-reviewer", $("reviewer").value));

  // --- edit ------------------------------------------------------------------------------
  let editing = null;
  function openEdit(item) {
    editing = item;
    const labels = { person: "Name", organization: "Name", location: "Name", role: "Title", date: "ISO date", agreement_count: "Count" };
    $("edit-label").textContent = "Edit " + item.type + " “" + item.text + "”: " + labels[item.type];
    $("edit-value").value = item.value === null || item.value === undefined ? "" : String(item.value);
    const orgs = $("edit-org");
    orgs.replaceChildren(el("option", { value: "", text: "no organization" }),
      ...current.record.organizations.map((o) => el("option", { value: o.name, text: o.name })));
    orgs.value = item.organization || "";
    orgs.hidden = item.type !== "role";
    $("edit-bar").hidden = false;
    $("edit-value").focus();
  }
  $("edit-ok").addEventListener("click", () => {
    if (!editing) return;
    const extra = { new_value: $("edit-value").value.trim() };
    if (editing.type === "role") extra.organization = $("edit-org").value || null;
    decideOn(editing, "edit", extra);
    $("edit-bar").hidden = true;
    editing = null;
  });
  $("edit-cancel").addEventListener("click", () => { $("edit-bar").hidden = true; editing = null; });

  // --- add by selecting text ---------------------------------------------------------------
  // A role needs the person who holds it (one of the article's people) and its organization.
  for (const t of DATA.types) $("add-type").append(el("option", { value: t.key, text: t.label }));
  function roleFields() {
    const role = $("add-type").value === "role";
    $("add-person").hidden = !role;
    $("add-org").hidden = !role;
  }
  $("add-type").addEventListener("change", roleFields);
  function fillRoleFields() {
    const rec = current.record;
    $("add-person").replaceChildren(...rec.people.map((p) => el("option", { value: p.name, text: p.name })));
    $("add-org").replaceChildren(el("option", { value: "", text: "no organization" }),
      ...rec.organizations.map((o) => el("option", { value: o.name, text: o.name })));
    roleFields();
  }
  function offsetOf(node, offset) {
    // A position in the text as a code-point offset (what the records' offsets count).
    const run = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node).closest(".run");
    if (!run || !$("text").contains(run)) return null;
    return Number(run.getAttribute("data-s")) + Array.from(run.textContent.slice(0, offset)).length;
  }
  $("text").addEventListener("mouseup", () => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !current) return;
    const range = sel.getRangeAt(0);
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    const chars = Array.from(current.tree.map(flat).join("")).slice(start, end).join("");
    const trimmed = chars.trim();
    if (!trimmed) return;
    const lead = Array.from(chars).length - Array.from(chars.trimStart()).length;
    const s = start + lead;
    selection = { start: s, end: s + Array.from(trimmed).length, text: trimmed };
    $("add-text").textContent = trimmed;
    $("add-value").value = trimmed;
    fillRoleFields();
    $("add-bar").hidden = false;
  });
  $("add-ok").addEventListener("click", () => {
    if (!selection) return;
    const type = $("add-type").value;
    const full = current.tree.map(flat).join("");
    const decision = { action: "add", field: type, start: selection.start, end: selection.end, text: selection.text,
      new_value: $("add-value").value.trim() };
    if (type === "role") {
      if (!$("add-person").value) { status("not saved: the article has no person to hold the role"); return; }
      decision.person = $("add-person").value;
      decision.organization = $("add-org").value || null;
    }
    decide(decision, { evidence: full.slice(Math.max(0, selection.start - 150), selection.end + 150) });
    $("add-bar").hidden = true;
    selection = null;
  });
  $("add-cancel").addEventListener("click", () => { $("add-bar").hidden = true; selection = null; });

  // --- across the batch --------------------------------------------------------------------
  function renderBatch() {
    const view = $("batch-view");
    view.replaceChildren();
    for (const [kind, key, label] of [["person", "people", "People"], ["organization", "organizations", "Organizations"]]) {
      const index = new Map();
      DATA.articles.forEach((a, i) => {
        for (const e of a.record[key]) {
          const name = e.name;
          if (!index.has(name)) index.set(name, new Set());
          index.get(name).add(i);
        }
      });
      const rows = [...index.entries()].sort((x, y) => y[1].size - x[1].size || x[0].localeCompare(y[0])).map(([name, docs]) => {
        const links = [...docs].map((i) => {
          const b = el("button", { type: "button", text: DATA.articles[i].title });
          b.addEventListener("click", () => { switchTab(false); show(i); });
          return el("div", {}, [b]);
        });
        return el("tr", { cls: "batch-" + kind }, [el("td", { text: name }), el("td", { text: String(docs.size) }), el("td", {}, links)]);
      });
      view.append(el("h3", { text: label + " (" + rows.length + ")" }),
        el("table", {}, [el("tr", {}, [el("th", { text: "Name" }), el("th", { text: "Articles" }), el("th", { text: "" })]), ...rows]));
    }
  }
  function switchTab(batch) {
    $("articles-view").hidden = batch;
    $("batch-view").hidden = !batch;
    $("tab-articles").classList.toggle("active", !batch);
    $("tab-batch").classList.toggle("active", batch);
  }
  $("tab-articles").addEventListener("click", () => switchTab(false));
  $("tab-batch").addEventListener("click", () => switchTab(true));
  renderBatch();
  refresh();
  if (DATA.articles.length) show(0);
  document.body.setAttribute("data-ready", "1");
})();
