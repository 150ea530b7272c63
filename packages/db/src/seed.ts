/** Insert a whole OrganisationData (demo or import) in one transaction. */
import type { OrganisationData } from '@planmaat/domain';
import type { Executor } from './driver.ts';
import * as t from './schema.ts';

const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function insertOrganisationData(
  executor: Executor,
  data: OrganisationData,
  options: { isDemo?: boolean } = {},
): Promise<void> {
  await executor.transaction(async (tx) => {
    const organisationId = data.organisation.id;
    await tx.insert(t.organisations).values({
      id: organisationId,
      name: data.organisation.name,
      ruleProfiles: data.organisation.ruleProfiles,
      timeZone: data.organisation.timeZone,
      isDemo: options.isDemo ?? false,
    });
    const o = { organisationId };
    await insertChunked(data.locations, (c) =>
      tx
        .insert(t.locations)
        .values(c.map((l) => ({ ...o, id: l.id, name: l.name, address: l.address, point: l.point }))),
    );
    await insertChunked(data.teams, (c) =>
      tx
        .insert(t.teams)
        .values(c.map((x) => ({ ...o, id: x.id, locationId: x.locationId, name: x.name, kind: x.kind }))),
    );
    await insertChunked(data.employees, (c) =>
      tx.insert(t.employees).values(
        c.map((e) => ({
          ...o,
          id: e.id,
          name: e.name,
          teamIds: e.teamIds,
          contractHoursPerWeek: e.contractHoursPerWeek,
          level: e.level,
          skills: e.skills,
          birthDate: e.birthDate,
          home: e.home ?? null,
          travelMode: e.travelMode,
          worksNights: e.worksNights,
          employmentStart: e.employmentStart ?? null,
          employmentEnd: e.employmentEnd ?? null,
        })),
      ),
    );
    await insertChunked(data.shiftTypes, (c) =>
      tx.insert(t.shiftTypes).values(
        c.map((s) => ({
          ...o,
          id: s.id,
          code: s.code,
          name: s.name,
          start: s.start,
          end: s.end,
          breakMinutes: s.breakMinutes,
          category: s.category,
          color: s.color,
        })),
      ),
    );
    await insertChunked(data.demand, (c) => tx.insert(t.demand).values(c.map((d) => ({ ...o, ...d }))));
    await insertChunked(data.absences, (c) =>
      tx.insert(t.absences).values(c.map((a) => ({ ...o, ...a, countedHours: a.countedHours ?? null }))),
    );
    await insertChunked(data.wishes, (c) =>
      tx.insert(t.wishes).values(c.map((w) => ({ ...o, ...w, shiftTypeId: w.shiftTypeId ?? null }))),
    );
    await insertChunked(data.rosterPeriods, (c) =>
      tx.insert(t.rosterPeriods).values(
        c.map((p) => ({
          ...o,
          id: p.id,
          teamId: p.teamId,
          start: p.start,
          weeks: p.weeks,
          status: p.status,
          publishedAt: p.publishedAt ?? null,
        })),
      ),
    );
    await insertChunked(data.assignments, (c) =>
      tx.insert(t.assignments).values(c.map((a) => ({ ...o, ...a }))),
    );
    await insertChunked(data.clients, (c) => tx.insert(t.clients).values(c.map((x) => ({ ...o, ...x }))));
    await insertChunked(data.visits, (c) =>
      tx
        .insert(t.visits)
        .values(c.map((v) => ({ ...o, id: v.id, clientId: v.clientId, date: v.date, data: v }))),
    );
    await insertChunked(data.carerShifts, (c) =>
      tx
        .insert(t.carerShifts)
        .values(c.map((s) => ({ ...o, employeeId: s.employeeId, date: s.date, data: s }))),
    );
  });
}
