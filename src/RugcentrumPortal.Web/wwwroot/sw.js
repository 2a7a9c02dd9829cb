// The patient's portal on a phone (ADR 0019): today's pages open without a connection, and a form the patient
// sends without one is kept on the phone and sent when the connection is back. The server's submission id makes a
// form that arrives twice count once, so sending again after a doubtful attempt is always safe. The same worker
// shows the reminders and message notices that arrive by push (ADR 0022).
const PAGES = 'rugcentrum-pages-v1';
const FILES = 'rugcentrum-files-v1';
const OUTBOX = 'rugcentrum-outbox';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && request.mode === 'navigate' && isPortalPage(url)) {
    event.respondWith(sendOrKeep(request));
  } else if (request.method === 'GET' && request.mode === 'navigate' && isPortalPage(url)) {
    event.respondWith(networkFirst(request));
  } else if (request.method === 'GET' && ['style', 'script', 'image', 'font', 'manifest'].includes(request.destination)) {
    event.respondWith(cacheFirst(request));
  }
});

self.addEventListener('message', event => {
  const message = event.data ?? {};
  if (message.type === 'send-kept') event.waitUntil(sendKept());
  if (message.type === 'keep-pages') event.waitUntil(keepPages(message.urls ?? []));
  if (message.type === 'keep-files') event.waitUntil(keepFiles(message.urls ?? []));
  if (message.type === 'forget-pages') event.waitUntil(caches.delete(PAGES));
});

self.addEventListener('sync', event => {
  if (event.tag === 'send-kept') event.waitUntil(sendKept());
});

// Notifications: a reminder or an announced message. The payload carries only what the notification shows.
self.addEventListener('push', event => {
  const note = event.data ? event.data.json() : {};
  const actions = note.stopUrl ? [{ action: 'stop', title: note.stopTitle }] : [];
  event.waitUntil(self.registration.showNotification(note.title || 'Rugcentrum', {
    body: note.body || '',
    icon: 'icons/icon-192.png',
    data: { url: note.url || '/mijn', stopUrl: note.stopUrl },
    actions,
  }));
});

// A tap opens (or brings forward) the portal page the notification is about; "stop" opens the stop link.
self.addEventListener('notificationclick', event => {
  event.notification.close();
  const target = new URL(event.action === 'stop' ? event.notification.data.stopUrl : event.notification.data.url, self.location.origin).href;
  event.waitUntil((async () => {
    const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const existing = open.find(client => client.url === target);
    return existing ? existing.focus() : self.clients.openWindow(target);
  })());
});

function isPortalPage(url) {
  return (url.pathname === '/mijn' || url.pathname.startsWith('/mijn/')) && !url.pathname.endsWith('/pdf');
}

// Pages are kept under their path alone: "?bewaard=1" and the like show the same page.
function pageKey(url) {
  const u = new URL(url);
  return u.origin + u.pathname;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    await remember(request.url, response);
    return response;
  } catch {
    const cache = await caches.open(PAGES);
    return (await cache.match(pageKey(request.url))) ?? (await cache.match(pageKey(new URL('/mijn', request.url)))) ?? Response.error();
  }
}

async function remember(url, response) {
  const signedOut = new URL(response.url || url).pathname.startsWith('/account/');
  if (signedOut) {
    // Signed out (or never in): nothing of the previous patient stays on this phone.
    await caches.delete(PAGES);
  } else if (response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html')) {
    const cache = await caches.open(PAGES);
    await cache.put(pageKey(url), response.clone());
  }
}

async function keepPages(urls) {
  for (const url of urls) {
    try {
      await remember(url, await fetch(url, { credentials: 'same-origin' }));
    } catch {
      return;
    }
  }
}

async function keepFiles(urls) {
  const cache = await caches.open(FILES);
  for (const url of urls) {
    if (await cache.match(url)) continue;
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (response.ok) await cache.put(url, response);
    } catch {
      return;
    }
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(FILES);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function sendOrKeep(request) {
  const body = await request.clone().text();
  try {
    return await fetch(request);
  } catch {
    await outbox('readwrite', store => store.add({ url: request.url, body, type: request.headers.get('content-type'), at: Date.now() }));
    if (self.registration.sync) await self.registration.sync.register('send-kept').catch(() => {});
    const back = new URL(request.url);
    back.searchParams.set('bewaard', '1');
    return Response.redirect(back.href, 303);
  }
}

async function sendKept() {
  const kept = await outbox('readonly', store => store.getAll());
  for (const item of kept) {
    let response;
    try {
      response = await fetch(item.url, { method: 'POST', body: item.body, headers: { 'Content-Type': item.type }, credentials: 'same-origin' });
    } catch {
      return; // still no connection: try again later
    }
    // Ended at the sign-in page: the session has run out. Keep it until the patient signs in again.
    if (new URL(response.url).pathname.startsWith('/account/')) return;
    // Sent, or refused for good (a form that no longer exists or was signed for someone else): done with it.
    if (response.ok || [400, 403, 404].includes(response.status)) {
      await outbox('readwrite', store => store.delete(item.id));
    }
  }
}

function outbox(mode, work) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(OUTBOX, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('logs', { keyPath: 'id', autoIncrement: true });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const transaction = db.transaction('logs', mode);
      const request = work(transaction.objectStore('logs'));
      transaction.oncomplete = () => { db.close(); resolve(request.result); };
      transaction.onerror = () => { db.close(); reject(transaction.error); };
    };
  });
}
