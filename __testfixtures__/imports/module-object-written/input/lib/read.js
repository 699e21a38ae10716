// Only read: the binding may name the canonical module.
const legacy = require('./legacy');
module.exports = () => legacy.alpha() + legacy.beta();
