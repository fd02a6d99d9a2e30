// Suggestions as you type, for every search box on a page (input[data-suggest]).
// The box works without this script: the form submits to /search.
(function () {
  "use strict";

  var ENTITY = "https://w3id.org/aseankg/id/";

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function setup(input, n) {
    var form = input.form;
    var list = form && form.querySelector(".suggestions");
    if (!list) return;
    var lang = input.dataset.lang || "";  // none: labels in the language of what is typed
    var keepLang = !!(input.dataset.keepLang && lang);
    var active = -1;
    var controller = null;
    list.id = list.id || "suggestions-" + n;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");

    function pageHref(iri) {
      if (iri.indexOf(ENTITY) !== 0) return iri;
      return "/id/" + iri.slice(ENTITY.length) + (keepLang ? "?lang=" + lang : "");
    }

    function close() {
      list.hidden = true;
      list.textContent = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function show(results) {
      list.textContent = "";
      active = -1;
      results.forEach(function (r, i) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.id = list.id + "-" + i;
        var a = document.createElement("a");
        a.href = pageHref(r.id);
        a.textContent = r.label;
        if (r.typeLabel) {
          var kind = document.createElement("span");
          kind.className = "kind";
          kind.textContent = r.typeLabel;
          a.appendChild(document.createTextNode(" "));
          a.appendChild(kind);
        }
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
    }

    function move(step) {
      var items = list.querySelectorAll("li");
      if (!items.length) return;
      if (active >= 0) items[active].classList.remove("active");
      active = (active + step + items.length) % items.length;
      items[active].classList.add("active");
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    var suggest = debounce(function () {
      var q = input.value.trim();
      if (!q) {
        close();
        return;
      }
      if (controller) controller.abort();
      controller = new AbortController();
      var params = { q: q, limit: "8" };
      if (lang) params.lang = lang;
      var url = input.dataset.suggest + "?" + new URLSearchParams(params);
      fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === q) show(data.results || []); })
        .catch(function () { /* aborted by a newer keystroke, or offline: keep the form */ });
    }, 120);

    input.addEventListener("input", suggest);
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
      else if (e.key === "Escape") { close(); }
      else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        window.location.href = list.querySelectorAll("li a")[active].href;
      }
    });
    document.addEventListener("click", function (e) {
      if (!form.contains(e.target)) close();
    });
  }

  document.querySelectorAll("input[data-suggest]").forEach(setup);
})();
