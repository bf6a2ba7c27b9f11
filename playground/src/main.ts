import type { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import templates from 'tor:templates';
import { formatSource, type Diagnostic, type SourceFile } from '../../src/index.js';
import { fileState, replaceText, showDiagnostics, type EditorHooks } from './editor.js';
import { compileProject, countDiagnostics, countText, diagnosticMessage, firstFile, type Compiled, type Example } from './project.js';
import { QuorumView } from './quorum-view.js';

/**
 * The playground page: the editor on the left, the published document on the right, the quorum
 * simulator below. Every change recompiles the whole project after a short pause; the time from
 * the first keystroke of a change to the preview having loaded is kept on `window.torPlayground`.
 */

/** What the page exposes for measurement and tests. */
interface Probe {
  /** Compiles finished so far. */
  compiles: number;
  /** Milliseconds from a keystroke to the preview showing its effect, most recent last. */
  latencies: number[];
  lastLatencyMs: number | undefined;
  /** Where the last compile's time went, in milliseconds. */
  lastPhases: { waited: number; compiled: number; drawn: number; previewed: number } | undefined;
}

declare global {
  interface Window {
    torExamples?: Example[];
    torPlayground: Probe;
  }
}

/**
 * The least time between the end of one compile and the start of the next. A change after a
 * pause compiles at once; changes typed during a compile or just after it wait and go together
 * in one compile, so the editor always has time to show the keystrokes.
 */
const GAP_MS = 25;

const probe: Probe = { compiles: 0, latencies: [], lastLatencyMs: undefined, lastPhases: undefined };
window.torPlayground = probe;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

const ui = {
  example: byId<HTMLSelectElement>('example'),
  openExample: byId<HTMLButtonElement>('open-example'),
  file: byId<HTMLSelectElement>('file'),
  format: byId<HTMLButtonElement>('format'),
  formatStatus: byId('format-status'),
  editor: byId('editor'),
  count: byId('problem-count'),
  problems: byId('problems'),
  page: byId<HTMLSelectElement>('page'),
  previewStatus: byId('preview-status'),
  preview: byId<HTMLIFrameElement>('preview'),
};

const examples = window.torExamples ?? [];
const states = new Map<string, EditorState>();
let currentPath = '';
let compiled: Compiled | undefined;
let wantedSlug: string | undefined;
/** When the first change not yet shown in the preview was made. */
let changedAt: number | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastCompileEnd = -Infinity;
let shownHtml = '';
let shownSlug = '';

const hooks: EditorHooks = { changed: scheduleCompile, format: formatCurrent };
const view = new EditorView({ parent: ui.editor });
const quorum = new QuorumView({
  group: byId('group'),
  rule: byId('quorum-rule'),
  deputyRule: byId('deputy-rule'),
  rows: byId('member-rows'),
  fieldset: byId('members'),
  verdict: byId('verdict'),
  clauses: byId('clauses'),
});

function scheduleCompile(): void {
  changedAt ??= performance.now();
  // A compile already due reads the text as it is then, this change included.
  if (timer !== undefined) return;
  timer = setTimeout(recompile, Math.max(0, lastCompileEnd + GAP_MS - performance.now()));
}

function projectFiles(): SourceFile[] {
  states.set(currentPath, view.state);
  return [...states].map(([path, state]) => ({ path, text: state.doc.toString() }));
}

function today(): { year: number; month: number; day: number } {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

function recompile(): void {
  timer = undefined;
  const since = changedAt;
  const started = performance.now();
  compiled = compileProject({ files: projectFiles(), templates, slug: wantedSlug, today: today() });
  const done = performance.now();
  probe.compiles++;
  showDiagnostics(view, compiled.diagnostics.filter((d) => d.file === currentPath));
  drawProblems(compiled.diagnostics);
  drawPages(compiled);
  quorum.update(compiled.model);
  const drawn = performance.now();
  showPreview(compiled);
  probe.lastPhases = { waited: since === undefined ? 0 : started - since, compiled: done - started, drawn: drawn - done, previewed: performance.now() - drawn };
  lastCompileEnd = performance.now();
}

function drawProblems(diagnostics: readonly Diagnostic[]): void {
  const text = countText(countDiagnostics(diagnostics));
  if (ui.count.textContent !== text) ui.count.textContent = text;
  ui.problems.replaceChildren(
    ...diagnostics.map((d) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      const severity = document.createElement('span');
      severity.className = `severity ${d.severity}`;
      severity.textContent = d.severity === 'info' ? 'note' : d.severity;
      const place = document.createElement('span');
      place.className = 'place';
      place.textContent = `${d.file}:${d.start.line}:${d.start.column}`;
      button.append(place, ' ', severity, ` ${diagnosticMessage(d)}`);
      button.addEventListener('click', () => goTo(d));
      li.append(button);
      return li;
    }),
  );
}

/** Opens the diagnostic's file, selects its place and puts the cursor there. */
function goTo(d: Diagnostic): void {
  if (d.file !== currentPath) openFile(d.file);
  const length = view.state.doc.length;
  const from = Math.min(d.start.offset, length);
  view.dispatch({ selection: { anchor: from, head: Math.min(Math.max(from, d.end.offset), length) }, scrollIntoView: true });
  view.focus();
}

function drawPages(result: Compiled): void {
  if (result.documents.length === 0) return;
  const signature = result.documents.map((d) => `${d.slug}\u0000${d.label}`).join('\u0001');
  if (ui.page.dataset['pages'] !== signature) {
    ui.page.dataset['pages'] = signature;
    ui.page.replaceChildren(...result.documents.map((d) => new Option(d.label, d.slug)));
  }
  if (result.page) ui.page.value = result.page.slug;
}

function showPreview(result: Compiled): void {
  const status = result.problem ?? '';
  if (ui.previewStatus.textContent !== status) ui.previewStatus.textContent = status;
  if (!result.page) return previewShown();
  ui.preview.title = `Preview of ${result.documents.find((d) => d.slug === result.page!.slug)?.label ?? 'the published document'}`;
  if (result.page.html === shownHtml) return previewShown();
  shownHtml = result.page.html;
  const doc = loadedPreview();
  if (!doc) {
    shownSlug = result.page.slug;
    shownHead = pageParts(result.page.html).head;
    ui.preview.srcdoc = result.page.html;
    return;
  }
  // Replacing the loaded document's content is quicker than loading a new one and keeps the
  // reader's place. The frame stays sandboxed without scripts, so nothing in it can run.
  const parts = pageParts(result.page.html);
  // The head (title and stylesheet) rarely changes: leaving it spares the browser re-reading the styles.
  if (parts.head !== shownHead) doc.head.innerHTML = parts.head;
  shownHead = parts.head;
  doc.body.innerHTML = parts.body;
  // Another document opens at its top; the same one stays where the reader was.
  if (result.page.slug !== shownSlug) doc.defaultView?.scrollTo(0, 0);
  shownSlug = result.page.slug;
  // Reading the height makes the browser lay the new page out before the time is taken; it is painted in the next frame.
  void doc.body.offsetHeight;
  previewShown();
}

let previewLoaded = false;
let shownHead = '';

/** The inside of a rendered page's head and body (the templates write each tag once). */
function pageParts(html: string): { head: string; body: string } {
  const head = /<head[^>]*>([\s\S]*)<\/head>/i.exec(html)?.[1] ?? '';
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return { head, body };
}

/** The preview's document once it has loaded its first page, when the page may reach into it. */
function loadedPreview(): Document | undefined {
  return (previewLoaded && ui.preview.contentDocument) || undefined;
}

ui.preview.addEventListener('load', () => {
  previewLoaded = true;
  // The pages link to each other by file name; in the playground such a link shows that document instead.
  ui.preview.contentDocument?.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    const page = link && /^([a-z0-9][a-z0-9-]*)\.html(?:#.*)?$/.exec(link.getAttribute('href') ?? '');
    if (!page) return;
    event.preventDefault();
    showDocument(page[1]!);
  });
  previewShown();
});

