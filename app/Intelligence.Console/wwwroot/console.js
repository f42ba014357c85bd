// The embedded console: draws a provisioned Grafana dashboard from the console's API. Plain
// JavaScript, no library: each panel fetches its result and draws it; its element carries
// data-state (loading, ok, error) and data-rows so a test can tell when and how it loaded.
"use strict";

const palette = ["#73bf69", "#5794f2", "#ff9830", "#f2495c", "#b877d9", "#fade2a", "#8ab8ff", "#ff7383", "#37872d", "#c4162a"];
const refreshMs = { "10s": 10000, "30s": 30000, "1m": 60000 };
const ALL = "$__all";
const state = { dashboards: [], dashboard: null, from: null, to: null, vars: {}, timer: null, generation: 0 };
const $ = id => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else if (k === "style") node.style.cssText = v; else node.setAttribute(k, v);
  }
  for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

async function getJson(url) {
  const response = await fetch(url);
  const body = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok || body.error) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

// ---- formatting -------------------------------------------------------------------------------

const isNumber = v => typeof v === "number" && Number.isFinite(v);

function number(v, digits = 2) {
  return v.toLocaleString("en", { maximumFractionDigits: Number.isInteger(v) ? 0 : digits });
}

function formatValue(v, unit) {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(x => formatValue(x)).join(", ");
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (!isNumber(v)) return typeof v === "object" ? JSON.stringify(v) : String(v);
  switch (unit) {
    case "percentunit": return number(v * 100, 1) + "%";
    case "currencyEUR": return "€" + number(v, Math.abs(v) >= 1000 ? 0 : 2);
    case "h": return number(v, 1) + " h";
    case "m": return number(v, 1) + " min";
    default: return number(v);
  }
}

const parseTime = v => typeof v === "number" ? v : Date.parse(String(v).replace(" ", "T") + (/[Z+]/.test(String(v).slice(10)) ? "" : "Z"));
const toInput = ms => new Date(ms).toISOString().slice(0, 16);
const fromInput = text => Date.parse(text + ":00Z");
const shortTime = ms => new Date(ms).toISOString().slice(5, 16).replace("T", " ");

// ---- panels -----------------------------------------------------------------------------------

function drawTable(body, result) {
  const table = el("table", {}, el("thead", {}, el("tr", {}, result.columns.map(c => el("th", {}, c.name)))));
  const rows = el("tbody");
  for (const row of result.rows.slice(0, 500)) {
    rows.append(el("tr", {}, row.map(v => el("td", isNumber(v) ? { class: "number" } : {}, formatValue(v)))));
  }
  table.append(rows);
  body.append(table);
}

function drawStat(body, result, unit) {
  const row = result.rows[0];
  const more = result.columns.slice(1).map((c, i) => `${c.name.replaceAll("_", " ")}: ${formatValue(row[i + 1])}`);
  body.append(el("div", { class: "stat" },
    el("div", { class: "value", title: result.columns[0].name }, formatValue(row[0], unit)),
    el("div", { class: "more" }, more.join(" · "))));
}

// Long frames (time, label, value) become one series per label, as the plugin turns them wide.
function seriesOf(result) {
  const cols = result.columns;
  const series = new Map();
  const add = (name, t, v) => {
    if (!series.has(name)) series.set(name, []);
    if (isNumber(v)) series.get(name).push([t, v]);
  };
  const labelled = cols.length === 3 && !/Int|Float|Decimal/.test(cols[1].type);
  for (const row of result.rows) {
    const t = parseTime(row[0]);
    if (labelled) add(String(row[1]), t, row[2]);
    else cols.slice(1).forEach((c, i) => add(c.name, t, row[i + 1]));
  }
  return [...series.entries()];
}

