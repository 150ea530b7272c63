/** The planner's list of roster flags raised by staff. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pending } from '../api/endpoints.ts';
import type { RosterFlag } from '../api/types.ts';
import { formatDate, isoWeekNumber } from '../dates.ts';
import { ErrorNotice, PageHeader, Spinner } from '../components/ui.tsx';

export function FlagsPage() {
  const { t, i18n } = useTranslation();
  const [flags, setFlags] = useState<RosterFlag[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    pending.flags().then(setFlags).catch(setError);
  }, []);
  const lang = i18n.language;
  return (
    <div className="page">
      <PageHeader title={t('staff.flagsTitle')} />
      <ErrorNotice error={error} endpoint="GET /api/roster-flags" />
      {!flags && !error && <Spinner label={t('app.loading')} />}
      {flags && flags.length === 0 && <p className="muted">{t('staff.noFlags')}</p>}
      {flags && flags.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('common.employee')}</th>
                <th scope="col">{t('staff.flagWeek')}</th>
                <th scope="col">{t('staff.flagMessage')}</th>
                <th scope="col">{t('common.status')}</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((f) => (
                <tr key={f.id}>
                  <td>{f.employeeName ?? f.employeeId}</td>
                  <td>
                    {t('common.week', { week: isoWeekNumber(f.weekStart) })} · {formatDate(f.weekStart, lang)}
                  </td>
                  <td>{f.message}</td>
                  <td>{f.status ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
