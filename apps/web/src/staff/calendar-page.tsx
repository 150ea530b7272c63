/**
 * The personal iCal subscription link (own published shifts only, no absence details): copy,
 * subscribe, download, renew when it was shared or lost.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendar, type CalendarLink } from '../api/endpoints.ts';
import { ErrorNotice, Notice, PageHeader } from '../components/ui.tsx';

export function CalendarPage() {
  const { t } = useTranslation();
  const [link, setLink] = useState<CalendarLink | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);
  const [renewed, setRenewed] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    calendar.link().then(setLink).catch(setError);
  }, []);

  const url = link ? new URL(link.url, window.location.origin).toString() : null;

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // clipboard blocked: the field is selectable
    }
  }

  async function renew() {
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const renewed = await calendar.renew();
      setLink(renewed);
      setRenewed(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <PageHeader title={t('staff.calendarTitle')} />
      <section className="card">
        <p>{t('staff.calendarIntro')}</p>
        <ErrorNotice error={error} />
        {url && (
          <>
            <div className="link-box">
              <label htmlFor="ical-url" className="visually-hidden">
                {t('staff.calendarLink')}
              </label>
              <input id="ical-url" readOnly value={url} onFocus={(e) => e.target.select()} />
              <button type="button" className="btn btn-primary" onClick={() => void copy()}>
                {t('staff.calendarCopy')}
              </button>
            </div>
            <Notice kind="info">{t('staff.calendarSecret')}</Notice>
            {copied && <Notice kind="success">{t('staff.calendarCopied')}</Notice>}
            {renewed && <Notice kind="success">{t('staff.calendarRenewed')}</Notice>}
            <p className="link-actions">
              <a className="btn btn-ghost btn-small" href={url.replace(/^https?:/, 'webcal:')}>
                {t('staff.calendarSubscribe')}
              </a>{' '}
              <a className="btn btn-ghost btn-small" href={url} download="rooster.ics">
                {t('staff.calendarDownload')}
              </a>
            </p>
          </>
        )}
        {link && (
          <p>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              disabled={busy}
              onClick={() => void renew()}
            >
              {t('staff.calendarRenew')}
            </button>
          </p>
        )}
      </section>
    </div>
  );
}