function drawTimeseries(body, result, unit) {
  const series = seriesOf(result);
  const points = series.flatMap(([, p]) => p);
  const key = legend(series.map(([name]) => name));
  body.append(key);
  const width = Math.max(200, body.clientWidth - 16), height = Math.max(60, body.clientHeight - key.offsetHeight - 12);
  const pad = { l: 56, r: 8, t: 6, b: 16 };
  const t0 = Math.min(...points.map(p => p[0])), t1 = Math.max(...points.map(p => p[0]));
  const v0 = Math.min(0, ...points.map(p => p[1])), v1 = Math.max(...points.map(p => p[1]), v0 + 1e-9);
  const x = t => pad.l + (t1 === t0 ? 0 : (t - t0) / (t1 - t0)) * (width - pad.l - pad.r);
  const y = v => pad.t + (1 - (v - v0) / (v1 - v0)) * (height - pad.t - pad.b);
  const chart = svg("svg", { width, height, role: "img" });
  chart.append(svg("line", { class: "axis", x1: pad.l, x2: width - pad.r, y1: y(v0), y2: y(v0) }));
  for (const v of [v0, (v0 + v1) / 2, v1]) {
    const label = svg("text", { x: pad.l - 4, y: y(v) + 3, "text-anchor": "end" });
    label.textContent = formatValue(v, unit);
    chart.append(label, svg("line", { class: "axis", x1: pad.l, x2: width - pad.r, y1: y(v), y2: y(v), "stroke-dasharray": "2 4" }));
  }
  for (const [t, anchor] of [[t0, "start"], [t1, "end"]]) {
    const label = svg("text", { x: x(t), y: height - 3, "text-anchor": anchor });
    label.textContent = shortTime(t);
    chart.append(label);
  }
  series.forEach(([name, p], i) => {
    const line = svg("polyline", { fill: "none", stroke: palette[i % palette.length], "stroke-width": 1.5,
      points: p.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(" ") });
    line.append(Object.assign(svg("title"), { textContent: name }));
    chart.append(line);
  });
  body.prepend(chart);
}

function legend(names) {
  return el("div", { class: "legend" }, names.map((n, i) => el("span", {}, el("i", { style: `background:${palette[i % palette.length]}` }), n)));
}

// Bar charts: one group per row of the x field, a bar per numeric column; bar gauges: label and value.
function drawBars(body, result, unit, xField, gauge) {
  const xi = Math.max(0, result.columns.findIndex(c => c.name === xField));
  const valueCols = result.columns.map((c, i) => i).filter(i => i !== xi && result.rows.some(r => isNumber(r[i])));
  const used = gauge ? valueCols.slice(0, 1) : valueCols;
  const max = Math.max(1e-9, ...result.rows.flatMap(r => used.map(i => Math.abs(r[i] ?? 0))));
  const bars = el("div", { class: "bars" });
  for (const row of result.rows.slice(0, 100)) {
    const track = el("div", { class: "track" }, used.map((ci, k) => {
      const v = row[ci] ?? 0;
      const color = gauge ? "linear-gradient(90deg, #37872d, #73bf69)" : palette[k % palette.length];
      return el("div", { class: "bar", style: `width:${(Math.abs(v) / max * 100).toFixed(1)}%;background:${color}`, title: result.columns[ci].name },
        el("span", {}, formatValue(v, unit)));
    }));
    bars.append(el("div", { class: "row" }, el("div", { class: "label", title: formatValue(row[xi]) }, formatValue(row[xi])), track));
  }
  body.append(bars);
  if (!gauge && used.length > 1) body.append(legend(used.map(i => result.columns[i].name)));
}

function draw(panel, body, result) {
  const unit = panel.fieldConfig?.defaults?.unit;
  switch (panel.type) {
    case "stat": return drawStat(body, result, unit);
    case "timeseries": return drawTimeseries(body, result, unit);
    case "barchart": return drawBars(body, result, unit, panel.options?.xField, false);
    case "bargauge": return drawBars(body, result, unit, null, true);
    default: return drawTable(body, result);
  }
}

