/**
 * The presenter's phone admission (PROTOCOL.md, "Integrity on the room's
 * network"): phones admitted against the session's limit, phones turned away, and
 * the facilitator's three levers: change the limit, let one network address bring
 * more than 4 phones, and see the admitted phones and remove one (its votes go).
 * The figures come from the core (`sessions.phones`), refreshed on its
 * `phones.admitted` events, which it sends at most four times a second.
 */
import { useEffect, useState } from 'react';
import type { AdmittedPhoneView } from '../../../shared/contract';
import { PHONE_LIMIT_MAX, PHONES_PER_ADDRESS } from '../../../shared/phoneLimits';
import type { Session } from '../../../shared/model';
import { useApi } from '../../app/ApiContext';
import { useCommand } from '../../app/hooks';
import { Button } from '../../components/Button';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import styles from './PhoneAdmission.module.css';

const shortId = (deviceId: string) => (deviceId.length > 14 ? `${deviceId.slice(0, 6)}…${deviceId.slice(-6)}` : deviceId);

export function PhoneAdmission({ session, className }: { session: Session; className?: string }) {
  const api = useApi();
  const sessionId = session.id;
  const status = useCommand(
    'sessions.phones',
    { sessionId },
    (event) => 'sessionId' in event.data && event.data.sessionId === sessionId && (event.name === 'phones.admitted' || event.name === 'session.updated'),
  );
  const admission = status.data?.admission;
  const [limit, setLimit] = useState('');
  const [listOpen, setListOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => setLimit(String(session.phoneLimit)), [session.phoneLimit]);

  if (session.status === 'ended') return null;

  const run = (work: () => Promise<unknown>) => {
    setProblem(null);
    setBusy(true);
    work().then(
      () => setBusy(false),
      (error: Error) => {
        setProblem(error.message);
        setBusy(false);
      },
    );
  };
  const wanted = Number(limit);
  const limitValid = Number.isInteger(wanted) && wanted >= 1 && wanted <= PHONE_LIMIT_MAX;
  const admitted = admission?.admitted ?? session.phonesAdmitted;
  const full = admitted >= session.phoneLimit;

  return (
    <section className={className} aria-labelledby="admission-heading">
      <h2 id="admission-heading">Phones admitted</h2>
      <p className={styles.figures} role="status" aria-live="polite">
        <span className={full ? styles.full : undefined}>
          <strong data-testid="phones-admitted">
            {admitted} / {session.phoneLimit}
          </strong>{' '}
          admitted
        </span>
        <span className={(admission?.turnedAway ?? 0) > 0 ? styles.refused : undefined}>
          <strong data-testid="phones-turned-away">{admission?.turnedAway ?? 0}</strong> turned away
        </span>
      </p>
      <form
        className={styles.limit}
        onSubmit={(event) => {
          event.preventDefault();
          if (limitValid) run(() => api.call('sessions.setPhoneLimit', { sessionId, phoneLimit: wanted }));
        }}
      >
        <label>
          Limit{' '}
          <input type="number" min={1} max={PHONE_LIMIT_MAX} inputMode="numeric" value={limit} onChange={(e) => setLimit(e.target.value)} />
        </label>
        <Button type="submit" size="small" disabled={busy || !limitValid || wanted === session.phoneLimit}>
          Set limit
        </Button>
      </form>
      <label className={styles.cap}>
        <input
          type="checkbox"
          checked={session.phoneAddressCapLifted}
          disabled={busy}
          onChange={(e) => run(() => api.call('sessions.setAddressCap', { sessionId, lifted: e.target.checked }))}
        />
        More than {PHONES_PER_ADDRESS} phones from one network address (a venue network that puts every phone behind one address)
      </label>
      <Button size="small" onClick={() => setListOpen(true)} disabled={admitted === 0}>
        Show the phones…
      </Button>
      {problem && (
        <p role="alert" className={styles.problem}>
          {problem}
        </p>
      )}
      {listOpen && <AdmittedPhones sessionId={sessionId} onClose={() => setListOpen(false)} />}
    </section>
  );
}

/** The admitted phones, with a Remove button each (confirmed: the phone's votes go with it). */
function AdmittedPhones({ sessionId, onClose }: { sessionId: string; onClose: () => void }) {
  const api = useApi();
  const list = useCommand('sessions.admittedPhones', { sessionId });
  const [removing, setRemoving] = useState<AdmittedPhoneView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const phones = list.data?.phones ?? [];

  return (
    <>
      <Dialog
        title="Phones admitted"
        open={removing === null}
        onClose={onClose}
        actions={
          <>
            <Button onClick={list.reload}>Refresh</Button>
            <Button intent="primary" onClick={onClose}>
              Close
            </Button>
          </>
        }
      >
        <p>
          {phones.length} phone{phones.length === 1 ? '' : 's'}, in the order they joined. Only you see this list; no one sees what a phone chose.
        </p>
        {problem && <p role="alert">{problem}</p>}
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Phone</th>
                <th scope="col">Network address</th>
                <th scope="col">Joined</th>
                <th scope="col">Votes</th>
                <th scope="col">
                  <span className={styles.hidden}>Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {phones.map((phone) => (
                <tr key={phone.deviceId}>
                  <td title={phone.deviceId}>
                    <code>{shortId(phone.deviceId)}</code>
                  </td>
                  <td>{phone.address || 'this computer'}</td>
                  <td>{new Date(phone.admittedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</td>
                  <td>{phone.votes}</td>
                  <td>
                    <Button size="small" intent="danger" onClick={() => setRemoving(phone)} aria-label={`Remove phone ${shortId(phone.deviceId)}`}>
                      Remove
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Dialog>
      <ConfirmDialog
        title="Remove this phone?"
        message={`Its ${removing?.votes ?? 0} vote${removing?.votes === 1 ? '' : 's'} will no longer count, and it cannot vote again in this session.`}
        confirmLabel="Remove the phone"
        danger
        open={removing !== null}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const phone = removing;
          setRemoving(null);
          if (!phone) return;
          setProblem(null);
          api.call('sessions.removePhone', { sessionId, deviceId: phone.deviceId }).then(list.reload, (error: Error) => setProblem(error.message));
        }}
      />
    </>
  );
}
