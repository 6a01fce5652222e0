// The explorer page: levers as sliders, the server's progressive paired answers as they
// arrive (server-sent events), and the time from each input to its first and final
// update (window.explorer.timings, read by the browser test and docs/benchmarks.md).
// Every number shown is text the server formatted as `alignsim run` prints it.
"use strict";

const token = new URLSearchParams(location.search).get("token");
const withToken = (path) => (token ? path + (path.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(token) : path);

const state = {
  setup: null,
  latest: 0,      // the newest generation asked for or seen; older updates are stale
  pending: 0,     // changes sent and not yet answered
  shown: null,    // the update on screen
  timings: {},    // generation -> {input, first, final} in ms (performance.now)
  saved: null,    // the text of the last "save as scenario"
  report: [],     // the what-ifs collected by "add to report": {values, words, replicates, headlines}
  reportScenario: null,  // the text of the last "download report scenario"
  history: [],    // [generation, replicates, final] of every update shown
};
window.explorer = state;

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function timing(generation) {
  if (!state.timings[generation]) state.timings[generation] = {};
  return state.timings[generation];
}

// ---- levers -------------------------------------------------------------------------------

function leverInput(lever) {
  if (lever.kind === "boolean") {
    const input = element("input", { type: "checkbox", id: "lever-" + lever.key, "data-key": lever.key });
    input.checked = lever.base === "true";
    return input;
  }
  if (lever.kind === "choice") {
    const input = element("select", { id: "lever-" + lever.key, "data-key": lever.key });
    for (const choice of lever.choices) input.appendChild(element("option", { value: choice }, choice));
    input.value = lever.base;
    return input;
  }
  return element("input", { type: "range", id: "lever-" + lever.key, "data-key": lever.key, min: lever.low,
                            max: lever.high, step: lever.step, value: lever.base });
}

function leverValue(input) { return input.type === "checkbox" ? String(input.checked) : input.value; }

function showLever(lever, input, valueText) {
  const value = leverValue(input);
  const moved = value !== lever.base;
  valueText.textContent = value + (lever.unit && lever.kind !== "boolean" ? " " + lever.unit : "") +
    (moved ? " (base: " + lever.base + ")" : " (as in the base)");
  valueText.className = "value" + (moved ? " moved" : "");
}

function buildLevers(levers) {
  const box = document.getElementById("levers");
  for (const lever of levers) {
    const card = element("div", { class: "lever" });
    const input = leverInput(lever);
    const valueText = element("span", { class: "value", id: "value-" + lever.key });
    card.appendChild(element("label", { for: input.id }, lever.key));
    card.appendChild(element("p", { class: "meaning" }, lever.meaning.replace(/\.?$/, ".") + " Allowed: " + lever.allowed + "."));
    card.appendChild(input);
    card.appendChild(valueText);
    showLever(lever, input, valueText);
    input.addEventListener(input.tagName === "SELECT" || input.type === "checkbox" ? "change" : "input", () => {
      showLever(lever, input, valueText);
      if (concealing()) conceal(true);
      sendChange(performance.now());
    });
    box.appendChild(card);
  }
}

// Only moved levers are sent: the what-if is the base with exactly these settings.
function movedValues() {
  const values = new URLSearchParams();
  for (const lever of state.setup.levers) {
    const value = leverValue(document.getElementById("lever-" + lever.key));
    if (value !== lever.base) values.append(lever.key, value);
  }
  return values;
}

async function sendChange(inputTime) {
  state.pending += 1;
  let response, answer;
  try {
    response = await fetch(withToken("/api/whatif"), { method: "POST", body: movedValues() });
    answer = await response.json();
  } finally {
    state.pending -= 1;
  }
  if (!response.ok) {
    showError(answer.error);
    return;
  }
  hideError();
  timing(answer.generation).input = inputTime;
  state.latest = Math.max(state.latest, answer.generation);
}

// The facilitator's switch: while on, each change hides the answer until "Reveal".
function conceal(hidden) {
  document.getElementById("results").classList.toggle("concealed", hidden);
  document.getElementById("concealed-note").hidden = !hidden;
  document.getElementById("reveal").hidden = !hidden;
}

function concealing() { return document.getElementById("conceal").checked; }

// "Save as scenario": the what-if fully resolved at the replicates shown, downloaded.
async function saveScenario() {
  if (!state.shown) return;
  const form = movedValues();
  form.append("replicates", state.shown.replicates);
  const text = await postForDownload("/api/scenario", form, state.setup.scenario + "_what_if.yaml");
  if (text !== null) state.saved = text;
}

// Posts the form and downloads the scenario text it answers as `name`; returns the text,
// or null after showing the server's message.
async function postForDownload(path, form, name) {
  const response = await fetch(withToken(path), { method: "POST", body: form });
  if (!response.ok) {
    showError((await response.json()).error);
    return null;
  }
  const text = await response.text();
  const link = element("a", { download: name });
  link.href = URL.createObjectURL(new Blob([text], { type: "text/yaml" }));
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
  return text;
}

function resetLevers() {
  for (const lever of state.setup.levers) {
    const input = document.getElementById("lever-" + lever.key);
    if (input.type === "checkbox") input.checked = lever.base === "true";
    else input.value = lever.base;
    showLever(lever, input, document.getElementById("value-" + lever.key));
  }
  sendChange(performance.now());
}

// ---- results ------------------------------------------------------------------------------

function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message;
  box.hidden = false;
}

