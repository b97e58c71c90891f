// The entry page that works without a connection (app/src/groups/pages/offline.rs).
// Each resident's answers get an id when they are started, wait in this device's storage,
// and leave it only once Kiln confirms it has them; Kiln takes each id once, so sending
// again after a lost reply stores nothing twice. The service worker (sw.js) keeps the page.

const WAITING = "kiln-waiting"; // [{id, sendTo, answers, agreed, started, problem?}]
const TO_CHECK = "kiln-to-check"; // [{href, started}]: kept by Kiln unsent, to check online
const CACHE = "kiln-offline-v1";
const RETRY_MS = 30000;

const form = document.querySelector("form[data-offline-entry]");
const countLine = document.querySelector("[data-offline-count]");
const messageLine = document.querySelector("[data-offline-message]");
const checkList = document.querySelector("[data-offline-check]");
const sendButton = document.querySelector("[data-offline-send]");
const summarySlot = document.querySelector("[data-offline-summary]");
const checks = [...document.querySelectorAll("[data-offline-checks] li")].map((li) => ({
  key: li.dataset.key,
  field: li.dataset.field,
  message: li.textContent.trim(),
}));

const newId = () =>
  [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
let current = { id: newId(), started: Date.now() };

const load = (key) => {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "[]");
  } catch (_) {
    return [];
  }
};
const store = (key, list) => localStorage.setItem(key, JSON.stringify(list));
const clock = (ms) => new Date(ms).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
const say = (words) => (messageLine.textContent = words);

function show() {
  const waiting = load(WAITING);
  countLine.textContent = waiting.length === 0 ? "Nothing waiting to send." : `${waiting.length} waiting to send`;
  sendButton.hidden = waiting.length === 0;
  checkList.replaceChildren();
  for (const item of waiting.filter((w) => w.problem)) {
    const li = document.createElement("li");
    li.textContent = `Answers started at ${clock(item.started)} could not be sent: ${item.problem}`;
    checkList.append(li);
  }
  for (const item of load(TO_CHECK)) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = item.href;
    a.textContent = `Check and send the answers started at ${clock(item.started)}`;
    li.append(a);
    checkList.append(li);
  }
}

function forget(id, problem) {
  const waiting = load(WAITING);
  store(
    WAITING,
    problem === undefined
      ? waiting.filter((w) => w.id !== id)
      : waiting.map((w) => (w.id === id ? { ...w, problem } : w)),
  );
}

let sending = false;
async function sendWaiting() {
  if (sending) return;
  sending = true;
  try {
    for (const item of load(WAITING)) {
      let response;
      try {
        response = await fetch(item.sendTo, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ id: item.id, answers: item.answers, agreed: item.agreed }),
          credentials: "same-origin",
          redirect: "manual",
        });
      } catch (_) {
        say("No connection. The answers wait on this device and are sent when the connection returns.");
        break;
      }
      if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
        say("You are signed out, so the answers cannot be sent. Sign in again in this browser, then come back to this page: the answers are still on this device.");
        break;
      }
      const reply = await response.json().catch(() => null);
      if (!reply) {
        say("Kiln could not take the answers just now. They wait on this device, and it tries again shortly.");
        break;
      }
      if (["stored", "repeat", "kept_aside"].includes(reply.outcome)) {
        forget(item.id);
      } else if (reply.outcome === "check") {
        forget(item.id);
        store(TO_CHECK, [...load(TO_CHECK), { href: reply.href, started: item.started }]);
      } else {
        forget(item.id, reply.message);
      }
      say(reply.message);
    }
  } finally {
    sending = false;
    show();
  }
}

// The journey's checks, as the server would make them: each required question answered,
// and the resident's agreement confirmed. Shown beside each question and in a summary.
function showProblems(problems) {
  for (const old of form.querySelectorAll("[data-offline-error]")) old.remove();
  for (const group of form.querySelectorAll(".form-group-error")) group.classList.remove("form-group-error");
  summarySlot.replaceChildren();
  if (problems.length === 0) return;
  for (const p of problems) {
    const field = document.getElementById(p.field);
    const group = field?.closest(".form-group, .postcode-lookup");
    if (!group) continue;
    group.classList.add("form-group-error");
    const message = document.createElement("p");
    message.className = "error-message";
    message.id = `${p.field}-error`;
    message.dataset.offlineError = "";
    const hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = "Error: ";
    message.append(hidden, p.message);
    const anchor = group.querySelector(".hint") ?? group.querySelector("legend, label");
    if (anchor) anchor.after(message);
    else group.prepend(message);
    for (const input of group.querySelectorAll("input, select, textarea")) {
      const ids = (input.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
      if (!ids.includes(message.id)) input.setAttribute("aria-describedby", [...ids, message.id].join(" "));
    }
  }
  const summary = document.createElement("div");
  summary.className = "error-summary";
  summary.setAttribute("role", "alert");
  summary.setAttribute("aria-labelledby", "error-summary-title");
  summary.tabIndex = -1;
  const title = document.createElement("h2");
  title.className = "error-summary-title";
  title.id = "error-summary-title";
  title.textContent = "There is a problem";
  const list = document.createElement("ul");
  list.className = "error-summary-list";
  for (const p of problems) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = `#${p.field}`;
    a.textContent = p.message;
    a.addEventListener("click", (event) => {
      const field = document.getElementById(p.field);
      if (field) {
        event.preventDefault();
        field.focus();
      }
    });
    li.append(a);
    list.append(li);
  }
  summary.append(title, list);
  summarySlot.append(summary);
  summary.focus();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const answers = {};
  for (const [key, value] of data) {
    // Several boxes ticked for one question come as several fields: kept joined by commas,
    // as the server reads them.
    if (key !== "agreed" && typeof value === "string") {
      answers[key] = answers[key] ? `${answers[key]},${value}` : value;
    }
  }
  const agreed = data.get("agreed") === "yes";
  const problems = checks.filter((c) => (c.key === "agreed" ? !agreed : !(answers[c.key] ?? "").trim()));
  showProblems(problems);
  if (problems.length > 0) return;
  try {
    store(WAITING, [...load(WAITING), { ...current, sendTo: form.dataset.sendTo, answers, agreed }]);
  } catch (_) {
    // Nothing is lost: the answers stay in the form.
    say("This device could not keep the answers (its storage is full or switched off). They are still in the form.");
    return;
  }
  form.reset();
  current = { id: newId(), started: Date.now() };
  say("Answers kept on this device.");
  show();
  form.querySelector("input, select, textarea")?.focus();
  sendWaiting();
});

sendButton.addEventListener("click", sendWaiting);
addEventListener("online", sendWaiting);
setInterval(() => load(WAITING).length > 0 && sendWaiting(), RETRY_MS);
show();
sendWaiting();

// Keep this page and its files for when there is no connection.
if ("serviceWorker" in navigator && "caches" in window) {
  navigator.serviceWorker
    .register("/group/sw.js", { scope: "/group/" })
    .then(() => navigator.serviceWorker.ready)
    .then(async () => {
      const files = [...document.querySelectorAll('link[rel="stylesheet"], link[rel~="icon"], script[src]')]
        .map((e) => new URL(e.href || e.src, location.href))
        .filter((u) => u.origin === location.origin && u.pathname.startsWith("/pkg/"))
        .map((u) => u.pathname);
      const cache = await caches.open(CACHE);
      await cache.addAll([location.pathname, ...files]);
      document.body.dataset.offlineReady = "true";
      if (!messageLine.textContent) say("This page is ready to work without a connection.");
    })
    .catch(() => {
      // Opened from the kept copy without a connection: it is ready already.
    });
}
