import type { Metadata } from 'next';
import { AuthPage } from '../components/auth-page';

export const metadata: Metadata = { title: 'Create your account' };
export const dynamic = 'force-dynamic';

export default function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <AuthPage mode="signup" searchParams={searchParams} />;
}