function query() {
  const params = new URLSearchParams({ from: state.from, to: state.to });
  for (const [name, values] of Object.entries(state.vars)) values.forEach(v => params.append(`var-${name}`, v));
  return params;
}

async function loadPanel(panel, node, generation) {
  const body = node.querySelector(".body");
  node.dataset.state = "loading";
  node.querySelector(".status").textContent = "loading";
  try {
    const answer = await getJson(`/api/dashboards/${state.dashboard.uid}/panels/${panel.id}?${query()}`);
    if (generation !== state.generation) return;
    const result = answer.results[0];
    body.replaceChildren();
    if (result.rows.length === 0) body.append(el("div", { class: "empty" }, "No data in this range"));
    else draw(panel, body, result);
    node.dataset.rows = String(result.rows.length);
    node.querySelector(".status").textContent = `${result.rows.length} rows`;
    node.dataset.state = "ok";
  } catch (error) {
    if (generation !== state.generation) return;
    body.replaceChildren(el("div", { class: "error" }, error.message));
    node.dataset.error = error.message;
    node.querySelector(".status").textContent = "error";
    node.dataset.state = "error";
  }
}

// ---- alerts -----------------------------------------------------------------------------------

async function loadAlerts() {
  const node = $("alerts"), body = node.querySelector(".body");
  try {
    const result = await getJson("/api/alerts/open");
    const table = el("table", {}, el("thead", {}, el("tr", {}, result.columns.map(c => el("th", {}, c.name.replaceAll("_", " "))))));
    const rows = el("tbody");
    for (const row of result.rows) {
      rows.append(el("tr", {}, row.map((v, i) => el("td", {},
        result.columns[i].name === "severity" ? el("span", { class: `severity ${v}` }, v) : formatValue(v)))));
    }
    table.append(rows);
    body.replaceChildren(result.rows.length ? table : el("div", { class: "empty" }, "No open alerts"));
    $("alert-count").textContent = `(${result.rows.length})`;
    node.dataset.rows = String(result.rows.length);
    node.dataset.state = "ok";
  } catch (error) {
    body.replaceChildren(el("div", { class: "error" }, error.message));
    node.dataset.state = "error";
  }
}

// ---- page -------------------------------------------------------------------------------------

function refreshAll() {
  const generation = ++state.generation;
  for (const node of document.querySelectorAll(".panel")) {
    const panel = state.dashboard.panels.find(p => String(p.id) === node.dataset.panelId);
    loadPanel(panel, node, generation);
  }
  loadAlerts();
}

function writeUrl() {
  const params = query();
  const refresh = $("refresh").value;
  if (refresh) params.set("refresh", refresh);
  history.replaceState(null, "", `/d/${state.dashboard.uid}?${params}`);
  for (const a of document.querySelectorAll("#dashboards a")) {
    a.href = `/d/${a.dataset.uid}?from=${state.from}&to=${state.to}${refresh ? `&refresh=${refresh}` : ""}`;
  }
}

function setTimer() {
  clearInterval(state.timer);
  const ms = refreshMs[$("refresh").value];
  state.timer = ms ? setInterval(refreshAll, ms) : null;
}

