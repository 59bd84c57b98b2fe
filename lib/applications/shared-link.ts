// What the bookmarklet and a phone's share sheet hand to /applications/save?url=&title=&text=.
// Android often puts the shared link inside `text` and leaves `url` empty.

const LINK = /https?:\/\/[^\s<>"'`]+/i;
const MAX = { url: 2000, title: 300, text: 2000 } as const;

export interface SharedJob {
  url: string;
  title: string;
  /** The selected or shared text, without the link it carried: it becomes the note. */
  note: string;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';
const isHttp = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** The link to read (the `url` parameter, else the first http(s) link in `text`, else in `title`), the title and the note. */
export function readSharedJob(params: Record<string, string | string[] | undefined>): SharedJob {
  const url = first(params.url).trim().slice(0, MAX.url);
  const title = first(params.title).trim().slice(0, MAX.title);
  const text = first(params.text).trim().slice(0, MAX.text);
  if (isHttp(url)) return { url, title, note: text };
  const fromText = LINK.exec(text)?.[0];
  if (fromText) return { url: fromText.replace(/[).,;!?]+$/, ''), title, note: text.replace(fromText, ' ').replace(/\s+/g, ' ').trim() };
  const fromTitle = LINK.exec(title)?.[0];
  return { url: fromTitle?.replace(/[).,;!?]+$/, '') ?? '', title: fromTitle ? title.replace(fromTitle, '').trim() : title, note: text };
}

/** /applications/save with exactly the parameters it was opened with, for the sign-in return. */
export function savePagePath(params: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const name of ['url', 'title', 'text'] as const) {
    const value = first(params[name]);
    if (value) query.set(name, value.slice(0, MAX[name] * 2));
  }
  const search = query.toString();
  return `/applications/save${search ? `?${search}` : ''}`;
}

/** The bookmarklet: opens the save page on the current tab's link, title and selected text. */
export function bookmarkletCode(origin: string): string {
  const target = JSON.stringify(`${origin}/applications/save`);
  return (
    'javascript:(function(){' +
    "var s=String(window.getSelection?window.getSelection():'').slice(0,2000);" +
    `window.open(${target}+'?url='+encodeURIComponent(location.href)+'&title='+encodeURIComponent(document.title)+'&text='+encodeURIComponent(s),'_blank');` +
    '})();'
  );
}