/** The preview shows the latest change: record how long that took from its first keystroke. */
function previewShown(): void {
  if (changedAt === undefined) return;
  const ms = performance.now() - changedAt;
  changedAt = undefined;
  probe.latencies.push(ms);
  probe.lastLatencyMs = ms;
}

function showDocument(slug: string): void {
  wantedSlug = slug;
  recompile();
}

function formatCurrent(): void {
  const text = view.state.doc.toString();
  const result = formatSource({ path: currentPath, text });
  if (result.text === undefined) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    ui.formatStatus.textContent = `${currentPath} was not formatted: it has ${errors} ${errors === 1 ? 'error' : 'errors'} to fix first.`;
  } else if (result.text === text) {
    ui.formatStatus.textContent = `${currentPath} is already formatted.`;
  } else {
    replaceText(view, result.text);
    ui.formatStatus.textContent = `${currentPath} formatted.`;
  }
}

function openFile(path: string): void {
  const state = states.get(path);
  if (!state) return;
  states.set(currentPath, view.state);
  currentPath = path;
  view.setState(state);
  ui.file.value = path;
  ui.formatStatus.textContent = '';
  if (compiled) showDiagnostics(view, compiled.diagnostics.filter((d) => d.file === path));
}

function openExample(id: string): void {
  const example = examples.find((e) => e.id === id);
  if (!example) return;
  states.clear();
  for (const f of example.files) states.set(f.path, fileState(f.path, f.text, hooks));
  currentPath = firstFile(example.files) ?? '';
  view.setState(states.get(currentPath)!);
  ui.file.replaceChildren(...example.files.map((f) => new Option(f.path, f.path)));
  ui.file.value = currentPath;
  ui.formatStatus.textContent = '';
  wantedSlug = undefined;
  recompile();
}

ui.example.replaceChildren(...examples.map((e) => new Option(e.title, e.id)));
ui.openExample.addEventListener('click', () => openExample(ui.example.value));
ui.file.addEventListener('change', () => openFile(ui.file.value));
ui.format.addEventListener('click', formatCurrent);
ui.page.addEventListener('change', () => showDocument(ui.page.value));
if (examples[0]) openExample(examples[0].id);
else ui.count.textContent = 'The examples did not load (examples.js is missing beside this page).';
