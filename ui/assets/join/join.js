// The participants' page of a workshop room (ui/rooms_api.py serves it and its API).
// No build step, no framework. Labels and comments are set as text (textContent), never
// as markup. Answers wait in localStorage until the server has them, so a locked screen,
// a lost connection or a reload loses nothing; a failed send is retried by itself.
(() => {
  "use strict";
  const T = {
    en: {
      code: "Room code", join: "Join", wait: "Opening the room…", none: "There is no open room with this code. Check the code on the screen.",
      locked: "This room is not taking new participants.", closedAll: "No moment is open yet: the facilitator will open one.",
      expected: "What did you expect?", excellent: "What would be excellent?", experienced: "What did you get from your usual provider?",
      emotion: "How did it feel?", low: "Very poor", high: "Excellent", neg: "Very bad", pos: "Very good",
      comment: "Comment (optional)", saveComment: "Save comment", sending: "Sending…", saved: "Saved",
      retry: "Not saved yet: trying again…", closed: "This moment is closed.", offline: "No connection: your answers wait on this phone.",
      other: "Español", otherShort: "ES",
    },
    es: {
      code: "Código de la sala", join: "Entrar", wait: "Abriendo la sala…", none: "No hay ninguna sala abierta con este código. Comprueba el código de la pantalla.",
      locked: "Esta sala no admite más participantes.", closedAll: "Aún no hay ningún momento abierto: quien dirige el taller abrirá uno.",
      expected: "¿Qué esperabas?", excellent: "¿Qué sería excelente?", experienced: "¿Qué obtuviste de tu proveedor habitual?",
      emotion: "¿Cómo te sentiste?", low: "Muy malo", high: "Excelente", neg: "Muy mal", pos: "Muy bien",
      comment: "Comentario (opcional)", saveComment: "Guardar comentario", sending: "Enviando…", saved: "Guardado",
      retry: "Aún no se guardó: se vuelve a intentar…", closed: "Este momento está cerrado.", offline: "Sin conexión: tus respuestas esperan en este teléfono.",
      other: "English", otherShort: "EN",
    },
  };
  const RATINGS = ["expected", "excellent", "experienced"];
  const $ = (id) => document.getElementById(id);
  const fromPath = (() => { try { return decodeURIComponent(location.pathname.split("/")[2] || ""); } catch (e) { return ""; } })();
  const code = (fromPath || new URLSearchParams(location.search).get("code") || "").toUpperCase().replace(/[\s-]/g, "");
  const keep = (() => { try { localStorage.setItem("mot-probe", "1"); return localStorage; } catch (e) { return null; } })();
  const memory = {};
  const load = (k, fallback) => { try { return JSON.parse((keep ? keep.getItem(k) : memory[k]) || "null") ?? fallback; } catch (e) { return fallback; } };
  const save = (k, v) => { const s = JSON.stringify(v); if (keep) { try { keep.setItem(k, s); } catch (e) { memory[k] = s; } } else { memory[k] = s; } };
  const K = { token: `mot-room-${code}-token`, pending: `mot-room-${code}-pending`, lang: "mot-room-lang" };
  let chosen = load(K.lang, null);  // a language this phone picked, over the room's
  let room = null, lang = null, token = load(K.token, null);
  let missing = 0, fetched = false, saved = {}, pending = load(K.pending, {}), inflight = {}, tries = {}, shown = "";

  const t = (key) => (T[lang || "en"] || T.en)[key];
  const api = (path, options = {}) => {
    const headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = `Bearer ${token}`;
    return fetch(`/api/rooms/${encodeURIComponent(code)}${path}`, { cache: "no-store", ...options, headers });
  };
  const status = (text, warn) => { const s = $("status"); s.textContent = text || ""; s.hidden = !text; s.className = warn ? "note warn" : "note"; };
  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    Object.entries(props).forEach(([k, v]) => (k in node && k !== "role" ? (node[k] = v) : node.setAttribute(k, v)));
    children.forEach((c) => node.append(c));
    return node;
  };

  function setLanguage(next, remember) {
    lang = next === "es" ? "es" : "en";
    if (remember) { chosen = lang; save(K.lang, lang); }
    document.documentElement.lang = lang;
    $("lang").textContent = t("otherShort"); $("lang").setAttribute("aria-label", t("other"));
    $("code-label").textContent = t("code"); $("code-go").textContent = t("join");
    shown = ""; render();
  }

  async function refresh() {
    if (!code) { $("code-form").hidden = false; status(""); return; }
    let answer;
    try { answer = await fetch(`/api/rooms/${encodeURIComponent(code)}`, { cache: "no-store" }); }
    catch (e) { status(t("offline"), true); return; }
    if (answer.status === 404) { missing += 1; room = null; $("moments").replaceChildren(); status(t("none"), true); return; }
    missing = 0;
    if (!answer.ok) { status(t("retry"), true); return; }
    room = await answer.json();
    if (!chosen && lang !== room.language) setLanguage(room.language);
    $("title").textContent = room.name;
    document.title = room.name;
    if (!token && !(await joinRoom())) return;
    if (!fetched) await loadSaved();
    render();
    Object.keys(pending).forEach(flush);
  }

  async function joinRoom() {
    let answer;
    try { answer = await api("/participants", { method: "POST", body: "{}" }); }
    catch (e) { status(t("offline"), true); return false; }
    if (answer.status === 423) { status(t("locked"), true); return false; }
    if (!answer.ok) { status(t("retry"), true); return false; }
    token = (await answer.json()).token; save(K.token, token);
    return true;
  }

  async function loadSaved() {
    try {
      const answer = await api("/responses");
      if (answer.status === 401) { token = null; save(K.token, null); return; }
      if (!answer.ok) return;
      const stored = (await answer.json()).answers || {};
      Object.entries(stored).forEach(([tp, a]) => keepNewer(tp, a));  // a send may be newer
      fetched = true;
    } catch (e) { /* offline: shown when a send fails */ }
  }

  function keepNewer(tp, answer) {  // replies may arrive out of order: the newest counts
    if (!saved[tp] || !saved[tp].updated_at || saved[tp].updated_at <= answer.updated_at) saved[tp] = answer;
  }

  function dropSent(tp, body) {  // what was sent leaves pending, unless tapped again since
    const left = { ...(pending[tp] || {}) };
    Object.keys(body).forEach((f) => { if (left[f] === body[f]) delete left[f]; });
    if (Object.keys(left).length) pending[tp] = left; else delete pending[tp];
  }

  function current(tp, field) {
    const p = pending[tp] || {};
    return field in p ? p[field] : (saved[tp] || {})[field];
  }

  function scaleRow(tp, field, low, high, ends) {
    const buttons = [];
    for (let v = low; v <= high; v += 1) {
      const b = el("button", { type: "button", textContent: field === "emotion" && v > 0 ? `+${v}` : String(v).replace("-", "\u2212") });
      b.dataset.tp = tp; b.dataset.field = field; b.dataset.value = String(v);
      b.setAttribute("aria-pressed", String(current(tp, field) === v));
      b.addEventListener("click", () => choose(tp, field, current(tp, field) === v ? null : v));
      buttons.push(b);
    }
    return el("fieldset", {}, el("legend", { textContent: t(field) }), el("div", { className: "scale" }, ...buttons),
      el("div", { className: "ends" }, el("span", { textContent: t(ends[0]) }), el("span", { textContent: t(ends[1]) })));
  }

  function moment(tp) {
    const box = el("textarea", { maxLength: 500, value: current(tp.id, "comment") || "" });
    box.setAttribute("aria-label", t("comment"));
    const send = el("button", { type: "button", className: "save-comment", textContent: t("saveComment") });
    send.addEventListener("click", () => choose(tp.id, "comment", box.value.trim() || null));
    const state = el("p", { className: "state", id: `state-${tp.id}` });
    return el("section", { className: "moment" }, el("h2", { textContent: lang === "es" ? tp.label_es : tp.label_en }),
      ...RATINGS.map((f) => scaleRow(tp.id, f, room.scale.low, room.scale.high, ["low", "high"])),
      scaleRow(tp.id, "emotion", room.emotion.low, room.emotion.high, ["neg", "pos"]),
      el("label", { textContent: t("comment") }), box, send, state);
  }

  function render() {
    if (!room) return;
    const open = room.touchpoints.filter((tp) => tp.open);
    const key = JSON.stringify([lang, open.map((tp) => [tp.id, tp.label_en, tp.label_es])]);
    if (key !== shown) {  // redraw only when the open moments change: typing is never lost
      shown = key;
      $("moments").replaceChildren(...open.map(moment));
    }
    document.querySelectorAll("button[data-field]").forEach((b) => {
      b.setAttribute("aria-pressed", String(current(b.dataset.tp, b.dataset.field) === Number(b.dataset.value)));
    });
    open.forEach((tp) => mark(tp.id));
    status(open.length ? "" : t("closedAll"));
  }

  function mark(tp, text, kind) {
    const s = $(`state-${tp}`);
    if (!s) return;
    if (text === undefined) {
      if (pending[tp]) { text = t("sending"); kind = ""; }
      else if (saved[tp] && saved[tp].updated_at) { text = `${t("saved")} ✓ ${new Date(saved[tp].updated_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" })}`; kind = "ok"; }
      else { text = ""; }
    }
    s.textContent = text; s.className = `state ${kind || ""}`;
  }

  function choose(tp, field, value) {
    pending[tp] = { ...(pending[tp] || {}), [field]: value };
    save(K.pending, pending);
    render(); flush(tp);
  }

  async function flush(tp) {
    if (inflight[tp] || !pending[tp] || !token) return;
    const body = pending[tp];
    inflight[tp] = true;
    let answer = null, reply = null;
    try {
      answer = await api(`/responses/${encodeURIComponent(tp)}`, { method: "PUT", body: JSON.stringify(body) });
      if (answer.ok) reply = (await answer.json()).saved;  // read before the next send starts
    } catch (e) { answer = null; }
    inflight[tp] = false;
    if (answer && answer.ok && reply) {
      keepNewer(tp, reply); tries[tp] = 0;
      dropSent(tp, body);
      save(K.pending, pending); render();
      if (pending[tp]) flush(tp);
      return;
    }
    const code409 = answer && answer.status === 409;
    if (code409 || (answer && answer.status === 422)) {
      const detail = await answer.json().catch(() => ({}));
      if (code409) delete pending[tp];  // closed: nothing of it can be saved any more
      else dropSent(tp, body);  // refused: what was tapped since still goes
      save(K.pending, pending);
      render(); mark(tp, code409 ? t("closed") : detail.message, "warn");
      if (code409) refresh();
      return;
    }
    if (answer && answer.status === 401) {  // the token is gone: join again, as a new participant
      token = null; save(K.token, null); saved = {}; fetched = false;
      if (await joinRoom()) flush(tp);
      return;
    }
    if (answer && answer.status === 404) { refresh(); return; }
    const after = answer && answer.status === 429 ? Number(answer.headers.get("Retry-After") || 2) * 1000 : Math.min(1000 * 2 ** (tries[tp] || 0), 10000);
    tries[tp] = (tries[tp] || 0) + 1;
    mark(tp, answer ? t("retry") : t("offline"), "warn");
    setTimeout(() => flush(tp), after);
  }

  async function poll() {
    await refresh();
    if (missing > 10) return;  // no such room (ended, mistyped): stop asking; a reload asks again
    setTimeout(poll, missing ? 30000 : document.hidden ? 15000 : 3000);
  }

  $("lang").addEventListener("click", () => setLanguage(lang === "es" ? "en" : "es", true));
  $("code-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const typed = $("code-input").value.toUpperCase().replace(/[^0-9A-Z]/g, "");
    if (typed) location.assign(`/join/${encodeURIComponent(typed)}`);
  });
  document.addEventListener("visibilitychange", () => { if (!document.hidden) refresh(); });
  window.addEventListener("online", () => Object.keys(pending).forEach(flush));
  setLanguage(chosen || ((navigator.language || "en").startsWith("es") ? "es" : "en"));
  status(code ? t("wait") : "");
  poll();
})();
