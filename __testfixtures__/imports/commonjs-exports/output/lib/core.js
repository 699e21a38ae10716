'use strict';
// The canonical module: CommonJS exports are read like export statements.
exports.compileTrustProxy = function (value) {
  return Boolean(value);
};
exports.etag = (body) => `"${body.length}"`;
Object.defineProperty(exports, 'methods', { enumerable: true, get: () => ['GET', 'POST'] });
