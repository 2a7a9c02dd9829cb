// The portal's service worker. Each concern registers its own listeners below, so another (offline pages, say)
// can be added next to them without touching these.

// Notifications: a reminder or an announced message. The payload carries only what the notification shows.
self.addEventListener('push', event => {
    const note = event.data ? event.data.json() : {};
    const actions = note.stopUrl ? [{ action: 'stop', title: note.stopTitle }] : [];
    event.waitUntil(self.registration.showNotification(note.title || 'Rugcentrum', {
        body: note.body || '',
        icon: 'favicon.svg',
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
