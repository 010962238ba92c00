// kroniek web page: timeline, event view with evidence, dyad chart, actors.
// All text from the store goes into the page through textContent / createTextNode, never
// as HTML, so article text and names are always escaped. No external resources: it works offline.
"use strict";

const PAGE = 100;
let ROOTS = {}, QUADS = {};
let timelineOffset = 0;

// ---- small helpers ---------------------------------------------------------------------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
const $ = (sel) => document.querySelector(sel);
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) q.append(k, v);
  const url = path + (q.toString() ? "?" + q : "");
  const res = await fetch(url);
  if (!res.ok) {
    let msg = res.statusText;
    try { msg = (await res.json()).detail || msg; } catch (e) { /* not JSON */ }
    throw new Error(`${res.status}: ${typeof msg === "string" ? msg : JSON.stringify(msg)}`);
  }
  return res.json();
}

function showError(container, err) {
  container.appendChild(el("p", { class: "error" }, String(err.message || err)));
}

function actorLabel(a) {
  if (!a) return "—";
  const name = a.person || a.text || "";
  const code = a.code || a.country || "";
  return code && name ? `${name} (${code})` : (name || code);
}

function dateLabel(d) {
  if (!d) return "?";
  if (d.earliest && d.earliest === d.latest) return d.earliest;
  if (d.earliest || d.latest) return `${d.earliest || "?"} … ${d.latest || "?"}`;
  return d.day ? `${d.day}?` : "?";
}

function eventLabel(e) {
  const root = ROOTS[(e.cameo || "").slice(0, 2)];
  return `${e.cameo}${root ? " " + root[0] : ""}${e.plover ? " · " + e.plover : ""}`;
}

// ---- routing -----------------------------------------------------------------------------
function route() {
  const hash = location.hash.slice(1) || "timeline";
  const [path, query] = hash.split("?");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  const [view, arg] = path.split("/");
  for (const s of document.querySelectorAll(".view")) s.hidden = true;
  for (const a of document.querySelectorAll("nav a[data-view]")) a.classList.toggle("active", a.dataset.view === view);
  if (view === "event" && arg) { $("#view-event").hidden = false; showEvent(arg); }
  else if (view === "dyad") { $("#view-dyad").hidden = false; showDyad(params); }
  else if (view === "actors") { $("#view-actors").hidden = false; showActors(params); }
  else { $("#view-timeline").hidden = false; showTimeline(params); }
}

// ---- timeline ------------------------------------------------------------------------------
const FILTER_FIELDS = ["actor", "source", "target", "dyad", "root", "quadclass", "plover", "mode", "since", "until", "text"];

function filtersFromForm() {
  const p = {};
  const who = $("#filter-actor").value.trim();
  if (who) p[$("#filter-side").value] = who;
  for (const k of ["root", "quadclass", "plover", "mode", "since", "until", "text"]) {
    const v = $("#filter-" + k).value.trim();
    if (v) p[k] = v;
  }
  return p;
}

function formFromFilters(p) {
  const side = ["actor", "source", "target"].find((k) => p[k]) || "actor";
  $("#filter-side").value = side;
  $("#filter-actor").value = p[side] || "";
  for (const k of ["root", "quadclass", "plover", "mode", "since", "until", "text"]) $("#filter-" + k).value = p[k] || "";
}

let currentFilters = {};
let lastMonth = "";
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];
function monthLabel(ym) {
  const [y, m] = ym.split("-");
  return `${MONTHS[Number(m) - 1] || m} ${y}`;
}
async function showTimeline(params) {
  currentFilters = {};
  for (const k of FILTER_FIELDS) if (params[k]) currentFilters[k] = params[k];
  formFromFilters(currentFilters);
  timelineOffset = 0;
  lastMonth = "";
  clear($("#timeline"));
  await loadTimeline();
}

async function loadTimeline() {
  const list = $("#timeline");
  try {
    const res = await api("/timeline", { ...currentFilters, limit: PAGE, offset: timelineOffset });
    $("#timeline-count").textContent = `${res.total} event${res.total === 1 ? "" : "s"}`;
    for (const e of res.items) {
      // a heading for each month, by the day the event is counted on
      const month = ((e.date && e.date.day) || "").slice(0, 7);
      if (month && month !== lastMonth) {
        list.appendChild(el("li", { class: "month-header" }, monthLabel(month)));
        lastMonth = month;
      }
      list.appendChild(eventRow(e));
    }
    timelineOffset += res.items.length;
    $("#more").hidden = res.next_offset === null || res.next_offset === undefined;
    if (!res.total) list.appendChild(el("li", { class: "muted" }, "No events match these filters."));
  } catch (err) { showError(list, err); }
}