async function variableControl(variable, chosen) {
  const answer = await getJson(`/api/dashboards/${state.dashboard.uid}/variables/${variable.name}?from=${state.from}&to=${state.to}`);
  const options = (variable.includeAll ? [ALL] : []).concat(answer.options);
  let values = chosen.filter(v => options.includes(v));
  if (values.length === 0) values = [options[0]];
  state.vars[variable.name] = values;
  const label = variable.label || variable.name;
  const text = v => v === ALL ? "All" : v;
  if (!variable.multi) {
    const select = el("select", { "data-variable": variable.name }, options.map(o => el("option", { value: o }, text(o))));
    select.value = values[0];
    select.addEventListener("change", () => { state.vars[variable.name] = [select.value]; writeUrl(); refreshAll(); });
    return el("label", { class: "variable" }, `${label} `, select);
  }
  const summary = el("summary", {});
  const show = () => { summary.textContent = `${label}: ${state.vars[variable.name].map(text).join(", ")}`; };
  const boxes = options.map(o => {
    const box = el("input", { type: "checkbox", value: o });
    box.checked = values.includes(o);
    return box;
  });
  for (const box of boxes) {
    box.addEventListener("change", () => {
      if (box.value === ALL && box.checked) boxes.forEach(b => { b.checked = b === box; });
      else if (box.checked) boxes.forEach(b => { if (b.value === ALL) b.checked = false; });
      let picked = boxes.filter(b => b.checked).map(b => b.value);
      if (picked.length === 0) { picked = [options[0]]; boxes[0].checked = true; }
      state.vars[variable.name] = picked;
      show(); writeUrl(); refreshAll();
    });
  }
  show();
  return el("details", { class: "variable", "data-variable": variable.name }, summary,
    el("div", { class: "options" }, boxes.map((b, i) => el("label", {}, b, ` ${text(options[i])}`))));
}

async function main() {
  const params = new URLSearchParams(location.search);
  state.dashboards = await getJson("/api/dashboards");
  const uid = location.pathname.startsWith("/d/") ? decodeURIComponent(location.pathname.slice(3)) : state.dashboards[0].uid;
  $("dashboards").append(...state.dashboards.map(d =>
    el("a", { href: `/d/${d.uid}`, "data-uid": d.uid, class: d.uid === uid ? "current" : "" }, d.title.replace(/^Intelligence\s*[-·:]\s*/, ""))));
  state.dashboard = await getJson(`/api/dashboards/${encodeURIComponent(uid)}`);
  document.title = `${state.dashboard.title} · Intelligence`;
  $("title").textContent = state.dashboard.title;

  const span = await getJson("/api/span");
  const spanFrom = Date.parse(span.from), spanTo = Date.parse(span.to);
  state.from = Number(params.get("from")) || spanFrom;
  state.to = Number(params.get("to")) || spanTo;
  $("from").value = toInput(state.from);
  $("to").value = toInput(state.to);
  $("refresh").value = refreshMs[params.get("refresh")] ? params.get("refresh") : "";

  const variables = (state.dashboard.templating?.list ?? []).filter(v => v.type === "query");
  const controls = await Promise.all(variables.map(v => variableControl(
    { name: v.name, label: v.label, includeAll: !!v.includeAll, multi: !!v.multi },
    params.getAll(`var-${v.name}`))));
  $("variables").replaceChildren(...controls);

  $("grid").replaceChildren(...state.dashboard.panels.map(panel => {
    const g = panel.gridPos;
    return el("section", {
      class: "panel", "data-panel-id": panel.id, "data-type": panel.type, "data-state": "loading", "data-rows": "0",
      style: `grid-column:${g.x + 1} / span ${g.w};grid-row:${g.y + 1} / span ${g.h}`,
    }, el("header", {}, el("h2", { title: panel.title }, panel.title), el("span", { class: "status" })), el("div", { class: "body" }));
  }));

  $("controls").addEventListener("submit", e => {
    e.preventDefault();
    const from = fromInput($("from").value), to = fromInput($("to").value);
    if (!(from < to)) { alert("The range must end after it starts."); return; }
    state.from = from; state.to = to;
    writeUrl(); refreshAll();
  });
  $("span").addEventListener("click", () => {
    state.from = spanFrom; state.to = spanTo;
    $("from").value = toInput(spanFrom); $("to").value = toInput(spanTo);
    writeUrl(); refreshAll();
  });
  $("refresh").addEventListener("change", () => { writeUrl(); setTimer(); });

  writeUrl();
  setTimer();
  refreshAll();
}

main().catch(error => {
  document.body.dataset.state = "error";
  $("grid").replaceChildren(el("div", { class: "error" }, `The console could not start: ${error.message}`));
});
