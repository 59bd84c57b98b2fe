'use client';

import { useActionState } from 'react';
import { saveDetails, type ActionState } from '../actions';
import { Field } from '../add-form';
import { FormFooter } from '@/app/components/form-footer';
import { APPLICATION_SOURCES, SOURCE_LABEL } from '@/lib/applications/statuses';

const inputClass = 'rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-500';

export interface DetailsValues {
  id: string;
  company: string;
  title: string;
  url: string;
  notes: string;
  contact: string;
  salaryDiscussed: string;
  resumeLink: string;
  source: string;
  location: string;
  contactEmail: string;
  appliedAt: string;
  nextFollowUpAt: string;
}

export function DetailsForm({ values }: { values: DetailsValues }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveDetails, {});
  const error = (name: string) => state.fields?.[name];
  // React resets a form after its action: show what was sent (saved or not), else the stored value.
  const value = (name: keyof DetailsValues) => state.values?.[name] ?? values[name];
  const invalid = (name: string) => ({ 'aria-invalid': Boolean(error(name)), 'aria-describedby': error(name) ? `${name}-error` : undefined });
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2" noValidate aria-label="Application details" key={JSON.stringify(state.values ?? values)}>
      <input type="hidden" name="id" value={values.id} />
      <Field name="company" label="Company" error={error('company')}>
        <input name="company" defaultValue={value('company')} className={inputClass} {...invalid('company')} />
      </Field>
      <Field name="title" label="Job title" error={error('title')}>
        <input name="title" defaultValue={value('title')} className={inputClass} {...invalid('title')} />
      </Field>
      <Field name="url" label="Link to the posting" error={error('url')}>
        <input name="url" type="url" defaultValue={value('url')} className={inputClass} {...invalid('url')} />
      </Field>
      <Field name="contact" label="Contact" error={error('contact')}>
        <input name="contact" defaultValue={value('contact')} placeholder="Recruiter name, email" className={inputClass} {...invalid('contact')} />
      </Field>
      <Field name="contactEmail" label="Contact email" error={error('contactEmail')}>
        <input name="contactEmail" type="email" defaultValue={value('contactEmail')} placeholder="jane@company.example" className={inputClass} {...invalid('contactEmail')} />
      </Field>
      <Field name="source" label="Where you found it" error={error('source')}>
        <select name="source" defaultValue={value('source')} className={`${inputClass} bg-white`} {...invalid('source')}>
          <option value="">Not recorded</option>
          {APPLICATION_SOURCES.map((s) => (
            <option key={s} value={s}>
              {SOURCE_LABEL[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="location" label="Location" error={error('location')}>
        <input name="location" defaultValue={value('location')} placeholder="Remote (EU), Berlin" className={inputClass} {...invalid('location')} />
      </Field>
      <Field name="salaryDiscussed" label="Salary discussed" error={error('salaryDiscussed')}>
        <input name="salaryDiscussed" defaultValue={value('salaryDiscussed')} placeholder="€65–75k" className={inputClass} {...invalid('salaryDiscussed')} />
      </Field>
      <Field name="resumeLink" label="Resume / portfolio used" error={error('resumeLink')}>
        <input name="resumeLink" defaultValue={value('resumeLink')} placeholder="Link or file name" className={inputClass} {...invalid('resumeLink')} />
      </Field>
      <Field name="appliedAt" label="Date applied" error={error('appliedAt')}>
        <input name="appliedAt" type="date" defaultValue={value('appliedAt')} className={inputClass} {...invalid('appliedAt')} />
      </Field>
      <Field name="nextFollowUpAt" label="Follow up on" error={error('nextFollowUpAt')}>
        <input name="nextFollowUpAt" type="date" defaultValue={value('nextFollowUpAt')} className={inputClass} {...invalid('nextFollowUpAt')} />
      </Field>
      <div className="sm:col-span-2">
        <Field name="notes" label="Notes" error={error('notes')}>
          <textarea name="notes" rows={5} defaultValue={value('notes')} className={inputClass} {...invalid('notes')} />
        </Field>
      </div>
      <FormFooter label="Save details" pending={pending} state={state} className="sm:col-span-2" />
    </form>
  );
}