function eventRow(e) {
  const qc = e.quadclass || 0;
  return el("li", { class: `event-row q${qc}`, dataset: { gid: e.gid }, tabindex: 0,
                    onclick: () => { location.hash = `#event/${e.gid}`; },
                    onkeydown: (ev) => { if (ev.key === "Enter") location.hash = `#event/${e.gid}`; } },
    el("div", { class: "when" }, dateLabel(e.date)),
    el("div", { class: "what" },
      el("span", { class: "actors" }, actorLabel(e.source), " → ", actorLabel(e.target)),
      el("span", { class: `code q${qc}`, title: QUADS[qc] || "" }, eventLabel(e)),
      e.mode !== "asserted" ? el("span", { class: "mode" }, e.mode) : null,
      e.goldstein !== null && e.goldstein !== undefined ? el("span", { class: "goldstein" }, `G ${e.goldstein > 0 ? "+" : ""}${e.goldstein}`) : null),
    el("div", { class: "evidence-text" }, (e.evidence && e.evidence.text) || e.sentence || ""),
    el("div", { class: "source-article muted" }, (e.article && (e.article.title || e.article.id)) || e.doc));
}

// ---- event view ----------------------------------------------------------------------------
async function showEvent(gid) {
  const head = clear($("#event-head")), textBox = clear($("#article-text"));
  clear($("#quote-panel")); clear($("#sibling-events"));
  $("#article-title").textContent = ""; $("#article-meta").textContent = "";
  let e, art;
  try {
    e = await api(`/events/${encodeURIComponent(gid)}`);
    art = await api(`/articles/${encodeURIComponent(e.doc)}`);
  } catch (err) { showError(head, err); return; }
  const qc = e.quadclass || 0;
  head.appendChild(el("h2", { class: "event-title" },
    el("span", { class: `code q${qc}` }, eventLabel(e)), " ",
    el("span", {}, actorLabel(e.source), " → ", actorLabel(e.target))));
  const facts = [["when", dateLabel(e.date)], ["mode", e.mode], ["QuadClass", qc ? `${qc} ${QUADS[qc] || ""}` : "—"],
                 ["Goldstein", e.goldstein ?? "—"], ["confidence", e.confidence ?? "—"],
                 ["place", e.place ? [e.place.text, e.place.country].filter(Boolean).join(", ") : "—"],
                 ["according to", e.attributed_to ? actorLabel(e.attributed_to) : "—"]];
  head.appendChild(el("dl", { class: "facts" }, facts.map(([k, v]) => [el("dt", {}, k), el("dd", {}, String(v))])));

  $("#article-title").textContent = art.title || art.id;
  const meta = [art.id, art.date_value, art.source].filter(Boolean).join(" · ");
  const metaBox = $("#article-meta");
  metaBox.appendChild(document.createTextNode(meta));
  if (art.url && /^https?:\/\//i.test(art.url)) {
    metaBox.appendChild(document.createTextNode(" · "));
    metaBox.appendChild(el("a", { href: art.url, rel: "noopener noreferrer", target: "_blank" }, "source"));
  }
  renderMarkedText(textBox, art, Number(e.gid));
  const current = textBox.querySelector("mark.current");
  if (current) current.scrollIntoView({ block: "center" });

  const panel = $("#quote-panel");
  if (e.quotes && e.quotes.length) {
    for (const q of e.quotes) {
      panel.appendChild(el("blockquote", { class: "quote-box" }, q.quote));
      panel.appendChild(el("p", { class: "speaker-line" }, "— ",
        el("strong", { class: "speaker-name" }, q.speaker_person || q.speaker_text || "unknown speaker"),
        q.speaker_code ? ` (${q.speaker_code})` : "", q.direct ? "" : " · indirect speech",
        q.cue_text ? ` · “${q.cue_text}”` : ""));
    }
  } else {
    panel.appendChild(el("p", { class: "muted" }, "No quote carries this event."));
  }
  const sib = $("#sibling-events");
  for (const other of art.events) {
    if (Number(other.gid) === Number(e.gid)) continue;
    sib.appendChild(el("li", {}, el("a", { href: `#event/${other.gid}` },
      `${dateLabel(other.date)} · ${actorLabel(other.source)} → ${actorLabel(other.target)} · ${eventLabel(other)}` +
      (other.mode && other.mode !== "asserted" ? ` (${other.mode})` : ""))));
  }
  if (!sib.firstChild) sib.appendChild(el("li", { class: "muted" }, "none"));
}

