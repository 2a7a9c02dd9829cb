// The live workspace works over its own connection, which does not renew the sign-in cookie. While someone clicks
// or types, this tells the server at most every five minutes, so the idle timeout ends only a sign-in left alone.
const every = 5 * 60 * 1000;
let told = Date.now();

function stillHere() {
  const now = Date.now();
  if (now - told < every) {
    return;
  }
  told = now;
  fetch('/account/actief', { credentials: 'same-origin', cache: 'no-store' }).catch(() => {});
}

for (const type of ['pointerdown', 'keydown']) {
  document.addEventListener(type, stillHere, { capture: true, passive: true });
}
