import type { MetadataRoute } from 'next';
import { APP_ICONS, BACKGROUND_COLOR, DESCRIPTION, THEME_COLOR } from './brand';

// /manifest.webmanifest: makes trackend installable, and registers it as a share target, so
// "Share → trackend" from any app on a phone opens the prefilled save page with the link (an
// app that shares text with a link in it and no url is handled there too).
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'trackend',
    short_name: 'trackend',
    description: DESCRIPTION,
    start_url: '/jobs',
    scope: '/',
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: APP_ICONS.map((icon) => ({ ...icon })),
    share_target: {
      action: '/applications/save',
      method: 'GET',
      // GET sends no body, but Chromium reports a share target without an enctype as an error.
      enctype: 'application/x-www-form-urlencoded',
      params: { url: 'url', title: 'title', text: 'text' },
    },
  };
}
