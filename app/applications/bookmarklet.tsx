'use client';

import { useEffect, useRef } from 'react';

/**
 * "Save to trackend", to drag to the bookmarks bar. React refuses javascript: hrefs, so the
 * code is set on the element after mount. Clicked here it would only meet this site's CSP
 * (which blocks javascript: URLs), so a click explains instead.
 */
export function Bookmarklet({ code }: { code: string }) {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    link.current?.setAttribute('href', code);
  }, [code]);
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
      <a
        ref={link}
        href="#save-to-trackend"
        onClick={(event) => event.preventDefault()}
        className="cursor-grab rounded-md border border-dashed border-brand-700 bg-brand-50 px-3 py-1.5 font-medium text-brand-700"
        title="Drag me to your bookmarks bar"
      >
        Save to trackend
      </a>
      <span>Drag this to your bookmarks bar; on any job page, click it to save that job here (select text first to keep it as a note).</span>
    </p>
  );
}