function renderMarkedText(box, art, gid) {
  for (const seg of art.segments) {
    const kinds = new Set();
    let mine = false, otherEvent = null, quote = false;
    for (const i of seg.marks) {
      const m = art.marks[i];
      if (m.kind === "evidence") { kinds.add("evidence"); if (m.event === gid) mine = true; else otherEvent = m.event; }
      else if (m.kind === "trigger") { if (m.event === gid) kinds.add("trigger"); }
      else kinds.add(m.kind);
      if (m.kind === "quote") quote = true;
    }
    const classes = [...kinds].filter((k) => k !== "actor");
    // actor mentions: a faint underline, the resolved CAMEO code on hover
    const codes = seg.marks.map((i) => art.marks[i]).filter((m) => m.kind === "actor" && m.code).map((m) => m.code);
    if (codes.length) classes.push("actor-mention");
    const title = codes.length ? [...new Set(codes)].join(", ") : null;
    if (kinds.has("evidence")) {
      const attrs = { class: [...classes, mine ? "current" : ""].join(" ").trim(), title };
      if (!mine && otherEvent !== null) {
        attrs.title = (title ? title + " · " : "") + "another event: click to open";
        attrs.onclick = () => { location.hash = `#event/${otherEvent}`; };
      }
      box.appendChild(el("mark", attrs, seg.text));
    } else if (classes.length) {
      box.appendChild(el("span", { class: classes.join(" "), title }, seg.text));
    } else {
      box.appendChild(document.createTextNode(seg.text));
    }
  }
}

// ---- dyad chart ------------------------------------------------------------------------------
const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  for (const c of children) node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function drawDyadChart(box, periods, a, b) {
  clear(box);
  if (!periods.length) { box.appendChild(el("p", { class: "muted" }, `No events between ${a} and ${b}.`)); return; }
  const W = Math.max(640, Math.min(1200, box.clientWidth || 900)), H = 320, m = { l: 44, r: 48, t: 16, b: 48 };
  const iw = W - m.l - m.r, ih = H - m.t - m.b;
  const coop = periods.map((p) => p.q1 + p.q2), conf = periods.map((p) => p.q3 + p.q4);
  const maxCount = Math.max(1, ...coop, ...conf);
  const maxG = Math.max(1, ...periods.map((p) => Math.abs(p.goldstein)));
  const mid = m.t + ih / 2, half = ih / 2;
  const bw = iw / periods.length;
  const y = (n) => (n / maxCount) * half;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", class: "dyad-svg",
                            "aria-label": `Cooperation and conflict between ${a} and ${b}` });
  root.appendChild(svg("line", { x1: m.l, x2: W - m.r, y1: mid, y2: mid, class: "axis" }));
  root.appendChild(svg("text", { x: 4, y: m.t + 10, class: "tick" }, `${maxCount}`));
  root.appendChild(svg("text", { x: 4, y: m.t + ih, class: "tick" }, `${maxCount}`));
  root.appendChild(svg("text", { x: 4, y: mid - 4, class: "tick" }, "coop"));
  root.appendChild(svg("text", { x: 4, y: mid + 14, class: "tick" }, "conflict"));
  root.appendChild(svg("text", { x: W - m.r + 4, y: m.t + 10, class: "tick g" }, `G +${Math.round(maxG)}`));
  root.appendChild(svg("text", { x: W - m.r + 4, y: m.t + ih, class: "tick g" }, `G −${Math.round(maxG)}`));
  const every = Math.max(1, Math.ceil(periods.length / 12));
  const pts = [];
  periods.forEach((p, i) => {
    const x = m.l + i * bw, w = Math.max(1, Math.min(48, bw * 0.8)), x0 = x + (bw - w) / 2;
    const tip = `${p.period}: ${p.events} events — verbal coop ${p.q1}, material coop ${p.q2}, verbal conflict ${p.q3}, material conflict ${p.q4}; Goldstein ${p.goldstein}`;
    const g = svg("g", { class: "bar" }, svg("title", {}, tip));
    let top = mid;
    for (const [n, cls] of [[p.q1, "q1"], [p.q2, "q2"]]) { if (n) { g.appendChild(svg("rect", { x: x0, y: top - y(n), width: w, height: y(n), class: cls })); top -= y(n); } }
    let bottom = mid;
    for (const [n, cls] of [[p.q3, "q3"], [p.q4, "q4"]]) { if (n) { g.appendChild(svg("rect", { x: x0, y: bottom, width: w, height: y(n), class: cls })); bottom += y(n); } }
    root.appendChild(g);
    pts.push(`${x + bw / 2},${mid - (p.goldstein / maxG) * half}`);
    if (i % every === 0) root.appendChild(svg("text", { x: x + bw / 2, y: H - m.b + 16, class: "tick", "text-anchor": "middle" }, String(p.period)));
  });
  root.appendChild(svg("polyline", { points: pts.join(" "), class: "goldstein-line" }));
  const legend = [["q1", "verbal cooperation"], ["q2", "material cooperation"], ["q3", "verbal conflict"], ["q4", "material conflict"]];
  legend.forEach(([cls, label], i) => {
    root.appendChild(svg("rect", { x: m.l + i * 160, y: H - 18, width: 10, height: 10, class: cls }));
    root.appendChild(svg("text", { x: m.l + i * 160 + 14, y: H - 9, class: "tick" }, label));
  });
  root.appendChild(svg("line", { x1: m.l + 4 * 160, x2: m.l + 4 * 160 + 16, y1: H - 13, y2: H - 13, class: "goldstein-line" }));
  root.appendChild(svg("text", { x: m.l + 4 * 160 + 20, y: H - 9, class: "tick" }, "Goldstein sum"));
  box.appendChild(root);
}

