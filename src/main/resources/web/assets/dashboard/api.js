/**
 * The dashboard's only way to the server: the public Greenfield API, authenticated by the session cookie, with
 * the page's CSRF token on every request. See the contract at the top of app.js.
 */

export class ApiError extends Error {
    constructor(status, message, fieldErrors = {}, code = null) {
        super(message);
        this.name = 'ApiError';
        this.status = status;
        this.code = code;
        this.fieldErrors = fieldErrors;
    }
}

function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
}

export async function api(method, path, body) {
    const headers = { 'Accept': 'application/json', 'X-CSRF-Token': csrfToken() };
    const init = { method, headers, credentials: 'same-origin' };
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    let response;
    try {
        response = await fetch(path, init);
    } catch (e) {
        throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
    }
    const text = await response.text();
    let data = null;
    if (text) {
        try {
            data = JSON.parse(text);
        } catch (e) {
            data = text;
        }
    }
    if (response.ok) {
        return data;
    }
    if (response.status === 401) {
        window.location.assign('/dashboard/login?expired=1');
        throw new ApiError(401, 'Your session has ended. Please log in again.');
    }
    if (Array.isArray(data)) {
        const fieldErrors = {};
        for (const e of data) {
            fieldErrors[e.path] = e.message;
        }
        const summary = data.map((e) => e.path + ': ' + e.message).join('; ');
        throw new ApiError(response.status, summary || 'Please correct the marked fields.', fieldErrors, 'validation');
    }
    const message = data && data.message ? data.message : 'Request failed (HTTP ' + response.status + ')';
    throw new ApiError(response.status, message, {}, data && data.code ? data.code : null);
}
