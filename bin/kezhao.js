#!/usr/bin/env node
// The `kezhao` command: builds what is missing, then runs the bundled CLI.
import { ensureBuilt } from '../scripts/build.js';

const args = process.argv.slice(2);
await ensureBuilt({ web: args[0] === 'serve' });
await import('../dist/server/cli.js');
