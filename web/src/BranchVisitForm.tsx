import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { badId, idList, kstInstant, pastMomentProblem, type FieldErrors } from './forms';
import { CampaignsQuery, RecordBranchVisitMutation } from './operations';
import { seoulDateTime } from './time';
import { FieldError } from './TownHallForm';
import { useRecordForm } from './useRecordForm';

type Field = 'branchId' | 'visitedAt' | 'leaderIds' | 'purpose' | 'campaignId' | 'fcIds' | 'gift';
const EMPTY: Record<Field, string> = { branchId: '', visitedAt: '', leaderIds: 'CEO', purpose: '', campaignId: '', fcIds: '', gift: '' };

/**
 * Record a visit to a branch that took place (optionally for a campaign, whose target the branch
 * must be): checked here first, the server's refusal next to its field, reset after success.
 */
export const BranchVisitForm = ({ now = () => new Date() }: { now?: () => Date }) => {
  const { t } = useTranslation();
  const [{ data: campaigns }] = useQuery({ query: CampaignsQuery, variables: {} });
  const [state, record] = useMutation(RecordBranchVisitMutation);
  const max = seoulDateTime(now()).replace(' ', 'T');

  const check = (form: typeof EMPTY): FieldErrors<Field> => {
    const e: FieldErrors<Field> = {};
    const branch = idList(form.branchId);
    if (branch.length === 0) e.branchId = t('forms.required');
    else if (branch.length > 1 || badId(branch)) e.branchId = t('forms.badId', { id: form.branchId.trim() });
    const when = pastMomentProblem(form.visitedAt, now());
    if (when) e.visitedAt = t(when);
    if (!form.purpose.trim()) e.purpose = t('forms.required');
    for (const f of ['leaderIds', 'fcIds'] as const) {
      const bad = badId(idList(form[f]));
      if (bad) e[f] = t('forms.badId', { id: bad });
    }
    return e;
  };

  const { form, setForm, errors, done, submit } = useRecordForm({
    empty: EMPTY,
    check,
    send: (form, commandId) => {
      const visitedAt = kstInstant(form.visitedAt);
      return record({
        input: {
          branchId: form.branchId.trim(),
          visitedAt,
          purpose: form.purpose.trim(),
          leaderIds: idList(form.leaderIds),
          fcIds: idList(form.fcIds),
          ...(form.campaignId ? { campaignId: form.campaignId } : {}),
          ...(form.gift.trim() ? { gift: form.gift.trim() } : {}),
        },
        commandId,
        occurredAt: visitedAt,
      });
    },
    values: (form) => form,
    done: (data, form) => data.recordBranchVisit.branch?.name ?? form.branchId,
  });

  const input = (f: Field, label: string, extra: Record<string, unknown> = {}) => (
    <>
      <label>
        {label}{' '}
        <input
          name={f}
          value={form[f]}
          onChange={(e) => setForm((v) => ({ ...v, [f]: e.target.value }))}
          {...extra}
          {...(errors[f] ? { 'aria-invalid': true, 'aria-describedby': `bv-${f}-error` } : {})}
        />
      </label>
      <FieldError id={`bv-${f}-error`}>{errors[f]}</FieldError>
    </>
  );
  return (
    <section aria-labelledby="record-branch-visit">
      <h2 id="record-branch-visit">{t('branchVisit.record')}</h2>
      <form onSubmit={submit} aria-labelledby="record-branch-visit" noValidate>
        {input('branchId', t('branchVisit.branchId'))}
        {input('visitedAt', t('branchVisit.visitedAt'), { type: 'datetime-local', max })}
        {input('leaderIds', t('branchVisit.leaderIds'))}
        {input('purpose', t('branchVisit.purpose'))}
        <label>
          {t('branchVisit.campaign')}
          <select
            name="campaignId"
            value={form.campaignId}
            onChange={(e) => setForm((v) => ({ ...v, campaignId: e.target.value }))}
            {...(errors.campaignId ? { 'aria-invalid': true, 'aria-describedby': 'bv-campaignId-error' } : {})}
          >
            <option value="">{t('branchVisit.noCampaign')}</option>
            {(campaigns?.campaigns ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <FieldError id="bv-campaignId-error">{errors.campaignId}</FieldError>
        {input('fcIds', t('branchVisit.fcIds'))}
        {input('gift', t('branchVisit.gift'))}
        <button type="submit" disabled={state.fetching}>
          {state.fetching ? t('forms.sending') : t('branchVisit.recordSubmit')}
        </button>
        <FieldError id="bv-form-error">{errors['']}</FieldError>
      </form>
      {done && (
        <p role="status" className="ok">
          {t('branchVisit.recorded', { branch: done })}
        </p>
      )}
    </section>
  );
};
