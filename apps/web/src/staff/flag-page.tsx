/**
 * "Deze week is te zwaar": an anonymous roster flag. The server stores only the team, the week and
 * the theme (never who flagged it); planners see the themes per team in the insight report.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pending } from '../api/endpoints.ts';
import { addDays, formatDate, isoWeekNumber, mondayOf, todayLocal } from '../dates.ts';
import { ErrorNotice, Notice, PageHeader, SelectField } from '../components/ui.tsx';

export const FLAG_THEMES = [
  'workload',
  'short-rest',
  'night-load',
  'weekend-load',
  'wishes-ignored',
  'called-on-day-off',
  'late-publication',
  'other',
] as const;
type FlagTheme = (typeof FLAG_THEMES)[number];

export function FlagPage() {
  const { t, i18n } = useTranslation();
  const thisMonday = mondayOf(todayLocal());
  const weeks = Array.from({ length: 14 }, (_, i) => addDays(thisMonday, 7 * (i - 4)));
  const [weekStart, setWeekStart] = useState(thisMonday);
  const [theme, setTheme] = useState<FlagTheme>('workload');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSent(false);
    try {
      await pending.createFlag({ date: weekStart, theme });
      setSent(true);
    } catch (e) {
      setError(e);
    }
  }

  const lang = i18n.language;
  return (
    <div className="page">
      <PageHeader title={t('staff.flagTitle')} />
      <p className="muted">{t('staff.flagIntro')}</p>
      <form className="card" onSubmit={submit}>
        <SelectField
          label={t('staff.flagWeek')}
          value={weekStart}
          onChange={(e) => setWeekStart(e.target.value)}
        >
          {weeks.map((w) => (
            <option key={w} value={w}>
              {t('common.week', { week: isoWeekNumber(w) })} · {formatDate(w, lang)} –{' '}
              {formatDate(addDays(w, 6), lang)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('staff.flagMessage')}
          value={theme}
          onChange={(e) => setTheme(e.target.value as FlagTheme)}
        >
          {FLAG_THEMES.map((x) => (
            <option key={x} value={x}>
              {t(`staff.flagThemes.${x}`)}
            </option>
          ))}
        </SelectField>
        <p className="hint">{t('staff.flagAnonymous')}</p>
        <button type="submit" className="btn btn-primary">
          {t('staff.flagSend')}
        </button>
        <div style={{ marginTop: 8 }}>
          {sent && <Notice kind="success">{t('staff.flagSent')}</Notice>}
          <ErrorNotice error={error} endpoint="POST /api/insights/flags" />
        </div>
      </form>
    </div>
  );
}
