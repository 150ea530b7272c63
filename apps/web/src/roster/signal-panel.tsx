/** Side panel: the active cell's signals with rule, article, measured vs limit; the best candidates. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pending } from '../api/endpoints.ts';
import type { RuleSignal } from '../api/types.ts';
import { formatDate } from '../dates.ts';
import { ErrorNotice } from '../components/ui.tsx';
import { shiftAt, type CellChange, type GridModel, type Position } from './grid-model.ts';
import { formatMeasure } from './signals.ts';

export function SignalCard({ signal, model }: { signal: RuleSignal; model?: GridModel }) {
  const { t, i18n } = useTranslation();
  const name = model?.employees[model.rowOf.get(signal.employeeId) ?? -1]?.name;
  return (
    <article className={`signal-card tier-${signal.tier}`}>
      <header>
        <span className={`tier-badge tier-${signal.tier}`}>{t(`signals.tier_${signal.tier}`)}</span>
        <strong>{signal.title}</strong>
      </header>
      {name && (
        <p className="muted">
          {name}
          {signal.dates.length > 0 &&
            ` · ${signal.dates.map((d) => formatDate(d, i18n.language)).join(', ')}`}
        </p>
      )}
      <dl className="measure">
        {signal.article && (
          <>
            <dt>{t('signals.article')}</dt>
            <dd>{signal.article}</dd>
          </>
        )}
        {Number.isFinite(signal.measured) && (
          <>
            <dt>{t('signals.measured')}</dt>
            <dd>{formatMeasure(signal.measured, signal.unit)}</dd>
          </>
        )}
        {Number.isFinite(signal.limit) && (
          <>
            <dt>{t('signals.limit')}</dt>
            <dd>{formatMeasure(signal.limit, signal.unit)}</dd>
          </>
        )}
      </dl>
      {signal.explanation && <p className="explanation">{signal.explanation}</p>}
      {signal.unconfirmed && <p className="muted">{t('signals.unconfirmed')}</p>}
    </article>
  );
}

export function SignalPanel({
  model,
  periodId,
  active,
  signalsAtActive,
  allSignals,
  signalsAvailable,
  onAssign,
  readOnly,
}: {
  model: GridModel;
  periodId: string;
  active: Position | null;
  signalsAtActive: RuleSignal[];
  allSignals: RuleSignal[];
  signalsAvailable: boolean;
  onAssign: (changes: CellChange[]) => void;
  readOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<'cell' | 'all'>('cell');
  const [candidates, setCandidates] = useState<Array<{
    employeeId: string;
    cost: number;
    notes?: string[];
  }> | null>(null);
  const [candidateError, setCandidateError] = useState<unknown>(null);
  const activeKey = active ? `${active.row}:${active.col}` : '';
  useEffect(() => {
    setCandidates(null);
    setCandidateError(null);
  }, [activeKey]);

  const employee = active ? model.employees[active.row] : undefined;
  const date = active ? model.dates[active.col] : undefined;
  const shift = active ? shiftAt(model, active.row, active.col) : undefined;

  async function loadCandidates() {
    if (!date) return;
    setCandidateError(null);
    try {
      const r = await pending.candidates(periodId, employee?.id, date, shift?.id);
      setCandidates(r.items);
    } catch (e) {
      setCandidateError(e);
    }
  }

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
          {!active || !employee || !date ? (
            <p className="muted">{t('signals.selectCell')}</p>
          ) : (
            <>
              <h2 className="panel-title">
                {t('signals.cellTitle', {
                  name: employee.name,
                  date: formatDate(date, i18n.language, 'long'),
                })}
              </h2>
              <p>
                {shift ? (
                  <span className="shift-chip" style={{ background: shift.color }}>
                    {shift.code}
                  </span>
                ) : null}{' '}
                {shift ? `${shift.name} (${shift.start}–${shift.end})` : t('shift.empty')}
                {model.pinned[active.row * model.dates.length + active.col] === 1 &&
                  ` · ${t('roster.pinned')}`}
              </p>
              {signalsAtActive.length === 0 ? (
                <p className="muted">{t('signals.none')}</p>
              ) : (
                signalsAtActive.map((s) => <SignalCard key={s.id} signal={s} />)
              )}
              <section className="candidates">
                <button type="button" className="btn btn-secondary" onClick={() => void loadCandidates()}>
                  {t('signals.why')}
                </button>
                <ErrorNotice error={candidateError} endpoint="GET /api/roster-periods/{id}/candidates" />
                {candidates && candidates.length === 0 && (
                  <p className="muted">{t('signals.noCandidates')}</p>
                )}
                {candidates && candidates.length > 0 && (
                  <ol className="candidate-list" aria-label={t('signals.candidates')}>
                    {candidates.slice(0, 8).map((c) => {
                      const name = model.employees[model.rowOf.get(c.employeeId) ?? -1]?.name ?? c.employeeId;
                      return (
                        <li key={c.employeeId}>
                          <span className="cand-name">{name}</span>
                          <span className="muted">{t('signals.candidateCost', { cost: c.cost })}</span>
                          {c.notes?.length ? <span className="muted">{c.notes.join('; ')}</span> : null}
                          {!readOnly && shift && (
                            <button
                              type="button"
                              className="btn btn-small"
                              onClick={() =>
                                onAssign([{ employeeId: c.employeeId, date, shiftTypeId: shift.id }])
                              }
                            >
                              {t('signals.assignCandidate')}
                            </button>
                          )}
                        </li>
                      );
                    })}
                  </ol>
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
            allSignals.slice(0, 200).map((s) => <SignalCard key={s.id} signal={s} model={model} />)
          )}
        </div>
      )}
    </aside>
  );
}
