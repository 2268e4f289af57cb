// The proctor console's service worker: exam rooms often block mobile signal during the exam,
// so after one visit the console must open, and reload, with no network at all.
//
// Install precaches the page, the element's modules and pkg/ (glue + wasm). Every same-origin
// GET is then answered from the cache at once and refreshed from the network behind it
// (stale-while-revalidate): a jammed network never delays the console, and a new build is
// picked up on the next load. Anything else (other origins, non-GET) is left to the browser.
const CACHE = "exam-incident-console-v1";
// Modules a build lacks are skipped; any module fetched later is cached when it is first served.
const PRECACHE = [
  "./", "index.html", "console.js", "console.css", "exam-incident-panel.js",
  "panel/classify-view.js", "panel/dom.js", "panel/engine.js", "panel/forms-view.js", "panel/i18n.js",
  "panel/outbox.js", "panel/readiness-view.js", "panel/response-view.js", "panel/saved-view.js",
  "panel/store.js", "panel/styles.js", "panel/host-fit.js", "panel/icons.js", "panel/basis.js",
  "pkg/exam_incident.js", "pkg/exam_incident_bg.wasm",
];

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // One by one, so that a module a build does not have does not cancel the rest. Through the
    // HTTP cache: the page that registers this worker has just downloaded these very files, and a
    // second download of them would cost a slow phone network as much again. A newer build still
    // arrives: every cached answer is refreshed from the network behind it (below).
    await Promise.allSettled(PRECACHE.map((p) => cache.add(new Request(new URL(p, self.registration.scope)))));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith("exam-incident-console-") && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(req, { ignoreSearch: req.mode === "navigate" });
    const fresh = fetch(req).then((res) => {
      if (res.ok && res.type === "basic") cache.put(req, res.clone()).catch(() => {});
      return res;
    });
    if (cached) {
      event.waitUntil(fresh.catch(() => {}));
      return cached;
    }
    return fresh;
  })());
});
