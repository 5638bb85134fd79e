/* LiveGiving Desktop: the script of every OBS overlay page (the page names its overlay in
   <body data-overlay="...">). Protocol: services/overlays/hub.py and docs/automation.md.

   - A snapshot with its sequence number on connect, then the changes, each applied once.
   - It reconnects by itself with backoff (0.5 s doubling to 10 s) and resumes from its
     sequence; the alert box also keeps the newest donation it queued (across reloads), so
     the server sends what it missed and nothing it had.
   - Text from donors is only ever set with textContent, never as HTML. */
(function () {
  "use strict";

  var KIND = document.body.dataset.overlay;
  var BASE = location.pathname.replace(/\/[^/]*$/, "");
  var WS_URL = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + BASE +
    "/ws?kind=" + encodeURIComponent(KIND);
  var STORE_KEY = "livegiving-overlay:" + KIND;
  var PING_MS = 5000;
  var STALE_MS = 15000;
  var BACKOFF_MIN_MS = 500;
  var BACKOFF_MAX_MS = 10000;
  var RENDER_EVERY_MS = 100;
  var GAP_MS = 400;

  var state = {
    epoch: null,
    seq: null,
    cursor: loadCursor(),
    settings: null,
    labels: {},
    figures: null,
    paused: false,
    queue: [],
    current: null,
    ticker: [],
    top: [],
    stories: [],
    story: null
  };
  var client = clientId();
  var socket = null;
  var backoff = BACKOFF_MIN_MS;
  var lastHeard = 0;
  var reconnectTimer = null;
  var renderTimer = null;
  var lastRender = 0;
  var alertTimer = null;
  var storyTimer = null;

  // -- small helpers ------------------------------------------------------------------------

  function byId(id) { return document.getElementById(id); }

  function setText(el, value) {
    if (el) { el.textContent = value === null || value === undefined ? "" : String(value); }
  }

  function label(key) { return state.labels[key] || ""; }

  function shownName(item) { return item.name === null ? label("anonymous") : item.name; }

  function loadCursor() {
    if (KIND !== "alerts") { return 0; }
    try {
      var saved = parseInt(window.localStorage.getItem(STORE_KEY + ":" + BASE) || "0", 10);
      return isFinite(saved) && saved > 0 ? saved : 0;
    } catch (e) { return 0; }
  }

  function saveCursor() {
    if (KIND !== "alerts") { return; }
    try { window.localStorage.setItem(STORE_KEY + ":" + BASE, String(state.cursor)); } catch (e) { /* private mode */ }
  }

  function clientId() {
    var id = "";
    try { id = window.sessionStorage.getItem(STORE_KEY + ":client") || ""; } catch (e) { id = ""; }
    if (!id) {
      var bytes = new Uint8Array(8);
      window.crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
      try { window.sessionStorage.setItem(STORE_KEY + ":client", id); } catch (e) { /* ignore */ }
    }
    return id;
  }

  function setConnected(connected) { document.body.dataset.connected = connected ? "true" : "false"; }

  // -- the connection -----------------------------------------------------------------------

  function connect() {
    reconnectTimer = null;
    var ws;
    try { ws = new WebSocket(WS_URL); } catch (e) { scheduleReconnect(); return; }
    socket = ws;
    ws.onopen = function () {
      lastHeard = Date.now();
      ws.send(JSON.stringify({
        type: "hello", epoch: state.epoch, seq: state.seq, cursor: state.cursor,
        held: heldIds(), client: client
      }));
    };
    ws.onmessage = function (event) {
      lastHeard = Date.now();
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      handle(message);
    };
    ws.onclose = function () { dropSocket(ws); };
    ws.onerror = function () { /* onclose follows */ };
  }

  function dropSocket(ws) {
    if (socket !== ws) { return; }
    socket = null;
    setConnected(false);
    try { ws.close(); } catch (e) { /* already closed */ }
    scheduleReconnect();
  }

  function scheduleReconnect() {
    if (reconnectTimer !== null) { return; }
    var wait = backoff * (0.75 + Math.random() * 0.5);
    backoff = Math.min(BACKOFF_MAX_MS, backoff * 2);
    reconnectTimer = setTimeout(connect, wait);
  }

  // A socket that hears nothing (not even a pong) for 15 s is stale: start again.
  setInterval(function () {
    var ws = socket;
    if (!ws || ws.readyState !== WebSocket.OPEN) { return; }
    if (Date.now() - lastHeard > STALE_MS) { dropSocket(ws); return; }
    ws.send("{\"type\":\"ping\"}");
  }, PING_MS);

  function handle(message) {
    if (message.type === "snapshot") {
      applySnapshot(message);
    } else if (message.type === "change") {
      if (message.epoch !== state.epoch || (state.seq !== null && message.seq <= state.seq)) { return; }
      applyChange(message);
    } else if (message.type === "ready") {
      backoff = BACKOFF_MIN_MS;
      setConnected(true);
      return;
    } else {
      return;
    }
    state.epoch = message.epoch;
    state.seq = message.seq;
    document.body.dataset.seq = String(message.seq);
  }

  // -- applying what the server says ---------------------------------------------------------

  function applySettings(settings) {
    state.settings = settings;
    state.labels = settings.labels || {};
    var root = document.documentElement;
    Object.keys(settings.css).forEach(function (name) {
      if (name.indexOf("--lg-") === 0) { root.style.setProperty(name, settings.css[name]); }
    });
    root.lang = settings.speech.lang.slice(0, 2);
  }

  function applySnapshot(message) {
    applySettings(message.settings);
    state.paused = message.paused;
    state.figures = message.figures;
    state.top = message.top;
    state.ticker = message.ticker.slice();
    if (message.alerts) { message.alerts.forEach(enqueue); }
    if (message.burst) { enqueueBurst(message.burst.count); }
    if (message.updates) { applyUpdates(message.updates); }
    state.cursor = Math.max(state.cursor, message.cursor);
    saveCursor();
    document.body.classList.add("ready");
    renderNow();
    nextAlert();
  }

  function applyChange(message) {
    if (message.settings) { applySettings(message.settings); }
    if (message.paused !== undefined) { state.paused = message.paused; }
    if (message.new) {
      message.new.forEach(function (item) {
        if (item.gone) { return; }
        if (item.id > state.cursor) {
          enqueue(item);
          state.cursor = item.id;
        }
        state.ticker.unshift(item);
      });
      saveCursor();
      trimTicker();
    }
    if (message.burst) { enqueueBurst(message.burst.count); }
    if (message.updates) { applyUpdates(message.updates); }
    if (message.alerts) { message.alerts.forEach(enqueue); }
    if (message.skip) { skipAlert(); }
    if (message.figures) { state.figures = message.figures; }
    if (message.top) { state.top = message.top; }
    if (message.ticker) { state.ticker = message.ticker.slice(); }
    if (message.story) { showStory(message.story); }
    scheduleRender();
    nextAlert();
  }

  function applyUpdates(updates) {
    updates.forEach(function (update) {
      state.queue = state.queue.filter(function (item) { return item.burst || item.id !== update.id || !update.gone; });
      state.queue.forEach(function (item, i) {
        if (!item.burst && item.id === update.id) { state.queue[i] = merge(item, update); }
      });
      state.ticker = state.ticker.filter(function (item) { return item.id !== update.id || !update.gone; });
      state.ticker.forEach(function (item, i) {
        if (item.id === update.id) { state.ticker[i] = merge(item, update); }
      });
      if (state.current && !state.current.burst && state.current.id === update.id && !state.current.test) {
        if (update.gone) {
          endAlert();
        } else {
          state.current = merge(state.current, update);
          fillAlert(state.current);
        }
      }
    });
  }

  function merge(item, update) {
    var merged = {};
    Object.keys(item).forEach(function (k) { merged[k] = item[k]; });
    ["name", "amount", "message", "tier", "gone"].forEach(function (k) { merged[k] = update[k]; });
    return merged;
  }

  function heldIds() {
    var ids = [];
    state.queue.forEach(function (item) { if (!item.burst && !item.test && item.id > 0) { ids.push(item.id); } });
    if (state.current && !state.current.burst && !state.current.test && state.current.id > 0) { ids.push(state.current.id); }
    return ids.slice(0, 500);
  }

  function trimTicker() {
    var max = state.settings ? state.settings.ticker_items : 12;
    if (state.ticker.length > max) { state.ticker.length = max; }
  }

  // -- the alert box -----------------------------------------------------------------------

  function enqueue(item) {
    if (KIND !== "alerts") { return; }
    var max = state.settings ? state.settings.queue_max : 50;
    if (state.queue.length >= max) { enqueueBurst(1); return; }
    state.queue.push(item);
  }

  function enqueueBurst(count) {
    if (KIND !== "alerts" || count <= 0) { return; }
    var last = state.queue[state.queue.length - 1];
    if (last && last.burst) { last.count += count; return; }
    state.queue.push({ burst: true, count: count, id: -1 });
  }

  function nextAlert() {
    if (KIND !== "alerts" || state.current || state.paused || !state.queue.length || !state.settings) { return; }
    var item = state.queue.shift();
    state.current = item;
    fillAlert(item);
    var box = byId("alert");
    box.dataset.id = String(item.id);
    box.hidden = false;
    box.classList.remove("leaving");
    void box.offsetWidth;  // restart the entrance animation
    box.classList.add("entering");
    if (!item.burst) {
      playSound(item);
      speak(item);
    }
    alertTimer = setTimeout(endAlert, state.settings.alert_ms);
  }

  function fillAlert(item) {
    var box = byId("alert");
    var tiers = state.settings.tiers;
    var tier = item.burst ? tiers[0] : (tiers[item.tier] || tiers[0]);
    box.style.setProperty("--lg-tier", tier.color);
    box.dataset.size = item.burst ? "normal" : tier.size;
    box.dataset.test = item.test ? "true" : "false";
    if (item.burst) {
      setText(byId("alert-name"), label("more_donations").replace("{count}", String(item.count)));
      setText(byId("alert-verb"), "");
      setText(byId("alert-amount"), "");
      setText(byId("alert-message"), "");
    } else {
      setText(byId("alert-name"), shownName(item));
      setText(byId("alert-verb"), label("donated"));
      setText(byId("alert-amount"), item.amount);
      setText(byId("alert-message"), item.message);
    }
    byId("alert-amount").hidden = !byId("alert-amount").textContent;
    byId("alert-message").hidden = !byId("alert-message").textContent;
  }

  function endAlert() {
    if (alertTimer !== null) { clearTimeout(alertTimer); alertTimer = null; }
    if (!state.current) { return; }
    state.current = null;
    stopVoice();
    var box = byId("alert");
    box.classList.remove("entering");
    box.classList.add("leaving");
    setTimeout(function () {
      if (!state.current) {
        box.hidden = true;
        box.dataset.id = "";
        setText(byId("alert-name"), "");
        setText(byId("alert-amount"), "");
        setText(byId("alert-message"), "");
      }
      nextAlert();
    }, GAP_MS);
  }

  function skipAlert() { if (state.current) { endAlert(); } }

  var playing = null;

  function playSound(item) {
    var tier = state.settings.tiers[item.tier] || state.settings.tiers[0];
    if (!tier.sound || tier.sound === "none") { return; }
    try {
      playing = new Audio("assets/sounds/" + tier.sound + ".wav");
      var result = playing.play();
      if (result && result.catch) { result.catch(function () { /* autoplay refused */ }); }
    } catch (e) { playing = null; }
  }

  function speak(item) {
    var speech = state.settings.speech;
    if (!speech.enabled || !item.message || !("speechSynthesis" in window)) { return; }
    try {
      var utterance = new SpeechSynthesisUtterance(item.message);
      utterance.lang = speech.lang;
      utterance.rate = speech.rate;
      utterance.volume = speech.volume;
      window.speechSynthesis.speak(utterance);
    } catch (e) { /* no voice */ }
  }

  function stopVoice() {
    if (playing) { try { playing.pause(); } catch (e) { /* ignore */ } playing = null; }
    if ("speechSynthesis" in window) { try { window.speechSynthesis.cancel(); } catch (e) { /* ignore */ } }
  }

  // -- the Story spotlight -----------------------------------------------------------------

  function showStory(story) {
    if (KIND !== "story") { return; }
    state.stories.push(story);
    if (state.story === null) { nextStory(); }
  }

  function nextStory() {
    var box = byId("story");
    var story = state.stories.shift();
    if (!story) { state.story = null; box.hidden = true; return; }
    state.story = story;
    setText(byId("story-sticker"), label("i_donated"));
    setText(byId("story-name"), shownName(story));
    setText(byId("story-verb"), label("shared_story"));
    setText(byId("story-caption"), story.caption);
    setText(byId("story-amount"), story.amount);
    byId("story-caption").hidden = !story.caption;
    byId("story-amount").hidden = !story.amount;
    box.dataset.frame = String(story.frame);
    box.hidden = false;
    storyTimer = setTimeout(function () { storyTimer = null; nextStory(); }, state.settings.alert_ms);
  }

  // -- rendering (at most ten times a second: the ticker throttles) -------------------------

  function scheduleRender() {
    if (renderTimer !== null) { return; }
    var wait = Math.max(0, RENDER_EVERY_MS - (Date.now() - lastRender));
    renderTimer = setTimeout(renderNow, wait);
  }

  function renderNow() {
    if (renderTimer !== null) { clearTimeout(renderTimer); renderTimer = null; }
    lastRender = Date.now();
    if (KIND === "ticker") { renderTicker(); }
    if (KIND === "goal") { renderGoal(); }
    if (KIND === "top") { renderTop(); }
    if (KIND === "event") { renderEvent(); }
  }

  function span(className, value) {
    var el = document.createElement("span");
    el.className = className;
    el.textContent = value === null || value === undefined ? "" : String(value);
    return el;
  }

  function renderTicker() {
    byId("ticker-box").hidden = false;
    setText(byId("ticker-label"), label("recent"));
    var list = byId("ticker");
    var rows = [];
    state.ticker.forEach(function (item) {
      var li = document.createElement("li");
      li.className = "ticker-item";
      li.dataset.id = String(item.id);
      li.appendChild(span("name", shownName(item)));
      if (item.amount) { li.appendChild(span("amount", item.amount)); }
      if (item.message && state.settings.ticker_messages) { li.appendChild(span("message", item.message)); }
      rows.push(li);
    });
    list.replaceChildren.apply(list, rows);
  }

  function renderGoal() {
    var f = state.figures;
    if (!f) { return; }
    byId("goal").hidden = false;
    setText(byId("goal-title"), f.title);
    setText(byId("goal-total"), f.total);
    setText(byId("goal-of"), f.total && f.goal ? label("of") : "");
    setText(byId("goal-target"), f.goal);
    byId("goal-total").dataset.totalMinor = f.total_minor === null ? "" : String(f.total_minor);
    setText(byId("goal-percent"), f.percent + " %");
    byId("goal-fill").style.width = (f.permille / 10) + "%";
    var marks = byId("goal-marks");
    var nodes = f.milestones.map(function (m) {
      var mark = document.createElement("span");
      mark.className = "bar-mark" + (f.reached.indexOf(m) >= 0 ? " reached" : "");
      mark.style.left = Math.min(m, 100) + "%";
      mark.textContent = m + "%";
      return mark;
    });
    marks.replaceChildren.apply(marks, nodes);
  }

  function renderTop() {
    byId("top-box").hidden = false;
    setText(byId("top-title"), label("top_donors"));
    var list = byId("top");
    var rows = state.top.map(function (donor) {
      var li = document.createElement("li");
      li.appendChild(span("name", shownName(donor)));
      if (donor.amount) { li.appendChild(span("amount", donor.amount)); }
      return li;
    });
    list.replaceChildren.apply(list, rows);
  }

  function renderEvent() {
    var f = state.figures;
    if (!f) { return; }
    byId("event").hidden = false;
    setText(byId("event-title"), f.title);
    setText(byId("event-sold"), f.capacity ? f.tickets_sold + " / " + f.capacity : f.tickets_sold);
    setText(byId("event-sold-label"), label("tickets_sold"));
    setText(byId("event-admitted"), f.admitted);
    setText(byId("event-admitted-label"), label("admitted"));
    var left = byId("event-left").parentNode;
    left.hidden = f.seats_left === null;
    setText(byId("event-left"), f.seats_left === 0 ? label("sold_out") : f.seats_left);
    setText(byId("event-left-label"), f.seats_left === 0 ? "" : label("seats_left"));
    byId("event-fill").style.width = f.capacity ? Math.min(100, 100 * f.tickets_sold / f.capacity) + "%" : "0%";
  }

  setConnected(false);
  connect();
}());
