/** Team and period choice at the top of the planner screens; picks sensible defaults. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planning, rosters } from '../api/endpoints.ts';
import type { RosterPeriod, Team, Versioned } from '../api/types.ts';
import { addDays, formatDate } from '../dates.ts';
import { ErrorNotice, SelectField } from '../components/ui.tsx';
import { useSelection } from './selection.tsx';

export function PeriodPicker({
  kind = 'ward',
  refreshKey,
}: {
  kind?: 'ward' | 'home-care' | 'any';
  /** A change reloads the periods, e.g. the status after publishing. */
  refreshKey?: string;
}) {
  const { t, i18n } = useTranslation();
  const { teamId, periodId, setTeamId, setPeriodId } = useSelection();
  const [teams, setTeams] = useState<Team[]>([]);
  const [periods, setPeriods] = useState<Versioned<RosterPeriod>[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    planning
      .teams()
      .then((all) => {
        const list = all.filter((x) => kind === 'any' || x.kind === kind);
        setTeams(list);
        if (!teamId || !list.some((x) => x.id === teamId)) setTeamId(list[0]?.id ?? null);
      })
      .catch(setError);
  }, [kind]);

  useEffect(() => {
    if (!teamId) return;
    rosters
      .periods({ teamId })
      .then((list) => {
        const sorted = [...list].sort((a, b) => a.start.localeCompare(b.start));
        setPeriods(sorted);
        if (!periodId || !sorted.some((p) => p.id === periodId)) {
          // Default: the first draft period, else the latest.
          const draft = sorted.find((p) => p.status === 'draft');
          setPeriodId((draft ?? sorted[sorted.length - 1])?.id ?? null);
        }
      })
      .catch(setError);
  }, [teamId, refreshKey]);

  const lang = i18n.language;
  return (
    <div className="picker">
      <SelectField
        label={t('common.team')}
        value={teamId ?? ''}
        onChange={(e) => setTeamId(e.target.value || null)}
      >
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('common.period')}
        value={periodId ?? ''}
        onChange={(e) => setPeriodId(e.target.value || null)}
      >
        {periods.map((p) => (
          <option key={p.id} value={p.id}>
            {formatDate(p.start, lang)} – {formatDate(addDays(p.start, p.weeks * 7 - 1), lang)} ·{' '}
            {t(`roster.status_${p.status}`)}
          </option>
        ))}
      </SelectField>
      <ErrorNotice error={error} />
      {teamId && periods.length === 0 && !error && <p className="hint">{t('roster.noPeriods')}</p>}
    </div>
  );
}
