// Only read: the binding may name the canonical module.
const legacy = require('./core');
module.exports = () => legacy.alpha() + legacy.beta();
