// The patient's pages keep working on a phone that loses its connection (sw.js does the keeping). This part
// registers it, asks it to keep today's exercise pages and to send what was logged offline, and tells the patient
// what is happening. Without service workers every page still works as a plain page.
export function enhanceOffline() {
  const portal = document.querySelector('[data-portal-offline]');
  if (!portal || !('serviceWorker' in navigator)) return;

  navigator.serviceWorker.register('/sw.js').catch(() => {});
  navigator.serviceWorker.ready.then(registration => {
    const worker = registration.active;
    worker.postMessage({ type: 'keep-files', urls: filesOfThisPage() });
    worker.postMessage({ type: 'keep-pages', urls: [location.href, ...exercisePages()] });
    worker.postMessage({ type: 'send-kept' });
  });

  show('[data-kept-offline]', new URLSearchParams(location.search).has('bewaard'));
  show('[data-offline-now]', !navigator.onLine);
  window.addEventListener('offline', () => show('[data-offline-now]', true));
  window.addEventListener('online', () => {
    show('[data-offline-now]', false);
    navigator.serviceWorker.controller?.postMessage({ type: 'send-kept' });
  });

  // Signing out leaves nothing of this patient's pages on the phone.
  document.querySelectorAll('form[action="account/uitloggen"]').forEach(form =>
    form.addEventListener('submit', () => navigator.serviceWorker.controller?.postMessage({ type: 'forget-pages' })));
}

function exercisePages() {
  return [...document.querySelectorAll('a[href*="mijn/oefening/"]')].map(link => link.href);
}

// The style sheets, scripts and pictures this page loaded, so the kept pages look and work the same offline.
function filesOfThisPage() {
  return performance.getEntriesByType('resource')
    .map(entry => new URL(entry.name))
    .filter(url => url.origin === location.origin && /\.(css|js|svg|png|jpe?g|webp)$/.test(url.pathname))
    .map(url => url.href);
}

function show(selector, visible) {
  document.querySelectorAll(selector).forEach(element => { element.hidden = !visible; });
}
