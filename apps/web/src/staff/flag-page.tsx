/** "This week is too heavy": a simple roster flag the planner sees. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pending } from '../api/endpoints.ts';
import { addDays, formatDate, isoWeekNumber, mondayOf, todayLocal } from '../dates.ts';
import { ErrorNotice, Notice, PageHeader, SelectField } from '../components/ui.tsx';

export function FlagPage() {
  const { t, i18n } = useTranslation();
  const thisMonday = mondayOf(todayLocal());
  const weeks = Array.from({ length: 10 }, (_, i) => addDays(thisMonday, 7 * i));
  const [weekStart, setWeekStart] = useState(thisMonday);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!message.trim()) return;
    setError(null);
    setSent(false);
    try {
      await pending.createFlag({ weekStart, message: message.trim() });
      setSent(true);
      setMessage('');
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
        <div className="field">
          <label htmlFor="flag-message">{t('staff.flagMessage')}</label>
          <textarea
            id="flag-message"
            rows={4}
            required
            maxLength={1000}
            placeholder={t('staff.flagPlaceholder')}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={!message.trim()}>
          {t('staff.flagSend')}
        </button>
        <div style={{ marginTop: 8 }}>
          {sent && <Notice kind="success">{t('staff.flagSent')}</Notice>}
          <ErrorNotice error={error} endpoint="POST /api/roster-flags" />
        </div>
      </form>
    </div>
  );
}