function hideError() { document.getElementById("error").hidden = true; }

// Plain words for an effect: its direction, whether the 95% interval excludes no change,
// and whether that is good for the business (the metric's `better`).
function verdict(outcome) {
  const bar = outcome.bar;
  if (bar.low === null || bar.high === null) return { words: "Too few replicates to tell yet.", tone: "unclear" };
  if (bar.low <= 0 && bar.high >= 0) {
    return { words: "Not distinguishable from no change: the 95% interval includes zero.", tone: "unclear" };
  }
  const up = bar.estimate > 0;
  let tone = "unclear";
  if (outcome.better !== "neither") tone = (outcome.better === "higher") === up ? "better" : "worse";
  const judgement = tone === "better" ? " That is better." : tone === "worse" ? " That is worse." : "";
  return { words: (up ? "Higher" : "Lower") + " than the base, clearly (the 95% interval excludes zero)." + judgement,
           tone };
}

// The paired effect and its 95% CI on an axis centred on zero.
function effectBar(outcome, tone) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "bar");
  svg.setAttribute("viewBox", "0 0 300 34");
  const bar = outcome.bar;
  const values = [bar.estimate, bar.low, bar.high].filter((v) => v !== null).map(Math.abs);
  const reach = Math.max(1e-9, ...values) * 1.15;
  const x = (v) => 150 + (v / reach) * 140;
  const line = (x1, x2, y, colour, width) => {
    const l = document.createElementNS(ns, "line");
    for (const [k, v] of Object.entries({ x1, x2, y1: y, y2: y, stroke: colour, "stroke-width": width })) l.setAttribute(k, v);
    svg.appendChild(l);
  };
  const colour = { better: "#1d7a46", worse: "#b42318", unclear: "#7b8794" }[tone];
  const zero = document.createElementNS(ns, "line");
  for (const [k, v] of Object.entries({ x1: 150, x2: 150, y1: 2, y2: 32, stroke: "#9aa5b1" })) zero.setAttribute(k, v);
  svg.appendChild(zero);
  if (bar.low !== null && bar.high !== null) line(x(bar.low), x(bar.high), 17, colour, 6);
  if (bar.estimate !== null) {
    const dot = document.createElementNS(ns, "circle");
    for (const [k, v] of Object.entries({ cx: x(bar.estimate), cy: 17, r: 7, fill: colour })) dot.setAttribute(k, v);
    svg.appendChild(dot);
  }
  const caption = document.createElementNS(ns, "title");
  caption.textContent = "effect in " + bar.scale + " with its 95% confidence interval; the grey line is no change";
  svg.appendChild(caption);
  return svg;
}

function showHeadlines(update) {
  const box = document.getElementById("headlines");
  box.replaceChildren();
  const headlines = update.outcomes.filter((o) => o.headline_rank > 0).sort((a, b) => a.headline_rank - b.headline_rank);
  for (const outcome of headlines) {
    const { words, tone } = verdict(outcome);
    const card = element("div", { class: "headline", "data-metric": outcome.metric });
    card.appendChild(element("h3", {}, outcome.label));
    card.appendChild(element("div", { class: "headline-change " + tone }, outcome.headline));
    card.appendChild(element("div", { class: "levels" }, "base " + outcome.base_level + " \u2192 what-if " +
      outcome.what_if.split(" (")[0]));
    card.appendChild(effectBar(outcome, tone));
    card.appendChild(element("p", { class: "words" }, words));
    box.appendChild(card);
  }
}

function showTable(update) {
  const body = document.querySelector("#outcomes tbody");
  body.replaceChildren();
  for (const outcome of update.outcomes) {
    const row = element("tr", { "data-metric": outcome.metric });
    row.appendChild(element("td", {}, outcome.label));
    row.appendChild(element("td", { class: "base" }, outcome.base));
    row.appendChild(element("td", { class: "what-if" }, outcome.what_if));
    row.appendChild(element("td", { class: "difference" }, outcome.difference));
    row.appendChild(element("td", { class: "relative" }, outcome.relative));
    body.appendChild(row);
  }
}

// Axis ticks: short, in the metric's unit ($1.2M for USD).
function compact(value, unit) {
  const a = Math.abs(value);
  const [scaled, suffix] = a >= 1e9 ? [value / 1e9, "B"] : a >= 1e6 ? [value / 1e6, "M"] : a >= 1e3 ? [value / 1e3, "k"] : [value, ""];
  const text = (Math.abs(scaled) >= 10 || scaled === 0 ? scaled.toFixed(0) : scaled.toFixed(1)) + suffix;
  return unit === "USD" ? "$" + text : text;
}

