/** Home-care day plan: timeline per carer beside the map of routes; re-plan on drop-out; continuity. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followJob } from '../api/job-events.ts';
import { jobs, planning, proposals } from '../api/endpoints.ts';
import type { CareVisit, Client, Employee, JobStatus, RoutePlan, Team } from '../api/types.ts';
import { formatClock, formatDate, todayLocal } from '../dates.ts';
import { ErrorNotice, Notice, PageHeader, SelectField, Spinner, TextField } from '../components/ui.tsx';
import { continuity, dayRange, routePath, routeTotals, ROUTE_COLORS, timelineSegments } from './day-plan.ts';
import { routePlanFromPayload } from './plan-payload.ts';
import { RouteMap, type MapPoint, type MapRoute } from './route-map.tsx';
import { nearestVisitDay, stepVisitDay } from './visit-days.ts';

export function HomeCarePage() {
  const { t, i18n } = useTranslation();
  const [teams, setTeams] = useState<Team[]>([]);
  const [teamId, setTeamId] = useState('');
  const [date, setDate] = useState('');
  /** Days with visits for the team (oldest first): the screen opens on today or the nearest of them. */
  const [visitDays, setVisitDays] = useState<Array<{ date: string; visits: number }>>([]);
  const [seconds, setSeconds] = useState(10);
  const [visits, setVisits] = useState<CareVisit[]>([]);
  const [clients, setClients] = useState<Client[]>([]);
  const [carers, setCarers] = useState<Employee[]>([]);
  const [plan, setPlan] = useState<RoutePlan | null>(null);
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [highlight, setHighlight] = useState<string | null>(null);
  const stop = useRef<(() => void) | null>(null);

  useEffect(() => {
    planning
      .teams()
      .then((all) => {
        const list = all.filter((x) => x.kind === 'home-care');
        setTeams(list);
        setTeamId((id) => id || list[0]?.id || '');
      })
      .catch(setError);
    return () => stop.current?.();
  }, []);

  useEffect(() => {
    if (!teamId) return;
    let live = true;
    planning
      .visitDays(teamId)
      .then((days) => {
        if (!live) return;
        setVisitDays(days);
        const dates = days.map((d) => d.date);
        setDate((d) => (d && dates.includes(d) ? d : (nearestVisitDay(dates, todayLocal()) ?? todayLocal())));
      })
      .catch((e) => {
        if (!live) return;
        setError(e);
        setDate((d) => d || todayLocal());
      });
    return () => {
      live = false;
    };
  }, [teamId]);

  useEffect(() => {
    if (!teamId || !date) return;
    setLoading(true);
    setPlan(null);
    setDropped(new Set());
    setError(null);
    Promise.all([
      planning.visits(date, teamId),
      planning.clients(teamId),
      planning.employees(teamId),
      // The latest plan of this day, if one was made before.
      proposals.list({ targetId: `${teamId}/${date}` }).catch(() => []),
    ])
      .then(([v, c, e, earlier]) => {
        setVisits(v);
        setClients(c);
        setCarers([...e].sort((a, b) => a.name.localeCompare(b.name, 'nl')));
        const latest = [...earlier].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
        if (latest) setPlan(routePlanFromPayload(latest.payload, new Map(v.map((x) => [x.id, x]))));
      })
      .catch(setError)
      .finally(() => setLoading(false));
  }, [teamId, date]);

  const dates = useMemo(() => visitDays.map((d) => d.date), [visitDays]);
  const visitById = useMemo(() => new Map(visits.map((v) => [v.id, v])), [visits]);
  const clientById = useMemo(() => new Map(clients.map((c) => [c.id, c])), [clients]);
  const carerById = useMemo(() => new Map(carers.map((c) => [c.id, c])), [carers]);

  async function runPlan(excluded: Set<string>) {
    setError(null);
    try {
      const kinds = await jobs.kinds();
      const kind = kinds.find((k) => /route|wijk|home/i.test(k.kind))?.kind;
      if (!kind) throw Object.assign(new Error('no route solver'), { missingKind: true });
      const job = await jobs.start({
        kind,
        timeLimitSeconds: seconds,
        params: { teamId, date, ...(excluded.size ? { excludedEmployeeIds: [...excluded] } : {}) },
      });
      setStatus(job.status);
      stop.current?.();
      stop.current = followJob(job.id, {
        onSnapshot: (j) => setStatus(j.status),
        onProgress: () => setStatus('running'),
        onStatus: (s, detail) => {
          setStatus(s);
          if (detail.error) setError(new Error(detail.error));
          const load = async () => {
            const proposalId = detail.proposalId ?? (await jobs.get(job.id)).proposalId;
            if (proposalId) {
              const proposal = await proposals.get(proposalId);
              setPlan(routePlanFromPayload(proposal.payload, visitById));
            } else {
              const finished = await jobs.get(job.id);
              if (finished.result) setPlan(routePlanFromPayload(finished.result, visitById));
            }
          };
          if (s === 'completed') void load().catch(setError);
        },
      });
    } catch (e) {
      if ((e as { missingKind?: boolean }).missingKind) setError({ notAvailable: true });
      else setError(e);
    }
  }

  const range = useMemo(() => dayRange(plan?.routes ?? []), [plan]);
  const colorOf = useMemo(() => {
    const map = new Map<string, string>();
    (plan?.routes ?? []).forEach((r, i) => map.set(r.employeeId, ROUTE_COLORS[i % ROUTE_COLORS.length]!));
    return map;
  }, [plan]);

  const mapRoutes: MapRoute[] = useMemo(
    () =>
      (plan?.routes ?? []).map((r) => {
        const home = carerById.get(r.employeeId)?.home;
        return {
          id: r.employeeId,
          label: carerById.get(r.employeeId)?.name ?? r.employeeId,
          color: colorOf.get(r.employeeId)!,
          path: routePath(r, (id) => clientById.get(id)?.point, home, home),
          dimmed: dropped.has(r.employeeId) || (highlight !== null && highlight !== r.employeeId),
        };
      }),
    [plan, carerById, clientById, colorOf, dropped, highlight],
  );
  const mapPoints: MapPoint[] = useMemo(() => {
    const seen = new Set<string>();
    const planned = new Map<string, string>();
    for (const r of plan?.routes ?? [])
      for (const s of r.stops) planned.set(s.clientId, colorOf.get(r.employeeId)!);
    const out: MapPoint[] = [];
    for (const v of visits) {
      if (seen.has(v.clientId)) continue;
      seen.add(v.clientId);
      const c = clientById.get(v.clientId);
      if (c)
        out.push({ id: c.id, label: `${c.name} · ${c.address}`, point: c.point, color: planned.get(c.id) });
    }
    return out;
  }, [visits, clientById, plan, colorOf]);

  // Mandatory visits the solver had to leave out, counted per reason (in the screen's language).
  const mandatoryReasons = useMemo(() => {
    const counts = new Map<string, number>();
    const dutch = i18n.language.startsWith('nl');
    for (const id of plan?.unassignedVisitIds ?? []) {
      const reason = plan?.unassignedReasons?.[id];
      if (!reason?.mandatory) continue;
      const text = dutch ? reason.nl : reason.en;
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1]);
  }, [plan, i18n.language]);
  const mandatoryUnassigned = mandatoryReasons.reduce((n, [, count]) => n + count, 0);

  const continuityRows = useMemo(
    () => (plan ? continuity([plan], (visitId) => visitById.get(visitId)?.preferredCarerIds) : []),
    [plan, visitById],
  );

  const span = Math.max(60, range.end - range.start);
  const pct = (m: number) => `${((m - range.start) / span) * 100}%`;
  // Every hour gets a tick; with a long day only every second or third is labelled, so the labels fit.
  const hours = Array.from({ length: span / 60 + 1 }, (_, i) => range.start + i * 60);
  const labelEvery = Math.max(1, Math.ceil(hours.length / 8));
  const running = status === 'queued' || status === 'running';
  const lang = i18n.language;

  return (
    <div className="page">
      <PageHeader title={t('homecare.title')}>
        <div className="picker">
          <SelectField label={t('common.team')} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            {teams.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('homecare.day')}
            type="date"
            value={date}
            list="visit-days"
            onChange={(e) => setDate(e.target.value)}
          />
          <datalist id="visit-days">
            {visitDays.map((d) => (
              <option key={d.date} value={d.date} label={t('homecare.visits', { count: d.visits })} />
            ))}
          </datalist>
          <span className="day-steps">
            <button
              type="button"
              className="btn btn-small btn-ghost"
              disabled={!stepVisitDay(dates, date, -1)}
              onClick={() => setDate(stepVisitDay(dates, date, -1)!)}
            >
              {t('homecare.previousDay')}
            </button>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              disabled={!stepVisitDay(dates, date, 1)}
              onClick={() => setDate(stepVisitDay(dates, date, 1)!)}
            >
              {t('homecare.nextDay')}
            </button>
          </span>
          <TextField
            label={t('optimise.timeLimit')}
            type="number"
            min={1}
            max={300}
            className="narrow"
            value={seconds}
            onChange={(e) => setSeconds(Math.max(1, Number(e.target.value) || 1))}
          />
          <button
            type="button"
            className="btn btn-primary"
            disabled={running || !teamId || loading || visits.length === 0}
            onClick={() => void runPlan(dropped)}
          >
            {running ? t('homecare.planning') : t('homecare.plan')}
          </button>
          {plan && dropped.size > 0 && (
            <button
              type="button"
              className="btn btn-secondary"
              disabled={running}
              onClick={() => void runPlan(dropped)}
            >
              {t('homecare.replan')}
            </button>
          )}
        </div>
      </PageHeader>
      {error && (error as { notAvailable?: boolean }).notAvailable ? (
        <Notice kind="warning">
          {t('common.notAvailable', { endpoint: 'job kind for home-care routes (GET /api/job-kinds)' })}
        </Notice>
      ) : (
        <ErrorNotice error={error} />
      )}
      {plan && (plan.violations?.length ?? 0) > 0 && (
        <Notice kind="warning">
          {t('homecare.violations', { count: plan.violations!.length })}
          <ul>
            {plan.violations!.slice(0, 5).map((v) => (
              <li key={v}>{v}</li>
            ))}
          </ul>
        </Notice>
      )}
      {mandatoryUnassigned > 0 && (
        <Notice kind="warning">
          {t('homecare.mandatoryUnassigned', { count: mandatoryUnassigned })}
          <ul>
            {mandatoryReasons.map(([reason, count]) => (
              <li key={reason}>
                {count} × {reason}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <div className="toolbar">
        <strong data-testid="homecare-day">{date && formatDate(date, lang, 'long')}</strong>
        <span>{t('homecare.visits', { count: visits.length })}</span>
        {plan && <span>{t('homecare.carers', { count: plan.routes.length })}</span>}
        {plan && plan.unassignedVisitIds.length > 0 && (
          <span className="cov-short-text">
            {t('homecare.unassigned', { count: plan.unassignedVisitIds.length })}
          </span>
        )}
        {dropped.size > 0 && (
          <span className="muted">
            {t('homecare.droppedOut', {
              names: [...dropped].map((id) => carerById.get(id)?.name ?? id).join(', '),
            })}
          </span>
        )}
        <span className="legend" style={{ marginLeft: 'auto' }}>
          <span>
            <span className="seg seg-travel" />
            {t('homecare.travel')}
          </span>
          <span>
            <span className="seg seg-visit" style={{ background: '#1f77b4' }} />
            {t('homecare.visit')}
          </span>
          <span>
            <span className="seg seg-wait" />
            {t('homecare.wait')}
          </span>
          <span>
            <span className="seg seg-break" />
            {t('homecare.break')}
          </span>
        </span>
      </div>
      {loading && <Spinner label={t('app.loading')} />}
      <div className="homecare-layout">
        <section aria-label={t('homecare.timeline')}>
          {!plan ? (
            <div className="card">
              <p className="muted">
                {running
                  ? t('homecare.planning')
                  : !loading && visits.length === 0
                    ? t('homecare.noVisits')
                    : t('homecare.noPlan')}
              </p>
            </div>
          ) : (
            <div className="timeline" data-testid="timeline">
              <div className="timeline-axis" aria-hidden="true">
                <div />
                <div className="axis-track">
                  {hours
                    .filter((_, i) => i % labelEvery === 0)
                    .map((h) => (
                      <span key={h} className="axis-tick" style={{ left: pct(h) }}>
                        {formatClock(h)}
                      </span>
                    ))}
                </div>
              </div>
              {plan.routes.map((r) => {
                const name = carerById.get(r.employeeId)?.name ?? r.employeeId;
                const totals = routeTotals(r);
                const color = colorOf.get(r.employeeId)!;
                return (
                  <div
                    key={r.employeeId}
                    className={`timeline-row${dropped.has(r.employeeId) ? ' dropped' : ''}`}
                  >
                    <div className="timeline-name">
                      <input
                        type="checkbox"
                        aria-label={`${name}: ${t('homecare.dropOut')}`}
                        title={t('homecare.dropOut')}
                        checked={dropped.has(r.employeeId)}
                        onChange={() =>
                          setDropped((d) => {
                            const next = new Set(d);
                            if (next.has(r.employeeId)) next.delete(r.employeeId);
                            else next.add(r.employeeId);
                            return next;
                          })
                        }
                      />
                      <span className="dot" style={{ background: color }} aria-hidden="true" />
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={highlight === r.employeeId}
                        title={`${t('homecare.showRoute')} · ${t('homecare.totals', totals)}`}
                        onClick={() => setHighlight((h) => (h === r.employeeId ? null : r.employeeId))}
                      >
                        {name}
                      </button>
                    </div>
                    <div
                      className="timeline-track"
                      role="list"
                      aria-label={`${name}: ${t('homecare.totals', totals)}`}
                    >
                      {timelineSegments(r).map((s, i) => {
                        const client = s.clientId ? clientById.get(s.clientId)?.name : undefined;
                        const text =
                          s.kind === 'visit'
                            ? t('homecare.stopLabel', {
                                client: client ?? s.clientId,
                                from: formatClock(s.start),
                                to: formatClock(s.end),
                              })
                            : `${t(`homecare.${s.kind}`)} ${formatClock(s.start)}–${formatClock(s.end)}`;
                        return (
                          <span
                            key={i}
                            role="listitem"
                            className={`seg seg-${s.kind}`}
                            style={{
                              left: pct(s.start),
                              width: `calc(${pct(s.end)} - ${pct(s.start)})`,
                              ...(s.kind === 'visit' ? { background: color } : {}),
                            }}
                            title={text}
                            aria-label={text}
                          />
                        );
                      })}
                    </div>
                  </div>
                );
              })}
            </div>
          )}
        </section>
        <section aria-label={t('homecare.map')}>
          <RouteMap routes={mapRoutes} points={mapPoints} label={t('homecare.map')} />
        </section>
      </div>
      {plan && continuityRows.length > 0 && (
        <section className="card">
          <h2>{t('homecare.continuity')}</h2>
          <p className="hint">{t('homecare.continuityHint')}</p>
          <div className="table-wrap" style={{ maxHeight: 300 }}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('homecare.client')}</th>
                  <th scope="col" className="num">
                    {t('homecare.visitsColumn')}
                  </th>
                  <th scope="col" className="num">
                    {t('homecare.carersPerClient')}
                  </th>
                  <th scope="col" className="num">
                    {t('homecare.byRegular')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {continuityRows.slice(0, 50).map((c) => (
                  <tr key={c.clientId}>
                    <td>{clientById.get(c.clientId)?.name ?? c.clientId}</td>
                    <td className="num">{c.visits}</td>
                    <td className="num">{c.carers}</td>
                    <td className="num">{c.withPreference ? `${c.byPreferred}/${c.withPreference}` : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
