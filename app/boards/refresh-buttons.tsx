import { can, type Actor } from '@/lib/auth/roles';
import { ActionButton } from './action-button';
import { loadSampleListings, refreshBoards } from './actions';

const PRIMARY = 'rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60';
const SECONDARY = 'rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60';

/**
 * "Refresh boards now" and, while nothing is listed, "Load sample listings": each shown only
 * when the policy lets this actor use it (the actions check again on the server).
 */
export function RefreshButtons({ actor, hasListings, running = false, align = 'end' }: { actor: Actor; hasListings: boolean; running?: boolean; align?: 'start' | 'end' }) {
  const samples = !hasListings && can(actor, 'boards.loadSamples');
  const refresh = can(actor, 'boards.refresh');
  if (!samples && !refresh) return null;
  return (
    <div className={align === 'start' ? 'flex flex-wrap items-start gap-2' : 'flex items-start gap-2'}>
      {samples ? <ActionButton action={loadSampleListings} label="Load sample listings" pendingLabel="Starting…" align={align} className={SECONDARY} /> : null}
      {refresh ? (
        <ActionButton
          action={refreshBoards}
          label={running ? 'Refreshing…' : 'Refresh boards now'}
          pendingLabel="Starting…"
          disabled={running}
          align={align}
          className={PRIMARY}
        />
      ) : null}
    </div>
  );
}
