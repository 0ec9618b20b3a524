#!/usr/bin/env node
// The `spinewise` command runs the app's own TypeScript (src/cli) through tsx,
// so it analyses with exactly the code the app runs; no separate build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  tty: process.stderr.isTTY,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
