// Kiln's pages for residents and the public ship no wasm: they work in full without any
// script. This small file only adds comforts where JavaScript runs. Staff pages hydrate with
// the app's wasm instead.

// Free-text answers: say how many characters are left as the resident types.
for (const box of document.querySelectorAll("textarea[data-max-chars]")) {
  const max = Number(box.dataset.maxChars);
  const count = document.getElementById(box.dataset.countId);
  if (!count || !Number.isFinite(max)) continue;
  box.addEventListener("input", () => {
    const used = [...box.value].length;
    count.textContent =
      used <= max
        ? `You have ${max - used} characters remaining`
        : `You have ${used - max} characters too many`;
  });
}

// A marker the end-to-end tests wait for, so a broken script cannot pass unnoticed.
document.body.dataset.enhanced = "true";
