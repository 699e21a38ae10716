'use strict';
exports.etag = require('./core').etag;
exports.escape = (text) => text.replace(/</g, '&lt;');
