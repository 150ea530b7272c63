import { generateDemoOrganisation } from '@planmaat/demo';
import type { OrganisationData } from '@planmaat/domain';

/** A small demo organisation; `organisationId` renames the tenant (all other ids stay the same). */
export function smallOrganisation(organisationId?: string): OrganisationData {
  const data = generateDemoOrganisation({ seed: 7, employees: 40, visitsPerDay: 30 });
  if (!organisationId) return data;
  const o = { organisationId };
  return {
    ...data,
    organisation: {
      ...data.organisation,
      id: organisationId,
      name: `${data.organisation.name} (${organisationId})`,
    },
    locations: data.locations.map((x) => ({ ...x, ...o })),
    teams: data.teams.map((x) => ({ ...x, ...o })),
    employees: data.employees.map((x) => ({ ...x, ...o })),
    shiftTypes: data.shiftTypes.map((x) => ({ ...x, ...o })),
    clients: data.clients.map((x) => ({ ...x, ...o })),
  };
}
