import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { foldGutter, foldKeymap, indentUnit } from '@codemirror/language';
import { lintKeymap, setDiagnostics, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { Diagnostic } from '../../src/index.js';
import { torSupport } from './language.js';
import { diagnosticMessage, diagnosticRange } from './project.js';

/**
 * The editor: CodeMirror with `.tor` highlighting, two-space indentation (tor's), and the
 * compiler's diagnostics as underlines. One EditorState per file, so each file keeps its own
 * undo history and selection while the others are shown.
 */

export interface EditorHooks {
  /** Called on every change to the text. */
  changed: () => void;
  /** Shift+Alt+F. */
  format: () => void;
}

export function editorExtensions(path: string, hooks: EditorHooks): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    foldGutter(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    // Tab indents, as authors expect in an indentation-based language; Escape then Tab, or Ctrl+M, lets Tab leave.
    keymap.of([indentWithTab, { key: 'Shift-Alt-f', run: () => (hooks.format(), true) }, ...defaultKeymap, ...historyKeymap, ...foldKeymap, ...lintKeymap]),
    indentUnit.of('  '),
    EditorState.tabSize.of(2),
    torSupport(),
    EditorView.lineWrapping,
    // tabindex: the text area is a tab stop in its own right, so keyboard users can reach and scroll it.
    EditorView.contentAttributes.of({ 'aria-label': `Source of ${path}`, 'aria-describedby': 'editor-help', tabindex: '0' }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) hooks.changed();
    }),
  ];
}

export function fileState(path: string, text: string, hooks: EditorHooks): EditorState {
  return EditorState.create({ doc: text, extensions: editorExtensions(path, hooks) });
}

/** Shows the compiler's diagnostics for the file in the view. */
export function showDiagnostics(view: EditorView, diagnostics: readonly Diagnostic[]): void {
  const length = view.state.doc.length;
  const marks: LintDiagnostic[] = diagnostics.map((d) => ({ ...diagnosticRange(d, length), severity: d.severity, message: diagnosticMessage(d), source: d.code }));
  view.dispatch(setDiagnostics(view.state, marks));
}

/** Replaces the whole text (formatting), as one undoable step. */
export function replaceText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
