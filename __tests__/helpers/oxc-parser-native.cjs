// oxc-parser ships only ES modules, which jest's CommonJS module system cannot load; Node's own
// require can (require(esm), Node >= 20.19). See yargs-native.cjs.
const nativeRequire = process.getBuiltinModule('node:module').createRequire(__filename);
module.exports = nativeRequire('oxc-parser');
