// Kiln's service worker, for community groups working where there is no signal. It looks
// after two kinds of request only: the offline entry pages, and the site's own files those
// pages asked it to keep. Everything else goes to the network as if it were not here.
// What it keeps holds no resident's answers: those wait in the page's own storage.

const CACHE = "kiln-offline-v1";
const OFFLINE_PAGE = /^\/group\/events\/\d+\/offline\/\d+$/;
// A poor connection is worse than none: after this long, a kept page is shown instead.
const PATIENCE_MS = 4000;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (OFFLINE_PAGE.test(url.pathname)) {
    event.respondWith(pageFromNetworkOrKept(request));
  } else if (url.pathname.startsWith("/pkg/")) {
    event.respondWith(keptOrNetwork(request));
  }
});

// The page as the server has it now (kept again for next time), or as kept when the
// network fails or keeps us waiting.
async function pageFromNetworkOrKept(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((response) => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
  const waited = new Promise((resolve) => setTimeout(resolve, PATIENCE_MS, "slow"));
  try {
    const first = await Promise.race([network, waited]);
    if (first !== "slow") return first;
    return (await cache.match(request)) ?? (await network);
  } catch (_) {
    const kept = await cache.match(request);
    if (kept) return kept;
    return Response.error();
  }
}

// The site's files carry their content's hash in their names, so a kept copy is current.
async function keptOrNetwork(request) {
  const kept = await caches.match(request);
  return kept ?? fetch(request);
}
