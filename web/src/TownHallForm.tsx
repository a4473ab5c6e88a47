import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { badId, idList, kstInstant, pastMomentProblem, type FieldErrors } from './forms';
import type { TownHallFormat } from './gql/graphql';
import { OrgUnitsQuery, RecordTownHallMutation } from './operations';
import { seoulDateTime } from './time';
import { useRecordForm } from './useRecordForm';

const FORMATS: TownHallFormat[] = ['TALK_CONCERT', 'CHIMAEK', 'LECTURE', 'OTHER'];
type Field = 'heldAt' | 'format' | 'theme' | 'venue' | 'presenterIds' | 'attendees' | 'headCounts';
interface HeadCountRow {
  orgUnitId: string;
  headCount: string;
}
const EMPTY = {
  heldAt: '',
  format: 'TALK_CONCERT' as TownHallFormat,
  theme: '',
  venue: '',
  presenterIds: 'CEO',
  mode: 'names' as 'names' | 'count',
  attendees: '',
  headCounts: [{ orgUnitId: '', headCount: '' }] as HeadCountRow[],
};

/** A field's problem, tied to it for screen readers (aria-describedby points here). */
export const FieldError = ({ id, children }: { id: string; children: ReactNode }) =>
  children ? (
    <span id={id} className="field-error" role="alert">
      {children}
    </span>
  ) : null;

/**
 * Record a town hall that already took place (history, not scheduling): who presented, and who
 * came — by name, or as a head count per org unit where names were not taken. Checked here before
 * sending; the server's refusal is shown next to its field, and a refused one records nothing.
 */
