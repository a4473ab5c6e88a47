import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { Principal } from './auth';

/** Who the console acts as: a token entered here, checked by the gateway (`me`); VIEWER without one. */
export const SignIn = ({
  principal,
  error,
  onChange,
}: {
  principal: Principal | null;
  error?: CombinedError;
  onChange: (token: string | null) => void;
}) => {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const token = String(new FormData(e.currentTarget).get('token') ?? '').trim();
    setEditing(false);
    onChange(token || null);
  };
  if (error) {
    return (
      <div className="signin" role="alert">
        {error.response?.status === 401 ? t('signin.unknownToken') : error.message}{' '}
        <button type="button" onClick={() => onChange(null)}>
          {t('signin.asViewer')}
        </button>
      </div>
    );
  }
  return (
    <div className="signin">
      {principal && (
        <span data-testid="principal">
          {principal.signedIn ? principal.subject : t('signin.anonymous')} ·{' '}
          <strong data-role={principal.role}>{t(`role.${principal.role}`)}</strong>
        </span>
      )}
      {editing ? (
        <form onSubmit={submit}>
          <label>
            {t('signin.token')} <input name="token" type="password" autoComplete="off" required autoFocus />
          </label>
          <button type="submit">{t('signin.signIn')}</button>
          <button type="button" className="secondary" onClick={() => setEditing(false)}>
            {t('signin.cancel')}
          </button>
        </form>
      ) : principal?.signedIn ? (
        <button type="button" onClick={() => onChange(null)}>
          {t('signin.signOut')}
        </button>
      ) : (
        <button type="button" onClick={() => setEditing(true)}>
          {t('signin.signIn')}
        </button>
      )}
    </div>
  );
};
