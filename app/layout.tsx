import type { Metadata } from 'next';
import Link from 'next/link';
import { NavLinks } from './components/nav-links';
import { UserMenu } from './components/user-menu';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'trackend', template: '%s · trackend' },
  description: 'Backend jobs from niche boards, your applications and your learning hours, in one place.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
              <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-700 font-mono text-sm text-white">
                t/
              </span>
              trackend
            </Link>
            <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-4">
              <NavLinks />
              <UserMenu />
            </div>
          </div>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
        <footer className="mx-auto max-w-6xl px-4 pb-10 text-xs text-slate-500">
          Specialise, apply for an hour a day, keep building. Listings link back to the boards they came from.
        </footer>
      </body>
    </html>
  );
}
