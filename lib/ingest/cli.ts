import { parseArgs } from 'node:util';
import { closeDatabase, getDb, type Db } from '../../db/client';
import { addCompanySource } from '../companies/follow';
import { SYSTEM_LABELS } from '../companies/labels';
import { runCli } from '../cli';
import { BadInputError } from '../errors';
import { addCustomFeed, loadIngestTargets } from './catalog';
import { createIngestFetchers } from './fetchers';
import { progressLine, summaryTable } from './report';
import { ingestAll } from './run-all';
import { sampleTargets } from './sample';

const USAGE = `Usage: npm run ingest [-- options]

Reads every enabled board once: per-board progress, then a summary table.
Exit code 0 when every board succeeded (or was unchanged), 1 when any failed.

Options:
  --board <id>              only this board (repeatable)
  --url <url>               read this URL instead of the board's own (with exactly one --board or --feed)
  --feed <url> --name <n>   add any RSS/Atom feed as a board of its own, then ingest it
                            (through the fetch guard, like every feed people add)
  --company <careers-url>   add a company through its hiring system (Greenhouse, Lever, Ashby,
                            Workable: a board URL or a careers page that embeds one) and read it once
  --sample                  load the bundled sample feeds (no network), marked as sample data
  --force                   try boards that are backing off after failures
  --verbose                 print what each board logs (detail pages, retries)
  -h, --help                this help`;

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      board: { type: 'string', multiple: true, default: [] },
      url: { type: 'string' },
      feed: { type: 'string' },
      company: { type: 'string' },
      name: { type: 'string' },
      sample: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.feed && !values.name) throw new BadInputError('--feed needs --name <name> for the new board');
  if (values.name && !values.feed) throw new BadInputError('--name goes with --feed <url>');
  if (values.sample && (values.url || values.feed)) throw new BadInputError('--sample reads bundled files; it does not take --url or --feed');
  if (values.url && values.board.length + (values.feed ? 1 : 0) !== 1) {
    throw new BadInputError('--url needs exactly one --board <id> (or a --feed) to apply to');
  }
  if (values.url && !/^https?:\/\//i.test(values.url)) throw new BadInputError('--url must be an absolute http(s) URL');
  if (values.company && (values.sample || values.url || values.feed || values.board.length)) {
    throw new BadInputError('--company reads one company; it does not take --board, --url, --feed or --sample');
  }

  const db = await getDb();
  // The embedded database keeps the process alive until closed, on every path out.
  try {
    return values.company ? await ingestCompany(db, values.company) : await ingest(db, values);
  } finally {
    await closeDatabase();
  }
});

/** The operator's own company: no follower, read with the plain fetcher (the operator chose the URL). */
async function ingestCompany(db: Db, url: string): Promise<number> {
  const { company, result } = await addCompanySource(db, url, createIngestFetchers());
  console.log(`Found ${company.name} on ${SYSTEM_LABELS[company.system]} (board "${company.board}"), added as ${company.id}.`);
  console.log(progressLine(result));
  console.log(`${company.openJobs} open job${company.openJobs === 1 ? '' : 's'}, ${company.backendJobs} backend.`);
  return result.status === 'failed' ? 1 : 0;
}

async function ingest(db: Db, values: { board: string[]; url?: string; feed?: string; name?: string; sample: boolean; force: boolean; verbose: boolean }): Promise<number> {
  const only = [...values.board];
  if (values.feed) {
    const id = await addCustomFeed(db, { url: values.feed, name: values.name! });
    console.log(`Added feed "${values.name}" as board ${id}.`);
    only.push(id);
  }

  const targets = values.sample ? await sampleTargets(db, only) : await loadIngestTargets(db, only);
  // --url is the operator's own URL, so it is read unguarded even for a custom feed.
  if (values.url) targets[0] = { ...targets[0]!, url: values.url, guarded: false };
  if (targets.length === 0) {
    console.log('No enabled boards to ingest.');
    return 0;
  }

  console.log(`Ingesting ${targets.length} board${targets.length === 1 ? '' : 's'}${values.sample ? ' from bundled samples' : ''}…`);
  const results = await ingestAll(db, targets, {
    ...createIngestFetchers(),
    force: values.force,
    sample: values.sample,
    log: values.verbose ? (message) => console.log(`  ${message}`) : undefined,
    onResult: (result) => console.log(progressLine(result)),
  });
  console.log(`\n${summaryTable(results)}`);
  return results.some((result) => result.status === 'failed') ? 1 : 0;
}
