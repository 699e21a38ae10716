'use strict';
// A destructured require, a member of one, and a module object read by member.
const { compileTrustProxy: compileTrust } = require('./core');
const etag = require('./core').etag;
const helpers = require('./helpers');

module.exports = function app(settings) {
  return { trust: compileTrust(settings.trust), tag: etag('x'), safe: helpers.escape('<b>') };
};
