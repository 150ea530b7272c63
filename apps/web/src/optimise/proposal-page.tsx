/**
 * A proposal against the current roster: per person the changes, hours vs contract, nights and
 * weekend days; the score breakdown; accept or reject as a whole or per person.
 */
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { proposals } from '../api/endpoints.ts';
import type { Proposal, RosterProposalPayload, ScorePart } from '../api/types.ts';
import { formatDate } from '../dates.ts';
import { textColorOn } from '../components/color.ts';
import { ErrorNotice, Notice, PageHeader, Spinner } from '../components/ui.tsx';
import type { GridModel } from '../roster/grid-model.ts';
import { useRoster } from '../roster/use-roster.ts';
import { chosenWithChanges, diffProposal, type PersonDiff, type ProposalDiff } from './proposal-diff.ts';
import {
  hardSummary,
  proposalCoverage,
  type CoverageFigures,
  type HardSummary,
  type ProposalCoverage,
} from './proposal-summary.ts';

function hours(minutes: number): string {
  return (minutes / 60).toLocaleString(undefined, { maximumFractionDigits: 1 });
}

function Delta({ before, after, unit = '' }: { before: number; after: number; unit?: string }) {
  const d = after - before;
  return (
    <>
      {before}
      {unit} → <strong>{after}</strong>
      {unit} {d !== 0 && <span className={d > 0 ? 'delta-up' : 'delta-down'}>({d > 0 ? `+${d}` : d})</span>}
    </>
  );
}

function ShiftCode({ model, id }: { model: GridModel; id: string | null }) {
  const shift = id ? model.shiftTypes[model.shiftIndexOf.get(id) ?? -1] : undefined;
  if (!shift) return <span className="code">–</span>;
  return (
    <span className="code" style={{ background: shift.color, color: textColorOn(shift.color) }}>
      {shift.code}
    </span>
  );
}

/** The score breakdown the solver may attach to its payload (several shapes accepted). */
function breakdownOf(payload: unknown): ScorePart[] {
  const p = payload as { breakdown?: unknown; score?: { breakdown?: unknown } } | null;
  const raw = p?.breakdown ?? p?.score?.breakdown;
  if (Array.isArray(raw)) return raw as ScorePart[];
  if (raw && typeof raw === 'object')
    return Object.entries(raw as Record<string, number>).map(([constraint, penalty]) => ({
      constraint,
      penalty: Number(penalty),
    }));
  return [];
}

