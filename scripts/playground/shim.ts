/**
 * `google.script.run` and `google.script.host` for the add-on's own pages.
 *
 * HtmlService serves a sidebar with a `google` object that calls the
 * script's global functions on Google's servers. The playground serves the
 * same HTML from dist/ with this small script put first into <head>: each
 * call is POSTed to /api/run, where the server calls the bundle's function
 * as the person who opened the page and answers JSON. As in Apps Script:
 *
 * - only the script's top-level functions are there (none ending in `_`);
 * - arguments and results are JSON-like: a Date, a function or a DOM node
 *   (other than a lone <form>) among the arguments fails the call;
 * - the success handler gets the value, the failure handler an Error, each
 *   with the user object; calls run asynchronously and in any order;
 * - `google.script.host.close()` closes the sidebar or dialog.
 *
 * The page runs in a sandboxed frame without same-origin access, as
 * Google's pages do, so it talks to the playground only through this script
 * (fetch, with the session token) and postMessage (close, and "the
 * workbook changed" so the grid redraws).
 */

export interface ShimConfig {
  token: string;
  page: string;
  functions: string[];
}

/** The shim, run first in the page. Plain ES5 in a string: it is served as is. */
function shimScript(config: ShimConfig): string {
  // `<` escaped, so a value can never end the <script> element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<script>
(function () {
  var config = ${json};
  function illegal(value, path) {
    if (value === null || value === undefined) return null;
    var type = typeof value;
    if (type === 'string' || type === 'boolean') return null;
    if (type === 'number') return null;
    if (type !== 'object') return path;
    if (Array.isArray(value)) {
      for (var i = 0; i < value.length; i++) {
        var inItem = illegal(value[i], path + '.' + i);
        if (inItem !== null) return inItem;
      }
      return null;
    }
    var proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return path;
    for (var key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      var inValue = illegal(value[key], path + '.' + key);
      if (inValue !== null) return inValue;
    }
    return null;
  }
  function formObject(form) {
    var result = {};
    for (var i = 0; i < form.elements.length; i++) {
      var field = form.elements[i];
      if (!field.name || field.disabled) continue;
      if ((field.type === 'checkbox' || field.type === 'radio') && !field.checked) continue;
      if (field.type === 'file') continue;
      if (Object.prototype.hasOwnProperty.call(result, field.name)) {
        result[field.name] = [].concat(result[field.name], field.value);
      } else result[field.name] = field.value;
    }
    return result;
  }
  function tell(message) {
    try { window.parent.postMessage(message, '*'); } catch (e) { /* no parent */ }
  }
  function call(name, args, handlers) {
    function fail(message) {
      var error = new Error(message);
      if (handlers.failure) handlers.failure(error, handlers.userObject);
      else if (window.console) console.error(error);
    }
    if (args.length === 1 && typeof HTMLFormElement !== 'undefined' && args[0] instanceof HTMLFormElement) {
      args = [formObject(args[0])];
    }
    for (var i = 0; i < args.length; i++) {
      var bad = illegal(args[i], String(i));
      if (bad !== null) {
        setTimeout(function () { fail('Failed due to illegal value in property: ' + bad); }, 0);
        return;
      }
    }
    fetch('/api/run', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=utf-8' },
      body: JSON.stringify({ token: config.token, page: config.page, fn: name, args: args })
    })
      .then(function (response) { return response.json(); })
      .then(function (reply) {
        tell({ kpiloop: 'changed', page: config.page });
        if (reply.ok) {
          if (handlers.success) handlers.success(reply.value, handlers.userObject);
        } else fail(reply.error);
      }, function () {
        fail('NetworkError: Connection failure due to HTTP 0');
      });
  }
  function runner(handlers) {
    var run = {
      withSuccessHandler: function (f) { return runner({ success: f, failure: handlers.failure, userObject: handlers.userObject }); },
      withFailureHandler: function (f) { return runner({ success: handlers.success, failure: f, userObject: handlers.userObject }); },
      withUserObject: function (o) { return runner({ success: handlers.success, failure: handlers.failure, userObject: o }); }
    };
    config.functions.forEach(function (name) {
      run[name] = function () { call(name, Array.prototype.slice.call(arguments), handlers); };
    });
    return run;
  }
  window.google = {
    script: {
      run: runner({}),
      host: {
        origin: window.location.origin,
        close: function () { tell({ kpiloop: 'close', page: config.page }); },
        setHeight: function (h) { tell({ kpiloop: 'resize', page: config.page, height: Number(h) }); },
        setWidth: function (w) { tell({ kpiloop: 'resize', page: config.page, width: Number(w) }); },
        editor: { focus: function () { tell({ kpiloop: 'focus-editor', page: config.page }); } }
      },
      url: {
        getLocation: function (callback) { callback({ hash: '', parameter: {}, parameters: {} }); }
      }
    }
  };
})();
</script>`;
}

/**
 * The page's HTML with the shim first in <head> (or first after the doctype
 * when it has none). HtmlService serves a page under the title given with
 * setTitle (or the dialog's title): a page without a <title> of its own gets
 * that one.
 */
export function injectShim(html: string, config: ShimConfig, title: string): string {
  const titleTag = /<title[\s>]/i.test(html) ? '' : `<title>${escapeHtml(title)}</title>`;
  const script = titleTag + shimScript(config);
  const head = /<head\b[^>]*>/i.exec(html);
  if (head)
    return (
      html.slice(0, head.index + head[0].length) + script + html.slice(head.index + head[0].length)
    );
  const opening = /^\s*(<!doctype[^>]*>)?\s*(<html\b[^>]*>)?/i.exec(html);
  const at = opening ? opening[0].length : 0;
  return html.slice(0, at) + script + html.slice(at);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The functions a page may call: the bundle's top-level function
 * declarations, which the build generates one per entry point. Apps Script
 * hides those whose name ends in `_`.
 */
export function callableFunctions(code: string): string[] {
  const names = [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map(
    (m) => m[1] as string,
  );
  return [...new Set(names)].filter((name) => !name.endsWith('_'));
}

/**
 * What google.script.run hands back: JSON-like values only. Apps Script
 * gives the success handler null when the result holds a Date, a function
 * or another object it cannot send; `undefined` arrives as undefined.
 */
export function toWireValue(value: unknown): { value: unknown; refused: boolean } {
  if (value === undefined) return { value: undefined, refused: false };
  return sendable(value) ? { value, refused: false } : { value: null, refused: true };
}

function sendable(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return true;
    case 'object': {
      if (Array.isArray(value)) return value.every(sendable);
      const proto = Object.getPrototypeOf(value) as unknown;
      // The bundle runs in its own realm: its plain objects have that realm's Object.prototype.
      if (proto !== null && Object.getPrototypeOf(proto) !== null) return false;
      if (
        proto !== null &&
        (proto as { constructor?: { name?: string } }).constructor?.name !== 'Object'
      )
        return false;
      return Object.values(value as Record<string, unknown>).every(sendable);
    }
    default:
      return false;
  }
}
