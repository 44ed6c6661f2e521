/**
 * The presenter's phone panel: where phones join, how many are connected and have
 * voted; in the desktop app, "Let phones vote" starts the LAN server on the
 * chosen network and "Stop" closes it.
 */
import { useEffect, useState } from 'react';
import type { LanStatus } from '../../../shared/bridge';
import type { Session } from '../../../shared/model';
import { useApi } from '../../app/ApiContext';
import { Button } from '../Button';
import { usePhones } from './usePhones';

/** `hostConnected` false: the host is away, so the last counts are not shown as if current. */
export function PhonePanel({ session, className, hostConnected = true }: { session: Session; className?: string; hostConnected?: boolean }) {
  const api = useApi();
  const phones = usePhones(session.id);
  const [lan, setLan] = useState<LanStatus | null>(null);
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!api.isDesktop) return;
    api.desktop('lan.status', { sessionId: session.id }).then(setLan, (error: Error) => setProblem(error.message));
  }, [api, session.id]);

  const lanAction = (action: 'lan.start' | 'lan.stop') => {
    setProblem(null);
    const answer = action === 'lan.start' ? api.desktop('lan.start', { sessionId: session.id, ...(address ? { address } : {}) }) : api.desktop('lan.stop');
    answer.then(setLan, (error: Error) => setProblem(error.message));
  };

  if (session.status === 'ended') return null;
  const urls = phones?.joinUrls ?? [];
  return (
    <section className={className} aria-labelledby="phones-heading">
      <h2 id="phones-heading">Phones</h2>
      <p>
        Join code <strong>{session.joinCode}</strong> ·{' '}
        {hostConnected ? `${phones?.connected ?? 0} connected · ${phones?.voted ?? 0} voted on this question` : 'phone counts unknown until the host is back'}
      </p>
      {urls.length > 0 ? (
        <ul>
          {urls.map((url) => (
            <li key={url}>
              <code>{url}</code>
            </li>
          ))}
        </ul>
      ) : api.isDesktop ? (
        <p>Phones cannot join yet.</p>
      ) : (
        <p>
          Phones cannot reach this computer: start Plenary with <code>npm run serve -- --host 0.0.0.0</code> to let them in.
        </p>
      )}
      {api.isDesktop && lan && (
        <p>
          {!lan.running && lan.addresses.length > 1 && (
            <label>
              Network{' '}
              <select value={address} onChange={(e) => setAddress(e.target.value)}>
                {lan.addresses.map((a) => (
                  <option key={a.address} value={a.address}>
                    {a.interface}: {a.address}
                  </option>
                ))}
              </select>{' '}
            </label>
          )}
          {lan.running ? (
            <Button onClick={() => lanAction('lan.stop')}>Stop phone voting</Button>
          ) : (
            <Button intent="primary" onClick={() => lanAction('lan.start')}>
              Let phones vote
            </Button>
          )}
        </p>
      )}
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
