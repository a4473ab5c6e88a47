import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { MeQuery, type MeData } from './operations';

/** Who the console acts as: a token entered here, checked by the gateway (`me`); VIEWER without one. */
export const SignIn = ({ onChange }: { onChange: (token: string | null) => void }) => {
  const [{ data, error }] = useQuery<MeData>({ query: MeQuery, requestPolicy: 'network-only' });
  const [editing, setEditing] = useState(false);
  const me = data?.me;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const token = String(new FormData(e.currentTarget).get('token') ?? '').trim();
    setEditing(false);
    onChange(token || null);
  };
  if (error) {
    return (
      <div className="signin" role="alert">
        {error.response?.status === 401 ? 'That token is unknown, expired or revoked.' : error.message}{' '}
        <button type="button" onClick={() => onChange(null)}>Continue as viewer</button>
      </div>
    );
  }
  return (
    <div className="signin">
      {me && (
        <span data-testid="principal">
          {me.tokenId ? me.subject : 'Not signed in'} · <strong>{me.role}</strong>
        </span>
      )}
      {editing ? (
        <form onSubmit={submit}>
          <label>API token <input name="token" type="password" autoComplete="off" required /></label>
          <button type="submit">Sign in</button>
          <button type="button" onClick={() => setEditing(false)}>Cancel</button>
        </form>
      ) : me?.tokenId ? (
        <button type="button" onClick={() => onChange(null)}>Sign out</button>
      ) : (
        <button type="button" onClick={() => setEditing(true)}>Sign in</button>
      )}
    </div>
  );
};
