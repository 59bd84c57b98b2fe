import Link from 'next/link';
import { currentUser } from '@/lib/auth/session';
import { signOutAction } from '../auth-actions';

/** Header corner: who is signed in, their settings and sign-out; or the way in. */
export async function UserMenu() {
  const user = await currentUser();
  if (!user) {
    return (
      <div className="flex items-center gap-2 text-sm">
        <Link href="/signin" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
          Sign in
        </Link>
        <Link href="/signup" className="rounded-md bg-brand-700 px-3 py-2 font-medium text-white hover:bg-brand-800">
          Sign up
        </Link>
      </div>
    );
  }
  return (
    <div className="flex items-center gap-1 text-sm">
      <span className="hidden max-w-48 truncate px-2 text-slate-500 md:inline" title={user.email ?? undefined}>
        {user.email ?? user.name}
      </span>
      <Link href="/settings" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
        Settings
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
          Sign out
        </button>
      </form>
    </div>
  );
}
