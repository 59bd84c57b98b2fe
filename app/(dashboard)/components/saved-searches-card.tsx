import Link from 'next/link';
import { SavedSearchList, type SavedSearchItem } from '../../jobs/saved-searches-panel';
import { Card } from '../../components/ui';

/** The dashboard's view of the saved searches: what is new in each since the user last looked. */
export function SavedSearchesCard({ items }: { items: SavedSearchItem[] }) {
  const fresh = items.reduce((sum, item) => sum + item.newCount, 0);
  return (
    <Card title="Saved searches">
      <p className="mb-3 text-sm text-slate-600">
        {fresh ? `${fresh.toLocaleString('en')} new job${fresh === 1 ? '' : 's'} across your saved searches.` : 'Nothing new in your saved searches since you last looked.'}{' '}
        <Link href="/jobs" className="text-brand-700 underline">
          Save another on Jobs
        </Link>
      </p>
      <SavedSearchList items={items} />
    </Card>
  );
}
