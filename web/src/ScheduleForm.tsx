import { useTranslation } from 'react-i18next';
import { LeaderOptions } from './components/LeaderOptions';
import { useMutation, useQuery } from 'urql';
import { kstInstant, type FieldErrors } from './forms';
import { LeadersQuery, ScheduleCafeSessionMutation } from './operations';
import { seoulDateTime } from './time';
import { FieldError } from './TownHallForm';
import { useRecordForm } from './useRecordForm';

type Field = 'scheduledAt' | 'venue' | 'hostId' | 'capacity';
const EMPTY: Record<Field, string> = { scheduledAt: '', venue: '', hostId: 'CEO', capacity: '10' };

/** Schedule a café session (in the future: recording a past one is another form). The server's message is shown as it is. */
export const ScheduleForm = ({ now = () => new Date() }: { now?: () => Date }) => {
  const { t } = useTranslation();
  const [{ data: leaders }] = useQuery({ query: LeadersQuery });
  const [result, schedule] = useMutation(ScheduleCafeSessionMutation);
  // The earliest a session can start, in Korea time, for the picker's min.
  const min = seoulDateTime(now()).replace(' ', 'T');

  const check = (form: typeof EMPTY): FieldErrors<Field> => {
    const e: FieldErrors<Field> = {};
    if (!form.scheduledAt) e.scheduledAt = t('forms.required');
    // <input type=datetime-local> has no zone: the console speaks Korea time (KST, +09:00).
    else if (new Date(kstInstant(form.scheduledAt)) <= now()) e.scheduledAt = t('channels.futureOnly');
    if (!form.venue.trim()) e.venue = t('forms.required');
    // The server takes 1 to 100 seats, whole: say so here, in the console's language, before sending.
    if (form.capacity !== '' && !/^(100|[1-9]\d?)$/.test(form.capacity.trim())) e.capacity = t('forms.capacity');
    return e;
  };

  const { form, setForm, errors, done, submit } = useRecordForm({
    empty: EMPTY,
    check,
    send: (form, commandId) =>
      schedule(
        {
          input: {
            scheduledAt: kstInstant(form.scheduledAt),
            venue: form.venue.trim(),
            hostIds: [form.hostId],
            capacity: Number(form.capacity || 10),
          },
          commandId,
        },
        { additionalTypenames: ['CafeSession', 'CafeSessionConnection'] },
      ),
    values: (form) => form,
    done: (data) => data.scheduleCafeSession.venue,
  });
  const bind = (f: Field) => ({
    name: f,
    value: form[f],
    onChange: (e: { target: { value: string } }) => setForm((v) => ({ ...v, [f]: e.target.value })),
    ...(errors[f] ? { 'aria-invalid': true as const, 'aria-describedby': `cs-${f}-error` } : {}),
  });

  return (
    <section aria-labelledby="schedule">
      <h2 id="schedule">{t('channels.schedule')}</h2>
      <form onSubmit={submit} aria-labelledby="schedule" noValidate>
        <label>
          {t('channels.when')} <input type="datetime-local" min={min} required {...bind('scheduledAt')} />
        </label>
        <FieldError id="cs-scheduledAt-error">{errors.scheduledAt}</FieldError>
        <label>
          {t('channels.venue')} <input placeholder="Café Bene, Yeouido" required {...bind('venue')} />
        </label>
        <FieldError id="cs-venue-error">{errors.venue}</FieldError>
        <label>
          {t('channels.host')}
          <select required {...bind('hostId')}>
            <LeaderOptions leaders={leaders} />
          </select>
        </label>
        <FieldError id="cs-hostId-error">{errors.hostId}</FieldError>
        <label>
          {t('channels.capacity')} <input type="number" min={1} max={100} required {...bind('capacity')} />
        </label>
        <FieldError id="cs-capacity-error">{errors.capacity}</FieldError>
        {/* Not before the hosts are there: a session without a host would only come back refused. */}
        <button type="submit" disabled={result.fetching || !leaders}>
          {result.fetching ? t('channels.scheduling') : t('channels.scheduleSubmit')}
        </button>
        <FieldError id="cs-form-error">{errors['']}</FieldError>
      </form>
      {done && (
        <p role="status" className="ok">
          {t('channels.scheduled', { venue: done })}
        </p>
      )}
    </section>
  );
};
