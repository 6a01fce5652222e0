// The explorer page's "add to report": the what-ifs kept for the offline report
// (window.explorer.report), listed on the page, and the one scenario file of them all
// that `alignsim run` and scripts/plot/report turn into the report. Loaded before
// explorer.js, whose helpers (state, movedValues, postForDownload, ...) it calls.
"use strict";

// A what-if's levers in plain words, as its variant's description says (lever_words in
// explorer/whatif_scenario.cpp, the same text: the browser test checks the report lists it).
function leverWords(values) {
  if (values.length === 0) return "no lever moved: the base itself";
  const base = Object.fromEntries(state.setup.levers.map((lever) => [lever.key, lever.base]));
  return values.map(([key, value]) => key + " set to " + value + " (base " + base[key] + ")").join("; ");
}

// Only the answer on screen for the levers as they stand may be kept.
function addToReport() {
  const shown = state.shown;
  if (!shown || state.pending > 0 || shown.generation !== state.latest) {
    showError("Wait for the answer to this setting before adding it to the report.");
    return;
  }
  hideError();
  const values = [...movedValues()];
  const headlines = shown.outcomes.filter((o) => o.headline_rank > 0).sort((a, b) => a.headline_rank - b.headline_rank);
  state.report.push({ values, words: leverWords(values), replicates: shown.replicates,
                      headlines: headlines.map((o) => o.headline) });
  showReport();
}

function reportFile() { return state.setup.scenario + "_report.yaml"; }

function showReport() {
  const list = document.getElementById("report-list");
  list.replaceChildren();
  state.report.forEach((entry, index) => {
    const item = element("li", { "data-variant": "what_if_" + (index + 1) },
                         "what_if_" + (index + 1) + ": " + entry.words + ", over " + entry.replicates + " replicates");
    const remove = element("button", { type: "button", class: "remove", "aria-label": "remove what_if_" + (index + 1) }, "\u00d7");
    remove.addEventListener("click", () => {
      state.report.splice(index, 1);
      showReport();
    });
    item.appendChild(remove);
    list.appendChild(item);
  });
  document.getElementById("download-report").disabled = state.report.length === 0;
}

// The form "download report scenario" posts: what_ifs=N, the replicates (the most any
// collected answer rests on; they agree unless --target-ci stopped some earlier), and
// what_if_K.LEVER=VALUE for the levers the K-th what-if moved.
function reportForm() {
  const form = new URLSearchParams();
  form.append("what_ifs", state.report.length);
  form.append("replicates", Math.max(...state.report.map((entry) => entry.replicates)));
  state.report.forEach((entry, index) => {
    for (const [key, value] of entry.values) form.append("what_if_" + (index + 1) + "." + key, value);
  });
  return form;
}

async function downloadReport() {
  if (state.report.length === 0) return;
  const text = await postForDownload("/api/report", reportForm(), reportFile());
  if (text !== null) state.reportScenario = text;
}

function setUpReport() {
  document.getElementById("add-to-report").addEventListener("click", addToReport);
  document.getElementById("download-report").addEventListener("click", downloadReport);
  const results = reportFile().replace(/\.yaml$/, ".h5");
  document.getElementById("report-run").textContent = "alignsim run " + reportFile() + " -o " + results;
  document.getElementById("report-plot").textContent = "scripts/plot/report " + results;
}