async function showDyad(params) {
  if (params.a) $("#dyad-a").value = params.a;
  if (params.b) $("#dyad-b").value = params.b;
  if (params.by) $("#dyad-by").value = params.by;
  if (params.mode) $("#dyad-mode").value = params.mode;
  if (params.anchor) $("#dyad-anchor").value = params.anchor;
  $("#dyad-directed").checked = params.directed === "true";
  const a = $("#dyad-a").value.trim(), b = $("#dyad-b").value.trim();
  const chart = $("#dyad-chart"), table = clear($("#dyad-table"));
  clear(chart); $("#dyad-summary").textContent = "";
  if (!a || !b) return;
  let res;
  try {
    res = await api("/dyad", { a, b, by: $("#dyad-by").value, directed: $("#dyad-directed").checked,
                               mode: $("#dyad-mode").value, anchor: $("#dyad-anchor").value });
  } catch (err) { showError(chart, err); return; }
  drawDyadChart(chart, res.periods, a, b);
  const t = res.totals;
  $("#dyad-summary").textContent = `${t.events} ${res.modes.join("/")} events between ${a} and ${b}: ` +
    `${t.q1 + t.q2} cooperation, ${t.q3 + t.q4} conflict, Goldstein sum ${t.goldstein}. ` +
    `Events are counted on their ${res.anchor} possible day; “vague” counts those dated less precisely than the period.`;
  table.appendChild(el("tr", {}, ["period", "events", "Q1", "Q2", "Q3", "Q4", "Goldstein", `${a}→${b}`, `${b}→${a}`, "vague"].map((h) => el("th", {}, h))));
  for (const p of res.periods) {
    if (!p.events) continue;
    const link = el("a", { href: `#timeline?dyad=${encodeURIComponent(a + "," + b)}&since=${p.period}` }, p.period);
    table.appendChild(el("tr", {}, el("td", {}, link), [p.events, p.q1, p.q2, p.q3, p.q4, p.goldstein, p.a_to_b, p.b_to_a, p.imprecise].map((v) => el("td", {}, String(v)))));
  }
}

