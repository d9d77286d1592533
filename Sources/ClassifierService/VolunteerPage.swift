/// The page for volunteers at `/`: drop or paste exports, read each server's verdict and where to report, see the
/// full report and download it. Self-contained (its style and script inline, nothing fetched but this service's own
/// API), in French and English. The evidence and structure are the library's HTML report (`?format=html`) shown in
/// a sandboxed frame - one renderer for the page and the CLI - and the verdict lines are written with
/// `textContent`, so no name from an export is ever parsed as markup.
enum VolunteerPage {
    /// Only this origin's API; inline style and script (the page's and the embedded report's); the report's frame
    /// runs sandboxed without this origin, so its script cannot call the API.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        + "img-src data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>classify</title>
<style>
:root { --fg: #1d2330; --muted: #5b6475; --line: #d8dce4; --bg: #f6f7f9; --card: #fff; --accent: #2b59c3;
        --clear: #2e7d32; --watch: #b26a00; --report-platform: #c2410c; --report-authorities: #b91c1c; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header { background: var(--card); border-bottom: 1px solid var(--line); padding: 12px 24px; display: flex; gap: 16px; align-items: center; }
header h1 { font-size: 20px; margin: 0; flex: 1; }
main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; }
.note { color: var(--muted); margin: 4px 0 16px; }
#drop { border: 2px dashed var(--line); border-radius: 10px; background: var(--card); padding: 24px; text-align: center; }
#drop.over { border-color: var(--accent); background: #eef3ff; }
textarea { width: 100%; min-height: 110px; font: 13px/1.4 ui-monospace, monospace; margin-top: 12px; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
button, .button { font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: var(--card); color: var(--accent); }
.row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-top: 10px; }
#token-row[hidden] { display: none; }
.input { background: var(--card); border: 1px solid var(--line); border-radius: 10px; margin-top: 18px; padding: 14px 18px; }
.input h2 { font-size: 16px; margin: 0 0 8px; word-break: break-all; }
.server { border-top: 1px solid var(--line); padding: 8px 0; }
.verdict { display: inline-block; font-weight: 600; color: #fff; border-radius: 4px; padding: 1px 8px; margin-right: 8px; }
.verdict.clear { background: var(--clear); } .verdict.watch { background: var(--watch); }
.verdict.report-platform { background: var(--report-platform); } .verdict.report-authorities { background: var(--report-authorities); }
.verdict.error { background: #555; }
.referrals { margin: 6px 0 0 0; padding-left: 20px; }
.error-text { color: var(--report-authorities); white-space: pre-wrap; }
iframe { width: 100%; height: 720px; border: 1px solid var(--line); border-radius: 6px; margin-top: 10px; background: #fff; }
</style>
</head>
<body>
<header>
  <h1 data-i18n="title">classify — what does this server's structure show?</h1>
  <label><span data-i18n="language">Language</span>
    <select id="lang"><option value="en">English</option><option value="fr">Français</option></select></label>
</header>
<main>
  <p class="note" data-i18n="privacy">Nothing leaves this computer: this page only talks to the classify service that served it. Only the structure is read — server, category and channel names and topics — never messages.</p>
  <div id="drop">
    <p data-i18n="drop">Drop server exports here (JSON, JSON Lines, DiscordChatExporter, an outline) or</p>
    <input type="file" id="files" multiple accept=".json,.jsonl,.ndjson,.outline,.txt,application/json">
    <textarea id="paste" data-i18n-placeholder="paste" placeholder="…or paste an export here"></textarea>
    <div class="row">
      <button id="classify" data-i18n="classify">Classify the pasted text</button>
      <button id="clear" class="secondary" data-i18n="clearAll">Clear the results</button>
    </div>
    <div class="row" id="token-row" hidden>
      <label><span data-i18n="token">This service asks for a token:</span> <input type="password" id="token" autocomplete="off"></label>
    </div>
  </div>
  <div id="results" aria-live="polite"></div>
</main>
<script>
"use strict";
const WORDS = {
  en: { title: "classify — what does this server's structure show?", language: "Language",
        privacy: "Nothing leaves this computer: this page only talks to the classify service that served it. Only the structure is read — server, category and channel names and topics — never messages.",
        drop: "Drop server exports here (JSON, JSON Lines, DiscordChatExporter, an outline) or",
        paste: "…or paste an export here", classify: "Classify the pasted text", clearAll: "Clear the results",
        token: "This service asks for a token:", pasted: "Pasted text", working: "Classifying…",
        verdicts: { "clear": "clear — nothing found", "watch": "watch — keep an eye on it",
                    "report-platform": "report to the platform", "report-authorities": "report to the authorities" },
        unreadable: "could not be read", whereToReport: "Where to report:", noReport: "Nothing to report.",
        report: "Full report (evidence and structure)", markdown: "Download the report (markdown)",
        htmlReport: "Download the report (HTML page)", failed: "The service answered:", unnamed: "(no name)",
        review: "An automated verdict: a person must review it before any report." },
  fr: { title: "classify — que montre la structure de ce serveur ?", language: "Langue",
        privacy: "Rien ne quitte cet ordinateur : cette page ne parle qu'au service classify qui l'a servie. Seule la structure est lue — noms et sujets du serveur, des catégories et des salons — jamais les messages.",
        drop: "Déposez ici des exports de serveurs (JSON, JSON Lines, DiscordChatExporter, un plan) ou",
        paste: "…ou collez un export ici", classify: "Analyser le texte collé", clearAll: "Effacer les résultats",
        token: "Ce service demande un jeton :", pasted: "Texte collé", working: "Analyse en cours…",
        verdicts: { "clear": "rien de trouvé", "watch": "à surveiller",
                    "report-platform": "à signaler à la plateforme", "report-authorities": "à signaler aux autorités" },
        unreadable: "illisible", whereToReport: "Où signaler :", noReport: "Rien à signaler.",
        report: "Rapport complet (preuves et structure)", markdown: "Télécharger le rapport (markdown)",
        htmlReport: "Télécharger le rapport (page HTML)", failed: "Le service a répondu :", unnamed: "(sans nom)",
        review: "Un verdict automatique : une personne doit le vérifier avant tout signalement." }
};
const state = { lang: (navigator.language || "en").toLowerCase().startsWith("fr") ? "fr" : "en", rules: null, inputs: [] };
const $ = (id) => document.getElementById(id);
function t(key) { return WORDS[state.lang][key]; }
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else if (k.startsWith("data-")) node.setAttribute(k, v); else node[k] = v;
  }
  for (const child of children) node.append(child);   // strings become text nodes: never parsed as markup
  return node;
}
function headers(extra) {
  const h = Object.assign({}, extra || {});
  const token = $("token").value.trim();
  if (token) h["Authorization"] = "Bearer " + token;
  return h;
}
async function api(path, body) {
  const response = await fetch(path, body === undefined ? { headers: headers() }
                                                        : { method: "POST", body, headers: headers({ "Content-Type": "application/octet-stream" }) });
  if (response.status === 401) $("token-row").hidden = false;
  return response;
}
async function loadRules() {
  const response = await api("/v1/rules");
  if (response.ok) state.rules = await response.json();
}
function referralsFor(result) {
  // The library's Referrals.applicable: the verdict is listed, and the entry has no category or names one
  // whose own verdict is report-platform or above.
  if (!state.rules) return [];
  const flagged = new Set((result.categories || []).filter(c => c.verdict === "report-platform" || c.verdict === "report-authorities").map(c => c.id));
  return state.rules.referrals.filter(r => r.verdicts.includes(result.verdict) && (r.categories.length === 0 || r.categories.some(c => flagged.has(c))));
}
function query(input, format) {
  const q = new URLSearchParams({ lang: state.lang, name: input.name });
  if (format) q.set("format", format);
  if (format === "html") q.set("all", "true");
  return "/v1/classify?" + q.toString();
}
async function classify(input) {
  input.node.replaceChildren(el("h2", {}, input.name), el("p", {}, t("working")));
  const response = await api(query(input), input.body);
  const answer = await response.json().catch(() => null);
  input.node.replaceChildren(el("h2", {}, input.name));
  if (!response.ok) {
    const message = answer && answer.error ? answer.error.message : String(response.status);
    input.node.append(el("p", { class: "error-text", "data-error": answer && answer.error ? answer.error.code : "http" }, t("failed") + " " + message));
    return;
  }
  for (const result of answer) input.node.append(serverLine(result));
  const actions = el("div", { class: "row" });
  const download = (format, label, type, extension) => {
    const button = el("button", { class: "secondary" }, t(label));
    button.addEventListener("click", async () => {
      const report = await api(query(input, format), input.body);
      const blob = new Blob([await report.text()], { type });
      const link = el("a", { href: URL.createObjectURL(blob), download: input.name.replace(/\.[^.]*$/, "") + "-classify." + extension });
      document.body.append(link); link.click(); link.remove();
    });
    return button;
  };
  actions.append(download("markdown", "markdown", "text/markdown", "md"), download("html", "htmlReport", "text/html", "html"));
  input.node.append(actions);
  // The library's own HTML report, in a frame without this origin: its script runs, but cannot reach the API.
  const report = await api(query(input, "html"), input.body);
  if (report.ok) {
    input.node.append(el("h3", {}, t("report")));
    const frame = el("iframe", { title: t("report") });
    frame.setAttribute("sandbox", "allow-scripts allow-popups");
    frame.srcdoc = await report.text();
    input.node.append(frame);
  }
}
function serverLine(result) {
  const line = el("div", { class: "server" });
  if (result.verdict === null) {
    line.append(el("span", { class: "verdict error", "data-verdict": "error" }, t("unreadable")),
                el("span", { class: "error-text" }, (result.errors || []).join("; ")));
    return line;
  }
  const name = result.server && result.server.name ? result.server.name : t("unnamed");
  line.append(el("span", { class: "verdict " + result.verdict, "data-verdict": result.verdict }, result.verdict),
              el("strong", {}, name), " — " + t("verdicts")[result.verdict]);
  const rules = [...new Set((result.evidence || []).map(e => e.rule))];
  if (rules.length) line.append(el("div", { class: "note" }, rules.join(", ")));
  const referrals = referralsFor(result);
  if (result.verdict !== "clear") line.append(el("div", { class: "note" }, t("review")));
  if (referrals.length) {
    const list = el("ul", { class: "referrals" });
    for (const r of referrals) {
      const item = el("li", {}, el("a", { href: r.url, target: "_blank", rel: "noopener noreferrer" }, r.name[state.lang] || r.name.en || r.id));
      const note = r.note[state.lang] || r.note.en;
      if (note) item.append(" — " + note);
      list.append(item);
    }
    line.append(el("div", {}, t("whereToReport")), list);
  } else if (result.verdict === "clear") {
    line.append(el("div", { class: "note" }, t("noReport")));
  }
  return line;
}
function addInput(name, body) {
  const input = { name, body, node: el("section", { class: "input" }) };
  state.inputs.push(input);
  $("results").append(input.node);
  return classify(input);
}
async function addFiles(files) {
  for (const file of files) await addInput(file.name, new Uint8Array(await file.arrayBuffer()));
}
function translate() {
  document.documentElement.lang = state.lang;
  $("lang").value = state.lang;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
}
$("lang").addEventListener("change", async () => {
  state.lang = $("lang").value;
  translate();
  for (const input of state.inputs) await classify(input);
});
$("files").addEventListener("change", () => addFiles($("files").files));
const drop = $("drop");
drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  addFiles(event.dataTransfer.files);
});
$("classify").addEventListener("click", () => {
  const text = $("paste").value;
  if (text.trim()) addInput(t("pasted") + ".json", new TextEncoder().encode(text));
});
$("clear").addEventListener("click", () => { state.inputs = []; $("results").replaceChildren(); });
$("token").addEventListener("change", async () => { await loadRules(); for (const input of state.inputs) await classify(input); });
translate();
loadRules();
</script>
</body>
</html>
"""#
}
