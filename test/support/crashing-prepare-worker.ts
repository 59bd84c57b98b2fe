import { threadId } from 'node:worker_threads';
import prepareBatch, { type PrepareTask } from '../../lib/ingest/prepare-worker';

// A stand-in task file for prepare-pool tests: the real one, except that a batch holding an
// item titled "crash the worker" ends its worker thread the way a native crash would.
export default function crashingPrepareBatch(task: PrepareTask) {
  if (task.items.some(({ item }) => item.title === 'crash the worker')) process.exit(70 + (threadId % 10));
  return prepareBatch(task);
}
