/**
 * "Capaciteit": the 52-week gap per team and qualification level (shortage/surplus in hours and
 * FTE), the cost of closing it, scenarios side by side, the hiring/training advice with its
 * reasoning, and exports (CSV, XLSX, printable report).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldProblem } from '../api/client.ts';
import { ErrorNotice, Notice, PageHeader, SelectField, Spinner } from '../components/ui.tsx';
import {
  capacity,
  deliver,
  type CapacityPlan,
  type CapacityRequest,
  type Recommendation,
  type TeamProjection,
} from './api.ts';
import { GapChart } from './charts.tsx';
import {
  fieldErrors,
  loadEdits,
  problemsWithoutField,
  saveEdits,
  type CapacityEdits,
  type Scenario,
} from './capacity-edit.ts';
import { AssumptionsEditor, ScenariosEditor } from './capacity-editor.tsx';
import './workforce.css';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function CapacityPage() {
  const { t, i18n } = useTranslation();
  const levelName = (level: number) =>
    level >= 1 && level <= 6 ? t(`capacity.levelName_${level}`) : String(level);
  const lang = i18n.language;
  const locale = lang === 'en' ? 'en-GB' : 'nl-NL';
  const n0 = (x: number) => Math.round(x).toLocaleString(locale);
  const n1 = (x: number) => x.toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const eur = (x: number) => `€ ${n0(x)}`;
  const signed = (x: number, f: (x: number) => string) => (x > 0 ? '+' : x < 0 ? '−' : '') + f(Math.abs(x));

  const [weeks, setWeeks] = useState(52);
  const [basis, setBasis] = useState<'min' | 'ideal'>('min');
  // The planner's assumptions and scenarios: kept in this browser (the server has no store for them).
  const [applied, setApplied] = useState<CapacityEdits>(() => loadEdits(globalThis.localStorage));
  const [draft, setDraft] = useState<{ assumptions: Record<string, unknown>; scenarios: Scenario[] } | null>(
    null,
  );
  const [fieldErrs, setFieldErrs] = useState<Map<string, FieldProblem>>(new Map());
  // The editor is only rendered while open (many inputs; none of them in the way when closed).
  const [editing, setEditing] = useState(() => !!applied.assumptions);
  const [computing, setComputing] = useState(false);
  const request: CapacityRequest = useMemo(
    () => ({ weeks, demandBasis: basis, ...applied }),
    [weeks, basis, applied],
  );
  const [plan, setPlan] = useState<CapacityPlan | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [teamId, setTeamId] = useState('');
  const [level, setLevel] = useState(0);
  const [advice, setAdvice] = useState<Recommendation | null>(null);
  const [advising, setAdvising] = useState(false);
  const [exporting, setExporting] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setAdvice(null);
    setError(null);
    setComputing(true);
    capacity
      .plan(request)
      .then((p) => {
        if (!live) return;
        setPlan(p);
        setFieldErrs(new Map());
        setDraft((d) => d ?? { assumptions: p.assumptions, scenarios: p.scenarios });
        saveEdits(globalThis.localStorage, applied);
        setTeamId((id) =>
          p.comparison.base.teams.some((t) => t.teamId === id)
            ? id
            : (p.comparison.base.teams[0]?.teamId ?? ''),
        );
      })
      .catch((e: unknown) => {
        if (!live) return;
        setError(e);
        // The last good plan stays on screen; the bad fields are marked.
        if (e instanceof ApiError && e.status === 400) {
          setFieldErrs(fieldErrors(e.problem.errors));
          setEditing(true);
        }
      })
      .finally(() => live && setComputing(false));
    return () => {
      live = false;
    };
  }, [request, applied]);

  function recompute() {
    if (draft) setApplied({ assumptions: draft.assumptions, scenarios: draft.scenarios });
  }

  function restoreDefaults() {
    saveEdits(globalThis.localStorage, {});
    setDraft(null);
    setApplied({});
  }

  async function recommend() {
    setAdvising(true);
    setError(null);
    try {
      setAdvice(await capacity.recommend({ ...request, recommendation: { timeLimitSeconds: 20 } }));
    } catch (e) {
      setError(e);
    } finally {
      setAdvising(false);
    }
  }

  async function exportAs(format: 'csv' | 'xlsx' | 'html') {
    setExporting(format);
    setError(null);
    try {
      deliver(await capacity.exportFile(format, request, advice !== null), format === 'html');
    } catch (e) {
      setError(e);
    } finally {
      setExporting(null);
    }
  }

  const base = plan?.comparison.base;
  const fte = plan?.assumptions.fteHours ?? 36;
  const team: TeamProjection | undefined = base?.teams.find((x) => x.teamId === teamId);
  const series = team && (level === 0 ? team.total : team.levels.find((l) => l.level === level));

  return (
    <div className="page workforce-page">
      <PageHeader title={t('capacity.title')}>
        <div className="toolbar">
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!plan || !!exporting}
            onClick={() => void exportAs('csv')}
          >
            {t('capacity.exportCsv')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!plan || !!exporting}
            onClick={() => void exportAs('xlsx')}
          >
            {t('capacity.exportXlsx')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!plan || !!exporting}
            onClick={() => void exportAs('html')}
          >
            {t('capacity.printReport')}
          </button>
        </div>
      </PageHeader>
      <p className="muted">{t('capacity.intro')}</p>
      <div className="toolbar workforce-filters">
        <SelectField
          label={t('capacity.horizon')}
          value={weeks}
          onChange={(e) => setWeeks(Number(e.target.value))}
        >
          {[13, 26, 52, 104].map((w) => (
            <option key={w} value={w}>
              {t('capacity.weeks', { count: w })}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('capacity.basis')}
          value={basis}
          onChange={(e) => setBasis(e.target.value as 'min' | 'ideal')}
        >
          <option value="min">{t('capacity.basisMin')}</option>
          <option value="ideal">{t('capacity.basisIdeal')}</option>
        </SelectField>
        {exporting && <Spinner label={t('capacity.exporting')} />}
      </div>
      {isFieldProblem(error) ? (
        // Each field error is shown once, at its input; here only the count and those without an input.
        <Notice kind="error">
          {t('capacityEdit.checkFields', { count: error.problem.errors!.length })}
          {problemsWithoutField(error.problem.errors).map((e) => (
            <span key={e.field} style={{ display: 'block' }}>
              {e.message}
            </span>
          ))}
        </Notice>
      ) : (
        <ErrorNotice error={error} endpoint="/api/capacity/plan" />
      )}
      {!plan && !error && <Spinner label={t('capacity.loading')} />}
      {draft && (
        <section className="card" aria-labelledby="capacity-edit-title">
          <details open={editing} onToggle={(e) => setEditing(e.currentTarget.open)}>
            <summary>
              <h2 id="capacity-edit-title" className="inline-heading">
                {t('capacityEdit.title')}
              </h2>
            </summary>
            {editing && (
              <>
                <p className="muted">{t('capacityEdit.intro')}</p>
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    recompute();
                  }}
                >
                  <h3>{t('capacityEdit.assumptions')}</h3>
                  <AssumptionsEditor
                    assumptions={draft.assumptions}
                    errors={fieldErrs}
                    onChange={(assumptions) => setDraft({ ...draft, assumptions })}
                  />
                  <h3>{t('capacityEdit.scenarios')}</h3>
                  <ScenariosEditor
                    scenarios={draft.scenarios}
                    errors={fieldErrs}
                    onChange={(scenarios) => setDraft({ ...draft, scenarios })}
                  />
                  <div className="toolbar">
                    <button type="submit" className="btn btn-primary" disabled={computing}>
                      {t('capacityEdit.recompute')}
                    </button>
                    <button type="button" className="btn btn-ghost" onClick={restoreDefaults}>
                      {t('capacityEdit.defaults')}
                    </button>
                    {computing && <Spinner label={t('capacity.loading')} />}
                    <span className="muted">{t('capacityEdit.storedHere')}</span>
                  </div>
                </form>
              </>
            )}
          </details>
        </section>
      )}
      {plan && base && (
        <>
          {!plan.scope.complete && <Notice>{t('capacity.teamLeaderScope')}</Notice>}
          <section className="stats workforce-stats" aria-label={t('capacity.totals')}>
            <div>
              <span className="muted">{t('capacity.shortage')}</span>
              <strong data-testid="total-shortage">
                {n0(base.summary.shortageHours)} {t('capacity.hoursUnit')}
              </strong>
            </div>
            <div>
              <span className="muted">{t('capacity.peakFte')}</span>
              <strong>{n1(base.summary.peakShortageFte)} fte</strong>
            </div>
            <div>
              <span className="muted">{t('capacity.surplus')}</span>
              <strong>
                {n0(base.summary.surplusHours)} {t('capacity.hoursUnit')}
              </strong>
            </div>
            <div>
              <span className="muted">{t('capacity.closingCost')}</span>
              <strong>{eur(base.summary.closingCost.mix)}</strong>
            </div>
            <div>
              <span className="muted">{t('capacity.agencyOnly')}</span>
              <strong>{eur(base.summary.closingCost.agencyOnly)}</strong>
            </div>
          </section>

          <section className="card">
            <h2>{t('capacity.gapTitle')}</h2>
            <div className="toolbar">
              <SelectField
                label={t('capacity.team')}
                value={teamId}
                onChange={(e) => setTeamId(e.target.value)}
              >
                {base.teams.map((x) => (
                  <option key={x.teamId} value={x.teamId}>
                    {x.name}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t('capacity.level')}
                value={level}
                onChange={(e) => setLevel(Number(e.target.value))}
              >
                <option value={0}>{t('capacity.allLevels')}</option>
                {team?.levels.map((l) => (
                  <option key={l.level} value={l.level}>
                    {levelName(l.level)}
                  </option>
                ))}
              </SelectField>
              <span className="legend">
                <span className="swatch swatch-surplus" aria-hidden="true" /> {t('capacity.surplus')}{' '}
                <span className="swatch swatch-shortage" aria-hidden="true" /> {t('capacity.shortage')} (fte)
              </span>
            </div>
            {team && series && (
              <GapChart
                shortage={series.shortage}
                surplus={series.surplus}
                weekStarts={base.weekStarts}
                fteHours={fte}
                lang={lang}
                title={t('capacity.chartTitle', {
                  team: team.name,
                  level: level === 0 ? t('capacity.allLevels') : levelName(level),
                })}
              />
            )}
            {team && (
              <div className="table-wrap">
                <table className="data" aria-label={t('capacity.levelTable', { team: team.name })}>
                  <thead>
                    <tr>
                      <th scope="col">{t('capacity.level')}</th>
                      <th scope="col" className="num">
                        {t('capacity.demand')}
                      </th>
                      <th scope="col" className="num">
                        {t('capacity.available')}
                      </th>
                      <th scope="col" className="num">
                        {t('capacity.shortage')}
                      </th>
                      <th scope="col" className="num">
                        {t('capacity.surplus')}
                      </th>
                      <th scope="col" className="num">
                        {t('capacity.peakFte')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {team.levels.map((l) => (
                      <tr key={l.level}>
                        <th scope="row">{levelName(l.level)}</th>
                        <td className="num">{n0(sum(l.demand))}</td>
                        <td className="num">{n0(sum(l.supply))}</td>
                        <td className="num">{n0(sum(l.shortage))}</td>
                        <td className="num">{n0(sum(l.surplus))}</td>
                        <td className="num">{n1(Math.max(0, ...l.shortage) / fte)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="muted">
                  {t('capacity.closingMix', {
                    cost: eur(team.summary.closingCost.mix),
                    flex: n0(team.summary.closingHours.flex),
                    overtime: n0(team.summary.closingHours.overtime),
                    agency: n0(team.summary.closingHours.agency),
                  })}
                </p>
              </div>
            )}
          </section>

          <section className="card">
            <h2>{t('capacity.teamsTitle')}</h2>
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('capacity.team')}</th>
                    <th scope="col" className="num">
                      {t('capacity.shortage')}
                    </th>
                    <th scope="col" className="num">
                      {t('capacity.peakFte')}
                    </th>
                    <th scope="col" className="num">
                      {t('capacity.weeksShort')}
                    </th>
                    <th scope="col" className="num">
                      {t('capacity.surplus')}
                    </th>
                    <th scope="col" className="num">
                      {t('capacity.closingCost')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {base.teams.map((x) => (
                    <tr key={x.teamId}>
                      <th scope="row">{x.name}</th>
                      <td className="num">{n0(x.summary.shortageHours)}</td>
                      <td className="num">{n1(x.summary.peakShortageFte)}</td>
                      <td className="num">{x.summary.weeksShort}</td>
                      <td className="num">{n0(x.summary.surplusHours)}</td>
                      <td className="num">{eur(x.summary.closingCost.mix)}</td>
                    </tr>
                  ))}
                  <tr className="total-row">
                    <th scope="row">{t('capacity.organisation')}</th>
                    <td className="num">{n0(base.summary.shortageHours)}</td>
                    <td className="num">{n1(base.summary.peakShortageFte)}</td>
                    <td className="num">{base.summary.weeksShort}</td>
                    <td className="num">{n0(base.summary.surplusHours)}</td>
                    <td className="num">{eur(base.summary.closingCost.mix)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          </section>

          <section className="card">
            <h2>{t('capacity.scenariosTitle')}</h2>
            <p className="muted">{t('capacity.scenariosIntro')}</p>
            <div className="scenario-grid">
              <article className="scenario-card">
                <h3>{t('capacity.baseScenario')}</h3>
                <GapChart
                  shortage={sumTeams(base.teams, 'shortage', base.weeks)}
                  surplus={sumTeams(base.teams, 'surplus', base.weeks)}
                  weekStarts={base.weekStarts}
                  fteHours={fte}
                  lang={lang}
                  height={90}
                  title={t('capacity.scenarioChart', { name: t('capacity.baseScenario') })}
                />
                <dl>
                  <dt>{t('capacity.shortage')}</dt>
                  <dd>
                    {n0(base.summary.shortageHours)} {t('capacity.hoursUnit')}
                  </dd>
                  <dt>{t('capacity.peakFte')}</dt>
                  <dd>{n1(base.summary.peakShortageFte)}</dd>
                  <dt>{t('capacity.closingCost')}</dt>
                  <dd>{eur(base.summary.closingCost.mix)}</dd>
                </dl>
              </article>
              {plan.comparison.scenarios.map((s) => (
                <article className="scenario-card" key={s.id}>
                  <h3>{s.name}</h3>
                  <GapChart
                    shortage={sumTeams(s.projection.teams, 'shortage', base.weeks)}
                    surplus={sumTeams(s.projection.teams, 'surplus', base.weeks)}
                    weekStarts={base.weekStarts}
                    fteHours={fte}
                    lang={lang}
                    height={90}
                    title={t('capacity.scenarioChart', { name: s.name })}
                  />
                  <dl>
                    <dt>{t('capacity.shortage')}</dt>
                    <dd>
                      {n0(s.projection.summary.shortageHours)} {t('capacity.hoursUnit')}{' '}
                      <span className={s.delta.shortageHours <= 0 ? 'trend-better' : 'trend-worse'}>
                        ({signed(s.delta.shortageHours, n0)})
                      </span>
                    </dd>
                    <dt>{t('capacity.peakFte')}</dt>
                    <dd>
                      {n1(s.projection.summary.peakShortageFte)} ({signed(s.delta.peakShortageFte, n1)})
                    </dd>
                    <dt>{t('capacity.closingCost')}</dt>
                    <dd>
                      {eur(s.projection.summary.closingCost.mix)} ({signed(s.delta.closingCostMix, eur)})
                    </dd>
                  </dl>
                  {s.notes.length > 0 && <p className="muted">{s.notes.join('; ')}</p>}
                </article>
              ))}
            </div>
          </section>

          <section className="card" aria-labelledby="advice-title">
            <h2 id="advice-title">{t('capacity.adviceTitle')}</h2>
            <p className="muted">{t('capacity.adviceIntro')}</p>
            <button
              type="button"
              className="btn btn-primary"
              disabled={advising}
              onClick={() => void recommend()}
            >
              {advice ? t('capacity.adviceAgain') : t('capacity.adviceRun')}
            </button>
            {advising && <Spinner label={t('capacity.adviceBusy')} />}
            {advice && (
              <div className="advice" data-testid="advice">
                <div className="stats workforce-stats">
                  <div>
                    <span className="muted">{t('capacity.adviceCost')}</span>
                    <strong>{eur(advice.cost.total)}</strong>
                  </div>
                  <div>
                    <span className="muted">{t('capacity.adviceBaseline')}</span>
                    <strong>{eur(advice.baseline.total)}</strong>
                  </div>
                  <div>
                    <span className="muted">{t('capacity.adviceSaving')}</span>
                    <strong>{eur(advice.saving)}</strong>
                  </div>
                </div>
                {advice.decisions.length === 0 ? (
                  <p>{t('capacity.adviceNone')}</p>
                ) : (
                  <table className="data">
                    <thead>
                      <tr>
                        <th scope="col">{t('capacity.decision')}</th>
                        <th scope="col">{t('capacity.team')}</th>
                        <th scope="col">{t('capacity.level')}</th>
                        <th scope="col">{t('capacity.start')}</th>
                        <th scope="col" className="num">
                          {t('capacity.count')}
                        </th>
                        <th scope="col" className="num">
                          {t('capacity.addsHours')}
                        </th>
                        <th scope="col" className="num">
                          {t('capacity.cost')}
                        </th>
                        <th scope="col" className="num">
                          {t('capacity.withoutOne')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {advice.decisions.map((d, i) => (
                        <tr key={i}>
                          <td>{d.kind === 'hire' ? t('capacity.hire') : t('capacity.training')}</td>
                          <td>{d.teamName}</td>
                          <td>{d.kind === 'hire' ? levelName(d.level) : `${d.level} → ${d.level + 1}`}</td>
                          <td>
                            Q{d.quarter} · {d.date}
                          </td>
                          <td className="num">{d.count}</td>
                          <td className="num">{n0(d.effectiveHours)}</td>
                          <td className="num">{eur(d.cost)}</td>
                          <td className="num">{eur(d.withoutOne.extraCost)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                <h3>{t('capacity.reasoning')}</h3>
                <ul className="explanation">
                  {(lang === 'en' ? advice.explanation.en : advice.explanation.nl).map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </div>
            )}
          </section>
          <p className="muted">{t('capacity.footnote')}</p>
        </>
      )}
    </div>
  );
}

function sumTeams(teams: TeamProjection[], key: 'shortage' | 'surplus', weeks: number): number[] {
  const out = new Array<number>(weeks).fill(0);
  for (const team of teams) team.total[key].forEach((x, i) => (out[i] += x));
  return out;
}

/** A 400 naming fields: shown at the inputs rather than as one long line. */
function isFieldProblem(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 400 && (error.problem.errors?.length ?? 0) > 0;
}