export function ProposalPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [proposal, setProposal] = useState<Proposal<RosterProposalPayload> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());

  useEffect(() => {
    if (id) proposals.get<RosterProposalPayload>(id).then(setProposal).catch(setError);
  }, [id]);

  const periodId = proposal?.payload?.rosterPeriodId ?? proposal?.targetId ?? null;
  const roster = useRoster(periodId);
  const model = roster.data?.model;
  const window = proposal?.payload?.window;
  const diff = useMemo(
    () => (model && proposal ? diffProposal(model, proposal.payload.assignments ?? [], window) : null),
    [model, proposal, window],
  );
  const breakdown = useMemo(() => breakdownOf(proposal?.payload), [proposal]);
  const coverage = useMemo(
    () =>
      model && roster.data && proposal
        ? proposalCoverage(model, roster.data.demand, proposal.payload.assignments ?? [], window)
        : null,
    [model, roster.data, proposal, window],
  );
  const hard = useMemo(() => hardSummary(proposal?.payload), [proposal]);
  const stale = !!roster.data && !!proposal && roster.data.period.version !== proposal.baseVersion;
  const lang = i18n.language;

  async function acceptAll() {
    if (!proposal) return;
    setBusy(true);
    setError(null);
    try {
      const reason = roster.data?.period.status === 'published' ? t('proposal.title') : undefined;
      const r = await proposals.accept(proposal.id, reason);
      setProposal({ ...proposal, status: r.proposal.status });
      setDone(t('proposal.accepted'));
      await roster.reload();
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 409) await roster.reload();
    } finally {
      setBusy(false);
    }
  }

  async function acceptSelected() {
    if (!proposal || !diff) return;
    const employeeIds = chosenWithChanges(diff, selected);
    if (employeeIds.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      // The server takes over these people's cells (version-checked, audited); the rest of the
      // proposal stays open against the roster version this wrote.
      const reason = roster.data?.period.status === 'published' ? t('proposal.title') : undefined;
      const r = await proposals.acceptFor(proposal.id, employeeIds, reason);
      setProposal(r.proposal as Proposal<RosterProposalPayload>);
      setSelected(new Set());
      setDone(
        t('proposal.partlyAccepted', { count: employeeIds.length }) +
          (r.remainingEmployeeIds.length
            ? ' ' + t('proposal.restOpen', { count: r.remainingEmployeeIds.length })
            : ''),
      );
      await roster.reload();
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 409) await roster.reload();
    } finally {
      setBusy(false);
    }
  }

  async function reject() {
    if (!proposal) return;
    setBusy(true);
    try {
      const r = await proposals.reject(proposal.id);
      setProposal({ ...proposal, status: r.status });
      setDone(t('proposal.rejected'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (p: PersonDiff) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(p.employeeId)) next.delete(p.employeeId);
      else next.add(p.employeeId);
      return next;
    });

  const open = proposal?.status === 'open';
  const takenOver = (proposal?.payload.acceptedEmployeeIds ?? [])
    .map((e) => model?.employees[model.rowOf.get(e) ?? -1]?.name ?? e)
    .join(', ');
  return (
    <div className="page">
      <PageHeader title={t('proposal.title')}>
        {proposal && (
          <span className={`status-badge status-${open ? 'draft' : 'published'}`}>
            {t(`proposal.status_${proposal.status}`)}
          </span>
        )}
      </PageHeader>
      <p className="muted">{t('proposal.intro')}</p>
      <ErrorNotice error={error ?? roster.error} />
      {done && (
        <Notice kind="success">
          {done}{' '}
          <button type="button" className="btn btn-small" onClick={() => navigate('/rooster')}>
            {t('nav.roster')}
          </button>
        </Notice>
      )}
      {(!proposal || !diff || !model) && !error && <Spinner label={t('app.loading')} />}
      {proposal && diff && model && (
        <>
          {stale && open && <Notice kind="warning">{t('proposal.stale')}</Notice>}
          {takenOver && (
            <p className="muted" data-testid="taken-over">
              {t('proposal.takenOver', { names: takenOver })}
            </p>
          )}
          <div className="toolbar">
            <strong data-testid="proposal-summary">
              {diff.changedCells
                ? t('proposal.changedCells', { count: diff.changedCells, people: diff.people.length })
                : open
                  ? t('proposal.noChanges')
                  : t('proposal.closed', { status: t(`proposal.status_${proposal.status}`) })}
            </strong>
            {window && (
              <span className="muted" data-testid="proposal-window">
                {t('proposal.window', {
                  from: `${formatDate(window.from, lang, 'weekday')} ${formatDate(window.from, lang)}`,
                  to: `${formatDate(window.to, lang, 'weekday')} ${formatDate(window.to, lang)}`,
                })}
                {proposal.payload.replan ? ` · ${t('proposal.minimalChanges')}` : ''}
              </span>
            )}
            <span style={{ marginLeft: 'auto', display: 'flex', gap: 8 }}>
              <button
                type="button"
                className="btn btn-primary"
                disabled={!open || busy}
                onClick={() => void acceptAll()}
              >
                {t('proposal.acceptAll')}
              </button>
              <button
                type="button"
                className="btn"
                disabled={!open || busy || selected.size === 0}
                onClick={() => void acceptSelected()}
              >
                {t('proposal.acceptSelected', { count: selected.size })}
              </button>
              <button
                type="button"
                className="btn btn-ghost"
                disabled={!open || busy}
                onClick={() => void reject()}
              >
                {t('proposal.rejectAll')}
              </button>
            </span>
          </div>
          {coverage && (
            <ProposalSummary
              model={model}
              coverage={coverage}
              hard={hard}
              diff={diff}
              windowed={!!window}
              lang={lang}
            />
          )}
          <h2>{t('proposal.perPerson')}</h2>
          <div
            className={breakdown.length ? 'optimise-layout' : ''}
            style={breakdown.length ? { gridTemplateColumns: 'minmax(0,1fr) 300px' } : undefined}
          >
            <div className="table-wrap" style={{ maxHeight: '68vh' }}>
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">{t('proposal.selectPerson', { name: '' })}</span>
                    </th>
                    <th scope="col">{t('proposal.person')}</th>
                    <th scope="col">{t('proposal.changes')}</th>
                    <th scope="col" className="num">
                      {t('proposal.hoursVsContract')}
                    </th>
                    <th scope="col" className="num">
                      {t('proposal.nights')}
                    </th>
                    <th scope="col" className="num">
                      {t('proposal.weekends')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {diff.people.map((p) => (
                    <tr key={p.employeeId}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('proposal.selectPerson', { name: p.name })}
                          checked={selected.has(p.employeeId)}
                          disabled={!open}
                          onChange={() => toggle(p)}
                        />
                      </td>
                      <th scope="row">{p.name}</th>
                      <td>
                        <div className="change-list">
                          {p.changes.map((c) => (
                            <span key={c.date} className="change" title={formatDate(c.date, lang, 'long')}>
                              {formatDate(c.date, lang)} <ShiftCode model={model} id={c.from} /> →{' '}
                              <ShiftCode model={model} id={c.to} />
                            </span>
                          ))}
                        </div>
                      </td>
                      <td className="num">
                        {hours(p.minutesBefore)} → <strong>{hours(p.minutesAfter)}</strong> /{' '}
                        {hours(p.contractMinutes)}
                      </td>
                      <td className="num">
                        <Delta before={p.nightsBefore} after={p.nightsAfter} />
                      </td>
                      <td className="num">
                        <Delta before={p.weekendDaysBefore} after={p.weekendDaysAfter} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {breakdown.length > 0 && (
              <section className="card">
                <h2>{t('proposal.breakdown')}</h2>
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t('proposal.constraint')}</th>
                      <th scope="col" className="num">
                        {t('proposal.penalty')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {breakdown.map((part) => (
                      <tr key={part.constraint}>
                        <td>
                          {part.label ?? part.constraint}
                          {part.count !== undefined && <span className="muted"> ×{part.count}</span>}
                        </td>
                        <td className="num">{part.penalty}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}
          </div>
        </>
      )}
    </div>
  );
}

/** How many items a summary list shows before "and N more". */
const LIST_LIMIT = 25;

/**
 * What the proposal leaves behind, before accepting it: hard rule violations (how many, which,
 * new or already there), shifts below the minimum and the ideal bezetting, and the changes per
 * person. In planners' words; never a raw score.
 */
function ProposalSummary({
  model,
  coverage,
  hard,
  diff,
  windowed,
  lang,
}: {
  model: GridModel;
  coverage: ProposalCoverage;
  hard: HardSummary | null;
  diff: ProposalDiff;
  windowed: boolean;
  lang: string;
}) {
  const { t } = useTranslation();
  const day = (d: string) => `${formatDate(d, lang, 'weekday')} ${formatDate(d, lang)}`;
  const code = (id: string) => model.shiftTypes[model.shiftIndexOf.get(id) ?? -1]?.code ?? id;
  const text = (x: { nl: string; en: string }) => (lang.startsWith('en') ? x.en : x.nl);
  const before = (f: CoverageFigures) =>
    t('proposal.nowShort', { count: f.belowMinimum, missing: f.missing });
  const short = coverage.shortfalls.filter((s) => s.short);
  const belowIdeal = coverage.shortfalls.filter((s) => !s.short);
  return (
    <section className="proposal-summary" aria-label={t('proposal.leavesBehind')}>
      <div className="card" data-testid="summary-hard">
        <h2>{t('proposal.hardTitle')}</h2>
        {hard ? (
          <>
            <p>
              <strong className={`figure ${hard.after > 0 ? 'bad' : 'good'}`} data-testid="hard-count">
                {t('proposal.hardLeft', { count: hard.after })}
              </strong>{' '}
              <span className="muted">{t('proposal.hardNow', { count: hard.before })}</span>
            </p>
            {hard.added > 0 && (
              <p className="notice notice-warning">{t('proposal.hardAdded', { count: hard.added })}</p>
            )}
            {hard.items.length > 0 && (
              <ul data-testid="hard-list">
                {hard.items.slice(0, LIST_LIMIT).map((x, i) => (
                  <li key={`${x.constraint}|${x.employeeId ?? ''}|${x.dates.join(',')}|${i}`}>
                    {!x.existing && <span className="badge-new">{t('proposal.new')}</span>}{' '}
                    <strong>{x.name ?? t('proposal.someone')}</strong>
                    {x.dates.length > 0 && ` · ${x.dates.map(day).join(', ')}`}: {text(x.title)}
                    {x.cite && <span className="muted"> ({x.cite})</span>}
                    <div className="muted">{text(x.message)}</div>
                  </li>
                ))}
              </ul>
            )}
            {hard.after > LIST_LIMIT && (
              <p className="muted">{t('proposal.more', { count: hard.after - LIST_LIMIT })}</p>
            )}
          </>
        ) : (
          <p className="muted">{t('proposal.hardUnknown')}</p>
        )}
      </div>
      <div className="card" data-testid="summary-coverage">
        <h2>{t('proposal.coverageTitle')}</h2>
        <p>
          <strong
            className={`figure ${coverage.after.belowMinimum > 0 ? 'bad' : 'good'}`}
            data-testid="below-minimum"
          >
            {t('proposal.belowMinimum', {
              count: coverage.after.belowMinimum,
              missing: coverage.after.missing,
            })}
          </strong>{' '}
          <span className="muted">{before(coverage.before)}</span>
        </p>
        <p data-testid="below-ideal">
          {t('proposal.belowIdeal', { count: coverage.after.belowIdeal })}{' '}
          <span className="muted">{t('proposal.nowIdeal', { count: coverage.before.belowIdeal })}</span>
        </p>
        {windowed && coverage.inWindow && (
          <p data-testid="window-coverage">
            {t('proposal.inWindow', {
              count: coverage.inWindow.belowMinimum,
              ideal: coverage.inWindow.belowIdeal,
            })}
          </p>
        )}
        {short.length > 0 && (
          <>
            <h3>{t('proposal.shortList')}</h3>
            <ul data-testid="short-list">
              {short.slice(0, LIST_LIMIT).map((s) => (
                <li key={`${s.date}|${s.shiftTypeId}|${s.minLevel}`}>
                  {day(s.date)} · {t('coverage.rowLabel', { code: code(s.shiftTypeId), level: s.minLevel })}:{' '}
                  {t('coverage.cell', { count: s.count, min: s.min, ideal: s.ideal })}
                  {windowed && !s.inWindow && <span className="muted"> · {t('proposal.outsideWindow')}</span>}
                </li>
              ))}
            </ul>
            {short.length > LIST_LIMIT && (
              <p className="muted">{t('proposal.more', { count: short.length - LIST_LIMIT })}</p>
            )}
          </>
        )}
        {belowIdeal.length > 0 && short.length === 0 && <p className="muted">{t('proposal.minimumMet')}</p>}
      </div>
      <div className="card" data-testid="summary-changes">
        <h2>{t('proposal.changesTitle')}</h2>
        <p>
          {diff.changedCells
            ? t('proposal.changedCells', { count: diff.changedCells, people: diff.people.length })
            : t('proposal.noChanges')}
        </p>
        {diff.people.length > 0 && (
          <ul>
            {diff.people.slice(0, LIST_LIMIT).map((p) => (
              <li key={p.employeeId}>
                <strong>{p.name}</strong>: {t('proposal.personChanges', { count: p.changes.length })}
              </li>
            ))}
          </ul>
        )}
        {diff.people.length > LIST_LIMIT && (
          <p className="muted">{t('proposal.more', { count: diff.people.length - LIST_LIMIT })}</p>
        )}
      </div>
    </section>
  );
}
