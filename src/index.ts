/**
 * The compiler core: text in, data out. Nothing here touches the file system, the
 * process or the clock, so the same code runs in Node, a browser and an editor.
 */
export type { Diagnostic, Position, Span, Severity } from './diagnostics/diagnostic.js';
export { hasErrors, sortDiagnostics } from './diagnostics/diagnostic.js';
export type { SourceFile } from './syntax/source.js';
export { compile, type CompileResult } from './compile.js';
export { formatSource, type FormatResult } from './format/format.js';
export { findIncludes, type IncludeRef } from './syntax/includes.js';
export { compileIR, type Clause, type QuorumIR, type DeputyCounting } from './quorum/ir.js';
export {
  compileQuorum,
  evaluateBits,
  attendanceBits,
  resolveAttendance,
  isQuorate,
  type CompiledQuorum,
  type DeputyInput,
  type DeputyOutcome,
  type AttendanceInput,
} from './quorum/evaluate.js';
export { explainQuorum, smallestAddition, additionText, type Explanation, type ClauseResult, type Addition } from './quorum/explain.js';
export { analyseQuorum, type QuorumAnalysis } from './quorum/analyse.js';
export { toBundle, bundleJson, BUNDLE_VERSION, BUNDLE_SCHEMA_ID, type Bundle, type BundleOptions, type BundleGroup } from './bundle/bundle.js';
export { bundleSchema } from './bundle/schema.js';
export { toJsonLogic, type JsonLogic } from './bundle/json-logic.js';
export { stableStringify } from './bundle/stable-json.js';
