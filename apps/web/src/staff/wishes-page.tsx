/** Self-rostering: the employee enters wishes for the next period; the planner sees them. */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { planning, rosters } from '../api/endpoints.ts';
import type { Wish } from '../api/types.ts';
import { addDays, formatListDate, mondayOf, todayLocal } from '../dates.ts';
import { ErrorNotice, Notice, PageHeader, SelectField, TextField } from '../components/ui.tsx';
import { newId, useMe } from './use-me.ts';

type WishKind = Wish['kind'];

export function WishesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [wishes, setWishes] = useState<Wish[] | null>(null);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<WishKind>('day-off');
  const [shiftTypeId, setShiftTypeId] = useState('');
  const [priority, setPriority] = useState(2);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  // The next period: after the last published period, else four weeks from this Monday.
  const nextStart = useMemo(() => {
    const last = me.periods[me.periods.length - 1];
    const candidate = last ? addDays(last.start, last.weeks * 7) : addDays(mondayOf(todayLocal()), 28);
    return candidate;
  }, [me.periods]);
  const [dateTouched, setDateTouched] = useState(false);
  useEffect(() => {
    if (!dateTouched && me.loaded) setDate(nextStart);
  }, [nextStart, dateTouched, me.loaded]);

  // Offer the shifts of the employee's own team: those in their published rosters.
  const [teamShiftIds, setTeamShiftIds] = useState<Set<string> | null>(null);
  useEffect(() => {
    const last = me.periods[me.periods.length - 1];
    if (!last) return;
    rosters
      .get(last.id)
      .then((r) => setTeamShiftIds(new Set(r.assignments.map((a) => a.shiftTypeId))))
      .catch(() => setTeamShiftIds(null));
  }, [me.periods]);

  const reload = () => {
    if (me.employeeId) planning.wishes({ employeeId: me.employeeId }).then(setWishes).catch(setError);
  };
  useEffect(reload, [me.employeeId]);

  const shiftTypes =
    teamShiftIds && teamShiftIds.size ? me.shiftTypes.filter((s) => teamShiftIds.has(s.id)) : me.shiftTypes;
  const shiftById = new Map(me.shiftTypes.map((s) => [s.id, s]));

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!me.employeeId || !date) return;
    setError(null);
    setSaved(false);
    try {
      await planning.createWish({
        id: newId('wish'),
        employeeId: me.employeeId,
        date,
        kind,
        priority,
        ...(kind === 'day-off' ? {} : { shiftTypeId: shiftTypeId || shiftTypes[0]?.id }),
      });
      setSaved(true);
      reload();
    } catch (e) {
      setError(e);
    }
  }

  const lang = i18n.language;
  const sorted = [...(wishes ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <div className="page">
      <PageHeader title={t('staff.wishesTitle')} />
      <p className="muted">{t('staff.wishesIntro')}</p>
      <ErrorNotice error={me.error ?? error} />
      <form className="card" onSubmit={add}>
        <div className="form-row">
          <TextField
            label={t('common.date')}
            type="date"
            required
            value={date}
            onChange={(e) => {
              setDateTouched(true);
              setDate(e.target.value);
            }}
          />
          <SelectField
            label={t('staff.wishKind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as WishKind)}
          >
            {(['day-off', 'wanted-shift', 'unwanted-shift'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`staff.kind_${k}`)}
              </option>
            ))}
          </SelectField>
          {kind !== 'day-off' && (
            <SelectField
              label={t('shift.brush')}
              value={shiftTypeId || shiftTypes[0]?.id || ''}
              onChange={(e) => setShiftTypeId(e.target.value)}
            >
              {shiftTypes.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.code} · {s.name}
                </option>
              ))}
            </SelectField>
          )}
          <SelectField
            label={t('staff.priority')}
            value={priority}
            onChange={(e) => setPriority(Number(e.target.value))}
          >
            {[1, 2, 3].map((p) => (
              <option key={p} value={p}>
                {t(`staff.priority_${p}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="btn btn-primary">
            {t('staff.addWish')}
          </button>
        </div>
        {saved && <Notice kind="success">{t('staff.wishAdded')}</Notice>}
      </form>
      <section className="card">
        <h2>{t('staff.myWishes')}</h2>
        {wishes && sorted.length === 0 && <p className="muted">{t('staff.noWishes')}</p>}
        <ul className="day-list" data-testid="wish-list">
          {sorted.map((w) => (
            <li key={w.id} className="day-item">
              <span className="day-date">{formatListDate(w.date, lang)}</span>
              <span className="day-shift">
                <span>
                  {t(`staff.kind_${w.kind}`)}
                  {w.shiftTypeId ? ` · ${shiftById.get(w.shiftTypeId)?.code ?? w.shiftTypeId}` : ''} ·{' '}
                  {t(`staff.priority_${w.priority}`)}
                </span>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  style={{ marginLeft: 'auto' }}
                  onClick={() => void planning.deleteWish(w.id).then(reload).catch(setError)}
                >
                  {t('common.delete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
