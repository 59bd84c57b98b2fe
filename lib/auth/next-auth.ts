import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import { getDb } from '@/db/client';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { env } from '../env';
import { authenticate } from './accounts';
import { clientIp } from './client-ip';
import { authSecret } from './secret';
import { createServerSession, endServerSession, SESSION_MAX_AGE_S } from './server-sessions';

declare module 'next-auth' {
  interface Session {
    /** The server-side session row this cookie stands for (lib/auth/server-sessions.ts). */
    sessionId?: string;
  }
}

/** Thrown from authorize so the sign-in form can say "too many attempts" instead of "wrong password". */
class RateLimitedSignIn extends CredentialsSignin {
  code = 'rate_limited';
}

// Sessions are JWT cookies (Credentials sign-in requires it), signed with a secret that
// outlives restarts. GitHub sign-in appears only when both of its variables are set; the
// adapter then keeps GitHub users and their linked accounts in our users/accounts tables.
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  const { AUTH_GITHUB_ID, AUTH_GITHUB_SECRET } = env();
  const github = AUTH_GITHUB_ID && AUTH_GITHUB_SECRET ? GitHub({ clientId: AUTH_GITHUB_ID, clientSecret: AUTH_GITHUB_SECRET }) : null;
  return {
    secret: await authSecret(),
    trustHost: true,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/signin', error: '/signin' },
    adapter: github
      ? // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the cast picks DrizzleAdapter's PostgreSQL overload (tsc fails without it)
        DrizzleAdapter(db as Parameters<typeof DrizzleAdapter>[0], {
          usersTable: users,
          accountsTable: accounts,
          sessionsTable: sessions,
          verificationTokensTable: verificationTokens,
        } as Parameters<typeof DrizzleAdapter>[1])
      : undefined,
    providers: [
      Credentials({
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          const result = await authenticate(db, { email: credentials.email, password: credentials.password, ip: clientIp(request.headers) });
          if (result.ok) return result.user;
          if (result.reason === 'rate_limited') throw new RateLimitedSignIn();
          return null;
        },
      }),
      ...(github ? [github] : []),
    ],
    callbacks: {
      // A sign-in (user present) records a server-side session and names it in the token;
      // currentUser() honours the cookie only while that row exists.
      async jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sid = await createServerSession(db, user.id);
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        if (typeof token.sid === 'string') session.sessionId = token.sid;
        return session;
      },
    },
    events: {
      // Sign-out ends this session on the server too, not only in this browser.
      async signOut(message) {
        const sid = 'token' in message ? message.token?.sid : undefined;
        if (typeof sid === 'string') await endServerSession(db, sid);
      },
    },
  } satisfies NextAuthConfig;
});

export function githubSignInEnabled(): boolean {
  const { AUTH_GITHUB_ID, AUTH_GITHUB_SECRET } = env();
  return Boolean(AUTH_GITHUB_ID && AUTH_GITHUB_SECRET);
}
