'use strict';
// Direct calls to the emulator's KFP v2beta1 REST API, to look at (or change) what the provider did.

async function request(method, url) {
  const response = await fetch(url, { method });
  const text = await response.text();
  return { status: response.status, body: text.length > 0 ? safeJson(text) : null, text };
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** { get, del } on paths under {kfp}/apis/v2beta1. */
function kfpRest(kfpUrl) {
  const url = (path) => `${kfpUrl}/apis/v2beta1/${path}`;
  return {
    get: (path) => request('GET', url(path)),
    del: (path) => request('DELETE', url(path)),
  };
}

module.exports = { kfpRest };
