import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { serverErrors, type FieldErrors } from './forms';

/** What a form needs to record something: its empty state, its checks, how to send it and what to say once done. */
export interface RecordFormSpec<Form, F extends string, Data, Done> {
  empty: Form;
  /** Problems found before sending (translated); none: send. */
  check: (form: Form) => FieldErrors<F>;
  /** The mutation, with a fresh commandId (so a retried click records once). */
  send: (form: Form, commandId: string) => Promise<{ data?: Data | null; error?: CombinedError }>;
  /** The form's fields as text, to place a server refusal next to the field it names. */
  values: (form: Form) => Record<F, string>;
  /** What the success message shows. */
  done: (data: Data, form: Form) => Done;
}

/**
 * The submit flow every record form shares: check here first, send, show the server's refusal next
 * to its field (a refused command records nothing), and on success say so and start again empty.
 */
export const useRecordForm = <Form, F extends string, Data, Done>(spec: RecordFormSpec<Form, F, Data, Done>) => {
  const { t } = useTranslation();
  const [form, setForm] = useState(spec.empty);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [done, setDone] = useState<Done | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const found = spec.check(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    const r = await spec.send(form, crypto.randomUUID());
    if (r.error || !r.data) {
      const failed: FieldErrors<F> = {};
      failed[''] = t('forms.failed');
      setErrors(r.error ? serverErrors<F>(r.error, spec.values(form)) : failed);
      return;
    }
    setDone(spec.done(r.data, form));
    setForm(spec.empty);
  };

  return { form, setForm, errors, done, submit: (event: FormEvent<HTMLFormElement>) => void submit(event) };
};
