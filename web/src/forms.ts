import type { CombinedError } from 'urql';

/** Problems per field ('' for the form as a whole); empty when the form may be sent. */
export type FieldErrors<F extends string> = Partial<Record<F | '', string>>;

/** Ids typed as a list: split on commas, spaces and new lines, blanks dropped. */
export const idList = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const ID = /^[A-Za-z0-9_.:-]+$/;
/** The first id that is not one (an id has letters, digits, - _ . :), or a repeated one. */
export const badId = (ids: readonly string[]) => ids.find((id, i) => !ID.test(id) || ids.indexOf(id) !== i);

/** `<input type=datetime-local>` speaks Korea time (the console's zone): the instant it means. */
export const kstInstant = (local: string) => (local ? `${local.length === 16 ? `${local}:00` : local}+09:00` : '');

/** What is wrong with the moment something already happened (a translation key), or null: it must be given and past. */
export const pastMomentProblem = (local: string, now: Date): 'forms.required' | 'forms.pastOnly' | null => {
  const at = Date.parse(kstInstant(local));
  if (!local || Number.isNaN(at)) return 'forms.required';
  return at > now.getTime() ? 'forms.pastOnly' : null;
};

/**
 * Which field a server refusal is about, so it is shown next to that field: a message that starts
 * with a field's name ("headCount: cannot be negative"), names a field, or names a value typed in
 * one (NOT_FOUND "No employee E404"). Otherwise the form's own ('').
 */
export const fieldOfMessage = <F extends string>(message: string, values: Record<F, string>): F | '' => {
  const fields = Object.keys(values) as F[];
  const lead = /^([A-Za-z]+)[.\d[\]]*[.:]/.exec(message)?.[1];
  const byLead = fields.find((f) => f === lead);
  if (byLead) return byLead;
  const byName = fields.find((f) => new RegExp(`\\b${f}\\b`).test(message));
  if (byName) return byName;
  const words = new Set(message.split(/[^A-Za-z0-9_.:-]+/).filter((w) => w.length >= 2));
  return fields.find((f) => idList(values[f]).some((v) => words.has(v))) ?? '';
};

/** The server's refusal, placed next to its field. */
export const serverErrors = <F extends string>(error: CombinedError, values: Record<F, string>): FieldErrors<F> => {
  const errors: FieldErrors<F> = {};
  const messages = error.graphQLErrors.length ? error.graphQLErrors.map((g) => g.message) : [error.message];
  for (const message of messages) {
    const field = fieldOfMessage(message, values);
    errors[field] = errors[field] ? `${errors[field]}; ${message}` : message;
  }
  return errors;
};
