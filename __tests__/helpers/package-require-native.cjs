// The engine's package-require.ts reads import.meta, which only its ES module build has; the tests
// run the sources as CommonJS, where jest's own require does the same job.
module.exports = { packageRequire: require };
