// A write to a module object stays with the module it names: moved, it would patch another.
const legacy = require('./legacy');
legacy.alpha = () => 'patched';
module.exports = () => legacy.beta();
