// Kiln's pages for residents and the public ship no wasm: they work in full without any
// script. This small file only adds comforts where JavaScript runs. Staff pages hydrate with
// the app's wasm instead.

// Free-text answers: say how many characters are left as the resident types.
for (const box of document.querySelectorAll("[data-max-chars]")) {
  const max = Number(box.dataset.maxChars);
  const count = document.getElementById(box.dataset.countId);
  if (!count || !Number.isFinite(max)) continue;
  box.addEventListener("input", () => {
    const used = [...box.value].length;
    // The page's own words, in its language, with {n} for the number.
    count.textContent =
      used <= max
        ? box.dataset.remaining.replace("{n}", max - used)
        : box.dataset.over.replace("{n}", used - max);
  });
}

// A volunteer's one-page entry form, keyboard first: in a 0 to 10 scale, digits choose the
// score (1 then 0 quickly for 10); in a list of options, a letter chooses the next option
// starting with it; Enter moves on to the next question instead of sending the form.
for (const form of document.querySelectorAll("form[data-keyboard-entry]")) {
  const questions = () => [...form.querySelectorAll(".form-group")];
  const firstField = (group) =>
    group.querySelector("input:checked") ??
    group.querySelector("input:not([type=hidden]), select, textarea, button");
  let lastDigit = { value: "", at: 0 };
  form.addEventListener("keydown", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== "radio") {
      if (event.key === "Enter" && target instanceof HTMLSelectElement) {
        event.preventDefault();
        moveOn(target);
      }
      return;
    }
    const group = target.closest(".form-group");
    const radios = [...group.querySelectorAll("input[type=radio]")];
    if (event.key === "Enter") {
      event.preventDefault();
      moveOn(target);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return;
    let choice;
    if (/^[0-9]$/.test(event.key) && radios.some((r) => r.value === "10")) {
      const now = Date.now();
      const joined = lastDigit.value === "1" && event.key === "0" && now - lastDigit.at < 800;
      choice = radios.find((r) => r.value === (joined ? "10" : event.key));
      lastDigit = { value: event.key, at: now };
    } else {
      const letter = event.key.toLowerCase();
      const label = (r) => (form.querySelector(`label[for="${r.id}"]`)?.textContent ?? "").trim().toLowerCase();
      const start = radios.indexOf(target) + (target.checked ? 1 : 0);
      const order = [...radios.slice(start), ...radios.slice(0, start)];
      choice = order.find((r) => label(r).startsWith(letter));
    }
    if (choice) {
      event.preventDefault();
      choice.checked = true;
      choice.focus();
    }
  });
  function moveOn(from) {
    const all = questions();
    const here = all.indexOf(from.closest(".form-group"));
    const next = all[here + 1];
    const field = next ? firstField(next) : form.querySelector("button[type=submit]");
    field?.focus();
  }
}

// A kiosk page: back to the start after some time without a touch (counted from the last
// touch or key; without script the page's own refresh counts from loading). Before it
// goes, it asks "Are you still there?" for 20 seconds (or half the time, if shorter), so
// that someone slow is not cut off (WCAG 2.2.1).
const idle = document.querySelector("[data-kiosk-idle]");
if (idle) {
  const seconds = Number(idle.dataset.kioskIdle);
  const warnFor = Math.min(20, seconds / 2);
  let warnTimer;
  let leaveTimer;
  const restart = () => {
    clearTimeout(warnTimer);
    clearTimeout(leaveTimer);
    idle.hidden = true;
    warnTimer = setTimeout(() => {
      idle.hidden = false;
      idle.querySelector("[data-kiosk-stay]")?.focus();
    }, (seconds - warnFor) * 1000);
    leaveTimer = setTimeout(() => location.assign(idle.dataset.kioskHome), seconds * 1000);
  };
  for (const kind of ["pointerdown", "keydown", "input", "touchstart"]) {
    addEventListener(kind, restart, { passive: true, capture: true });
  }
  restart();
}

// Signing out makes the browser forget what this site keeps on the device (the server says
// so to the browser), including a volunteer's answers not yet sent from the offline entry
// page: ask first when there are any.
for (const signOut of document.querySelectorAll("form.sign-out")) {
  signOut.addEventListener("submit", (event) => {
    let waiting = 0;
    try {
      waiting = JSON.parse(localStorage.getItem("kiln-waiting") ?? "[]").length;
    } catch (_) {}
    const residents = waiting === 1 ? "1 resident's answers have" : `${waiting} residents' answers have`;
    if (waiting > 0 && !confirm(`${residents} not been sent yet. Signing out deletes them from this device. Sign out anyway?`)) {
      event.preventDefault();
      return;
    }
    try {
      localStorage.removeItem("kiln-waiting");
      localStorage.removeItem("kiln-to-check");
    } catch (_) {}
  });
}

// Words that are true only where this script runs.
for (const shown of document.querySelectorAll("[data-shown-with-script]")) shown.hidden = false;
for (const gone of document.querySelectorAll("[data-hidden-with-script]")) gone.hidden = true;

// A marker the end-to-end tests wait for, so a broken script cannot pass unnoticed.
document.body.dataset.enhanced = "true";
