#!/usr/bin/env node
// The `spinewise` command runs the app's own TypeScript (src/cli) through tsx,
// so it analyses with exactly the code the app runs; no separate build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
