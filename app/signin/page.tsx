import type { Metadata } from 'next';
import { AuthPage } from '../components/auth-page';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <AuthPage mode="signin" searchParams={searchParams} />;
}
