// Passkeys where the browser has them: shows the passkey parts of the sign-in and account pages, and runs the
// browser's prompt before their form is posted. The form then goes to the server as any other form (with its
// antiforgery token); the server checks the browser's answer. Without passkey support nothing is shown.
export function enhancePasskeys(root = document) {
  if (!window.PublicKeyCredential || !navigator.credentials) {
    return;
  }
  for (const element of root.querySelectorAll('[data-passkey]')) {
    element.hidden = false;
  }
  for (const element of root.querySelectorAll('[data-passkey-unsupported]')) {
    element.hidden = true;
  }
  for (const form of root.querySelectorAll('form[data-passkey-form]')) {
    form.addEventListener('submit', event => askBrowser(event, form));
  }
}

async function askBrowser(event, form) {
  const credentialField = form.querySelector('[data-passkey-credential]');
  if (credentialField.value) {
    return;
  }
  event.preventDefault();
  const message = form.querySelector('[data-passkey-message]');
  message.textContent = '';
  const create = form.dataset.passkeyForm === 'create';
  if (create && !form.reportValidity()) {
    return;
  }
  try {
    const response = await fetch(form.dataset.options, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error('options ' + response.status);
    }
    const options = await response.json();
    const credential = create
      ? await navigator.credentials.create({ publicKey: creationOptions(options) })
      : await navigator.credentials.get({ publicKey: requestOptions(options) });
    credentialField.value = JSON.stringify(asJson(credential));
    form.submit();
  } catch (error) {
    // A closed or refused prompt is a choice, not a fault: say so plainly, change nothing.
    message.textContent = error && (error.name === 'NotAllowedError' || error.name === 'AbortError')
      ? form.dataset.cancelled
      : form.dataset.failed;
  }
}

function creationOptions(json) {
  if (PublicKeyCredential.parseCreationOptionsFromJSON) {
    return PublicKeyCredential.parseCreationOptionsFromJSON(json);
  }
  return {
    ...json,
    challenge: fromBase64Url(json.challenge),
    user: { ...json.user, id: fromBase64Url(json.user.id) },
    excludeCredentials: (json.excludeCredentials ?? []).map(c => ({ ...c, id: fromBase64Url(c.id) })),
  };
}

function requestOptions(json) {
  if (PublicKeyCredential.parseRequestOptionsFromJSON) {
    return PublicKeyCredential.parseRequestOptionsFromJSON(json);
  }
  return {
    ...json,
    challenge: fromBase64Url(json.challenge),
    allowCredentials: (json.allowCredentials ?? []).map(c => ({ ...c, id: fromBase64Url(c.id) })),
  };
}

function asJson(credential) {
  if (typeof credential.toJSON === 'function') {
    return credential.toJSON();
  }
  const response = credential.response;
  const json = {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment,
    response: { clientDataJSON: toBase64Url(response.clientDataJSON) },
  };
  if (response.attestationObject) {
    json.response.attestationObject = toBase64Url(response.attestationObject);
    json.response.transports = response.getTransports ? response.getTransports() : [];
  } else {
    json.response.authenticatorData = toBase64Url(response.authenticatorData);
    json.response.signature = toBase64Url(response.signature);
    json.response.userHandle = response.userHandle ? toBase64Url(response.userHandle) : null;
  }
  return json;
}

function fromBase64Url(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), c => c.charCodeAt(0)).buffer;
}

function toBase64Url(buffer) {
  let binary = '';
  for (const byte of new Uint8Array(buffer)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
