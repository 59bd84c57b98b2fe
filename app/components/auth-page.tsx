import { redirect } from 'next/navigation';
import { githubSignInEnabled } from '@/lib/auth/next-auth';
import { safeNextPath } from '@/lib/auth/next-path';
import { currentUser } from '@/lib/auth/session';
import { signInWithGitHub, signInWithPassword, signUpWithPassword } from '../auth-actions';
import { AuthForm } from './auth-form';
import { Card } from './ui';

type SearchParams = Record<string, string | string[] | undefined>;

const COPY = {
  signin: { title: 'Sign in', lead: 'Your applications, learning hours and saved jobs are waiting.' },
  signup: { title: 'Create your account', lead: 'Track backend job applications beside the hours you spend learning and building.' },
} as const;

/** /signin and /signup: the same frame around the email + password form. */
export async function AuthPage({ mode, searchParams }: { mode: 'signin' | 'signup'; searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  // Empty when the visitor came straight here: sign-in then goes home, sign-up to settings.
  const next = safeNextPath(Array.isArray(params.next) ? params.next[0] : params.next, '');
  if (await currentUser()) redirect(next || '/');
  const oauthError = params.error ? 'Sign-in with that provider did not complete. Try again or use your email.' : null;
  return (
    <div className="mx-auto grid max-w-md gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{COPY[mode].title}</h1>
        <p className="mt-1 text-slate-600">{COPY[mode].lead}</p>
      </div>
      <Card>
        {oauthError ? (
          <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-700">
            {oauthError}
          </p>
        ) : null}
        <AuthForm mode={mode} next={next} action={mode === 'signup' ? signUpWithPassword : signInWithPassword} />
        {githubSignInEnabled() ? (
          <form action={signInWithGitHub} className="mt-4 border-t border-slate-200 pt-4">
            <input type="hidden" name="next" value={next} />
            <button type="submit" className="w-full rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50">
              Continue with GitHub
            </button>
          </form>
        ) : null}
      </Card>
    </div>
  );
}
