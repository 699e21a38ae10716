// A destructuring target or a loop variable is a write too.
const legacy = require('./legacy');
[legacy.alpha] = [() => 'swapped'];
module.exports = () => legacy.beta();
