/** The personal iCal subscription link (own shifts only, no absence details). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pending } from '../api/endpoints.ts';
import { ErrorNotice, Notice, PageHeader } from '../components/ui.tsx';

export function CalendarPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    pending
      .calendarLink()
      .then((r) => setUrl(new URL(r.url, window.location.origin).toString()))
      .catch(setError);
  }, []);

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // clipboard blocked: the field is selectable
    }
  }

  return (
    <div className="page">
      <PageHeader title={t('staff.calendarTitle')} />
      <section className="card">
        <p>{t('staff.calendarIntro')}</p>
        <ErrorNotice error={error} endpoint="GET /api/me/calendar" />
        {url && (
          <>
            <div className="link-box">
              <label htmlFor="ical-url" className="visually-hidden">
                {t('staff.calendarTitle')}
              </label>
              <input id="ical-url" readOnly value={url} onFocus={(e) => e.target.select()} />
              <button type="button" className="btn btn-primary" onClick={() => void copy()}>
                {t('staff.calendarCopy')}
              </button>
            </div>
            {copied && <Notice kind="success">{t('staff.calendarCopied')}</Notice>}
            <p>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() =>
                  void pending
                    .renewCalendarLink()
                    .then((r) => setUrl(new URL(r.url, window.location.origin).toString()))
                    .catch(setError)
                }
              >
                {t('staff.calendarRenew')}
              </button>
            </p>
          </>
        )}
      </section>
    </div>
  );
}
