// Child servers started by the tests run TypeScript through ts-node, transpile only: compiled by swc
// when it is installed (the server starts in a third of the time on a loaded 2-core machine), else by
// TypeScript itself. Path aliases (@csms/*) resolved from tsconfig.json.
'use strict';

let swc = true;
try {
  require.resolve('@swc/core');
} catch {
  swc = false;
}
require('ts-node').register({ transpileOnly: true, swc });
require('tsconfig-paths/register');
