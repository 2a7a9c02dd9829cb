// Shows the portal's reconnect dialog while the live connection is away and reloads the page when the server no
// longer knows it (after a restart): the saved draft then comes back from the database.
const modal = document.getElementById("components-reconnect-modal");
const states = ["retrying", "failed", "paused"];

function show(state) {
    for (const name of states) {
        modal.classList.toggle(`is-${name}`, name === state);
    }
    if (!modal.open) {
        modal.showModal();
    }
}

async function retry() {
    try {
        const reconnected = await Blazor.reconnect();
        if (!reconnected) {
            location.reload();
        }
    } catch {
        show("failed");
    }
}

async function resume() {
    try {
        const resumed = await Blazor.resumeCircuit();
        if (!resumed) {
            location.reload();
        }
    } catch {
        show("failed");
    }
}

function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        document.removeEventListener("visibilitychange", retryWhenVisible);
        retry();
    }
}

if (modal && !modal.dataset.ready) {
    modal.dataset.ready = "true";
    modal.addEventListener("components-reconnect-state-changed", event => {
        const state = event.detail.state;
        if (state === "hide") {
            modal.close();
        } else if (state === "rejected") {
            location.reload();
        } else if (state === "failed") {
            show("failed");
            document.addEventListener("visibilitychange", retryWhenVisible);
        } else if (state === "paused") {
            show("paused");
        } else {
            show("retrying");
        }
    });
    document.getElementById("components-reconnect-button").addEventListener("click", retry);
    document.getElementById("components-resume-button").addEventListener("click", resume);
}
