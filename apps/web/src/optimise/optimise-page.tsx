/** Start an optimisation or re-plan of a window, follow it live, cancel, open the proposal. */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { followJob } from '../api/job-events.ts';
import { jobs, proposals } from '../api/endpoints.ts';
import type { JobStatus, ProgressPoint, Proposal, SolveJob } from '../api/types.ts';
import { addDays, formatDate } from '../dates.ts';
import { ErrorNotice, Notice, PageHeader, SelectField, Spinner, TextField } from '../components/ui.tsx';
import { PeriodPicker } from '../roster/period-picker.tsx';
import { useSelection } from '../roster/selection.tsx';
import { useRoster } from '../roster/use-roster.ts';
import { ScoreChart } from './score-chart.tsx';

export function OptimisePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { periodId } = useSelection();
  const roster = useRoster(periodId);
  const period = roster.data?.period;
  const [kinds, setKinds] = useState<Array<{ kind: string; description: string }>>([]);
  const [kind, setKind] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [seconds, setSeconds] = useState(10);
  const [minimal, setMinimal] = useState(false);
  // `?job=<id>`: follow a job started elsewhere (the re-plan after a sick call on the roster).
  const [search] = useSearchParams();
  const jobParam = search.get('job');
  const jobWindow = useRef<{ from: string; to: string } | null>(null);
  const [job, setJob] = useState<SolveJob | null>(null);
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [points, setPoints] = useState<ProgressPoint[]>([]);
  const [proposalId, setProposalId] = useState<string | null>(null);
  const [jobError, setJobError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const [openProposals, setOpenProposals] = useState<Proposal[]>([]);
  const stopFollowing = useRef<(() => void) | null>(null);
  // While running, the clock runs on between progress events so the line reaches "now".
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    jobs
      .kinds()
      .then((items) => {
        const roster = items.filter((k) => /roster|rooster/i.test(k.kind));
        const list = roster.length ? roster : items;
        setKinds(list);
        setKind((k) => k || list[0]?.kind || '');
      })
      .catch(setError);
    return () => stopFollowing.current?.();
  }, []);

  useEffect(() => {
    if (!period) return;
    setFrom(jobWindow.current?.from ?? period.start);
    setTo(jobWindow.current?.to ?? addDays(period.start, period.weeks * 7 - 1));
    proposals
      .list({ targetId: period.id, status: 'open' })
      .then(setOpenProposals)
      .catch(() => setOpenProposals([]));
  }, [period?.id]);

  const pinned = useMemo(
    () => (roster.data ? roster.data.model.pinned.reduce((n, p) => n + p, 0) : 0),
    [roster.data],
  );

  /** Show a job and follow it live until it ends. */
  function follow(created: SolveJob) {
    setJob(created);
    setStatus(created.status);
    setPoints(created.progress ?? []);
    setProposalId(created.proposalId);
    setStartedAt(null);
    stopFollowing.current?.();
    stopFollowing.current = followJob(created.id, {
      onSnapshot: (j) => {
        setJob(j);
        setStatus(j.status);
        setPoints(j.progress);
      },
      onProgress: (p) => {
        setStartedAt((t) => t ?? Date.now() - p.elapsedMs);
        setPoints((ps) => [...ps, p]);
      },
      onStatus: (s, detail) => {
        setStatus(s);
        if (detail.error) setJobError(detail.error);
        if (detail.proposalId) setProposalId(detail.proposalId);
        if (s === 'completed' && !detail.proposalId)
          void jobs.get(created.id).then((j) => j.proposalId && setProposalId(j.proposalId));
      },
    });
  }

  useEffect(() => {
    if (!jobParam) return;
    jobs
      .get(jobParam)
      .then((j) => {
        const params = (j.params ?? {}) as { window?: { from: string; to: string }; replan?: boolean };
        if (params.window) {
          jobWindow.current = params.window;
          setFrom(params.window.from);
          setTo(params.window.to);
        }
        if (params.replan !== undefined) setMinimal(params.replan);
        follow(j);
      })
      .catch(setError);
  }, [jobParam]);

  async function start(event: FormEvent) {
    event.preventDefault();
    if (!period || !kind) return;
    setStarting(true);
    setError(null);
    setJobError(null);
    setPoints([]);
    setProposalId(null);
    try {
      const whole = from === period.start && to === addDays(period.start, period.weeks * 7 - 1);
      const created = await jobs.start({
        kind,
        timeLimitSeconds: seconds,
        params: {
          rosterPeriodId: period.id,
          ...(whole ? {} : { window: { from, to } }),
          // A published roster is always re-planned with minimal changes (the server's default).
          ...(kind === 'roster' && period.status !== 'published' ? { replan: minimal } : {}),
        },
      });
      follow(created);
    } catch (e) {
      setError(e);
    } finally {
      setStarting(false);
    }
  }

  const running = status === 'queued' || status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  const best = points.length ? points[points.length - 1]!.score : job?.bestScore;
  const lastMs = points.length ? points[points.length - 1]!.elapsedMs : 0;
  const elapsedMs = running && startedAt !== null ? Math.max(lastMs, now - startedAt) : lastMs;
  const elapsed = elapsedMs / 1000;
  const lang = i18n.language;

  return (
    <div className="page">
      <PageHeader title={t('optimise.title')}>
        <PeriodPicker />
      </PageHeader>
      <p className="muted">{t('optimise.intro')}</p>
      {jobParam && jobWindow.current && (
        <Notice kind="info">
          {t('optimise.replanOfDays', {
            from: formatDate(jobWindow.current.from, lang),
            to: formatDate(jobWindow.current.to, lang),
          })}
        </Notice>
      )}
      <ErrorNotice error={roster.error ?? error} endpoint="POST /api/jobs" />
      {!period && roster.loading && <Spinner label={t('app.loading')} />}
      {period && (
        <div className="optimise-layout">
          <form className="card" onSubmit={start}>
            <h2>{t('optimise.window')}</h2>
            {kinds.length > 1 && (
              <SelectField
                label={t('optimise.solver')}
                value={kind}
                onChange={(e) => setKind(e.target.value)}
              >
                {kinds.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {k.description || k.kind}
                  </option>
                ))}
              </SelectField>
            )}
            <div className="form-row">
              <TextField
                label={t('common.from')}
                type="date"
                value={from}
                min={period.start}
                max={to}
                onChange={(e) => setFrom(e.target.value)}
              />
              <TextField
                label={t('common.to')}
                type="date"
                value={to}
                min={from}
                max={addDays(period.start, period.weeks * 7 - 1)}
                onChange={(e) => setTo(e.target.value)}
              />
            </div>
            <TextField
              label={t('optimise.timeLimit')}
              type="number"
              min={1}
              max={600}
              value={seconds}
              onChange={(e) => setSeconds(Math.max(1, Number(e.target.value) || 1))}
            />
            <label className="check">
              <input
                type="checkbox"
                checked={minimal || period.status === 'published'}
                disabled={period.status === 'published'}
                onChange={(e) => setMinimal(e.target.checked)}
              />{' '}
              {t('optimise.minimalChanges')}
            </label>
            <p className="hint">{t('optimise.minimalChangesHint')}</p>
            <p className="hint">{t('optimise.pinnedCount', { count: pinned })}</p>
            <div className="form-row">
              <button type="submit" className="btn btn-primary" disabled={running || starting || !kind}>
                {starting ? t('optimise.starting') : t('optimise.start')}
              </button>
              {running && job && (
                <button
                  type="button"
                  className="btn btn-danger"
                  onClick={() => void jobs.cancel(job.id).catch(setError)}
                >
                  {t('optimise.cancel')}
                </button>
              )}
            </div>
            {openProposals.length > 0 && (
              <div style={{ marginTop: 12 }}>
                <h3>{t('proposal.title')}</h3>
                <ul>
                  {openProposals.map((p) => (
                    <li key={p.id}>
                      <Link to={`/voorstel/${p.id}`}>
                        {t('optimise.proposalOf', {
                          at: new Date(p.createdAt).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', {
                            dateStyle: 'short',
                            timeStyle: 'short',
                          }),
                        })}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </form>
          <section className="card" aria-live="polite">
            <div className="stats">
              <div>
                <span>{t('common.status')}</span>
                <strong data-testid="job-status">{status ? t(`optimise.status_${status}`) : '–'}</strong>
              </div>
              <div>
                <span>{t('optimise.bestScore')}</span>
                <span className="score-big" data-testid="best-score">
                  {best === null || best === undefined
                    ? '–'
                    : best.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL')}
                </span>
              </div>
              <div>
                <span>{t('optimise.seconds')}</span>
                <strong>
                  {elapsed.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', {
                    minimumFractionDigits: 1,
                    maximumFractionDigits: 1,
                  })}
                </strong>
              </div>
              <div>
                <span>{t('common.period')}</span>
                <strong>
                  {formatDate(from || period.start, lang)} – {formatDate(to || period.start, lang)}
                </strong>
              </div>
            </div>
            <ScoreChart
              points={points}
              untilMs={elapsedMs}
              label={t('optimise.chartLabel')}
              axisLabel={t('optimise.penaltyAxis')}
              secondsLabel={t('optimise.seconds')}
              locale={lang}
            />
            {jobError && <Notice kind="error">{jobError}</Notice>}
            {status === 'completed' && proposalId && (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => navigate(`/voorstel/${proposalId}`)}
              >
                {t('optimise.openProposal')}
              </button>
            )}
            {status === 'completed' && !proposalId && <Notice kind="info">{t('optimise.noProposal')}</Notice>}
          </section>
        </div>
      )}
    </div>
  );
}
