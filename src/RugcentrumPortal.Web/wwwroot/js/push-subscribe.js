// Lets a browser that can show notifications receive the portal's reminders: registers the service worker,
// asks the browser for a push subscription with the portal's public key and posts it with the page's
// antiforgery token. Where the browser cannot, the page says so and e-mail remains.

function keyBytes(base64url) {
    const padded = (base64url + '='.repeat((4 - base64url.length % 4) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(padded), c => c.charCodeAt(0));
}

async function subscribe(box, status) {
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') {
        status.textContent = box.dataset.textDenied;
        return;
    }
    const registration = await navigator.serviceWorker.register('sw.js');
    await navigator.serviceWorker.ready;
    const subscription = await registration.pushManager.getSubscription()
        ?? await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(box.dataset.publicKey) });
    const json = subscription.toJSON();
    const form = new FormData();
    form.append('endpoint', json.endpoint);
    form.append('p256dh', json.keys.p256dh);
    form.append('auth', json.keys.auth);
    form.append('__RequestVerificationToken', box.querySelector('input[name="__RequestVerificationToken"]').value);
    const response = await fetch(box.dataset.endpoint, { method: 'POST', body: form, credentials: 'same-origin' });
    status.textContent = response.ok ? box.dataset.textDone : box.dataset.textFailed;
}

export function enhancePushSubscription() {
    for (const box of document.querySelectorAll('[data-push-subscribe]:not([data-push-ready])')) {
        box.dataset.pushReady = '';
        const button = box.querySelector('button');
        const status = box.querySelector('.push-status');
        if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
            status.textContent = box.dataset.textUnsupported;
            continue;
        }
        button.hidden = false;
        button.addEventListener('click', async () => {
            button.disabled = true;
            try {
                await subscribe(box, status);
            } catch {
                status.textContent = box.dataset.textFailed;
            } finally {
                button.disabled = false;
            }
        });
    }
}
