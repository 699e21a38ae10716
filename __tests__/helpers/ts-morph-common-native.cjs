// @ts-morph/common through Node's own require too: the very module (and TypeScript) the natively
// loaded ts-morph is built on, as it is outside tests.
const nativeRequire = process.getBuiltinModule('node:module').createRequire(__filename);
module.exports = nativeRequire('@ts-morph/common');
