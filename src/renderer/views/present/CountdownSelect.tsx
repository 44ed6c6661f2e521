/** The countdown a facilitator picks before opening voting: the same choices for every kind of question. */
const COUNTDOWNS = [0, 30, 60, 90, 120, 180];

export function CountdownSelect({ value, onChange }: { value: number; onChange: (seconds: number) => void }) {
  return (
    <label>
      <span className="visually-hidden">Countdown</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))} aria-label="Close voting automatically after">
        {COUNTDOWNS.map((s) => (
          <option key={s} value={s}>
            {s ? `closes after ${s} s` : 'no countdown'}
          </option>
        ))}
      </select>
    </label>
  );
}
