import { openDatabase } from '../../db/client';

// Test helper process: opens the PGlite directory given as argv[2], says "ready", and holds it until killed.
const dir = process.argv[2];
if (!dir) throw new Error('usage: hold-pglite.ts <dir>');
await openDatabase({ driver: 'pglite', dir });
console.log('ready');
setInterval(() => {}, 1000);
