/**
 * "Inzicht": team dashboards (figures per period, trends, teams side by side with the
 * organisation) where groups of 5 or fewer people are shown only as "te kleine groep", and the
 * one-page team report with the actions the team agrees.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Notice, PageHeader, SelectField, Spinner, TextField } from '../components/ui.tsx';
import {
  insights,
  type Figures,
  type InsightQuery,
  type InsightReport,
  type InsightRow,
  type TeamAction,
  type TeamReport,
} from './api.ts';
import { TrendChart } from './charts.tsx';
import './workforce.css';

const TABLE_FIGURES: Array<keyof Figures> = [
  'headcount',
  'absenceRate',
  'absenceFrequency',
  'turnoverRate',
  'hoursAboveContractPerFte',
  'calledInPer100Shifts',
  'rosterStability',
  'nightShare',
  'weekendShare',
  'wishesGranted',
];
const TREND_FIGURES: Array<keyof Figures> = [
  'absenceRate',
  'absenceFrequency',
  'turnoverRate',
  'hoursAboveContractPerFte',
  'calledInPer100Shifts',
  'rosterStability',
  'weekendShare',
  'wishesGranted',
];
const COLORS = ['#1d4f6e', '#c9453b', '#5aa469', '#d08c2e', '#7a4fa0', '#2e8fa3', '#8a96a3'];
const ORG = 'all';

export function InsightPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const locale = lang === 'en' ? 'en-GB' : 'nl-NL';
  const [query, setQuery] = useState<InsightQuery>({
    period: 'month',
    levelBand: 'all',
    contractBand: 'all',
  });
  const [report, setReport] = useState<InsightReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [periodId, setPeriodId] = useState('');
  const [trendFigure, setTrendFigure] = useState<keyof Figures>('absenceRate');
  const [reportTeam, setReportTeam] = useState('');

  useEffect(() => {
    let live = true;
    setReport(null);
    setError(null);
    insights
      .report(query)
      .then((r) => {
        if (!live) return;
        setReport(r);
        setPeriodId(r.periods[r.periods.length - 1]?.id ?? '');
        const firstTeam = r.rows.find((x) => x.teamId !== ORG)?.teamId ?? '';
        setReportTeam((id) => (r.rows.some((x) => x.teamId === id) ? id : firstTeam));
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [query]);

  const teams = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of report?.rows ?? [])
      if (!seen.has(r.teamId)) seen.set(r.teamId, r.teamId === ORG ? t('insight.organisation') : r.teamName);
    // Organisation last, as the benchmark.
    return [...seen].sort((a, b) => Number(a[0] === ORG) - Number(b[0] === ORG));
  }, [report, t]);
  const cell = (teamId: string, pid: string): InsightRow | undefined =>
    report?.rows.find((r) => r.teamId === teamId && r.periodId === pid);
  const fmt = (key: keyof Figures, v: number | null | undefined) => {
    if (v === null || v === undefined) return '–';
    const text = v.toLocaleString(locale, { maximumFractionDigits: 1 });
    if (key === 'hoursAboveContractPerFte') return t('common.hours', { hours: text });
    return text + (PERCENT.has(key) ? ' %' : '');
  };
  const update = (patch: Partial<InsightQuery>) => setQuery((q) => ({ ...q, ...patch }));

  return (
    <div className="page workforce-page">
      <PageHeader title={t('insight.title')}>
        <div className="toolbar">
          <a className="btn btn-secondary" href={insights.exportUrl('csv', query)} download>
            {t('insight.exportCsv')}
          </a>
          <a className="btn btn-secondary" href={insights.exportUrl('xlsx', query)} download>
            {t('insight.exportXlsx')}
          </a>
        </div>
      </PageHeader>
      <p className="muted">{t('insight.intro')}</p>
      <div className="toolbar workforce-filters">
        <SelectField
          label={t('insight.period')}
          value={query.period}
          onChange={(e) => update({ period: e.target.value as InsightQuery['period'] })}
        >
          <option value="month">{t('insight.month')}</option>
          <option value="quarter">{t('insight.quarter')}</option>
          <option value="four-weeks">{t('insight.fourWeeks')}</option>
        </SelectField>
        <SelectField
          label={t('insight.levelBand')}
          value={query.levelBand}
          onChange={(e) => update({ levelBand: e.target.value })}
        >
          <option value="all">{t('insight.allStaff')}</option>
          <option value="level-1-2">{t('insight.level12')}</option>
          <option value="level-3">{t('insight.level3')}</option>
          <option value="level-4-6">{t('insight.level46')}</option>
        </SelectField>
        <SelectField
          label={t('insight.contractBand')}
          value={query.contractBand}
          onChange={(e) => update({ contractBand: e.target.value })}
        >
          <option value="all">{t('insight.allContracts')}</option>
          <option value="upto-20h">{t('insight.upto20')}</option>
          <option value="21-28h">{t('insight.from21to28')}</option>
          <option value="29h-plus">{t('insight.from29')}</option>
        </SelectField>
        {report && (
          <SelectField
            label={t('insight.showPeriod')}
            value={periodId}
            onChange={(e) => setPeriodId(e.target.value)}
          >
            {[...report.periods].reverse().map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
            <option value="range">{t('insight.wholeRange', { range: report.range.label })}</option>
          </SelectField>
        )}
      </div>
      <ErrorNotice error={error} endpoint="/api/insights" />
      {!report && !error && <Spinner label={t('insight.loading')} />}
      {report && (
        <>
          <Notice>{t('insight.privacy', { threshold: report.threshold })}</Notice>
          <section className="card">
            <h2>{t('insight.compareTitle')}</h2>
            <div className="table-wrap">
              <table className="data insight-table" data-testid="insight-compare">
                <thead>
                  <tr>
                    <th scope="col">{t('insight.team')}</th>
                    {TABLE_FIGURES.map((k) => (
                      <th scope="col" className="num" key={k}>
                        {t(`insight.figure.${k}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {teams.map(([id, name]) => {
                    const row = cell(id, periodId);
                    return (
                      <tr key={id} className={id === ORG ? 'total-row' : undefined}>
                        <th scope="row">{name}</th>
                        {row?.suppressed ? (
                          <td colSpan={TABLE_FIGURES.length} className="suppressed">
                            {t('insight.tooSmall')}
                          </td>
                        ) : (
                          TABLE_FIGURES.map((k) => (
                            <td className="num" key={k}>
                              {fmt(k, row?.figures?.[k])}
                            </td>
                          ))
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>

          <section className="card">
            <h2>{t('insight.trendTitle')}</h2>
            <SelectField
              label={t('insight.figureLabel')}
              value={trendFigure}
              onChange={(e) => setTrendFigure(e.target.value as keyof Figures)}
            >
              {TREND_FIGURES.map((k) => (
                <option key={k} value={k}>
                  {t(`insight.figure.${k}`)}
                </option>
              ))}
            </SelectField>
            <TrendChart
              title={t('insight.trendChart', { figure: t(`insight.figure.${trendFigure}`) })}
              labels={report.periods.map((p) => p.id)}
              series={teams.map(([id, name], i) => ({
                name,
                color: id === ORG ? '#5a6676' : COLORS[i % COLORS.length],
                values: report.periods.map((p) => {
                  const v = cell(id, p.id)?.figures?.[trendFigure];
                  return v === undefined ? null : v;
                }),
              }))}
            />
            <div className="table-wrap">
              <table className="data insight-trend" data-testid="insight-trend">
                <thead>
                  <tr>
                    <th scope="col">{t('insight.team')}</th>
                    {report.periods.map((p) => (
                      <th scope="col" className="num" key={p.id}>
                        {p.id}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {teams.map(([id, name], i) => (
                    <tr key={id} className={id === ORG ? 'total-row' : undefined}>
                      <th scope="row">
                        <span
                          className="dot"
                          style={{ background: id === ORG ? '#5a6676' : COLORS[i % COLORS.length] }}
                          aria-hidden="true"
                        />{' '}
                        {name}
                      </th>
                      {report.periods.map((p) => {
                        const row = cell(id, p.id);
                        return row?.suppressed ? (
                          <td
                            key={p.id}
                            className="suppressed"
                            title={t('insight.tooSmallHint', { threshold: report.threshold })}
                          >
                            {t('insight.tooSmall')}
                          </td>
                        ) : (
                          <td key={p.id} className="num">
                            {fmt(trendFigure, row?.figures?.[trendFigure])}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ul className="muted">
              {report.notes[lang].map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </section>

          <section className="card">
            <h2>{t('insight.themesTitle')}</h2>
            <ThemeList report={report} periodId={periodId} teams={teams} lang={lang} />
          </section>

          <section className="card" aria-labelledby="team-report-title">
            <h2 id="team-report-title">{t('insight.teamReportTitle')}</h2>
            <SelectField
              label={t('insight.team')}
              value={reportTeam}
              onChange={(e) => setReportTeam(e.target.value)}
            >
              {teams
                .filter(([id]) => id !== ORG)
                .map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
            </SelectField>
            {reportTeam && <TeamReportPanel teamId={reportTeam} period={query.period} />}
          </section>
        </>
      )}
    </div>
  );
}

const PERCENT = new Set<keyof Figures>([
  'absenceRate',
  'turnoverRate',
  'shareAboveContract',
  'rosterStability',
  'nightShare',
  'weekendShare',
  'wishesGranted',
]);

function ThemeList({
  report,
  periodId,
  teams,
  lang,
}: {
  report: InsightReport;
  periodId: string;
  teams: Array<[string, string]>;
  lang: 'nl' | 'en';
}) {
  const { t } = useTranslation();
  const shown = teams.filter(([id]) => id !== ORG);
  return (
    <>
      <p className="muted">{t('insight.themesIntro')}</p>
      <div className="cards">
        {shown.map(([id, name]) => {
          const themes = report.themes.filter((x) => x.teamId === id && x.periodId === periodId);
          const hidden = report.rows.find((r) => r.teamId === id && r.periodId === periodId)?.suppressed;
          return (
            <div key={id} className="theme-box">
              <h3>{name}</h3>
              {hidden ? (
                <p className="suppressed">{t('insight.tooSmall')}</p>
              ) : themes.length === 0 ? (
                <p className="muted">{t('insight.noThemes')}</p>
              ) : (
                <ul>
                  {themes.map((x) => (
                    <li key={x.theme}>
                      {x.label[lang]} <span className="muted">({x.count}×)</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </>
  );
}

function TeamReportPanel({ teamId, period }: { teamId: string; period: InsightQuery['period'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const locale = lang === 'en' ? 'en-GB' : 'nl-NL';
  const [report, setReport] = useState<TeamReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    setReport(null);
    setError(null);
    insights
      .teamReport(teamId, period)
      .then((r) => live && setReport(r))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [teamId, period]);

  async function store(actions: TeamAction[]) {
    setSaving(true);
    setSaved(false);
    setError(null);
    try {
      await insights.saveActions(teamId, actions);
      setReport(await insights.teamReport(teamId, period));
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  const all = report ? [...report.followUp, ...report.agreedThisPeriod] : [];
  async function add(event: FormEvent) {
    event.preventDefault();
    if (!report || !text.trim()) return;
    const action: TeamAction = {
      id: `${report.period.id}-${Date.now().toString(36)}`,
      periodId: report.period.id,
      text: text.trim(),
      ...(owner.trim() ? { owner: owner.trim() } : {}),
      status: 'open',
    };
    await store([...all, action]);
    setText('');
    setOwner('');
  }
  const setStatus = (id: string, status: TeamAction['status']) =>
    void store(all.map((a) => (a.id === id ? { ...a, status } : a)));

  const value = (v: number | null, unit: string) =>
    v === null
      ? '–'
      : unit === 'u' // hours, as the server names them: "u" in Dutch, "h" in English
        ? t('common.hours', { hours: v.toLocaleString(locale, { maximumFractionDigits: 1 }) })
        : `${v.toLocaleString(locale, { maximumFractionDigits: 1 })}${unit === '%' ? ' %' : unit ? ` ${unit}` : ''}`;

  if (error) return <ErrorNotice error={error} />;
  if (!report) return <Spinner label={t('insight.loading')} />;
  return (
    <div className="team-report" data-testid="team-report">
      <div className="toolbar">
        <h3>
          {report.team.name} — {report.period.label}
        </h3>
        <a
          className="btn btn-secondary"
          href={insights.teamReportHtmlUrl(teamId, period)}
          target="_blank"
          rel="noopener"
        >
          {t('insight.printTeamReport')}
        </a>
      </div>
      {report.suppressed ? (
        <p className="suppressed">{t('insight.teamTooSmall')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('insight.figureLabel')}</th>
                <th scope="col" className="num">
                  {report.period.label}
                </th>
                <th scope="col" className="num">
                  {report.previous?.label ?? t('insight.previous')}
                </th>
                <th scope="col">{t('insight.trend')}</th>
                <th scope="col" className="num">
                  {t('insight.organisation')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.figures.map((f) => (
                <tr key={f.key}>
                  <th scope="row">{f.label[lang]}</th>
                  <td className="num">{value(f.current, f.unit)}</td>
                  <td className="num">{value(f.previous, f.unit)}</td>
                  <td className={f.trend ? `trend-${f.trend}` : undefined}>
                    {f.trend ? t(`insight.trend_${f.trend}`) : ''}
                  </td>
                  <td className="num">{value(f.organisation, f.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h4>{t('insight.themesTitle')}</h4>
      {report.themes.length === 0 ? (
        <p className="muted">{t('insight.noThemes')}</p>
      ) : (
        <ul>
          {report.themes.map((x) => (
            <li key={x.theme}>
              {x.label[lang]} ({x.count}×)
            </li>
          ))}
        </ul>
      )}
      <h4>{t('insight.actionsTitle')}</h4>
      {all.length === 0 ? (
        <p className="muted">{t('insight.noActions')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="team-actions">
            <thead>
              <tr>
                <th scope="col">{t('insight.actionText')}</th>
                <th scope="col">{t('insight.actionOwner')}</th>
                <th scope="col">{t('insight.actionPeriod')}</th>
                <th scope="col">{t('insight.actionStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {all.map((a) => (
                <tr key={a.id}>
                  <td>{a.text}</td>
                  <td>{a.owner ?? ''}</td>
                  <td>{a.periodId}</td>
                  <td>
                    <select
                      aria-label={t('insight.actionStatusFor', { text: a.text })}
                      value={a.status}
                      disabled={saving}
                      onChange={(e) => setStatus(a.id, e.target.value as TeamAction['status'])}
                    >
                      <option value="open">{t('insight.status_open')}</option>
                      <option value="done">{t('insight.status_done')}</option>
                      <option value="dropped">{t('insight.status_dropped')}</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="form-row action-form" onSubmit={(e) => void add(e)}>
        <TextField
          label={t('insight.newAction')}
          value={text}
          maxLength={500}
          onChange={(e) => setText(e.target.value)}
        />
        <TextField
          label={t('insight.actionOwner')}
          value={owner}
          maxLength={100}
          onChange={(e) => setOwner(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={saving || !text.trim()}>
          {t('insight.addAction')}
        </button>
      </form>
      {saved && <Notice kind="success">{t('insight.actionsSaved')}</Notice>}
    </div>
  );
}