export const TownHallForm = ({ now = () => new Date() }: { now?: () => Date }) => {
  const { t } = useTranslation();
  const [{ data: units }] = useQuery({ query: OrgUnitsQuery, variables: {} });
  const [state, record] = useMutation(RecordTownHallMutation);
  const max = seoulDateTime(now()).replace(' ', 'T');

  const check = (form: typeof EMPTY): FieldErrors<Field> => {
    const e: FieldErrors<Field> = {};
    const when = pastMomentProblem(form.heldAt, now());
    if (when) e.heldAt = t(when);
    if (!form.theme.trim()) e.theme = t('forms.required');
    if (!form.venue.trim()) e.venue = t('forms.required');
    const presenters = idList(form.presenterIds);
    if (presenters.length === 0) e.presenterIds = t('forms.required');
    else if (badId(presenters)) e.presenterIds = t('forms.badId', { id: badId(presenters) });
    if (form.mode === 'names') {
      const people = idList(form.attendees);
      if (people.length === 0) e.attendees = t('forms.required');
      else if (badId(people)) e.attendees = t('forms.badId', { id: badId(people) });
    } else {
      const rows = form.headCounts;
      const chosen = rows.map((r) => r.orgUnitId);
      if (rows.some((r) => !r.orgUnitId)) e.headCounts = t('forms.chooseUnit');
      else if (chosen.some((u, i) => chosen.indexOf(u) !== i)) e.headCounts = t('forms.unitTwice');
      else if (rows.some((r) => !/^\d+$/.test(r.headCount.trim()))) e.headCounts = t('forms.count');
    }
    return e;
  };

  const { form, setForm, errors, done, submit } = useRecordForm({
    empty: EMPTY,
    check,
    send: (form, commandId) => {
      const scheduledAt = kstInstant(form.heldAt);
      return record({
        input: {
          scheduledAt,
          format: form.format,
          theme: form.theme.trim(),
          venue: form.venue.trim(),
          presenterIds: idList(form.presenterIds),
          ...(form.mode === 'names'
            ? { attendance: idList(form.attendees).map((employeeId) => ({ employeeId })) }
            : { headCounts: form.headCounts.map((h) => ({ orgUnitId: h.orgUnitId, headCount: Number(h.headCount) })) }),
        },
        commandId,
        // What already happened is history: recorded as of when it took place.
        occurredAt: scheduledAt,
      });
    },
    values: (form) => ({
      heldAt: form.heldAt,
      format: form.format,
      theme: form.theme,
      venue: form.venue,
      presenterIds: form.presenterIds,
      attendees: form.attendees,
      headCounts: form.headCounts.map((h) => `${h.orgUnitId} ${h.headCount}`).join(' '),
    }),
    done: (data) => ({ id: data.recordTownHall.id, theme: data.recordTownHall.theme }),
  });
  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));

  const described = (f: Field) => (errors[f] ? { 'aria-invalid': true as const, 'aria-describedby': `th-${f}-error` } : {});
  return (
    <section aria-labelledby="record-town-hall">
      <h2 id="record-town-hall">{t('townHall.record')}</h2>
      <p className="hint">{t('townHall.recordHint')}</p>
      <form onSubmit={submit} aria-labelledby="record-town-hall" noValidate>
        <label>
          {t('townHall.heldAt')}{' '}
          <input
            name="heldAt"
            type="datetime-local"
            max={max}
            value={form.heldAt}
            onChange={(e) => set({ heldAt: e.target.value })}
            {...described('heldAt')}
          />
        </label>
        <FieldError id="th-heldAt-error">{errors.heldAt}</FieldError>
        <label>
          {t('other.format')}
          <select name="format" value={form.format} onChange={(e) => set({ format: e.target.value as TownHallFormat })}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`other.formats.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('other.theme')}{' '}
          <input name="theme" value={form.theme} onChange={(e) => set({ theme: e.target.value })} {...described('theme')} />
        </label>
        <FieldError id="th-theme-error">{errors.theme}</FieldError>
        <label>
          {t('channels.venue')}{' '}
          <input name="venue" value={form.venue} onChange={(e) => set({ venue: e.target.value })} {...described('venue')} />
        </label>
        <FieldError id="th-venue-error">{errors.venue}</FieldError>
        <label>
          {t('townHall.presenterIds')}{' '}
          <input
            name="presenterIds"
            value={form.presenterIds}
            onChange={(e) => set({ presenterIds: e.target.value })}
            {...described('presenterIds')}
          />
        </label>
        <FieldError id="th-presenterIds-error">{errors.presenterIds}</FieldError>
        <fieldset>
          <legend>{t('townHall.whoCame')}</legend>
          <label>
            <input type="radio" name="mode" value="names" checked={form.mode === 'names'} onChange={() => set({ mode: 'names' })} />{' '}
            {t('townHall.byName')}
          </label>
          <label>
            <input type="radio" name="mode" value="count" checked={form.mode === 'count'} onChange={() => set({ mode: 'count' })} />{' '}
            {t('townHall.byCount')}
          </label>
        </fieldset>
        {form.mode === 'names' ? (
          <>
            <label>
              {t('townHall.attendees')}{' '}
              <textarea
                name="attendees"
                rows={3}
                value={form.attendees}
                onChange={(e) => set({ attendees: e.target.value })}
                {...described('attendees')}
              />
            </label>
            <FieldError id="th-attendees-error">{errors.attendees}</FieldError>
          </>
        ) : (
          <div role="group" aria-label={t('townHall.headCounts')} {...described('headCounts')}>
            {form.headCounts.map((row, i) => (
              <div key={i} className="row">
                <label>
                  {t('channels.orgUnit')}
                  <select
                    value={row.orgUnitId}
                    onChange={(e) =>
                      set({ headCounts: form.headCounts.map((h, j) => (j === i ? { ...h, orgUnitId: e.target.value } : h)) })
                    }
                  >
                    <option value="">—</option>
                    {(units?.orgUnits ?? []).map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('townHall.headCount')}{' '}
                  <input
                    type="number"
                    min={0}
                    inputMode="numeric"
                    value={row.headCount}
                    onChange={(e) =>
                      set({ headCounts: form.headCounts.map((h, j) => (j === i ? { ...h, headCount: e.target.value } : h)) })
                    }
                  />
                </label>
              </div>
            ))}
            <button type="button" onClick={() => set({ headCounts: [...form.headCounts, { orgUnitId: '', headCount: '' }] })}>
              {t('townHall.addUnit')}
            </button>
            <FieldError id="th-headCounts-error">{errors.headCounts}</FieldError>
          </div>
        )}
        <button type="submit" disabled={state.fetching}>
          {state.fetching ? t('forms.sending') : t('townHall.recordSubmit')}
        </button>
        <FieldError id="th-form-error">{errors['']}</FieldError>
      </form>
      {done && (
        <p role="status" className="ok">
          {t('townHall.recorded', { theme: done.theme })}{' '}
          <Link to={`/channels/town-halls/${encodeURIComponent(done.id)}`}>{t('townHall.open')}</Link>
        </p>
      )}
    </section>
  );
};