// The fan chart: per period the median and the 50% and 90% bands over replicates of the
// cumulative metric, base (grey) and what-if (blue), drawn as plain SVG.
function showFan(update) {
  const fan = update.fan;
  const box = document.getElementById("fan");
  box.replaceChildren();
  if (!fan) return;
  document.getElementById("fan-title").textContent = fan.label + " over time: base and what-if";
  document.getElementById("fan-caption").textContent = "Line: the median of " + update.replicates +
    " replicates; darker band: the middle 50% of runs; lighter band: the middle 90%.";
  const ns = "http://www.w3.org/2000/svg";
  const [width, height, left, right, top, bottom] = [800, 320, 70, 110, 12, 36];
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "fan");
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  const periods = fan.base.length;
  const all = fan.base.concat(fan.what_if).flat().filter((v) => v !== null);
  const top_value = Math.max(1e-9, ...all);
  const x = (p) => left + ((p + 1) / periods) * (width - left - right);
  const y = (v) => height - bottom - (v / top_value) * (height - top - bottom);
  const add = (tag, attributes, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    svg.appendChild(node);
    return node;
  };
  for (let i = 0; i <= 4; i++) {
    const v = (top_value * i) / 4;
    add("line", { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: "#e4e7eb" });
    add("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end" }, compact(v, fan.unit));
  }
  for (let i = 0; i <= 4; i++) {
    const p = Math.round(((periods - 1) * i) / 4);
    add("text", { x: x(p), y: height - bottom + 16, "text-anchor": "middle" }, String((p + 1) * fan.period_days));
  }
  add("text", { x: (left + width - right) / 2, y: height - 4, "text-anchor": "middle" }, "business days");
  const band = (rows, low, high) => {
    const upper = rows.map((r, p) => x(p) + "," + y(r[high]));
    const lower = rows.map((r, p) => x(p) + "," + y(r[low])).reverse();
    return upper.concat(lower).join(" ");
  };
  const series = [["base", fan.base, "#7b8794"], ["what-if", fan.what_if, "#2f6fde"]];
  series.forEach(([name, rows, colour], index) => {
    if (rows.some((r) => r[2] === null)) return;
    add("polygon", { points: band(rows, 0, 4), fill: colour, "fill-opacity": 0.15 });
    add("polygon", { points: band(rows, 1, 3), fill: colour, "fill-opacity": 0.3 });
    add("polyline", { points: rows.map((r, p) => x(p) + "," + y(r[2])).join(" "), fill: "none", stroke: colour,
                      "stroke-width": 2.5, "data-series": name });
    add("text", { x: width - right + 8, y: top + 16 + 18 * index, fill: colour, style: "fill:" + colour }, name);
  });
  box.appendChild(svg);
}

function showStatus(update) {
  const t = timing(update.generation);
  const setup = state.setup;
  let text = "Paired over " + update.replicates + " of up to " + setup.max_replicates +
    " replicates with common random numbers (seed " + setup.seed + ")";
  text += update.final ? (update.target_met ? ": the interval target is met." : ": final.") : ": refining\u2026";
  if (t.input !== undefined && t.first !== undefined) {
    text += " First estimate after " + Math.round(t.first - t.input) + " ms";
    if (t.final !== undefined) text += ", final after " + Math.round(t.final - t.input) + " ms";
    text += ".";
  }
  const status = document.getElementById("status");
  status.textContent = text;
  status.dataset.generation = update.generation;
  status.dataset.replicates = update.replicates;
  status.dataset.final = update.final;
}

function receive(update) {
  if (update.generation < state.latest) return;  // a stale change's last runs
  state.latest = update.generation;
  const t = timing(update.generation);
  const now = performance.now();
  if (t.first === undefined) t.first = now;
  if (update.final) t.final = now;
  state.shown = update;
  state.history.push([update.generation, update.replicates, update.final]);
  showHeadlines(update);
  showTable(update);
  showFan(update);
  showStatus(update);
}

async function start() {
  const response = await fetch(withToken("/api/setup"));
  state.setup = await response.json();
  document.getElementById("scenario-name").textContent = state.setup.scenario;
  document.getElementById("scenario-description").textContent = state.setup.description;
  buildLevers(state.setup.levers);
  document.getElementById("reset").addEventListener("click", resetLevers);
  document.getElementById("save").addEventListener("click", saveScenario);
  setUpReport();
  document.getElementById("conceal").addEventListener("change", () => conceal(concealing()));
  document.getElementById("reveal").addEventListener("click", () => conceal(false));
  const events = new EventSource(withToken("/api/events"));
  events.onmessage = (message) => receive(JSON.parse(message.data));
}

start();
