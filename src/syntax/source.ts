/** A source file handed to the core by whoever read it. `path` is used only in messages. */
export interface SourceFile {
  path: string;
  text: string;
}
