const core = require('./core');
exports.alpha = core.alpha;
exports.beta = core.beta;