// ---- actors --------------------------------------------------------------------------------
async function showActors(params) {
  const table = clear($("#actor-table"));
  if (params.search !== undefined) $("#actor-search").value = params.search;
  let res;
  try { res = await api("/actors", { search: $("#actor-search").value.trim(), limit: 200 }); }
  catch (err) { showError(table, err); return; }
  table.appendChild(el("tr", {}, ["actor", "name", "country", "events", "as source", "as target", "mean Goldstein", "first", "last"].map((h) => el("th", {}, h))));
  for (const r of res.items) {
    const key = r.person || r.actor;
    table.appendChild(el("tr", { class: "actor-row", dataset: { actor: key }, onclick: () => showActor(r) },
      [r.actor, r.name, r.country, r.events, r.as_source, r.as_target, r.goldstein_mean, r.first, r.last].map((v) => el("td", {}, v === null ? "" : String(v)))));
  }
  $("#actor-detail").hidden = true;
  if (params.actor) {
    const hit = res.items.find((r) => r.actor === params.actor || r.person === params.actor);
    if (hit) showActor(hit);
  }
}

async function showActor(r) {
  const key = r.person || r.actor;
  $("#actor-detail").hidden = false;
  $("#actor-name").textContent = `${r.name || key} (${r.actor})`;
  const list = clear($("#actor-events"));
  let res;
  try { res = await api("/timeline", { actor: key, limit: 500 }); }
  catch (err) { showError(list, err); return; }
  const partners = new Map();
  for (const e of res.items) {
    list.appendChild(eventRow(e));
    const srcKey = e.source && (e.source.code || e.source.country);
    const other = srcKey && key.toUpperCase().startsWith(srcKey.slice(0, 3)) ? e.target : e.source;
    const code = other && (other.country || other.code);
    if (code) partners.set(code, (partners.get(code) || 0) + 1);
  }
  const summary = clear($("#actor-summary"));
  summary.appendChild(document.createTextNode(`${r.events} events (${r.as_source} as source, ${r.as_target} as target), ${r.first} … ${r.last}. Partners: `));
  [...partners.entries()].sort((x, y) => y[1] - x[1]).slice(0, 8).forEach(([code, n], i) => {
    if (i) summary.appendChild(document.createTextNode(", "));
    summary.appendChild(el("a", { href: `#dyad?a=${encodeURIComponent(r.country || r.actor)}&b=${encodeURIComponent(code)}&by=month` }, `${code} (${n})`));
  });
  $("#actor-detail").scrollIntoView({ block: "start" });
}

// ---- start ---------------------------------------------------------------------------------
async function start() {
  try {
    const codes = await (await fetch("/static/cameo-roots.json")).json();
    ROOTS = codes.roots; QUADS = codes.quadclasses;
  } catch (e) { /* labels are a nicety */ }
  for (const [code, [name]] of Object.entries(ROOTS)) $("#filter-root").appendChild(el("option", { value: code }, `${code} ${name}`));
  for (const [q, name] of Object.entries(QUADS)) $("#filter-quadclass").appendChild(el("option", { value: q }, `${q} ${name}`));
  try {  // the PLOVER types present in this store, with their counts
    const facets = await api("/facets");
    for (const p of facets.plover) $("#filter-plover").appendChild(el("option", { value: p.value }, `${p.value} (${p.n})`));
  } catch (e) { /* the menu stays at "all" */ }
  $("#filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams(filtersFromForm()).toString();
    const target = "#timeline" + (q ? "?" + q : "");
    if (location.hash === target) route(); else location.hash = target;
  });
  $("#reset").addEventListener("click", () => { location.hash = "#timeline"; });
  $("#more").addEventListener("click", loadTimeline);
  $("#dyad-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams({ a: $("#dyad-a").value.trim(), b: $("#dyad-b").value.trim(), by: $("#dyad-by").value,
                                    directed: $("#dyad-directed").checked, mode: $("#dyad-mode").value,
                                    anchor: $("#dyad-anchor").value }).toString();
    if (location.hash === "#dyad?" + q) route(); else location.hash = "#dyad?" + q;
  });
  $("#actor-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = "#actors?" + new URLSearchParams({ search: $("#actor-search").value.trim() });
  });
  try {
    const h = await api("/health");
    $("#stats").textContent = `${h.articles} articles · ${h.events} events · ${h.quotes} quotes`;
  } catch (e) { $("#stats").textContent = "store unavailable"; }
  window.addEventListener("hashchange", route);
  route();
}
start();
