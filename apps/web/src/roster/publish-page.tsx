/** Publish a roster period with the notice-period check; the audit log of later changes. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rosters, type RosterChange } from '../api/endpoints.ts';
import { formatDate, todayLocal } from '../dates.ts';
import { Dialog, ErrorNotice, Notice, PageHeader, Spinner } from '../components/ui.tsx';
import { auditCells } from './audit.ts';
import type { GridModel } from './grid-model.ts';
import { noticeCheck } from './notice.ts';
import { PeriodPicker } from './period-picker.tsx';
import { openSignals } from './publish.ts';
import { useSelection } from './selection.tsx';
import { useRoster } from './use-roster.ts';

export function PublishPage() {
  const { t, i18n } = useTranslation();
  const { periodId } = useSelection();
  const roster = useRoster(periodId);
  const period = roster.data?.period;
  const [confirmLate, setConfirmLate] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [audit, setAudit] = useState<RosterChange[] | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    setAudit(null);
    if (period?.status === 'published') rosters.changes(period.id, true).then(setAudit).catch(setError);
  }, [period?.id, period?.status, period?.version]);

  const check = period ? noticeCheck(period.start, todayLocal()) : null;

  const open = openSignals(roster.signals);

  async function publish() {
    if (!period) return;
    setConfirming(false);
    setBusy(true);
    setError(null);
    try {
      const published = await rosters.publish(period.id, {
        expectedVersion: period.version,
        reason: check && !check.ok ? reason.trim() : undefined,
      });
      roster.setPeriod(published);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const fmt = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL');
  return (
    <div className="page">
      <PageHeader title={t('publish.title')}>
        <PeriodPicker refreshKey={period?.status} />
      </PageHeader>
      <p className="muted">{t('publish.intro')}</p>
      <ErrorNotice error={roster.error ?? error} />
      {!period && roster.loading && <Spinner label={t('app.loading')} />}
      {period && check && (
        <div className="cards">
          <section className="card">
            <h2>{t('publish.notice')}</h2>
            {period.status === 'published' ? (
              <Notice kind="success">
                {t('publish.published', { at: period.publishedAt ? fmt(period.publishedAt) : '' })}
              </Notice>
            ) : (
              <>
                <Notice kind={check.ok ? 'success' : 'warning'}>
                  {t(check.ok ? 'publish.noticeOk' : 'publish.noticeLate', {
                    days: check.daysAhead,
                    required: check.required,
                  })}
                </Notice>
                {!check.ok && (
                  <div style={{ marginTop: 10 }}>
                    <label>
                      <input
                        type="checkbox"
                        checked={confirmLate}
                        onChange={(e) => setConfirmLate(e.target.checked)}
                      />{' '}
                      {t('publish.confirmLate')}
                    </label>
                    <label htmlFor="publish-reason" style={{ display: 'block', marginTop: 8 }}>
                      {t('common.reason')}
                    </label>
                    <textarea
                      id="publish-reason"
                      rows={2}
                      value={reason}
                      onChange={(e) => setReason(e.target.value)}
                    />
                  </div>
                )}
                <div className="form-row" style={{ marginTop: 12 }}>
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={busy || (!check.ok && (!confirmLate || !reason.trim()))}
                    onClick={() => setConfirming(true)}
                  >
                    {t('publish.publish')}
                  </button>
                </div>
                <Dialog
                  title={t('publish.confirmTitle')}
                  open={confirming}
                  onClose={() => setConfirming(false)}
                >
                  {/* Hard signals first: they break a rule or leave a shift without its person. */}
                  {!roster.signalsAvailable ? (
                    <p>{t('publish.signalsUnknown')}</p>
                  ) : open.hard + open.soft === 0 ? (
                    <p>{t('publish.noOpenSignals')}</p>
                  ) : (
                    <Notice kind={open.hard > 0 ? 'error' : 'warning'}>
                      <span data-testid="publish-hard">{t('publish.openHard', { count: open.hard })}</span>{' '}
                      {open.soft > 0 && (
                        <span data-testid="publish-soft">{t('publish.openSoft', { count: open.soft })}</span>
                      )}
                    </Notice>
                  )}
                  <p>{t('publish.confirmText')}</p>
                  <div className="form-row">
                    <button type="button" className="btn btn-primary" onClick={() => void publish()}>
                      {t('publish.confirm')}
                    </button>
                    <button type="button" className="btn btn-ghost" onClick={() => setConfirming(false)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </Dialog>
              </>
            )}
          </section>
          {period.status === 'published' && (
            <section className="card">
              <h2>{t('publish.audit')}</h2>
              {!audit ? (
                <Spinner label={t('app.loading')} />
              ) : audit.length === 0 ? (
                <p className="muted">{t('publish.noAudit')}</p>
              ) : (
                <div className="table-wrap">
                  <table className="data">
                    <thead>
                      <tr>
                        <th scope="col">{t('publish.at')}</th>
                        <th scope="col">{t('publish.actor')}</th>
                        <th scope="col">{t('publish.action')}</th>
                        <th scope="col">{t('publish.what')}</th>
                        <th scope="col">{t('common.reason')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {audit.map((c) => (
                        <tr key={c.version}>
                          <td>{fmt(c.at)}</td>
                          <td>{c.actorName}</td>
                          <td>{t(`publish.action_${c.action}`, { defaultValue: c.action })}</td>
                          <td>
                            {roster.data && (
                              <AuditSummary model={roster.data.model} before={c.before} after={c.after} />
                            )}
                          </td>
                          <td>{c.reason ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          )}
        </div>
      )}
    </div>
  );
}

function AuditSummary({ model, before, after }: { model: GridModel; before: unknown; after: unknown }) {
  const { t, i18n } = useTranslation();
  const changes = auditCells(before, after);
  if (changes.length === 0) return null;
  const code = (id: string | null) =>
    id ? (model.shiftTypes[model.shiftIndexOf.get(id) ?? -1]?.code ?? id) : '–';
  const shown = changes.slice(0, 6);
  return (
    <span className="change-list">
      {shown.map((c) => (
        <span key={`${c.employeeId}|${c.date}`} className="change">
          {model.employees[model.rowOf.get(c.employeeId) ?? -1]?.name ?? c.employeeId} ·{' '}
          {formatDate(c.date, i18n.language)}: {code(c.from)} → {code(c.to)}
        </span>
      ))}
      {changes.length > shown.length && (
        <span className="muted">{t('publish.more', { count: changes.length - shown.length })}</span>
      )}
    </span>
  );
}
