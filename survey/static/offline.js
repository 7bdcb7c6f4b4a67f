// Answers that survive a weak signal. A form marked data-keep-offline is sent with fetch: what was typed is
// kept in this browser's localStorage first, and dropped once the server has answered. When the device is
// offline or the network fails, the page says "saved on this device, will be sent", and the answer is sent
// when the connection returns (the "online" event, or a retry every 20 seconds), one at a time, then the
// page follows the server's reply. The form's submission key makes the server store a resent answer once.
// Without JavaScript the form posts as usual. A counter's tablet (data-kiosk) clears the form for the next
// visitor while earlier answers wait to be sent. A form's token expires after an hour: an answer that waited
// longer is refused with a fresh token (the X-Fresh-Form-Token header, survey/forms.keeps_typed_text) and
// sent again with it once, same answer and same key; it stays on the device until the server has answered.
(function () {
  var STORE = "neraca-outbox", RETRY_MS = 20000, KIOSK_RESET_MS = 3000, FRESH_TOKEN = "X-Fresh-Form-Token";
  var form = document.querySelector("form[data-keep-offline]");
  var note = document.querySelector("[data-offline-note]");
  var kiosk = form && form.hasAttribute("data-kiosk");
  // Shared with this script run again on a reply written into the same window (a refused form): one send
  // at a time, one retry timer.
  var shared = window.neracaOutbox = window.neracaOutbox || {sending: false, timer: null};
  var current = null;  // the key of this page's answer being sent, if any

  function load() {
    try { return JSON.parse(localStorage.getItem(STORE)) || []; } catch (error) { return []; }
  }
  function store(list) {
    try { localStorage.setItem(STORE, JSON.stringify(list)); } catch (error) { /* private mode: sent now or lost */ }
  }
  function keep(entry) {
    store(load().filter(function (other) { return other.key !== entry.key; }).concat([entry]));
  }
  function update(entry) {  // in its place in the queue
    store(load().map(function (other) { return other.key === entry.key ? entry : other; }));
  }
  function drop(key) {
    store(load().filter(function (other) { return other.key !== key; }));
  }
  function say(which) {
    if (!note) { return; }
    note.textContent = note.getAttribute("data-" + which);
    note.hidden = false;
  }
  function newKey() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // The server's reply to this page's answer takes the page's place, as a plain form post would.
  function follow(response) {
    if (response.redirected) {
      location.replace(response.url);
      return;
    }
    response.text().then(function (html) {
      document.open();
      document.write(html);
      document.close();
    });
  }

  // A reply that means "not now" keeps the answer for later, behind the others: the database restarting
  // (503), and for an answer no one is waiting for on this page, a busy limit (429) or a token refused even
  // when fresh (the person on the page sees the form again with what they chose instead).
  function later(entry, response) {
    return response.status === 503 || (entry.key !== current &&
                                       (response.status === 429 || response.headers.has(FRESH_TOKEN)));
  }

  // One send of a saved answer; when its token had expired, the same answer again with the fresh one, once.
  function send(entry, refreshed) {
    return fetch(entry.action, {method: "POST", body: entry.body, credentials: "same-origin",
                                headers: {"Content-Type": "application/x-www-form-urlencoded"}})
      .then(function (response) {
        var fresh = response.headers.get(FRESH_TOKEN);
        if (!fresh || refreshed) { return response; }
        var body = new URLSearchParams(entry.body);
        body.set("csrf_token", fresh);
        entry.body = body.toString();
        update(entry);  // a failed resend keeps the fresh token for the next try
        return send(entry, true);
      });
  }

  function flush() {
    if (shared.sending || !navigator.onLine) { return; }
    var entry = load()[0];
    if (!entry) { return; }
    shared.sending = true;
    send(entry, false)
      .then(function (response) {
        shared.sending = false;
        if (later(entry, response)) {
          keep(entry);
          if (entry.key === current) { say("saved"); }
          return;
        }
        drop(entry.key);
        if (entry.key === current) {
          current = null;
          follow(response);
        } else {
          flush();
        }
      }, function () {  // no network: kept, said so, tried again later
        shared.sending = false;
        if (entry.key === current && kiosk) {
          current = null;
          nextVisitor();
        } else if (!kiosk) {
          say("saved");
        }
      });
  }

  // The tablet at a counter shows the next visitor a fresh form while the last answer waits to be sent.
  function nextVisitor() {
    say("saved");
    setTimeout(function () {
      form.reset();
      form.querySelector("input[name=submission]").value = newKey();
      note.hidden = true;
      window.scrollTo(0, 0);
    }, KIOSK_RESET_MS);
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = new FormData(form);
      if (event.submitter && event.submitter.name) { data.append(event.submitter.name, event.submitter.value); }
      var entry = {key: data.get("submission") || newKey(), action: form.action, body: new URLSearchParams(data).toString()};
      keep(entry);  // first: a failed send or a closed tab loses nothing
      if (kiosk && !navigator.onLine) {  // the next visitor need not wait for the network
        nextVisitor();
      } else {
        current = entry.key;
        if (!navigator.onLine) { say("saved"); }
      }
      flush();
    });
    // This page's answer saved before a reload: the server's reply to it is followed once it is sent.
    var mine = load().filter(function (entry) { return entry.action === form.action; })[0];
    if (mine && !kiosk) {
      current = mine.key;
      say("saved");
    }
  }
  window.addEventListener("online", flush);
  clearInterval(shared.timer);
  shared.timer = setInterval(flush, RETRY_MS);
  flush();
})();
