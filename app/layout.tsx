import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { DESCRIPTION, THEME_COLOR } from './brand';
import { NavLinks } from './components/nav-links';
import { SiteMenu } from './components/site-menu';
import { UserMenu } from './components/user-menu';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'trackend', template: '%s · trackend' },
  description: DESCRIPTION,
  // The manifest, icon.svg, favicon.ico and apple-icon.png beside this file are linked by Next.
  appleWebApp: { title: 'trackend', capable: true, statusBarStyle: 'default' },
};

export const viewport: Viewport = { themeColor: THEME_COLOR, width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-3 px-4 py-3 lg:flex-nowrap">
            <Link href="/" className="flex shrink-0 items-center gap-2 text-lg font-semibold tracking-tight">
              <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-700 font-mono text-sm text-white">
                t/
              </span>
              trackend
            </Link>
            <SiteMenu>
              <NavLinks />
              <div className="border-t border-slate-200 pt-2 lg:border-0 lg:pt-0">
                <UserMenu />
              </div>
            </SiteMenu>
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
