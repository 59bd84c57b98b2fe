import Link from 'next/link';

/** What a signed-out visitor sees above the jobs overview: the idea, and a way in. */
export function Landing() {
  return (
    <section aria-labelledby="landing-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 id="landing-heading" className="text-3xl font-semibold tracking-tight">
        Your backend job search
      </h1>
      <p className="mt-2 max-w-2xl text-slate-600">
        Pick a specialisation, apply only to jobs in that niche for about an hour a day, and keep learning and building the rest of
        your free time. trackend pulls listings from niche boards and keeps the balance visible.
      </p>
      <ul className="mt-4 grid gap-2 text-sm text-slate-700 sm:grid-cols-3">
        <li className="rounded-lg bg-slate-50 p-3">
          <strong className="block">Jobs in your niche</strong>Backend listings from niche boards, filtered by your language.
        </li>
        <li className="rounded-lg bg-slate-50 p-3">
          <strong className="block">Applications</strong>Every application and follow-up in one pipeline.
        </li>
        <li className="rounded-lg bg-slate-50 p-3">
          <strong className="block">The balance</strong>A timer for applying, learning and building, and a dashboard that says when applying eats the
          day.
        </li>
      </ul>
      <div className="mt-5 flex flex-wrap gap-3">
        <Link href="/signup" className="rounded-md bg-slate-900 px-5 py-2.5 text-sm font-medium text-white">
          Create a free account
        </Link>
        <Link href="/signin" className="rounded-md border border-slate-300 px-5 py-2.5 text-sm font-medium text-slate-700">
          Sign in
        </Link>
        <Link href="/jobs" className="px-2 py-2.5 text-sm font-medium text-brand-700 underline">
          Browse jobs first
        </Link>
      </div>
    </section>
  );
}
