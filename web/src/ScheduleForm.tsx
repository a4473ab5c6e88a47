import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { LeadersQuery, ScheduleCafeSessionMutation } from './operations';

interface Leader { id: string; name: string; title: string | null }

/** Schedule a café session. The server validates everything; its message is shown as it is. */
export const ScheduleForm = () => {
  const [{ data: leaders }] = useQuery<{ employees: { edges: { node: Leader }[] } }>({ query: LeadersQuery });
  const [result, schedule] = useMutation(ScheduleCafeSessionMutation);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const local = String(form.get('scheduledAt') ?? '');
    // <input type=datetime-local> has no zone: the console speaks Korea time (KST, +09:00).
    const scheduledAt = local ? `${local.length === 16 ? `${local}:00` : local}+09:00` : '';
    const outcome = await schedule(
      {
        input: { scheduledAt, venue: String(form.get('venue') ?? ''), hostIds: [String(form.get('hostId') ?? '')], capacity: Number(form.get('capacity') ?? 10) },
        commandId: crypto.randomUUID(),
      },
      { additionalTypenames: ['CafeSession', 'CafeSessionConnection'] },
    );
    if (outcome.error) {
      setMessage({ kind: 'error', text: outcome.error.graphQLErrors.map((g) => g.message).join('; ') || outcome.error.message });
    } else {
      setMessage({ kind: 'ok', text: `Scheduled at ${outcome.data.scheduleCafeSession.venue}` });
      e.currentTarget?.reset();
    }
  };

  return (
    <section>
      <h2>Schedule a café session</h2>
      <form onSubmit={submit} aria-label="Schedule a café session">
        <label>When (KST) <input name="scheduledAt" type="datetime-local" required /></label>
        <label>Venue <input name="venue" placeholder="Café Bene, Yeouido" required /></label>
        <label>Host
          {/* Remounted once the leaders arrive, so the CEO is preselected. */}
          <select name="hostId" required defaultValue="CEO" key={leaders ? 'leaders' : 'loading'}>
            {(leaders?.employees.edges ?? []).map(({ node: l }) => <option key={l.id} value={l.id}>{l.name}{l.title ? ` (${l.title})` : ''}</option>)}
          </select>
        </label>
        <label>Seats <input name="capacity" type="number" min={1} max={100} defaultValue={10} required /></label>
        <button type="submit" disabled={result.fetching}>{result.fetching ? 'Scheduling…' : 'Schedule'}</button>
      </form>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>{message.text}</p>}
    </section>
  );
};
