import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { LeadersQuery, ScheduleCafeSessionMutation } from './operations';
import { seoulDateTime } from './time';

/** Schedule a café session (in the future: recording a past one is another form). The server's message is shown as it is. */
export const ScheduleForm = () => {
  const { t } = useTranslation();
  const [{ data: leaders }] = useQuery({ query: LeadersQuery });
  const [result, schedule] = useMutation(ScheduleCafeSessionMutation);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // The earliest a session can start, in Korea time, for the picker's min.
  const min = seoulDateTime(new Date()).replace(' ', 'T');

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const local = String(form.get('scheduledAt') ?? '');
    // <input type=datetime-local> has no zone: the console speaks Korea time (KST, +09:00).
    const scheduledAt = local ? `${local.length === 16 ? `${local}:00` : local}+09:00` : '';
    if (new Date(scheduledAt) <= new Date()) {
      setMessage({ kind: 'error', text: t('channels.futureOnly') });
      return;
    }
    const outcome = await schedule(
      {
        input: {
          scheduledAt,
          venue: String(form.get('venue') ?? ''),
          hostIds: [String(form.get('hostId') ?? '')],
          capacity: Number(form.get('capacity') ?? 10),
        },
        commandId: crypto.randomUUID(),
      },
      { additionalTypenames: ['CafeSession', 'CafeSessionConnection'] },
    );
    if (outcome.error || !outcome.data) {
      setMessage({ kind: 'error', text: outcome.error?.graphQLErrors.map((g) => g.message).join('; ') || outcome.error?.message || '' });
    } else {
      setMessage({ kind: 'ok', text: t('channels.scheduled', { venue: outcome.data.scheduleCafeSession.venue }) });
      formEl.reset();
    }
  };

  return (
    <section aria-labelledby="schedule">
      <h2 id="schedule">{t('channels.schedule')}</h2>
      <form onSubmit={submit} aria-labelledby="schedule">
        <label>
          {t('channels.when')} <input name="scheduledAt" type="datetime-local" min={min} required />
        </label>
        <label>
          {t('channels.venue')} <input name="venue" placeholder="Café Bene, Yeouido" required />
        </label>
        <label>
          {t('channels.host')}
          {/* Remounted once the leaders arrive, so the CEO is preselected. */}
          <select name="hostId" required defaultValue="CEO" key={leaders ? 'leaders' : 'loading'}>
            {(leaders?.employees.edges ?? []).map(({ node: l }) => (
              <option key={l.id} value={l.id}>
                {l.name}
                {l.title ? ` (${l.title})` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('channels.capacity')} <input name="capacity" type="number" min={1} max={100} defaultValue={10} required />
        </label>
        {/* Not before the hosts are there: a session without a host would only come back refused. */}
        <button type="submit" disabled={result.fetching || !leaders}>
          {result.fetching ? t('channels.scheduling') : t('channels.scheduleSubmit')}
        </button>
      </form>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
    </section>
  );
};
