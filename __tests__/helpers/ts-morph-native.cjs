// ts-morph loaded by Node's own require, not jest's module system: a jest worker then compiles
// and optimises its TypeScript once for all the test files it runs, not once per file.
const nativeRequire = process.getBuiltinModule('node:module').createRequire(__filename);
module.exports = nativeRequire('ts-morph');
