/**
 * Leave requests of the signed-in employee: ask for a period (whole days or part of a day, never a
 * cause), follow its status, withdraw it while it is open; and the own leave/absence (kind only).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { leaveRequests, planning, type LeaveRequest } from '../api/endpoints.ts';
import type { Absence } from '../api/types.ts';
import { addDays, todayLocal } from '../dates.ts';
import { ErrorNotice, Notice, PageHeader, TextField } from '../components/ui.tsx';
import { describePeriod } from '../leave/leave-period.ts';
import { useMe } from './use-me.ts';

const STATUS_CLASS: Record<LeaveRequest['status'], string> = {
  requested: 'status-draft',
  approved: 'status-published',
  rejected: 'status-rejected',
  withdrawn: 'status-withdrawn',
};

export function LeavePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [from, setFrom] = useState(addDays(todayLocal(), 35));
  const [to, setTo] = useState(addDays(todayLocal(), 35));
  const [partDay, setPartDay] = useState(false);
  const [startTime, setStartTime] = useState('13:00');
  const [endTime, setEndTime] = useState('17:00');
  const [requests, setRequests] = useState<LeaveRequest[] | null>(null);
  const [absences, setAbsences] = useState<Absence[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const reload = () => {
    if (!me.employeeId) return;
    leaveRequests.list({ employeeId: me.employeeId }).then(setRequests).catch(setError);
    planning.absences({ employeeId: me.employeeId }).then(setAbsences).catch(setError);
  };
  useEffect(reload, [me.employeeId]);

  // Why the request cannot be sent yet, in words (the button alone would just stay grey).
  const problem =
    from && to && to < from
      ? t('staff.leaveEndBeforeStart')
      : partDay && from === to && endTime <= startTime
        ? t('staff.leaveEndTimeBeforeStart')
        : null;
  const invalid = !from || !to || problem !== null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (invalid) return;
    setError(null);
    setMessage(null);
    try {
      await leaveRequests.create({ from, to, ...(partDay ? { startTime, endTime } : {}) });
      setMessage(t('staff.leaveSent'));
      reload();
    } catch (e) {
      setError(e);
    }
  }

  async function withdraw(id: string) {
    setError(null);
    setMessage(null);
    try {
      await leaveRequests.withdraw(id);
      setMessage(t('staff.leaveWithdrawn'));
      reload();
    } catch (e) {
      setError(e);
    }
  }

  const lang = i18n.language;
  return (
    <div className="page">
      <PageHeader title={t('staff.leaveTitle')} />
      <p className="muted">{t('staff.leaveIntro')}</p>
      <ErrorNotice error={me.error} />
      <form className="card" onSubmit={submit}>
        <div className="form-row">
          <TextField
            label={t('staff.leaveFrom')}
            type="date"
            required
            value={from}
            onChange={(e) => {
              setFrom(e.target.value);
              if (e.target.value > to) setTo(e.target.value);
            }}
          />
          <TextField
            label={t('staff.leaveTo')}
            type="date"
            required
            min={from}
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <div className="form-row">
          <label className="check">
            <input type="checkbox" checked={partDay} onChange={(e) => setPartDay(e.target.checked)} />{' '}
            {t('staff.leavePartDay')}
          </label>
          {partDay && (
            <>
              <TextField
                label={t('staff.leaveStartTime')}
                type="time"
                required
                value={startTime}
                onChange={(e) => setStartTime(e.target.value)}
              />
              <TextField
                label={t('staff.leaveEndTime')}
                type="time"
                required
                value={endTime}
                onChange={(e) => setEndTime(e.target.value)}
              />
            </>
          )}
        </div>
        {problem && <Notice kind="warning">{problem}</Notice>}
        <p className="muted">{t('staff.leaveNoCause')}</p>
        <button type="submit" className="btn btn-primary" disabled={invalid}>
          {t('staff.leaveRequest')}
        </button>
        <ErrorNotice error={error} />
        {message && <Notice kind="success">{message}</Notice>}
      </form>
      <section className="card">
        <h2>{t('staff.myRequests')}</h2>
        {requests && requests.length === 0 && <p className="muted">{t('staff.noRequests')}</p>}
        <ul className="day-list" data-testid="leave-requests">
          {(requests ?? []).map((r) => (
            <li key={r.id} className="leave-item" data-status={r.status}>
              <span className="leave-period">{describePeriod(r.start, r.end, lang)}</span>
              <span className={`status-badge ${STATUS_CLASS[r.status]}`}>
                {t(`staff.leaveStatus_${r.status}`)}
              </span>
              {r.decisionReason && (
                <span className="leave-reason muted">
                  {t('staff.leaveDecision', { reason: r.decisionReason })}
                </span>
              )}
              {r.status === 'requested' && (
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  aria-label={`${t('staff.leaveWithdraw')}: ${describePeriod(r.start, r.end, lang)}`}
                  onClick={() => void withdraw(r.id)}
                >
                  {t('staff.leaveWithdraw')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>{t('staff.myLeave')}</h2>
        {absences && absences.length === 0 && <p className="muted">{t('staff.noLeave')}</p>}
        <ul className="day-list">
          {(absences ?? [])
            .slice()
            .sort((a, b) => a.start.localeCompare(b.start))
            .map((a) => (
              <li key={a.id} className="day-item">
                <span className="day-date">{t(`staff.absence_${a.kind}`)}</span>
                <span>{describePeriod(a.start, a.end, lang)}</span>
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}
