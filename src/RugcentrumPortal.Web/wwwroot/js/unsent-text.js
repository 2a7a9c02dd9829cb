// Keeps what is typed into a field marked data-unsent-key in this browser tab until the live page says the server
// saved it. A page whose server went away before saving (its instance stopped, a restart) loads again and asks for
// it, so the text is not lost. The tab's session storage is emptied when the tab closes.
const prefix = "unsent-text:";

document.addEventListener("input", event => {
  const key = event.target instanceof HTMLElement ? event.target.dataset.unsentKey : undefined;
  if (key) {
    sessionStorage.setItem(prefix + key, event.target.value);
  }
}, { capture: true, passive: true });

// Signing out leaves nothing behind in the tab for whoever uses the computer next.
document.addEventListener("submit", event => {
  if (event.target instanceof HTMLFormElement && new URL(event.target.action, location.href).pathname.endsWith("/account/uitloggen")) {
    Object.keys(sessionStorage).filter(key => key.startsWith(prefix)).forEach(key => sessionStorage.removeItem(key));
  }
}, { capture: true });

window.portalUnsentText = {
  kept: key => sessionStorage.getItem(prefix + key),
  // Only the text that was saved is forgotten: anything typed since stays kept.
  saved: (key, text) => {
    if (sessionStorage.getItem(prefix + key) === text) {
      sessionStorage.removeItem(prefix + key);
    }
  },
};
