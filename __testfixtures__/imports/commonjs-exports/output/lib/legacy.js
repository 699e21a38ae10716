'use strict';
const core = require('./core');

module.exports = {
  compileTrust: core.compileTrustProxy,
  methods: core.methods,
};
