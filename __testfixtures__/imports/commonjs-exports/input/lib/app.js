'use strict';
// A destructured require, a member of one, and a module object read by member.
const { compileTrust } = require('./legacy');
const etag = require('./helpers').etag;
const helpers = require('./helpers');

module.exports = function app(settings) {
  return { trust: compileTrust(settings.trust), tag: etag('x'), safe: helpers.escape('<b>') };
};
