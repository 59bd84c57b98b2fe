'use client';

import { useActionState, useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import type { ActionOutcome } from '@/app/action-failure';

/**
 * A server action behind onSubmit instead of <form action>: React resets a form after an
 * action prop runs, which would wipe what the user typed when the server answers with field
 * errors. Here the form keeps its values on error and is reset only on success (when asked).
 */
export function useFormAction(action: (previous: ActionOutcome, formData: FormData) => Promise<ActionOutcome>, options: { resetOnSuccess?: boolean } = {}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState<ActionOutcome, FormData>(async (previous, formData) => {
    const next = await action(previous, formData);
    if (next.ok && options.resetOnSuccess) formRef.current?.reset();
    return next;
  }, {});
  const [, startTransition] = useTransition();
  // Until React has hydrated, submitting would be a plain GET that loses the input: keep the
  // submit buttons disabled until then (a fraction of a second on a normal load).
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return { state, pending, ready, onSubmit, formRef };
}
