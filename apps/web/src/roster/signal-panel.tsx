/** Side panel: the active cell's signals with rule, article, measured vs limit; the best candidates. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Absence, RuleSignal } from '../api/types.ts';
import { formatDate } from '../dates.ts';
import { describePeriod } from '../leave/leave-period.ts';
import { textColorOn } from '../components/color.ts';
import { ABSENCE_CODES, ABSENCE_KIND_INDEX, absenceOn } from './absence.ts';
import { rankCandidates, type CandidateEstimate, type Reason } from './candidates.ts';
import type { CoverageRow } from './coverage.ts';
import { shiftAt, type CellChange, type GridModel, type Position } from './grid-model.ts';
import { formatMeasure, inLanguage } from './signals.ts';

/** "ma 4 jan 23:00" from a local `YYYY-MM-DDTHH:MM`. */
function moment(dateTime: string, lang: string): string {
  return `${formatDate(dateTime.slice(0, 10), lang)} ${dateTime.slice(11, 16)}`;
}

export function SignalCard({
  signal,
  model,
  showName,
}: {
  signal: RuleSignal;
  model?: GridModel;
  showName?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const name = showName ? model?.employees[model.rowOf.get(signal.employeeId) ?? -1]?.name : undefined;
  const codeOf = (id: string | undefined) =>
    (id && model?.shiftTypes[model.shiftIndexOf.get(id) ?? -1]?.code) || '';
  return (
    <article className={`signal-card tier-${signal.tier}`} data-rule={signal.rule}>
      <header>
        <span className={`tier-badge tier-${signal.tier}`}>{t(`signals.tier_${signal.tier}`)}</span>
        <strong>{inLanguage(signal.title, lang)}</strong>
      </header>
      {name && (
        <p className="muted">
          {name}
          {signal.dates.length > 0 && ` · ${signal.dates.map((d) => formatDate(d, lang)).join(', ')}`}
        </p>
      )}
      <dl className="measure">
        <dt>{t('signals.rule')}</dt>
        <dd>
          <code>{signal.rule}</code>
        </dd>
        {signal.source && (
          <>
            <dt>{t('signals.article')}</dt>
            <dd data-testid="signal-source">{signal.source.cite}</dd>
            {signal.source.edition && (
              <>
                <dt>{t('signals.edition')}</dt>
                <dd>{signal.source.edition}</dd>
              </>
            )}
          </>
        )}
        {Number.isFinite(signal.measured) && (
          <>
            <dt>{t('signals.measured')}</dt>
            <dd data-testid="signal-measured">{formatMeasure(signal.measured, signal.unit, lang)}</dd>
          </>
        )}
        {Number.isFinite(signal.limit) && (
          <>
            <dt>{t('signals.limit')}</dt>
            <dd data-testid="signal-limit">{formatMeasure(signal.limit, signal.unit, lang)}</dd>
          </>
        )}
        {signal.period && (
          <>
            <dt>{t('signals.period')}</dt>
            <dd>
              {moment(signal.period.start, lang)} – {moment(signal.period.end, lang)}
            </dd>
          </>
        )}
        {signal.shifts.length > 0 && (
          <>
            <dt>{t('signals.shifts')}</dt>
            <dd>
              <ul className="signal-shifts">
                {signal.shifts.map((s) => (
                  <li key={s.start}>
                    {codeOf(s.shiftTypeId) && <strong>{codeOf(s.shiftTypeId)} </strong>}
                    {moment(s.start, lang)}–{s.end.slice(11, 16)}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <p className="explanation">{inLanguage(signal.message, lang)}</p>
      {signal.unconfirmed && <p className="muted">{t('signals.unconfirmed')}</p>}
    </article>
  );
}

function reasonText(t: (key: string, options?: Record<string, unknown>) => string, r: Reason): string {
  switch (r.key) {
    case 'restBefore':
    case 'restAfter':
      return t(`candidates.${r.key}`, { time: formatMeasure(r.minutes, 'min') });
    case 'overContract':
    case 'underContract':
      return t(`candidates.${r.key}`, { hours: r.hours.toLocaleString() });
    case 'streak':
    case 'weekend':
      return t(`candidates.${r.key}`, { days: r.days });
    case 'night':
      return t('candidates.night');
  }
}

/** A short or open shift chosen in the coverage rows. */
export interface OpenShift {
  col: number;
  shiftTypeId: string;
  minLevel: number;
}

export function SignalPanel({
  model,
  openShift,
  coverage,
  active,
  signalsAtActive,
  allSignals,
  signalsAvailable,
  absences,
  absenceList,
  onReportAbsence,
  onRecover,
  onAssign,
  readOnly,
}: {
  model: GridModel;
  active: Position | null;
  signalsAtActive: RuleSignal[];
  allSignals: RuleSignal[];
  signalsAvailable: boolean;
  absences?: Uint8Array;
  /** The absences behind `absences`, to name the one on the chosen day and end it. */
  absenceList?: Absence[];
  /** Register a sick call or other absence, starting at the chosen cell. */
  onReportAbsence?: (employeeId: string, date: string) => void;
  /** End the absence earlier (recovery), e.g. "hersteld melden". */
  onRecover?: (absence: Absence, date: string) => void;
  openShift?: OpenShift | null;
  coverage?: CoverageRow[];
  onAssign: (changes: CellChange[]) => void;
  readOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<'cell' | 'all'>('cell');
  const [candidateShift, setCandidateShift] = useState<string | null>(null);
  const activeKey = active ? `${active.row}:${active.col}` : '';
  // A shift on a day of absence needs cover: show who could take it straight away.
  const activeIndex = active ? active.row * model.dates.length + active.col : -1;
  const coverShift =
    active && absences?.[activeIndex] ? (shiftAt(model, active.row, active.col)?.id ?? null) : null;
  useEffect(() => setCandidateShift(coverShift), [activeKey, coverShift]);
  // Choosing a cell or an open shift shows its details, also when the list of all signals was open.
  const openKey = openShift ? `${openShift.col}:${openShift.shiftTypeId}:${openShift.minLevel}` : '';
  useEffect(() => {
    if (activeKey || openKey) setTab('cell');
  }, [activeKey, openKey]);
  const openCandidates = useMemo(
    () =>
      openShift
        ? rankCandidates(model, openShift.col, openShift.shiftTypeId, {
            absences,
            minLevel: openShift.minLevel,
          })
        : null,
    [model, openShift, absences],
  );

  const employee = active ? model.employees[active.row] : undefined;
  const date = active ? model.dates[active.col] : undefined;
  const shift = active ? shiftAt(model, active.row, active.col) : undefined;
  const index = active ? active.row * model.dates.length + active.col : -1;
  const pinned = index >= 0 && model.pinned[index] === 1;
  const absenceHere = employee && date && absenceList ? absenceOn(absenceList, employee.id, date) : undefined;
  const candidates = useMemo(
    () => (active && candidateShift ? rankCandidates(model, active.col, candidateShift, { absences }) : null),
    [model, active, candidateShift, absences],
  );

  return (
    <aside className="side-panel" aria-label={t('signals.panelTitle')}>
      <div className="tabs" role="tablist">
        <button role="tab" type="button" aria-selected={tab === 'cell'} onClick={() => setTab('cell')}>
          {t('signals.panelTitle')}
        </button>
        <button role="tab" type="button" aria-selected={tab === 'all'} onClick={() => setTab('all')}>
          {t('signals.showAll')} ({allSignals.length})
        </button>
      </div>
      {!signalsAvailable && (
        <p className="hint">
          {t('common.notAvailable', { endpoint: 'POST /api/roster-periods/{id}/check' })}
        </p>
      )}
      {tab === 'cell' ? (
        <div role="tabpanel" className="panel-body" aria-live="polite">
          {openShift && openCandidates ? (
            <OpenShiftCandidates
              model={model}
              openShift={openShift}
              coverage={coverage}
              candidates={openCandidates}
              onAssign={onAssign}
              readOnly={readOnly}
            />
          ) : !active || !employee || !date ? (
            <p className="muted">{t('signals.selectCell')}</p>
          ) : (
            <>
              <h2 className="panel-title">
                {t('signals.cellTitle', {
                  name: employee.name,
                  date: formatDate(date, i18n.language, 'long'),
                })}
              </h2>
              <p className="cell-summary">
                {shift ? (
                  <span
                    className="shift-chip"
                    style={{ background: shift.color, color: textColorOn(shift.color) }}
                  >
                    {shift.code}
                  </span>
                ) : null}{' '}
                {shift ? `${shift.name} (${shift.start}–${shift.end})` : t('shift.empty')}
                {pinned && ` · ${t('roster.pinned')}`}
                {shift && !readOnly && (
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    aria-pressed={pinned}
                    onClick={() =>
                      onAssign([{ employeeId: employee.id, date, shiftTypeId: shift.id, pinned: !pinned }])
                    }
                  >
                    {pinned ? t('roster.unpin') : t('roster.pin')}
                  </button>
                )}
              </p>
              {absenceHere ? (
                <div className="cell-absence" data-testid="cell-absence">
                  <p>
                    <span className={`absence-chip absence-${absenceHere.kind}`}>
                      {ABSENCE_CODES[ABSENCE_KIND_INDEX[absenceHere.kind] ?? 3]}
                    </span>{' '}
                    <strong>{t(`absence.kind_${absenceHere.kind}`)}</strong> ·{' '}
                    {describePeriod(absenceHere.start, absenceHere.end, i18n.language)}
                  </p>
                  {shift && (
                    <p className="notice notice-warning">{t('absence.needsCover', { code: shift.code })}</p>
                  )}
                  {!readOnly && onRecover && (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => onRecover(absenceHere, date)}
                    >
                      {absenceHere.kind === 'sick' ? t('absence.recover') : t('absence.endEarlier')}
                    </button>
                  )}
                </div>
              ) : shift && absences?.[index] ? (
                <p className="notice notice-warning">
                  {t('roster.absence')} ({ABSENCE_CODES[absences[index]!]})
                </p>
              ) : null}
              {!readOnly && onReportAbsence && !absenceHere && (
                <p>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => onReportAbsence(employee.id, date)}
                  >
                    {t('absence.report')}
                  </button>
                </p>
              )}
              {signalsAtActive.length === 0 ? (
                <p className="muted">{t('signals.none')}</p>
              ) : (
                signalsAtActive.map((s) => <SignalCard key={s.id} signal={s} model={model} />)
              )}
              <section className="candidates" aria-label={t('signals.why')}>
                <h3>{t('signals.why')}</h3>
                <p className="hint">{t('candidates.intro')}</p>
                <div className="brushes" role="group" aria-label={t('candidates.forShift')}>
                  {model.shiftTypes.map((s) => (
                    <button
                      key={s.id}
                      type="button"
                      className="brush brush-shift"
                      aria-pressed={(candidateShift ?? '') === s.id}
                      style={{ background: s.color, color: textColorOn(s.color) }}
                      title={s.name}
                      onClick={() => setCandidateShift(s.id)}
                    >
                      {s.code}
                    </button>
                  ))}
                </div>
                {candidates && candidateShift && (
                  <CandidateList
                    model={model}
                    candidates={candidates}
                    date={date}
                    shiftTypeId={candidateShift}
                    onAssign={onAssign}
                    readOnly={readOnly}
                  />
                )}
              </section>
            </>
          )}
        </div>
      ) : (
        <div role="tabpanel" className="panel-body">
          <h2 className="panel-title">{t('signals.allForPeriod')}</h2>
          {allSignals.length === 0 ? (
            <p className="muted">{t('roster.noSignals')}</p>
          ) : (
            allSignals.slice(0, 200).map((s) => <SignalCard key={s.id} signal={s} model={model} showName />)
          )}
        </div>
      )}
    </aside>
  );
}

function CandidateList({
  model,
  candidates,
  date,
  shiftTypeId,
  onAssign,
  readOnly,
}: {
  model: GridModel;
  candidates: CandidateEstimate[];
  date: string;
  shiftTypeId: string;
  onAssign: (changes: CellChange[]) => void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  if (candidates.length === 0) return <p className="muted">{t('signals.noCandidates')}</p>;
  return (
    <ol className="candidate-list" aria-label={t('signals.candidates')} data-testid="candidates">
      {candidates.map((c) => (
        <li key={c.employeeId}>
          <span className="cand-name">{model.employees[c.row]!.name}</span>
          <span className="cand-cost">{t('signals.candidateCost', { cost: c.cost })}</span>
          <span className="cand-reasons muted">{c.reasons.map((r) => reasonText(t, r)).join(' · ')}</span>
          {!readOnly && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => onAssign([{ employeeId: c.employeeId, date, shiftTypeId }])}
            >
              {t('signals.assignCandidate')}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}

function OpenShiftCandidates({
  model,
  openShift,
  coverage,
  candidates,
  onAssign,
  readOnly,
}: {
  model: GridModel;
  openShift: OpenShift;
  coverage?: CoverageRow[];
  candidates: CandidateEstimate[];
  onAssign: (changes: CellChange[]) => void;
  readOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const shift = model.shiftTypes[model.shiftIndexOf.get(openShift.shiftTypeId)!]!;
  const date = model.dates[openShift.col]!;
  const cell = coverage?.find(
    (r) => r.shiftTypeId === openShift.shiftTypeId && r.minLevel === openShift.minLevel,
  )?.cells[openShift.col];
  return (
    <>
      <h2 className="panel-title">
        {t('candidates.openShift', {
          code: shift.code,
          level: openShift.minLevel,
          date: formatDate(date, i18n.language, 'long'),
        })}
      </h2>
      {cell && (
        <p className={`coverage-chip cov-${cell.status}`}>
          {t('coverage.cell', { count: cell.count, min: cell.min, ideal: cell.ideal })} ·{' '}
          {t(`coverage.${cell.status}`)}
        </p>
      )}
      <p className="hint">{t('candidates.intro')}</p>
      <CandidateList
        model={model}
        candidates={candidates}
        date={date}
        shiftTypeId={openShift.shiftTypeId}
        onAssign={onAssign}
        readOnly={readOnly}
      />
    </>
  );
}
