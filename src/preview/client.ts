/**
 * The script the preview adds to every page it serves (never to pages `tor build` writes).
 * It listens to the server's events: a new build reloads the page; problems show in an
 * overlay at the foot of the window, which Escape or its button dismisses. Everything from
 * the sources goes into the overlay as text (textContent), never as markup.
 */

/** Where the events are served: no page tor builds is in a folder, so none can be here. */
export const EVENTS_PATH = '/__tor/events';

/**
 * The client for a page of build `build` (none yet: the placeholder shown before the first
 * good build). Inline rather than a file of its own, so a reload waits for one request, not two.
 */
export function clientTag(build: number | undefined): string {
  return `<script data-tor-preview data-build="${build ?? ''}">${CLIENT_SCRIPT}</script>`;
}

/** The page with the client added just before `</body>` (at the end when there is none). */
export function injectClient(html: string, build: number | undefined): string {
  const end = html.toLowerCase().lastIndexOf('</body>');
  const tag = clientTag(build);
  return end < 0 ? `${html}${tag}` : `${html.slice(0, end)}${tag}\n${html.slice(end)}`;
}

/**
 * Plain ES2017 for any browser an author might use; no framework. The overlay is an `aside`
 * landmark (so it sits outside the page's own landmarks) holding a `role="alert"` region, so
 * a screen reader announces it when it appears; its heading is an h2 after the page's h1.
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var script = document.currentScript;
  var build = script && script.dataset.build ? Number(script.dataset.build) : null;
  var OVERLAY = 'tor-preview-problems';
  var dismissed = null;
  var shownKey = null;

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    for (var name in attributes) node.setAttribute(name, attributes[name]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function addStyle() {
    if (document.getElementById(OVERLAY + '-style')) return;
    var style = element('style', { id: OVERLAY + '-style' });
    style.textContent = [
      '#' + OVERLAY + ' { position: fixed; left: 0; right: 0; bottom: 0; z-index: 2147483647; max-height: 60vh; overflow: auto;',
      '  box-sizing: border-box; padding: 1rem 1.5rem; background: #ffffff; color: #0b0c0c; border-top: 6px solid #d4351c;',
      '  box-shadow: 0 -2px 12px rgba(0, 0, 0, 0.3); font: 16px/1.4 system-ui, sans-serif; text-align: left; }',
      '#' + OVERLAY + ' h2 { margin: 0 0 0.5rem; padding: 0; border: 0; font: bold 1.25rem/1.3 system-ui, sans-serif; color: #0b0c0c; }',
      '#' + OVERLAY + ' ol { margin: 0; padding-left: 1.5rem; }',
      '#' + OVERLAY + ' li { margin: 0 0 0.75rem; }',
      '#' + OVERLAY + ' p { margin: 0; }',
      '#' + OVERLAY + ' .place { font-family: ui-monospace, monospace; font-weight: bold; color: #942514; }',
      '#' + OVERLAY + ' .hint { color: #383f43; }',
      '#' + OVERLAY + ' button { margin-top: 0.5rem; padding: 0.25rem 0.75rem; font: inherit; color: #ffffff; background: #0b0c0c; border: 0; cursor: pointer; }',
      '#' + OVERLAY + ' button:focus { outline: 3px solid #ffdd00; outline-offset: 2px; }'
    ].join('\\n');
    document.head.appendChild(style);
  }

  function place(problem) {
    if (!problem.file) return null;
    if (!problem.line) return problem.file;
    return problem.file + ':' + problem.line + (problem.column ? ':' + problem.column : '');
  }

  function removeOverlay() {
    var old = document.getElementById(OVERLAY);
    if (!old) return;
    // Focus inside the overlay would be lost with it: hand it back to the page.
    if (old.contains(document.activeElement)) document.activeElement.blur();
    old.remove();
  }

  function showProblems(problems, key) {
    removeOverlay();
    shownKey = key;
    if (problems.length === 0 || dismissed === key) return;
    addStyle();
    var aside = element('aside', { id: OVERLAY, 'aria-labelledby': OVERLAY + '-title' });
    var alert = element('div', { role: 'alert' });
    var count = problems.length === 1 ? '1 problem' : problems.length + ' problems';
    var state = build === null ? 'nothing can be shown until it is fixed' : 'the page shows the last good build';
    alert.appendChild(element('h2', { id: OVERLAY + '-title' }, 'tor preview: ' + count + ', ' + state));
    var list = element('ol');
    problems.forEach(function (problem) {
      var item = element('li');
      var where = place(problem);
      if (where) item.appendChild(element('p', { class: 'place' }, where));
      item.appendChild(element('p', { class: 'message' }, problem.message + (problem.code ? ' (' + problem.code + ')' : '')));
      if (problem.hint) item.appendChild(element('p', { class: 'hint' }, 'help: ' + problem.hint));
      list.appendChild(item);
    });
    alert.appendChild(list);
    aside.appendChild(alert);
    var button = element('button', { type: 'button' }, 'Dismiss (Esc)');
    button.addEventListener('click', dismiss);
    aside.appendChild(button);
    document.body.appendChild(aside);
  }

  function dismiss() {
    dismissed = shownKey;
    removeOverlay();
  }

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && document.getElementById(OVERLAY)) dismiss();
  });

  var events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('message', function (event) {
    var state = JSON.parse(event.data);
    if (state.build !== null && state.build !== build) {
      events.close();
      location.reload();
      return;
    }
    showProblems(state.problems, event.data);
  });
})();
`;
