/** The planner's main screen: the grid with coverage, brush toolbar, signals side panel. */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { jobs, type CellWrite } from '../api/endpoints.ts';
import type { Absence } from '../api/types.ts';
import { describePeriod } from '../leave/leave-period.ts';
import { AbsenceDialog, RecoveryDialog } from './absence-dialog.tsx';
import { absenceDays, replanWindow, shiftsFallingOpen } from './absence.ts';
import { addDays, formatDate } from '../dates.ts';
import { textColorOn } from '../components/color.ts';
import { Dialog, ErrorNotice, Notice, PageHeader, Spinner } from '../components/ui.tsx';
import { coveragePerShift, coverageTotals } from './coverage.ts';
import { pinnedClears, type Position } from './grid-model.ts';
import { PeriodPicker } from './period-picker.tsx';
import { RosterGrid, type Brush } from './roster-grid.tsx';
import { useSelection } from './selection.tsx';
import { SignalPanel, type OpenShift } from './signal-panel.tsx';
import { signalsByCell, TIER_ORDER } from './signals.ts';
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
  const navigate = useNavigate();
  // Sick call / absence: the dialog, the recovery dialog, and afterwards the offer to re-plan.
  const [reporting, setReporting] = useState<{ employeeId: string; date: string } | null>(null);
  const [recovering, setRecovering] = useState<{ absence: Absence; date: string } | null>(null);
  const [offer, setOffer] = useState<{
    absence: Absence;
    recovered: boolean;
    open: Array<{ date: string; shiftTypeId: string }>;
    window: { from: string; to: string } | null;
  } | null>(null);
  const [replanning, setReplanning] = useState(false);
  const [replanError, setReplanError] = useState<unknown>(null);

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
    const nameOf = (id: string) => data?.model.employees[data.model.rowOf.get(id) ?? -1]?.name ?? id;
    return [...roster.signals].sort(
      (a, b) =>
        TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
        (a.dates[0] ?? '').localeCompare(b.dates[0] ?? '') ||
        nameOf(a.employeeId).localeCompare(nameOf(b.employeeId)),
    );
  }, [roster.signals, data]);

  const write = useCallback(
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
  // Clearing a pinned shift asks first: it was fixed on purpose.
  const [pinnedPending, setPinnedPending] = useState<{ changes: CellWrite[]; pinned: number } | null>(null);
  const onChange = useCallback(
    (changes: CellWrite[]) => {
      const pinned = data ? pinnedClears(data.model, changes).length : 0;
      if (pinned > 0) setPinnedPending({ changes, pinned });
      else write(changes);
    },
    [data, write],
  );
  const panelRef = useRef<HTMLDivElement>(null);
  /** Enter or double-click on a cell: its details in the side panel, which gets the focus. */
  const openDetails = useCallback((p: { row: number; col: number }) => {
    setActive(p);
    setOpenShift(null);
    requestAnimationFrame(() => {
      panelRef.current?.scrollIntoView({ block: 'nearest' });
      panelRef.current?.focus();
    });
  }, []);

  /** After a sick call or recovery: show it in the grid, re-check, and offer to re-plan the open shifts. */
  const absenceSaved = (absence: Absence, recovered: boolean) => {
    roster.putAbsence(absence);
    setReporting(null);
    setRecovering(null);
    setReplanError(null);
    const open = data ? shiftsFallingOpen(data.model, absence) : [];
    setOffer({ absence, recovered, open, window: replanWindow(open) });
  };

  async function replan(window: { from: string; to: string }) {
    if (!data) return;
    setReplanning(true);
    setReplanError(null);
    try {
      // The optimiser's window re-plan, with minimal changes: every changed cell costs.
      const job = await jobs.start({
        kind: 'roster',
        timeLimitSeconds: 10,
        params: { rosterPeriodId: data.period.id, window, replan: true },
      });
      navigate(`/optimaliseren?job=${encodeURIComponent(job.id)}`);
    } catch (e) {
      setReplanError(e);
    } finally {
      setReplanning(false);
    }
  }

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
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                const row = active ? active.row : (rows[0] ?? 0);
                setReporting({
                  employeeId: data.model.employees[row]?.id ?? '',
                  date: data.model.dates[active?.col ?? 0] ?? period.start,
                });
              }}
            >
              {t('absence.report')}
            </button>
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
          {offer && (
            <ReplanOffer
              offer={offer}
              name={data.model.employees[data.model.rowOf.get(offer.absence.employeeId) ?? -1]?.name ?? ''}
              codeOf={(id) => data.model.shiftTypes[data.model.shiftIndexOf.get(id) ?? -1]?.code ?? id}
              busy={replanning}
              onReplan={(w) => void replan(w)}
              onClose={() => setOffer(null)}
            />
          )}
          <ErrorNotice error={replanError} endpoint="POST /api/jobs" />
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
                onOpenDetails={openDetails}
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
            <div ref={panelRef} tabIndex={-1} className="side-panel-wrap" data-testid="cell-details">
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
                absenceList={data.absences}
                onReportAbsence={(employeeId, date) => setReporting({ employeeId, date })}
                onRecover={(absence, date) => {
                  const { first, last } = absenceDays(absence);
                  // Suggest the chosen day as the first day back, or the day after the last one.
                  setRecovering({ absence, date: date > first ? date : addDays(last, 1) });
                }}
              />
            </div>
          </div>
          <Dialog
            title={t('roster.clearPinnedTitle')}
            open={pinnedPending !== null}
            onClose={() => setPinnedPending(null)}
          >
            <p>{t('roster.clearPinnedText', { count: pinnedPending?.pinned ?? 0 })}</p>
            <div className="form-row">
              <button
                type="button"
                className="btn btn-danger"
                onClick={() => {
                  if (pinnedPending) write(pinnedPending.changes);
                  setPinnedPending(null);
                }}
              >
                {t('roster.clearPinnedConfirm')}
              </button>
              <button type="button" className="btn btn-ghost" onClick={() => setPinnedPending(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </Dialog>
          <AbsenceDialog
            open={reporting !== null}
            onClose={() => setReporting(null)}
            employees={data.model.employees}
            employeeId={reporting?.employeeId ?? ''}
            date={reporting?.date ?? period.start}
            onSaved={(a) => absenceSaved(a, false)}
          />
          <RecoveryDialog
            absence={recovering?.absence ?? null}
            employeeName={
              recovering
                ? (data.model.employees[data.model.rowOf.get(recovering.absence.employeeId) ?? -1]?.name ??
                  '')
                : ''
            }
            date={recovering?.date ?? period.start}
            onClose={() => setRecovering(null)}
            onSaved={(a) => absenceSaved(a, true)}
          />
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

/** After a sick call: what it means for the roster and the re-plan of just the days it opened. */
function ReplanOffer({
  offer,
  name,
  codeOf,
  busy,
  onReplan,
  onClose,
}: {
  offer: {
    absence: Absence;
    recovered: boolean;
    open: Array<{ date: string; shiftTypeId: string }>;
    window: { from: string; to: string } | null;
  };
  name: string;
  codeOf: (shiftTypeId: string) => string;
  busy: boolean;
  onReplan: (window: { from: string; to: string }) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const day = (d: string) => `${formatDate(d, lang, 'weekday')} ${formatDate(d, lang)}`;
  const { absence, open, window } = offer;
  const period = describePeriod(absence.start, absence.end, lang);
  const kind = t(`absence.kind_${absence.kind}`).toLowerCase();
  return (
    <div className="notice notice-info replan-offer" role="status" data-testid="replan-offer">
      <strong>
        {offer.recovered
          ? t(absence.kind === 'sick' ? 'absence.recoveredSaved' : 'absence.endSaved', {
              name,
              back: day(absence.end.slice(0, 10)),
            })
          : absence.kind === 'sick'
            ? t('absence.sickSaved', { name, period })
            : t('absence.saved', { name, kind, period })}
      </strong>
      {open.length > 0 ? (
        <>
          <span>{t('absence.openShifts', { count: open.length })}</span>
          <ul>
            {open.map((o) => (
              <li key={o.date}>
                {day(o.date)} · {codeOf(o.shiftTypeId)}
              </li>
            ))}
          </ul>
          {window && (
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={busy}
              onClick={() => onReplan(window)}
            >
              {t('absence.replan', {
                from: day(window.from),
                to: day(window.to),
              })}
            </button>
          )}
          <span className="hint">{t('absence.replanHint')}</span>
        </>
      ) : (
        <span>{t('absence.noOpenShifts')}</span>
      )}
      <button type="button" className="btn btn-ghost btn-small" onClick={onClose}>
        {open.length > 0 ? t('absence.later') : t('common.close')}
      </button>
    </div>
  );
}
