// The site's colours as the installed app and the browser chrome need them (plain hex: the
// manifest and <meta name="theme-color"> cannot read CSS variables). They are app/globals.css's
// --color-brand-700 (the "t/" mark in the header) and Tailwind's slate-50 (the page background).
export const THEME_COLOR = '#047857';
export const BACKGROUND_COLOR = '#f8fafc';

export const DESCRIPTION = 'Backend jobs from niche boards, your applications and your learning hours, in one place.';

/** The app icons the manifest lists; scripts/make-icons.ts writes these files under public/. */
export const APP_ICONS = [
  { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
] as const;
