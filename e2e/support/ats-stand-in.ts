import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { startLocalServer, type LocalServer } from '../../test/support/local-server';

// The four hiring systems' public APIs as one local server, answering with the ats adapters' own
// fixtures; the e2e app server reads them through TRACKEND_ATS_*_URL (the operator's override),
// so following a company in a browser test never reaches the internet.

const fixture = (name: string) => readFileSync(new URL(`../../scrapers/ats/fixtures/${name}`, import.meta.url), 'utf8');
const json = (body: string) => (_req: unknown, res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end(body);

export async function startAtsStandIn(): Promise<{ server: LocalServer; env: Record<string, string> }> {
  const server = await startLocalServer({
    '/v1/boards/gophercloud/jobs': json(fixture('greenhouse-jobs.json')),
    '/v0/postings/lambdaworks': json(fixture('lever-postings.json')),
    '/posting-api/job-board/tidepool': json(fixture('ashby-job-board.json')),
    '/api/v1/widget/accounts/northwind': json(fixture('workable-account.json')),
  });
  const base = `http://127.0.0.1:${server.port}`;
  const env = Object.fromEntries(['GREENHOUSE', 'LEVER', 'LEVER_EU', 'ASHBY', 'WORKABLE'].map((system) => [`TRACKEND_ATS_${system}_URL`, base]));
  return { server, env };
}
