// A tiny static server for the page tests: serves www/ (following the www/pkg symlink) and the
// host pages in tests/js/page/hosts/ under /hosts/, with correct MIME types (application/wasm
// included), on 127.0.0.1 with an ephemeral port. `headers` are added to every response (the CSP).
// `mounts` serve a directory under a sub-path too ({"/admin/static/exam-incident/": WWW}), as a
// portal serves the element's files among its own static files.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const WWW = path.resolve(here, "../../../www");
const HOSTS = path.join(here, "hosts");
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm",
  ".png": "image/png", ".svg": "image/svg+xml", ".ico": "image/x-icon", ".ts": "text/plain; charset=utf-8",
};

export async function startServer({ headers = {}, pages = {}, root = WWW, mounts = {} } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    requests.push(url.pathname);
    if (url.pathname === "/favicon.ico") { res.writeHead(204, headers).end(); return; }
    if (pages[url.pathname] !== undefined) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers }).end(pages[url.pathname]);
      return;
    }
    let rel = decodeURIComponent(url.pathname);
    let base = root;
    if (rel.startsWith("/hosts/")) { base = HOSTS; rel = rel.slice("/hosts".length); }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (rel.startsWith(prefix)) { base = dir; rel = rel.slice(prefix.length - 1); break; }
    }
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.join(base, path.normalize(rel));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { "content-type": "text/plain", ...headers }).end("not found"); return; }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store", ...headers });
      res.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
