'use client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">
        The page could not be loaded. If the database is restarting, trying again in a moment usually works.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-slate-400">ref {error.digest}</p> : null}
      <button onClick={reset} className="mt-6 rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white">
        Try again
      </button>
    </div>
  );
}
