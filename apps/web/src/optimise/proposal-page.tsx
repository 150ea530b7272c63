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
import { chosenWithChanges, diffProposal, type PersonDiff } from './proposal-diff.ts';

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
  const window = (proposal?.payload as { window?: { from: string; to: string } } | undefined)?.window;
  const diff = useMemo(
    () => (model && proposal ? diffProposal(model, proposal.payload.assignments ?? [], window) : null),
    [model, proposal, window],
  );
  const breakdown = useMemo(() => breakdownOf(proposal?.payload), [proposal]);
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
            <span className="muted">
              {t('proposal.scoreTotal')}:{' '}
              {proposal.score === null || proposal.score === undefined
                ? '–'
                : proposal.score.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL')}
            </span>
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
