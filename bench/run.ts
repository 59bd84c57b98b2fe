import { benchHostile } from './hostile';
import { benchIngest } from './ingest';
import { benchLoad } from './load';
import { benchSearch } from './search';
import { writeSummary } from './summary';

// `npm run bench` runs every benchmark; `npm run bench -- <name>` one of them. Each prints its
// figures and, as its last line, one JSON object with the headline numbers.

const BENCHES: Record<string, () => Promise<Record<string, unknown>>> = {
  ingest: benchIngest,
  search: benchSearch,
  load: benchLoad,
  hostile: benchHostile,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}. Choose from: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const results: Record<string, unknown>[] = [];
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  results.push(await BENCHES[name]!());
}
// A full run also writes bench/reports/README.md, the page README.md links for the latest figures.
if (wanted.length === 0) console.log(`bench: summary written to ${writeSummary(results)}`);
// The last line: one object for one benchmark, else all of them.
console.log(JSON.stringify(results.length === 1 ? results[0] : { bench: 'all', results }));
process.exit(0);
