// Preloaded (`node -r`) into Learning Locker's xapi-statements for the tests: every server it
// starts listens on 127.0.0.1 only (it would otherwise listen on every interface).
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  return listen.apply(this, args);
};
