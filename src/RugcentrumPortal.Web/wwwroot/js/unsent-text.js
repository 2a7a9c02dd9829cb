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

window.portalUnsentText = {
  kept: key => sessionStorage.getItem(prefix + key),
  // Only the text that was saved is forgotten: anything typed since stays kept.
  saved: (key, text) => {
    if (sessionStorage.getItem(prefix + key) === text) {
      sessionStorage.removeItem(prefix + key);
    }
  },
};
