/** Leave request and the employee's own leave/absence (the kind only, never a cause). */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { planning } from '../api/endpoints.ts';
import type { Absence } from '../api/types.ts';
import { addDays, formatDate, todayLocal } from '../dates.ts';
import { ErrorNotice, Notice, PageHeader, TextField } from '../components/ui.tsx';
import { newId, useMe } from './use-me.ts';

export function LeavePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [from, setFrom] = useState(addDays(todayLocal(), 35));
  const [to, setTo] = useState(addDays(todayLocal(), 35));
  const [list, setList] = useState<Absence[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);

  const reload = () => {
    if (me.employeeId) planning.absences({ employeeId: me.employeeId }).then(setList).catch(setError);
  };
  useEffect(reload, [me.employeeId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!me.employeeId || !from || !to || to < from) return;
    setError(null);
    setSent(false);
    try {
      await planning.createAbsence({
        id: newId('leave'),
        employeeId: me.employeeId,
        kind: 'leave',
        start: `${from}T00:00`,
        end: `${addDays(to, 1)}T00:00`,
      });
      setSent(true);
      reload();
    } catch (e) {
      setError(e);
    }
  }

  const lang = i18n.language;
  const lastDay = (a: Absence) =>
    a.end.endsWith('T00:00') ? addDays(a.end.slice(0, 10), -1) : a.end.slice(0, 10);
  return (
    <div className="page">
      <PageHeader title={t('staff.leaveTitle')} />
      <p className="muted">{t('staff.leaveIntro')}</p>
      <ErrorNotice error={me.error} />
      {/* Employees may not create absences directly yet; a leave request with approval is needed. */}
      <ErrorNotice
        error={error}
        endpoint="leave request for employees (POST /api/absences is planner-only)"
        unavailable={[403, 404, 501]}
      />
      <form className="card" onSubmit={submit}>
        <div className="form-row">
          <TextField
            label={t('staff.leaveFrom')}
            type="date"
            required
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <TextField
            label={t('staff.leaveTo')}
            type="date"
            required
            min={from}
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
          <button type="submit" className="btn btn-primary" disabled={!from || !to || to < from}>
            {t('staff.leaveRequest')}
          </button>
        </div>
        {sent && <Notice kind="success">{t('staff.leaveSent')}</Notice>}
      </form>
      <section className="card">
        <h2>{t('staff.myLeave')}</h2>
        {list && list.length === 0 && <p className="muted">{t('staff.noLeave')}</p>}
        <ul className="day-list">
          {(list ?? [])
            .slice()
            .sort((a, b) => a.start.localeCompare(b.start))
            .map((a) => (
              <li key={a.id} className="day-item">
                <span className="day-date">{t(`staff.absence_${a.kind}`)}</span>
                <span>
                  {formatDate(a.start.slice(0, 10), lang)} – {formatDate(lastDay(a), lang)}
                </span>
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}
