// The SPARQL page: YASGUI (served by this app, no CDN) on /sparql, with the example queries
// of queries/*.rq to pick from and the endpoint's predeclared prefixes written into the editor.
(function () {
  "use strict";

  const root = document.getElementById("yasgui");
  if (!root) return;
  if (typeof Yasgui === "undefined") {
    // The vendored editor is missing (assets not built): offer the plain form instead.
    const plain = document.getElementById("plain-editor");
    const picker = document.getElementById("examples");
    if (!plain) return;
    plain.hidden = false;
    if (picker) {
      picker.addEventListener("change", () => {
        fetch(picker.dataset.source, { headers: { Accept: "application/json" } })
          .then((r) => r.json())
          .then((examples) => {
            const found = examples.find((e) => e.name === picker.value);
            if (found) plain.querySelector("textarea").value = found.query;
          });
      });
    }
    return;
  }

  const endpoint = new URL(root.dataset.endpoint || "/sparql", window.location.href).href;
  const prefixes = JSON.parse(root.dataset.prefixes || "{}");
  const defaultQuery = root.dataset.defaultQuery || "";

  const yasgui = new Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: "aseankg-sparql",
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    yasqe: {
      value: defaultQuery,
      // Only completers that work offline: the class/property ones ask a remote service.
      autocompleters: ["prefixes", "variables"],
    },
  });
  window.aseankgYasgui = yasgui;

  // Declare the predeclared prefixes a query uses, so the editor's checker knows them.
  function usedPrefixes(query) {
    const declared = {};
    query.replace(/PREFIX\s+([A-Za-z][\w.-]*)?:/gi, (m, p) => { declared[p || ""] = true; return m; });
    const withoutIris = query.replace(/<[^<>"{}|^`\\\s]*>/g, " ").replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, " ").replace(/#[^\n]*/g, " ");
    const used = {};
    withoutIris.replace(/(^|[\s(,;.\[{/^|!])([A-Za-z][\w-]*):/g, (m, before, p) => {
      if (prefixes[p] && !declared[p]) used[p] = prefixes[p];
      return m;
    });
    return used;
  }

  function load(query, name) {
    const tab = name ? yasgui.addTab(true, { name: name }) : yasgui.getTab();
    const yasqe = tab.getYasqe();
    yasqe.setValue(query);
    const missing = usedPrefixes(query);
    if (Object.keys(missing).length) yasqe.addPrefixes(missing);
    return tab;
  }

  // Entities and ontology terms in the results open on this server (their IRIs' pages).
  const entities = prefixes.akgid;
  const ontology = prefixes.akg;
  function localLinks(scope) {
    scope.querySelectorAll("a[href]").forEach((a) => {
      const href = a.getAttribute("href");
      if (entities && href.startsWith(entities)) {
        a.setAttribute("href", "/id/" + href.slice(entities.length));
      } else if (ontology && href.startsWith(ontology)) {
        a.setAttribute("href", "/ontology#" + href.slice(ontology.length));
      } else {
        return;
      }
      a.removeAttribute("target");
    });
  }
  new MutationObserver(() => localLinks(root)).observe(root, { childList: true, subtree: true });

  // An empty editor (a first visit) gets a working query with its prefixes.
  const current = yasgui.getTab();
  if (current && !current.getYasqe().getValue().trim()) load(defaultQuery);

  const picker = document.getElementById("examples");
  if (!picker) return;
  let examples = null;
  function fetchExamples() {
    if (!examples) {
      examples = fetch(picker.dataset.source, { headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : []))
        .catch(() => []);
    }
    return examples;
  }
  picker.addEventListener("change", () => {
    const name = picker.value;
    if (!name) return;
    fetchExamples().then((list) => {
      const example = list.find((e) => e.name === name);
      if (!example) return;
      const tab = load(example.query, example.name);
      tab.query();
    });
  });
})();
