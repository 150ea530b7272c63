/** The planner's main screen: the grid with coverage, brush toolbar, signals side panel. */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellWrite } from '../api/endpoints.ts';
import { addDays, formatDate } from '../dates.ts';
import { textColorOn } from '../components/color.ts';
import { Dialog, ErrorNotice, Notice, PageHeader, Spinner } from '../components/ui.tsx';
import { coveragePerShift, coverageTotals } from './coverage.ts';
import type { Position } from './grid-model.ts';
import { PeriodPicker } from './period-picker.tsx';
import { RosterGrid, type Brush } from './roster-grid.tsx';
import { useSelection } from './selection.tsx';
import { SignalPanel, type OpenShift } from './signal-panel.tsx';
import { signalsByCell } from './signals.ts';
import { ReasonRequired, useRoster } from './use-roster.ts';

export function RosterPage() {
  const { t, i18n } = useTranslation();
  const { periodId } = useSelection();
  const roster = useRoster(periodId);
  const { data } = roster;
  const [active, setActive] = useState<Position | null>(null);
  const [brush, setBrush] = useState<Brush>({ kind: 'select' });
  const [filter, setFilter] = useState('');
  const [pendingChanges, setPendingChanges] = useState<CellWrite[] | null>(null);
  const [reason, setReason] = useState('');
  const [openShift, setOpenShift] = useState<OpenShift | null>(null);
  const [perLevel, setPerLevel] = useState(true);

  const rows = useMemo(() => {
    if (!data) return [];
    const q = filter.trim().toLowerCase();
    return data.model.employees
      .map((e, i) => (q && !e.name.toLowerCase().includes(q) ? -1 : i))
      .filter((i) => i >= 0);
  }, [data, filter]);
  const byCell = useMemo(
    () => (data ? signalsByCell(data.model, roster.signals) : new Map()),
    [data, roster.signals],
  );
  const totals = useMemo(() => coverageTotals(roster.coverage), [roster.coverage]);
  // Most severe first, then by day and name: the order a planner works through them.
  const sortedSignals = useMemo(() => {
    const rank = { legal: 0, cao: 1, healthy: 2, preference: 3 } as const;
    const nameOf = (id: string) => data?.model.employees[data.model.rowOf.get(id) ?? -1]?.name ?? id;
    return [...roster.signals].sort(
      (a, b) =>
        rank[a.tier] - rank[b.tier] ||
        (a.dates[0] ?? '').localeCompare(b.dates[0] ?? '') ||
        nameOf(a.employeeId).localeCompare(nameOf(b.employeeId)),
    );
  }, [roster.signals, data]);

  const onChange = useCallback(
    (changes: CellWrite[]) => {
      roster.change(changes).catch((e: unknown) => {
        if (e instanceof ReasonRequired) {
          setPendingChanges(changes);
          setReason('');
        }
      });
    },
    [roster],
  );

  const signalsAtActive =
    active && data ? (byCell.get(active.row * data.model.dates.length + active.col) ?? []) : [];
  const lang = i18n.language;
  const period = data?.period;

  return (
    <div className="page page-roster">
      <PageHeader title={t('roster.title')}>
        <PeriodPicker />
      </PageHeader>
      {roster.error ? <ErrorNotice error={roster.error} /> : null}
      {roster.loading && !data && <Spinner label={t('app.loading')} />}
      {data && period && (
        <>
          <div className="toolbar" role="toolbar" aria-label={t('shift.brush')}>
            <span className={`status-badge status-${period.status}`}>
              {t(`roster.status_${period.status}`)}
            </span>
            <div className="brushes" role="radiogroup" aria-label={t('shift.brush')}>
              <button
                type="button"
                role="radio"
                aria-checked={brush.kind === 'select'}
                className="brush"
                onClick={() => setBrush({ kind: 'select' })}
              >
                {t('shift.select')}
              </button>
              {data.model.shiftTypes.map((s) => (
                <button
                  key={s.id}
                  type="button"
                  role="radio"
                  aria-checked={brush.kind === 'shift' && brush.shiftTypeId === s.id}
                  className="brush brush-shift"
                  style={{ background: s.color, color: textColorOn(s.color) }}
                  title={`${s.name} ${s.start}–${s.end}`}
                  onClick={() => setBrush({ kind: 'shift', shiftTypeId: s.id })}
                >
                  {s.code}
                </button>
              ))}
              <button
                type="button"
                role="radio"
                aria-checked={brush.kind === 'clear'}
                className="brush"
                onClick={() => setBrush({ kind: 'clear' })}
              >
                {t('shift.clear')}
              </button>
            </div>
            <label className="filter">
              <span className="visually-hidden">{t('roster.filter')}</span>
              <input
                type="search"
                placeholder={t('roster.filter')}
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
              />
            </label>
            <span className="muted">{t('roster.employees', { count: rows.length })}</span>
            <span className={totals.shortCells ? 'cov-summary cov-short-text' : 'cov-summary'}>
              {t('coverage.summary', totals)}
            </span>
            <span className="cov-legend" role="group" aria-label={t('roster.legend')}>
              {(['short', 'ok', 'ideal', 'over'] as const).map((k) => (
                <span key={k} className={`cov-key cov-${k}`}>
                  {t(`coverage.${k}`)}
                </span>
              ))}
            </span>
            <label className="check">
              <input type="checkbox" checked={perLevel} onChange={(e) => setPerLevel(e.target.checked)} />{' '}
              {t('coverage.perLevel')}
            </label>
            <span className="save-state" aria-live="polite">
              {roster.saveState === 'saving'
                ? t('roster.saving')
                : roster.saveState === 'saved'
                  ? t('roster.saved')
                  : ''}
            </span>
          </div>
          {roster.conflict && (
            <Notice kind="warning">
              {t('roster.conflict')}{' '}
              <button type="button" className="btn btn-small" onClick={roster.dismissConflict}>
                {t('common.close')}
              </button>
            </Notice>
          )}
          <ErrorNotice error={roster.saveError} />
          <div className="roster-layout">
            <div className="grid-wrap">
              <RosterGrid
                model={data.model}
                rows={rows}
                coverage={perLevel ? roster.coverage : coveragePerShift(roster.coverage)}
                signals={byCell}
                absences={roster.absenceCells}
                active={active}
                onActiveChange={(p) => {
                  setActive(p);
                  setOpenShift(null);
                }}
                onOpenShift={setOpenShift}
                brush={brush}
                onChange={onChange}
                label={t('roster.gridLabel', {
                  team: data.teamName,
                  from: formatDate(period.start, lang),
                  to: formatDate(addDays(period.start, period.weeks * 7 - 1), lang),
                })}
              />
              <p className="hint keyboard-help">{t('roster.keyboardHelp')}</p>
            </div>
            <SignalPanel
              model={data.model}
              absences={roster.absenceCells}
              openShift={openShift}
              coverage={roster.coverage}
              active={active}
              signalsAtActive={signalsAtActive}
              allSignals={sortedSignals}
              signalsAvailable={roster.signalsAvailable}
              onAssign={onChange}
            />
          </div>
          <Dialog
            title={t('roster.reasonTitle')}
            open={pendingChanges !== null}
            onClose={() => setPendingChanges(null)}
          >
            <form
              method="dialog"
              onSubmit={(e) => {
                e.preventDefault();
                if (!reason.trim() || !pendingChanges) return;
                void roster.change(pendingChanges, reason).catch(() => undefined);
                setPendingChanges(null);
              }}
            >
              <p>{t('roster.reasonIntro')}</p>
              <label htmlFor="change-reason">{t('common.reason')}</label>
              <textarea
                id="change-reason"
                required
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={3}
              />
              <div className="dialog-actions">
                <button type="button" className="btn btn-ghost" onClick={() => setPendingChanges(null)}>
                  {t('common.cancel')}
                </button>
                <button type="submit" className="btn btn-primary" disabled={!reason.trim()}>
                  {t('common.save')}
                </button>
              </div>
            </form>
          </Dialog>
        </>
      )}
    </div>
  );
}
