// Copies the prebuilt browser bundles from node_modules into the app's static/vendor folder, which is committed,
// so that a user with only a JDK runs the pages. No bundler: both libraries ship ready-made browser files.
import { cpSync, mkdirSync, rmSync } from 'node:fs';

const out = '../resources/static/vendor';
const files = {
  'htmx.org/dist/htmx.min.js': 'htmx/htmx.min.js',
  'htmx.org/LICENSE': 'htmx/LICENSE',
  '@bpmn-io/form-js/dist/form-viewer.umd.js': 'form-js/form-viewer.umd.js',
  '@bpmn-io/form-js/dist/assets/form-js.css': 'form-js/form-js.css',
  '@bpmn-io/form-js/dist/assets/flatpickr/light.css': 'form-js/flatpickr-light.css',
  '@bpmn-io/form-js/LICENSE': 'form-js/LICENSE',
};

rmSync(out, { recursive: true, force: true });
for (const [from, to] of Object.entries(files)) {
  mkdirSync(`${out}/${to.substring(0, to.lastIndexOf('/'))}`, { recursive: true });
  cpSync(`node_modules/${from}`, `${out}/${to}`);
}
console.log(`copied ${Object.keys(files).length} files to ${out}`);
