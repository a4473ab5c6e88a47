import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { InviteeQuery } from './operations';

/**
 * Invite one employee to a café session by number. Who that is, and whether they may come (grade
 * 차장 or below, still with the company — the rule the server checks), shows while typing, before
 * anything is sent; an ineligible or unknown number cannot be sent.
 */
export const InviteForm = ({ busy, onInvite }: { busy: boolean; onInvite: (employeeId: string) => Promise<boolean> }) => {
  const { t } = useTranslation();
  const uid = useId();
  const [typed, setTyped] = useState('');
  const [id, setId] = useState('');
  // Ask once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setId(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const valid = /^[A-Za-z0-9_-]+$/.test(id);
  const [{ data, fetching }] = useQuery({ query: InviteeQuery, variables: { id }, pause: !valid });
  const current = valid && id === typed.trim();
  const employee = current && data?.employee?.id === id ? data.employee : null;
  const status = !current || !valid ? null : fetching ? 'checking' : !employee ? 'unknown' : employee.cafeSessionEligible ? 'ok' : 'no';
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (status !== 'ok') return;
    if (await onInvite(id)) setTyped('');
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('session.invite')}>
      <label>
        {t('session.employeeId')}{' '}
        <input
          name="employeeId"
          required
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          aria-describedby={`${uid}-who`}
          aria-invalid={status === 'no' || status === 'unknown' ? true : undefined}
        />
      </label>
      <button type="submit" disabled={busy || status !== 'ok'}>
        {t('session.invite')}
      </button>
      <p id={`${uid}-who`} role="status" className={status === 'no' || status === 'unknown' ? 'error' : undefined} data-testid="invitee">
        {status === 'checking' && t('session.checking')}
        {status === 'unknown' && t('session.unknownEmployee')}
        {employee &&
          (status === 'ok' || status === 'no') &&
          `${employee.name} · ${t(`grade.${employee.grade}`)}${employee.orgUnit ? ` · ${employee.orgUnit.name}` : ''} — ${
            status === 'ok'
              ? t('session.eligible')
              : employee.leftOn
                ? t('session.notEligibleLeft', { day: employee.leftOn })
                : t('session.notEligibleGrade')
          }`}
      </p>
    </form>
  );
};
