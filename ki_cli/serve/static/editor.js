// ki serve: the page's own small script (no library). The YAML text is the single source: every form
// edit goes to /api/edit, which changes only that value in the text; the text is then validated
// (/api/validate, the same pipeline as `ki validate`) and rendered (/api/render) for the preview.
(function () {
  "use strict";

  // typing: findings come 80 ms after the last keystroke plus the server's ~40 ms (edit, then validate),
  // inside the 150 ms the page promises; a choice (drop-down, check box) is applied at once
  var DEBOUNCE_MS = 80;
  var PREVIEW_MS = 1000;  // a document takes most of a second to render: after a pause, not per keystroke

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  function request(method, url, body, headers) {
    var init = { method: method, headers: Object.assign({ "Accept": "application/json" }, headers || {}), credentials: "same-origin" };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(url, init);
  }

  async function json(response) {
    try { return await response.json(); } catch (e) { return {}; }
  }

  function errorText(body, fallback) {
    return (body && body.error && body.error.message) || fallback;
  }

  function encodePath(path) { return path.split("/").map(encodeURIComponent).join("/"); }

  // --- the list page: a new concept from ki init's starter ----------------------------------------

  var newForm = $("#new-form");
  if (newForm) {
    newForm.addEventListener("submit", async function (event) {
      event.preventDefault();
      var status = $("#new-status");
      var path = $("#new-path").value.trim();
      var body = { kommune: $("#new-kommune").value.trim(), typ: $("#new-typ").value, beginn: $("#new-beginn").value.trim() };
      status.textContent = "Wird angelegt …";
      var response = await request("POST", "/api/files/" + encodePath(path), body);
      var answer = await json(response);
      if (response.status === 201) {
        window.location.href = "/edit/" + encodePath(answer.path || path);
      } else {
        status.textContent = errorText(answer, "Die Datei konnte nicht angelegt werden (" + response.status + ").");
      }
    });
  }

  var stateElement = $("#state");
  if (!stateElement) return;

  // --- the editor ---------------------------------------------------------------------------------

  var state = JSON.parse(stateElement.textContent);
  var text = state.text;
  var savedText = state.text;
  var etag = state.etag;
  var findings = [];
  var editProblems = new Map();  // YAML path -> why the edit typed there could not be applied
  var pending = new Map();     // YAML path -> value typed (form edits not yet applied to the text)
  var operations = [];         // insert / remove / move, applied in order
  var textDirty = false;       // the text view was edited
  var busy = false;
  var timer = null;
  var previewTimer = null;
  var formStale = false;       // the text changed in the text view: rebuild the form when it is shown

  var form = $("#form");
  var yaml = $("#yaml");
  var saveStatus = $("#save-status");
  var summary = $("#summary");
  var announce = $("#announce");
  yaml.value = text;

  function dirty() {
    // busy: changes on their way to the text (taken out of ``pending``, not yet in ``text``)
    return busy || text !== savedText || pending.size > 0 || operations.length > 0 || textDirty || editProblems.size > 0;
  }

  function showSaveState(message) {
    saveStatus.textContent = message || (dirty() ? "Nicht gespeichert" : "Gespeichert");
    saveStatus.classList.toggle("unsaved", dirty());
  }

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(pump, delay === undefined ? DEBOUNCE_MS : delay);
    showSaveState();
  }

  function valueOf(element) {
    var value = element.value;
    return value === "" ? null : value;
  }

  form.addEventListener("input", function (event) {
    var element = event.target;
    if (!element.name) return;
    pending.set(element.name, valueOf(element));
    schedule();
  });
  form.addEventListener("change", function (event) {
    var element = event.target;
    if (!element.name || element.tagName !== "SELECT") return;
    pending.set(element.name, valueOf(element));
    schedule(0);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) return;
    var action = button.dataset.action;
    if (action === "insert") {
      var list = button.closest(".list");
      var entry = JSON.parse(list.dataset.new);
      var index = Number(button.dataset.index);
      operations.push({ path: button.dataset.list + "[" + index + "]", insert: entry, focus: button.dataset.list + "[" + index + "]" });
    } else if (action === "remove") {
      operations.push({ path: button.dataset.path, remove: true, focus: parentPath(button.dataset.path) });
    } else if (action === "open") {
      var picker = document.getElementById("p:" + button.dataset.list);
      openEntry(button.dataset.list, Number(picker.value)).then(function () {
        var opened = form.querySelector('li[data-path="' + cssEscape(button.dataset.list + "[" + picker.value + "]") + '"]');
        var first = opened && opened.querySelector("input, select, textarea");
        if (first) first.focus();
      });
      return;
    } else if (action === "move") {
      var target = button.dataset.path.replace(/\[\d+\]$/, "[" + button.dataset.to + "]");
      operations.push({ path: button.dataset.path, move: Number(button.dataset.to), focus: target });
    }
    schedule(0);
  });

  yaml.addEventListener("input", function () {
    textDirty = true;
    formStale = true;
    schedule();
  });

  function parentPath(path) {
    var match = /^(.*)(\[\d+\]|\.[^.[\]]+)$/.exec(path);
    if (match) return match[1];
    return "";
  }

  // Apply what was typed to the text, one request at a time; then validate and refresh the preview.
  var running = null;
  function pump() {
    clearTimeout(timer);
    if (running) {
      return running.then(function () {
        return pending.size || operations.length || textDirty ? pump() : undefined;
      });
    }
    running = apply().finally(function () { running = null; });
    return running;
  }

  async function apply() {
    busy = true;
    try {
      var structural = false;
      var focus = null;
      while (pending.size || operations.length || textDirty) {
        if (textDirty) {
          textDirty = false;
          text = yaml.value;
          continue;
        }
        var changes = [];
        pending.forEach(function (value, path) { changes.push({ path: path, value: value }); });
        pending.clear();
        var ops = operations.splice(0);
        ops.forEach(function (op) {
          focus = op.focus;
          var change = Object.assign({}, op);
          delete change.focus;
          changes.push(change);
        });
        structural = structural || ops.length > 0;
        var response = await request("POST", "/api/edit", { text: text, changes: changes });
        var answer = await json(response);
        if (response.ok && typeof answer.text === "string") {
          text = answer.text;
          yaml.value = text;
          changes.forEach(function (c) { editProblems.delete(c.path); });
        } else {
          // the text stays as it was; what was typed stays in its field, marked, until it can be applied
          var problem = errorText(answer, "Die Änderung ließ sich nicht übernehmen (" + response.status + ").");
          changes.forEach(function (c) { editProblems.set(c.path, problem); });
          say(problem);
        }
      }
      if (structural) await rebuildForm(focus);
      await validate();
      schedulePreview();
    } finally {
      busy = false;
      showSaveState();
    }
  }

  function say(message) {
    announce.textContent = "";
    setTimeout(function () { announce.textContent = message; }, 10);
  }

  // --- the form from the text (after an entry was added, removed or moved) ------------------------

  async function rebuildForm(focusPath) {
    var active = document.activeElement;
    var activeId = active && form.contains(active) ? active.id : null;
    var response = await request("POST", "/page/form", { text: text });
    var answer = await json(response);
    formStale = false;
    var reason = $("#reason");
    if (!response.ok || answer.reason) {
      reason.textContent = answer.reason || "Das Formular ist nicht verfügbar.";
      reason.hidden = false;
      form.hidden = true;
      if (!form.hidden || viewIsForm()) showView("text");
      return false;
    }
    reason.hidden = true;
    var open = $$("details", form).filter(function (d) { return d.open; }).map(function (d) { return d.parentElement.dataset.path; });
    form.innerHTML = answer.html;
    $$("details", form).forEach(function (d) { if (open.indexOf(d.parentElement.dataset.path) >= 0) d.open = true; });
    for (var k = 0; k < open.length; k++) {
      if (open[k] && /\]$/.test(open[k]) && document.getElementById("p:" + parentPath(open[k]))) await reveal(open[k]);
    }
    if (focusPath) await reveal(focusPath);
    if (focusPath) {
      var entry = form.querySelector('[data-path="' + cssEscape(focusPath) + '"]');
      var first = entry && entry.querySelector("input, select, textarea, summary");
      if (entry) openAround(entry);
      if (first) { first.focus(); first.scrollIntoView({ block: "center" }); }
    } else if (activeId) {
      var again = document.getElementById(activeId);
      if (again) again.focus();
    }
    showFindings();
    return true;
  }

  // A long list offers its entries in a drop-down; an opened entry gets its fields from the server.
  function openEntry(listPath, index) {
    var entryPath = listPath + "[" + index + "]";
    var existing = form.querySelector('li[data-path="' + cssEscape(entryPath) + '"] details');
    if (existing) { existing.open = true; return loadEntry(existing); }
    var picker = document.getElementById("p:" + listPath);
    var list = form.querySelector('ol[data-opened="' + cssEscape(listPath) + '"]');
    if (!picker || !list) return Promise.resolve();
    var option = picker.querySelector('option[value="' + index + '"]');
    var item = document.createElement("li");
    item.className = "entry";
    item.dataset.path = entryPath;
    item.dataset.index = String(index);
    var details = document.createElement("details");
    details.open = true;
    details.dataset.lazy = entryPath;
    details.dataset.level = picker.dataset.level;
    var summary = document.createElement("summary");
    summary.textContent = option ? option.textContent : entryPath;
    details.appendChild(summary);  // its findings' place comes with its fields (until then: the list's)
    item.appendChild(details);
    var after = $$(":scope > li", list).filter(function (li) { return Number(li.dataset.index) > index; })[0];
    list.insertBefore(item, after || null);
    return loadEntry(details);
  }

  // Open every entry of a long list on the way to ``path`` (a finding's field, a new entry).
  async function reveal(path) {
    var re = /\[(\d+)\]/g;
    var match;
    while ((match = re.exec(path))) {
      var entryPath = path.slice(0, match.index + match[0].length);
      var listPath = path.slice(0, match.index);
      if (!form.querySelector('[data-path="' + cssEscape(entryPath) + '"]') && document.getElementById("p:" + listPath)) {
        await openEntry(listPath, Number(match[1]));
      }
    }
  }

  function loadEntry(details) {
    if (!details._loading) {
      details._loading = (async function () {
        var response = await request("POST", "/page/form", { text: text, path: details.dataset.lazy, level: Number(details.dataset.level) });
        var answer = await json(response);
        if (response.ok && answer.html) {
          var box = document.createElement("div");
          box.className = "entry-body";
          box.innerHTML = answer.html;
          details.appendChild(box);
          showFindings();
        } else {
          details._loading = null;
        }
      })();
    }
    return details._loading;
  }

  function cssEscape(value) { return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, "\\$&"); }

  function openAround(element) {
    for (var e = element; e; e = e.parentElement) {
      if (e.tagName === "DETAILS") e.open = true;
    }
  }

  // --- views --------------------------------------------------------------------------------------

  function viewIsForm() { return $("#view-form").getAttribute("aria-pressed") === "true"; }

  async function showView(which) {
    if (which === "form") {
      if (busy || pending.size || textDirty) await pump();
      if (running) await running;
      if (formStale || !form.innerHTML.trim()) {
        if (!(await rebuildForm(null))) return;
      }
      form.hidden = false;
      $("#text-view").hidden = true;
      $("#reason").hidden = true;
    } else {
      if (pending.size || operations.length) await pump();
      yaml.value = text;
      form.hidden = true;
      $("#text-view").hidden = false;
    }
    $("#view-form").setAttribute("aria-pressed", String(which === "form"));
    $("#view-text").setAttribute("aria-pressed", String(which !== "form"));
  }
  $("#view-form").addEventListener("click", function () { showView("form"); });
  $("#view-text").addEventListener("click", function () { showView("text"); });

  // --- findings -----------------------------------------------------------------------------------

  var SEVERITY = { error: "Fehler", warning: "Warnung", info: "Hinweis" };

  function counted(n, one, many) { return n + " " + (n === 1 ? one : many); }

  async function validate() {
    var response = await request("POST", "/api/validate", { text: text, lang: "de", path: state.path });
    var answer = await json(response);
    if (!response.ok || !answer.files) {
      summary.textContent = errorText(answer, "Die Prüfung ist fehlgeschlagen (" + response.status + ").");
      return;
    }
    findings = answer.files[0] ? answer.files[0].findings : [];
    var s = answer.summary;
    var parts = [];
    if (s.errors) parts.push(counted(s.errors, "Fehler", "Fehler"));
    if (s.warnings) parts.push(counted(s.warnings, "Warnung", "Warnungen"));
    if (s.infos) parts.push(counted(s.infos, "Hinweis", "Hinweise"));
    summary.textContent = parts.length ? parts.join(", ") : "Keine Befunde – das Konzept ist in Ordnung.";
    summary.className = "summary" + (s.errors ? " has-errors" : s.warnings ? " has-warnings" : " ok");
    showFindings();
  }

  function targetOf(path) {
    for (var p = path || ""; ; p = parentPath(p)) {
      var box = document.getElementById("m:" + p);
      if (box && form.contains(box)) return box;
      if (!p) return null;
    }
  }

  function findingElement(f, tag) {
    var element = document.createElement(tag);
    element.className = "finding sev-" + f.severity;
    var head = document.createElement("strong");
    head.textContent = SEVERITY[f.severity] + (f.code ? " " + f.code : "") + ": ";
    element.appendChild(head);
    withCode(element, f.message);
    if (f.hint) {
      var hint = document.createElement("span");
      hint.className = "hint";
      withCode(hint, f.hint);
      element.appendChild(hint);
    }
    return element;
  }

  // The messages write YAML in `backticks`: shown as code, everything else as plain text.
  function withCode(element, message) {
    message.split("`").forEach(function (part, i) {
      if (i % 2) {
        var code = document.createElement("code");
        code.textContent = part;
        element.appendChild(code);
      } else {
        element.appendChild(document.createTextNode(part));
      }
    });
  }

  function showFindings() {
    $$(".findings", form).forEach(function (box) { box.textContent = ""; });
    $$("[aria-invalid]", form).forEach(function (e) { e.removeAttribute("aria-invalid"); });
    $$(".field.has-finding", form).forEach(function (e) { e.classList.remove("has-finding"); });
    var list = $("#finding-list");
    var lines = $("#line-findings");
    list.textContent = "";
    lines.textContent = "";
    editProblems.forEach(function (message, path) {
      var box = targetOf(path);
      if (!box) return;
      box.appendChild(findingElement({ severity: "error", code: "", message: message, hint: "Bitte prüfen Sie die Eingabe oder ändern Sie die Stelle in der Textansicht." }, "p"));
      var input = document.getElementById("f:" + path);
      if (input) input.setAttribute("aria-invalid", "true");
    });
    findings.forEach(function (f) {
      var box = targetOf(f.yaml_path);
      if (box) {
        box.appendChild(findingElement(f, "p"));
        var input = document.getElementById("f:" + f.yaml_path);
        if (input && f.severity !== "info") {
          input.setAttribute("aria-invalid", "true");
          input.closest(".field").classList.add("has-finding");
        }
      }
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "jump sev-" + f.severity;
      button.textContent = "Zeile " + f.line + " · " + SEVERITY[f.severity] + " " + f.code + ": " + f.message;
      button.addEventListener("click", function () { jump(f); });
      item.appendChild(button);
      list.appendChild(item);
      var lineItem = document.createElement("li");
      var lineButton = document.createElement("button");
      lineButton.type = "button";
      lineButton.className = "jump sev-" + f.severity;
      lineButton.textContent = "Zeile " + f.line + ": " + f.code + " " + f.message + (f.hint ? " – " + f.hint : "");
      lineButton.addEventListener("click", function () { selectLine(f.line); });
      lineItem.appendChild(lineButton);
      lines.appendChild(lineItem);
    });
    drawGutter();
  }

  // The line numbers beside the text, the lines with a finding marked (the list below says what each is).
  var gutter = $("#gutter");
  var gutterLines = -1;
  function drawGutter() {
    var count = yaml.value.split("\n").length;
    var marked = {};
    var rank = { error: 3, warning: 2, info: 1 };
    findings.forEach(function (f) {
      if (!marked[f.line] || rank[f.severity] > rank[marked[f.line].severity]) marked[f.line] = f;
    });
    var out = [];
    for (var n = 1; n <= count; n++) {
      var f = marked[n];
      out.push(f ? '<span class="mark sev-' + f.severity + '" title="' + f.code + '">' + n + "</span>" : String(n));
    }
    gutter.innerHTML = out.join("\n");
    gutterLines = count;
    gutter.scrollTop = yaml.scrollTop;
  }
  yaml.addEventListener("scroll", function () { gutter.scrollTop = yaml.scrollTop; });
  yaml.addEventListener("input", function () {
    if (yaml.value.split("\n").length !== gutterLines) drawGutter();
  });

  function selectLine(line) {
    var lines = yaml.value.split("\n");
    var start = 0;
    for (var i = 0; i < Math.max(0, line - 1) && i < lines.length; i++) start += lines[i].length + 1;
    var end = start + (lines[line - 1] || "").length;
    yaml.focus();
    yaml.setSelectionRange(start, end);
    var lineHeight = parseFloat(getComputedStyle(yaml).lineHeight) || 18;
    yaml.scrollTop = Math.max(0, (line - 5) * lineHeight);
  }

  async function jump(f) {
    if (!form.hidden && viewIsForm()) {
      await reveal(f.yaml_path);
      var input = document.getElementById("f:" + f.yaml_path);
      var target = input || (targetOf(f.yaml_path) || {}).parentElement;
      if (target) {
        openAround(target);
        target.scrollIntoView({ block: "center" });
        var focusable = input || target.querySelector("input, select, textarea, summary, button");
        if (focusable) focusable.focus();
        return;
      }
    }
    await showView("text");
    selectLine(f.line);
  }

  // --- preview, downloads, diff -------------------------------------------------------------------

  var frame = $("#preview");
  var previewStatus = $("#preview-status");
  var kind = $("#kind");

  function blocking() {
    return findings.some(function (f) { return f.severity === "error" && /^KI[01]/.test(f.code); });
  }

  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, PREVIEW_MS);
  }

  var previewing = false;
  async function preview() {
    if (running || pending.size || operations.length || textDirty || previewing) {
      schedulePreview();
      return;
    }
    previewing = true;
    try {
      await showPreview();
    } finally {
      previewing = false;
    }
  }

  async function showPreview() {
    if (blocking()) {
      frame.hidden = true;
      previewStatus.textContent = "Die Vorschau erscheint, sobald die Datei ohne Formatfehler ist.";
      return;
    }
    var shown = text;
    previewStatus.textContent = "Vorschau wird erstellt …";
    // a draft (ENTWURF) even while a rule still finds an error: the preview shows where the text stands
    var response = await request("POST", "/api/render/" + kind.value + "?format=html&allow_errors=1", { text: shown, path: state.path });
    if (response.ok) {
      frame.srcdoc = await response.text();
      frame.hidden = false;
      previewStatus.textContent = "";
    } else {
      previewStatus.textContent = errorText(await json(response), "Keine Vorschau (" + response.status + ").");
    }
    refreshDiff();
  }
  kind.addEventListener("change", preview);

  function fileName(response, format) {
    var header = response.headers.get("Content-Disposition") || "";
    var match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(header);
    if (match) return decodeURIComponent(match[1] || match[2]);
    var stem = state.path.split("/").pop().replace(/\.ya?ml$/i, "");
    return stem + "-" + kind.value + "." + format;
  }

  $$("button[data-download]").forEach(function (button) {
    button.addEventListener("click", async function () {
      var format = button.dataset.download;
      if (pending.size || operations.length || textDirty) await pump();
      previewStatus.textContent = "Das Dokument wird erstellt …";
      var response = await request("POST", "/api/render/" + kind.value + "?format=" + format, { text: text, path: state.path });
      if (!response.ok) {
        previewStatus.textContent = errorText(await json(response), "Das Dokument ließ sich nicht erstellen (" + response.status + ").");
        return;
      }
      var blob = await response.blob();
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = fileName(response, format);
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
      previewStatus.textContent = "Heruntergeladen: " + link.download;
    });
  });

  var previous = null;
  var diffDetails = $("#diff-details");
  async function findPrevious() {
    var response = await request("GET", "/page/previous/" + encodePath(state.path));
    var answer = await json(response);
    previous = response.ok ? answer.path : null;
    if (previous) {
      $("#diff").hidden = false;
      $("#diff-path").textContent = previous;
    }
  }
  diffDetails.addEventListener("toggle", function () { if (diffDetails.open) refreshDiff(); });

  // The comparison with the previous period, while it is open (it costs as much as a preview).
  async function refreshDiff() {
    if (!previous || !diffDetails.open) return;
    var response = await request("POST", "/page/diff/" + encodePath(state.path), { text: text });
    var answer = await json(response);
    if (!response.ok || !answer.path) return;
    $("#diff").hidden = false;
    $("#diff-path").textContent = answer.path;
    $("#diff-body").innerHTML = answer.html;  // rendered by the server from ki diff's Markdown (raw HTML off)
  }

  // --- saving -------------------------------------------------------------------------------------

  async function save() {
    if (busy || pending.size || operations.length || textDirty) await pump();
    var shown = text;
    showSaveState("Wird gespeichert …");
    var response = await request("PUT", "/api/files/" + encodePath(state.path), { text: shown }, { "If-Match": etag });
    var answer = await json(response);
    if (response.ok) {
      etag = answer.etag || response.headers.get("ETag") || etag;
      savedText = shown;
      var now = new Date();
      showSaveState(dirty() ? undefined : "Gespeichert um " + now.toLocaleTimeString("de-DE", { hour: "2-digit", minute: "2-digit" }));
      say("Gespeichert.");
    } else if (response.status === 412) {
      showSaveState("Nicht gespeichert: die Datei wurde geändert");
      openConflict();
    } else {
      showSaveState("Nicht gespeichert");
      say(errorText(answer, "Speichern fehlgeschlagen (" + response.status + ")."));
    }
  }
  $("#save").addEventListener("click", save);
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      save();
    }
    if (event.key === "Escape" && !$("#conflict").hidden) closeConflict();
  });

  var conflict = $("#conflict");
  var beforeConflict = null;
  function openConflict() {
    beforeConflict = document.activeElement;
    conflict.hidden = false;
    $("#conflict-reload").focus();
  }
  function closeConflict() {
    conflict.hidden = true;
    if (beforeConflict) beforeConflict.focus();
  }
  $("#conflict-cancel").addEventListener("click", closeConflict);
  $("#conflict-reload").addEventListener("click", async function () {
    var response = await request("GET", "/api/files/" + encodePath(state.path));
    var answer = await json(response);
    if (!response.ok) { say(errorText(answer, "Neu laden fehlgeschlagen.")); return; }
    text = savedText = yaml.value = answer.text;
    etag = answer.etag;
    pending.clear();
    operations = [];
    closeConflict();
    await rebuildForm(null);
    await validate();
    schedulePreview();
    showSaveState();
    say("Die Fassung von der Festplatte ist geladen.");
  });
  $("#conflict-copy").addEventListener("click", async function () {
    var stem = state.path.replace(/\.ya?ml$/i, "");
    for (var n = 1; n < 100; n++) {
      var copy = stem + "-kopie" + (n > 1 ? "-" + n : "") + ".yaml";
      var response = await request("POST", "/api/files/" + encodePath(copy), { text: text });
      if (response.status === 201) {
        savedText = text;
        window.location.href = "/edit/" + encodePath(copy);
        return;
      }
      if (response.status !== 409) {
        say(errorText(await json(response), "Die Kopie ließ sich nicht speichern (" + response.status + ")."));
        return;
      }
    }
  });

  window.addEventListener("beforeunload", function (event) {
    if (dirty()) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // --- start --------------------------------------------------------------------------------------

  (async function () {
    await validate();
    findPrevious();
    schedulePreview();
    showSaveState();
    document.body.dataset.ready = "true";
  })();
})();
