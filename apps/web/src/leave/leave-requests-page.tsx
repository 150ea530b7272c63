/**
 * Planner side of leave: the requests of the employees of your teams (team leaders) or of the whole
 * organisation (planners), with the shifts that fall open when approved. Approving creates the
 * absence on the server, in the same transaction.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leaveRequests, type LeaveRequest } from '../api/endpoints.ts';
import { formatListDate } from '../dates.ts';
import { ErrorNotice, Notice, PageHeader, SelectField } from '../components/ui.tsx';
import { describePeriod } from './leave-period.ts';

type Show = 'requested' | 'all';

const STATUS_CLASS: Record<LeaveRequest['status'], string> = {
  requested: 'status-draft',
  approved: 'status-published',
  rejected: 'status-rejected',
  withdrawn: 'status-withdrawn',
};

export function LeaveRequestsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [show, setShow] = useState<Show>('requested');
  const [items, setItems] = useState<LeaveRequest[] | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const reload = useCallback(() => {
    leaveRequests
      .list(show === 'requested' ? { status: 'requested' } : {})
      .then(setItems)
      .catch(setError);
  }, [show]);
  useEffect(reload, [reload]);

  async function decide(request: LeaveRequest, decision: 'approve' | 'reject') {
    setBusy(request.id);
    setError(null);
    setMessage(null);
    const reason = reasons[request.id]?.trim() || undefined;
    const name = request.employeeName ?? request.employeeId;
    try {
      if (decision === 'approve') await leaveRequests.approve(request.id, reason);
      else await leaveRequests.reject(request.id, reason);
      setMessage(
        decision === 'approve'
          ? t('leaveRequests.approved', { name })
          : reason
            ? t('leaveRequests.rejected', { name })
            : t('leaveRequests.rejectedNoReason', { name }),
      );
      reload();
    } catch (e) {
      setError(e);
      reload();
    } finally {
      setBusy(null);
    }
  }

  const impact = (r: LeaveRequest) =>
    r.plannedShifts.length === 0
      ? t('leaveRequests.noImpact')
      : t('leaveRequests.impactShifts', {
          count: r.plannedShifts.length,
          list: r.plannedShifts
            .map((s) => `${s.code ?? s.shiftTypeId} ${formatListDate(s.date, lang)}`)
            .join(', '),
        });

  return (
    <div className="page">
      <PageHeader title={t('leaveRequests.title')}>
        <SelectField
          label={t('leaveRequests.show')}
          value={show}
          onChange={(e) => setShow(e.target.value as Show)}
        >
          <option value="requested">{t('leaveRequests.showOpen')}</option>
          <option value="all">{t('leaveRequests.showAll')}</option>
        </SelectField>
      </PageHeader>
      <p className="muted">{t('leaveRequests.intro')}</p>
      <ErrorNotice error={error} />
      <div aria-live="polite">{message && <Notice kind="success">{message}</Notice>}</div>
      {items && items.length === 0 && (
        <p className="muted">{t(show === 'requested' ? 'leaveRequests.none' : 'leaveRequests.noneAll')}</p>
      )}
      {items && items.length > 0 && (
        <div className="table-wrap">
          <table className="data" data-testid="leave-request-table">
            <thead>
              <tr>
                <th scope="col">{t('leaveRequests.employee')}</th>
                <th scope="col">{t('leaveRequests.period')}</th>
                <th scope="col">{t('leaveRequests.impact')}</th>
                <th scope="col">{t('leaveRequests.requestedAt')}</th>
                <th scope="col">{t('leaveRequests.status')}</th>
                <th scope="col">{t('leaveRequests.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => {
                const name = r.employeeName ?? r.employeeId;
                return (
                  <tr key={r.id} data-status={r.status}>
                    <th scope="row">{name}</th>
                    <td>{describePeriod(r.start, r.end, lang)}</td>
                    <td className={r.plannedShifts.length ? 'leave-impact' : 'muted'}>{impact(r)}</td>
                    <td>{new Date(r.requestedAt).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL')}</td>
                    <td>
                      <span className={`status-badge ${STATUS_CLASS[r.status]}`}>
                        {t(`staff.leaveStatus_${r.status}`)}
                      </span>
                    </td>
                    <td>
                      {r.status === 'requested' ? (
                        <div className="leave-decide">
                          <input
                            type="text"
                            maxLength={500}
                            aria-label={t('leaveRequests.reason', { name })}
                            placeholder={t('leaveRequests.reasonHint')}
                            value={reasons[r.id] ?? ''}
                            onChange={(e) => setReasons({ ...reasons, [r.id]: e.target.value })}
                          />
                          <button
                            type="button"
                            className="btn btn-small btn-primary"
                            disabled={busy !== null}
                            onClick={() => void decide(r, 'approve')}
                          >
                            {t('leaveRequests.approve')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-small btn-secondary"
                            disabled={busy !== null}
                            onClick={() => void decide(r, 'reject')}
                          >
                            {t('leaveRequests.reject')}
                          </button>
                        </div>
                      ) : (
                        <span className="muted">
                          {[r.decidedByName, r.decisionReason].filter(Boolean).join(': ')}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
