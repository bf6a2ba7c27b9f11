/** tor's own HTML templates, read from templates/ by playground/build.mjs and embedded in the bundle. */
declare module 'tor:templates' {
  import type { Templates } from '../../src/backends/html/render.js';
  const templates: Templates;
  export default templates;
}
