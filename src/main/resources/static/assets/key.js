// The API key of this tab. When the server needs one (DATAFLOW_READS=key) it answers 401; the page
// then asks once and keeps the key in sessionStorage: it lives as long as the tab, never on disk
// past it, and is sent only to this server's /graphql.

const STORAGE = 'dataflow-atlas.api-key';

let asking = null;

export function currentKey() {
  return sessionStorage.getItem(STORAGE);
}

/** fetch() with the tab's key; on 401 asks for a key (showing the server's words) and tries again. */
export async function keyedFetch(url, init = {}) {
  for (;;) {
    const response = await fetch(url, withKey(init));
    if (response.status !== 401) {
      return response;
    }
    const key = await askForKey(await messageOf(response.clone()));
    if (key === null) {
      return response;
    }
  }
}

function withKey(init) {
  const key = currentKey();
  const headers = new Headers(init.headers ?? {});
  if (key) {
    headers.set('Authorization', `Bearer ${key}`);
  }
  return { ...init, headers };
}

async function messageOf(response) {
  try {
    const body = await response.json();
    return body.errors?.map((e) => e.message).join(' ') || 'This server needs an API key.';
  } catch {
    return 'This server needs an API key.';
  }
}

/** One dialog at a time, however many requests were refused; null when the reader cancels. */
function askForKey(message) {
  asking ??= new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'key-dialog';
    dialog.setAttribute('aria-labelledby', 'key-dialog-title');
    dialog.innerHTML = `
      <form method="dialog">
        <h2 id="key-dialog-title">API key needed</h2>
        <p class="key-dialog-message"></p>
        <label>API key <input name="key" type="password" autocomplete="off" required></label>
        <p class="key-dialog-note">Kept for this browser tab only (session storage), and sent only to this server.</p>
        <div class="key-dialog-buttons">
          <button value="cancel" formnovalidate>Cancel</button>
          <button value="use" class="primary">Use this key</button>
        </div>
      </form>`;
    dialog.querySelector('.key-dialog-message').textContent = message;
    dialog.addEventListener('close', () => {
      const key = dialog.returnValue === 'use' ? dialog.querySelector('input').value.trim() : '';
      dialog.remove();
      asking = null;
      if (key) {
        sessionStorage.setItem(STORAGE, key);
        resolve(key);
      } else {
        resolve(null);
      }
    });
    document.body.append(dialog);
    dialog.showModal();
  });
  return asking;
}
