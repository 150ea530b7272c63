/** My roster on a phone: one line per day, grouped by week, the shift with its times. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planning, rosters } from '../api/endpoints.ts';
import type { Absence, Assignment } from '../api/types.ts';
import { addDays, datesOf, formatDate, isoWeekNumber, isoWeekday, isWeekend, todayLocal } from '../dates.ts';
import { textColorOn } from '../components/color.ts';
import { absenceCovers } from '../roster/absence.ts';
import { ErrorNotice, Notice, PageHeader, SelectField, Spinner } from '../components/ui.tsx';
import { useMe } from './use-me.ts';

export function MyRosterPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [periodId, setPeriodId] = useState<string>('');
  const [assignments, setAssignments] = useState<Assignment[] | null>(null);
  const [absences, setAbsences] = useState<Absence[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (periodId || me.periods.length === 0) return;
    const today = todayLocal();
    const current = me.periods.find((p) => p.start <= today && today <= addDays(p.start, p.weeks * 7 - 1));
    setPeriodId((current ?? me.periods[me.periods.length - 1]!).id);
  }, [me.periods, periodId]);

  const period = me.periods.find((p) => p.id === periodId);
  useEffect(() => {
    if (!period || !me.employeeId) return;
    setAssignments(null);
    const to = addDays(period.start, period.weeks * 7 - 1);
    Promise.all([
      rosters.get(period.id),
      planning.absences({ employeeId: me.employeeId, from: period.start, to }),
    ])
      .then(([r, a]) => {
        setAssignments(r.assignments.filter((x) => x.employeeId === me.employeeId));
        setAbsences(a);
      })
      .catch(setError);
  }, [period, me.employeeId]);

  const shiftById = useMemo(() => new Map(me.shiftTypes.map((s) => [s.id, s])), [me.shiftTypes]);
  const byDate = useMemo(() => new Map((assignments ?? []).map((a) => [a.date, a])), [assignments]);
  const lang = i18n.language;
  const dates = period ? datesOf(period.start, period.weeks * 7) : [];
  const absenceOn = (date: string) => absences.find((a) => absenceCovers(a, date));

  return (
    <div className="page">
      <PageHeader title={t('staff.myRosterTitle')}>
        {me.periods.length > 0 && (
          <SelectField
            label={t('common.period')}
            value={periodId}
            onChange={(e) => setPeriodId(e.target.value)}
          >
            {me.periods.map((p) => (
              <option key={p.id} value={p.id}>
                {formatDate(p.start, lang)} – {formatDate(addDays(p.start, p.weeks * 7 - 1), lang)}
              </option>
            ))}
          </SelectField>
        )}
      </PageHeader>
      <ErrorNotice error={me.error ?? error} />
      {me.employee && me.periods.length === 0 && <Notice kind="info">{t('staff.notPublished')}</Notice>}
      {period && !assignments && <Spinner label={t('app.loading')} />}
      {period && assignments && (
        <div data-testid="my-roster">
          {dates.map((date) => {
            const a = byDate.get(date);
            const shift = a ? shiftById.get(a.shiftTypeId) : undefined;
            const absence = absenceOn(date);
            return (
              <div key={date}>
                {isoWeekday(date) === 1 && (
                  <h2 className="week-heading">{t('common.week', { week: isoWeekNumber(date) })}</h2>
                )}
                <div className={`day-item${isWeekend(date) ? ' weekend' : ''}`}>
                  <span className="day-date">
                    {formatDate(date, lang, 'weekday')} {formatDate(date, lang)}
                  </span>
                  <span className="day-shift">
                    {shift ? (
                      <>
                        <span
                          className="shift-chip"
                          style={{ background: shift.color, color: textColorOn(shift.color) }}
                        >
                          {shift.code}
                        </span>
                        <span>
                          {shift.name} · {shift.start}–{shift.end}
                        </span>
                      </>
                    ) : absence ? (
                      <span className="muted">{t(`staff.absence_${absence.kind}`)}</span>
                    ) : (
                      <span className="muted">{t('staff.free')}</span>
                    )}
                  </span>
                </div>
              </div>
            );
          })}
          {assignments.length === 0 && <p className="muted">{t('staff.noShifts')}</p>}
        </div>
      )}
    </div>
  );
}
