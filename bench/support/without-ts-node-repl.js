'use strict';
// Preloaded before ts-node in benchmark processes. ts-node requires Node's REPL for its own `ts-node`
// prompt, and the REPL loads `domain`, which hooks every promise and wraps every event emit: a cost
// the server never pays in production (`npm start` runs compiled JavaScript). Only ts-node's require
// of `repl` is answered with an empty module; ts-node touches it only to start a prompt.
const Module = require('node:module');

const load = Module._load;
Module._load = function loadWithoutRepl(request, parent, isMain) {
  if (request === 'repl' && parent && /[\\/]ts-node[\\/]/.test(parent.filename)) return {};
  return load.call(this, request, parent, isMain);
};
