/**
 * The facilitator's panel on a commitments slide: open, close and reveal, and a
 * form for groups at the laptop to add their own commitment ("I will …", and the
 * contrast it is about). What is written is never shown here by writer: the
 * projector and the report list commitments by contrast only.
 */
import { useState, type FormEvent } from 'react';
import type { Session } from '../../../shared/model';
import { OPEN_ANSWER_MAX, OPEN_ANSWERS_PER_VOTER } from '../../../shared/slideRules';
import { useApi } from '../../app/ApiContext';
import { Button } from '../../components/Button';
import styles from './PresenterView.module.css';

export function CommitmentsControls({ session, questionId }: { session: Session; questionId: string }) {
  const api = useApi();
  const view = session.questions[questionId];
  const [groupId, setGroupId] = useState(session.groups[0]?.id ?? '');
  const [dimensionId, setDimensionId] = useState(session.dimensions[0]?.id ?? '');
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  if (!view) return null;
  const open = view.status === 'open';
  const ended = session.status === 'ended';
  const run = async (label: string, work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      setMessage(label);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const words = text.trim();
    if (!words || !groupId || !dimensionId) return;
    void run('Commitment added', async () => {
      await api.call('voting.cast', { sessionId: session.id, questionId, voterId: groupId, text: words, dimensionId });
      setText('');
    });
  };
  return (
    <section className={`${styles.panel} ${styles.voting}`} aria-labelledby="commitments-heading">
      <h2 id="commitments-heading">Commitments</h2>
      <p className={styles.status} role="status">
        {open ? 'Taking commitments' : view.status === 'closed' ? 'Closed' : 'Not started'}
        {view.revealed ? ' · revealed' : ''} · {view.voteCount} written
      </p>
      <div>
        {!open && !view.revealed && (
          <Button disabled={ended || busy} onClick={() => void run('Open', () => api.call('voting.open', { sessionId: session.id, questionId }))}>
            Open for commitments
          </Button>
        )}
        {open && (
          <Button disabled={busy} onClick={() => void run('Closed', () => api.call('voting.close', { sessionId: session.id, questionId }))}>
            Close
          </Button>
        )}
        {!view.revealed && view.voteCount > 0 && (
          <Button disabled={busy} onClick={() => void run('Revealed', () => api.call('voting.reveal', { sessionId: session.id, questionId }))}>
            Reveal the themes
          </Button>
        )}
      </div>
      {open && session.groups.length > 0 && (
        <form onSubmit={submit} aria-label="A group’s commitment">
          <p>
            A group at the laptop: up to {OPEN_ANSWERS_PER_VOTER} each.
          </p>
          <label>
            Group{' '}
            <select value={groupId} onChange={(event) => setGroupId(event.target.value)}>
              {session.groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            Contrast{' '}
            <select value={dimensionId} onChange={(event) => setDimensionId(event.target.value)}>
              {session.dimensions.map((dimension) => (
                <option key={dimension.id} value={dimension.id}>
                  {dimension.name}
                </option>
              ))}
            </select>
          </label>
          <p>
            <label>
              We will …{' '}
              <input value={text} maxLength={OPEN_ANSWER_MAX} onChange={(event) => setText(event.target.value)} placeholder="We will …" size={40} />
            </label>{' '}
            <Button type="submit" disabled={busy || text.trim() === ''}>
              Add
            </Button>
          </p>
        </form>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
