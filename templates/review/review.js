// The review page: edit a text in place, act on findings, approve, plan. Every change is a
// POST with the page's CSRF token and the post's version; on success the page reloads and
// shows the cards as drawn again, on the same slide.
"use strict";

const token = document.querySelector('meta[name="csrf-token"]').content;
const slug = document.body.dataset.slug;

async function send(action, data) {
  const response = await fetch(`/post/${encodeURIComponent(slug)}/${action}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
    body: JSON.stringify({ version: document.body.dataset.version, ...data }),
  });
  let reply;
  try { reply = await response.json(); } catch { reply = { ok: false, error: `the server answered ${response.status}` }; }
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}

function showError(box, message) {
  const line = box.querySelector(".error-text");
  line.textContent = message.charAt(0).toUpperCase() + message.slice(1);
  line.hidden = false;
}

function reloadKeepingPlace(message) {
  sessionStorage.setItem("review-place", JSON.stringify({ slide: currentSlide(), y: window.scrollY, message }));
  location.reload();
}

async function act(box, action, data, busyButton) {
  if (busyButton) busyButton.disabled = true;
  box.classList.add("busy");
  try {
    const reply = await send(action, data);
    const found = (reply.findings || []).length;
    const drawn = found ? `Saved and drawn again: ${found} health-copy finding${found > 1 ? "s" : ""} to look at.` : "Saved: the cards are drawn again.";
    reloadKeepingPlace(reply.message || drawn);
  } catch (error) {
    box.classList.remove("busy");
    if (busyButton) busyButton.disabled = false;
    showError(box, error.message);
  }
}

// Edit in place: a text becomes a text box with Save and Cancel.
function startEdit(field) {
  if (field.querySelector("textarea")) return field.querySelector("textarea").focus();
  const value = field.querySelector(".value");
  const editor = document.createElement("div");
  editor.className = "editor";
  const area = document.createElement("textarea");
  area.value = value.innerText.replace(/… more/, "");
  if (field.classList.contains("caption-field")) area.value = value.dataset.full || area.value;
  area.rows = Math.min(12, Math.max(2, Math.ceil(area.value.length / 48)));
  const count = document.createElement("span");
  count.className = "muted small";
  const update = () => { count.textContent = `${area.value.length.toLocaleString()} characters`; };
  update();
  area.addEventListener("input", update);
  const save = button("Save", "primary");
  const cancel = button("Cancel");
  const row = document.createElement("div");
  row.className = "editor-row";
  row.append(save, cancel, count);
  editor.append(area, row);
  value.hidden = true;
  value.after(editor);
  area.focus();
  cancel.addEventListener("click", () => { editor.remove(); value.hidden = false; field.querySelector(".error-text").hidden = true; });
  save.addEventListener("click", () => act(field, "edit", { key: field.dataset.key, text: area.value }, save));
  area.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) save.click();
    if (e.key === "Escape") cancel.click();
  });
}

function button(text, cls) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  if (cls) b.className = cls;
  return b;
}

document.querySelectorAll(".caption-field .value").forEach((v) => { v.dataset.full = v.querySelector(".head").textContent + (v.querySelector(".tail")?.textContent || ""); });
document.querySelectorAll(".field .value").forEach((value) => {
  const field = value.closest(".field");
  value.addEventListener("click", () => startEdit(field));
  value.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); startEdit(field); } });
});

// Findings: use the suggestion, or sign off with a name and a reason.
document.querySelectorAll(".finding").forEach((box) => {
  const id = { rule: box.dataset.rule, text: box.dataset.text };
  box.querySelector('[data-action="accept"]')?.addEventListener("click", (e) => act(box, "accept", id, e.target));
  box.querySelector('[data-action="edit"]')?.addEventListener("click", () => {
    const place = box.closest(".panel, .caption-box");
    const fields = [...place.querySelectorAll(".field")];
    const field = fields.find((f) => f.querySelector(".value").textContent.includes(id.text)) || fields[0];
    if (field) startEdit(field);
  });
  const form = box.querySelector("form.signoff");
  box.querySelector('[data-action="signoff-open"]')?.addEventListener("click", () => {
    form.hidden = false;
    form.by.value = form.by.value || localStorage.getItem("review-name") || "";
    (form.by.value ? form.reason : form.by).focus();
  });
  form?.addEventListener("submit", (e) => {
    e.preventDefault();
    localStorage.setItem("review-name", form.by.value);
    act(box, "signoff", { ...id, by: form.by.value, reason: form.reason.value }, form.querySelector("button"));
  });
});

const approveForm = document.getElementById("approve");
if (approveForm) {
  approveForm.by.value = localStorage.getItem("review-name") || "";
  approveForm.addEventListener("submit", (e) => {
    e.preventDefault();
    localStorage.setItem("review-name", approveForm.by.value);
    act(approveForm.closest("section"), "approve", { by: approveForm.by.value }, approveForm.querySelector("button"));
  });
}

document.getElementById("look")?.addEventListener("change", (e) => act(e.target.closest(".head-actions"), "look", { look: e.target.value }));
document.querySelectorAll("select.swap-quote").forEach((select) => {
  select.addEventListener("change", () => { if (select.value) act(select.closest(".card-col").querySelector(".panel"), "quote", { file: select.dataset.file, quote: select.value }); });
});

document.querySelectorAll(".slide-tools button[data-move]").forEach((b) => {
  const tools = b.closest(".slide-tools");
  b.addEventListener("click", () => act(tools, "slide", { file: tools.dataset.file, move: b.dataset.move }, b));
});

const plan = document.getElementById("schedule");
if (plan) {
  const tomorrow = new Date(Date.now() + 86400000);
  plan.start.value = tomorrow.toISOString().slice(0, 10);
  if (!plan.tz.value) plan.tz.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  plan.addEventListener("submit", (e) => {
    e.preventDefault();
    const slots = [...plan.querySelectorAll('input[name="slot"]:checked')].map((c) => c.value).join(", ");
    act(plan, "schedule", { start: plan.start.value, slots, tz: plan.tz.value }, plan.querySelector('button[type="submit"]'));
  });
}

// The carousel: swipe, arrow buttons, arrow keys; the panel beside it follows the slide.
const swipe = document.querySelector("#carousel .swipe");
const panels = [...document.querySelectorAll("#slide-panels .panel")];
const dots = [...document.querySelectorAll("#carousel .dots span")];

let slideIndex = 0; // the slide shown, or being scrolled to (several key presses add up)
let settle;

function currentSlide() {
  return slideIndex;
}

function goTo(index, smooth = true) {
  if (!swipe) return;
  slideIndex = Math.max(0, Math.min(swipe.children.length - 1, index));
  swipe.scrollTo({ left: slideIndex * swipe.clientWidth, behavior: smooth ? "smooth" : "instant" });
  showPanel(slideIndex);
}

function showPanel(index) {
  panels.forEach((p, i) => { p.hidden = i !== index; });
  dots.forEach((d, i) => d.classList.toggle("on", i === index));
}

if (swipe) {
  document.querySelector("#carousel .prev").addEventListener("click", () => goTo(currentSlide() - 1));
  document.querySelector("#carousel .next").addEventListener("click", () => goTo(currentSlide() + 1));
  swipe.addEventListener("scroll", () => { // a swipe by hand: follow it once it comes to rest
    clearTimeout(settle);
    settle = setTimeout(() => {
      slideIndex = Math.round(swipe.scrollLeft / Math.max(1, swipe.clientWidth));
      showPanel(slideIndex);
    }, 120);
  });
  document.addEventListener("keydown", (e) => {
    if (e.target.closest("textarea, input, select")) return;
    if (e.key === "ArrowRight") { e.preventDefault(); goTo(currentSlide() + 1); }
    if (e.key === "ArrowLeft") { e.preventDefault(); goTo(currentSlide() - 1); }
  });
  swipe.querySelectorAll("figure").forEach((fig, i) => fig.addEventListener("click", () => {
    goTo(i);
    const main = panels[i].querySelector('.field[data-key$=".text"]');
    if (main) startEdit(main);
  }));
  showPanel(0);
}
document.querySelectorAll("img.card-img").forEach((img) => img.addEventListener("click", () => {
  const main = img.closest(".card-col").querySelector('.panel .field[data-key$=".text"]');
  if (main) startEdit(main);
}));

// After a change: back on the same slide and place, with what happened.
const place = JSON.parse(sessionStorage.getItem("review-place") || "null");
if (place) {
  sessionStorage.removeItem("review-place");
  window.scrollTo(0, place.y);
  goTo(place.slide, false);
  const flash = document.getElementById("flash");
  if (flash && place.message) { flash.textContent = place.message; flash.hidden = false; setTimeout(() => { flash.hidden = true; }, 4000); }
}

// The posts list: a post written meanwhile (by `run` or `watch`) shows up without a reload.
if (!slug && document.querySelector("main .head-row")) {
  setInterval(async () => {
    if (document.hidden) return;
    try {
      const html = await (await fetch("/", { cache: "no-store" })).text();
      const fresh = new DOMParser().parseFromString(html, "text/html").querySelector("main");
      const main = document.querySelector("main");
      if (fresh && fresh.innerHTML !== main.innerHTML) main.replaceWith(fresh);
    } catch { /* the server is stopped: keep what is shown */ }
  }, 5000);
}
