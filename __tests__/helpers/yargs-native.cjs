// yargs ships only ES modules, which jest's CommonJS module system cannot load; Node's own
// require can (require(esm), Node >= 20.19), so tests that run the CLI in-process get the real
// yargs through it. process.getBuiltinModule, because jest hands `require('node:module')` a
// createRequire of its own.
const nativeRequire = process.getBuiltinModule('node:module').createRequire(__filename);
module.exports = { __esModule: true, default: nativeRequire('yargs') };
