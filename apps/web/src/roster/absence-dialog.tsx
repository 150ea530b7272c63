/**
 * The planner's sick call ("ziekmelding") and other absences from the roster, and the recovery
 * ("hersteld melden") that ends one. Checked here first with the reason in the UI language; what
 * the server still refuses is shown at the field it names.
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { planning } from '../api/endpoints.ts';
import type { Absence } from '../api/types.ts';
import { Dialog, ErrorNotice } from '../components/ui.tsx';
import { formatDate } from '../dates.ts';
import { describePeriod } from '../leave/leave-period.ts';
import {
  ABSENCE_KINDS,
  absenceDays,
  absenceFormErrors,
  newAbsenceId,
  recoveryError,
  wholeDays,
  type AbsenceForm,
} from './absence.ts';
import type { GridEmployee } from './grid-model.ts';

type Errors = Partial<Record<keyof AbsenceForm | 'recovery', string>>;

/** A labelled control with its error below it (aria-invalid, described by the error). */
function CheckedField({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {label}: {error}
        </small>
      )}
    </div>
  );
}

/** The server's field errors on our fields: `start` is the first day, `end` the last. */
function serverErrors(error: unknown): Errors | null {
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return null;
  const map: Record<string, keyof AbsenceForm> = {
    employeeId: 'employeeId',
    kind: 'kind',
    start: 'from',
    end: 'to',
  };
  const out: Errors = {};
  for (const e of error.problem.errors) {
    const field = map[e.field];
    if (field) out[field] = e.message;
  }
  return Object.keys(out).length ? out : null;
}

export function AbsenceDialog({
  open,
  onClose,
  employees,
  employeeId,
  date,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  employees: GridEmployee[];
  /** Preselected from the roster cell or row. */
  employeeId: string;
  date: string;
  onSaved: (absence: Absence) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<AbsenceForm>({ employeeId, kind: 'sick', from: date, to: date });
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    setForm({ employeeId, kind: 'sick', from: date, to: date });
    setErrors({});
    setFailure(null);
  }, [open, employeeId, date]);

  const label = (field: keyof AbsenceForm) =>
    t(
      field === 'employeeId'
        ? 'common.employee'
        : field === 'kind'
          ? 'absence.kind'
          : field === 'from'
            ? 'absence.firstDay'
            : 'absence.lastDay',
    );
  const set = (patch: Partial<AbsenceForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch) as Array<keyof AbsenceForm>) delete next[k];
      return next;
    });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = absenceFormErrors(form);
    if (found.length) {
      const next: Errors = {};
      for (const e of found) next[e.field] ??= t(e.key);
      setErrors(next);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const saved = await planning.createAbsence({
        id: newAbsenceId(form.kind, form.employeeId),
        employeeId: form.employeeId,
        kind: form.kind as Absence['kind'],
        ...wholeDays(form.from, form.to),
      });
      onSaved(saved);
    } catch (e) {
      const fields = serverErrors(e);
      if (fields) setErrors(fields);
      else setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('absence.title')} open={open} onClose={onClose}>
      <form noValidate onSubmit={(e) => void submit(e)} data-testid="absence-form">
        <p className="hint">{t('absence.privacy')}</p>
        <CheckedField label={label('employeeId')} error={errors.employeeId}>
          {(p) => (
            <select {...p} value={form.employeeId} onChange={(e) => set({ employeeId: e.target.value })}>
              <option value="">{t('absence.chooseEmployee')}</option>
              {employees.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          )}
        </CheckedField>
        <CheckedField label={label('kind')} error={errors.kind}>
          {(p) => (
            <select {...p} value={form.kind} onChange={(e) => set({ kind: e.target.value })}>
              {ABSENCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`absence.kind_${k}`)}
                </option>
              ))}
            </select>
          )}
        </CheckedField>
        <div className="form-row">
          <CheckedField label={label('from')} error={errors.from}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={form.from}
                onChange={(e) =>
                  set({ from: e.target.value, ...(form.to < e.target.value ? { to: e.target.value } : {}) })
                }
              />
            )}
          </CheckedField>
          <CheckedField label={label('to')} error={errors.to}>
            {(p) => (
              <input {...p} type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} />
            )}
          </CheckedField>
        </div>
        {form.kind === 'sick' && <p className="hint">{t('absence.sickHint')}</p>}
        <ErrorNotice error={failure} />
        <div className="dialog-actions">
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {form.kind === 'sick' ? t('absence.submitSick') : t('absence.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** "Hersteld melden": the employee works again from a day, so the absence ends at 00:00 of it. */
export function RecoveryDialog({
  absence,
  employeeName,
  date,
  onClose,
  onSaved,
}: {
  absence: Absence | null;
  employeeName: string;
  /** Suggested first day back. */
  date: string;
  onClose: () => void;
  onSaved: (absence: Absence) => void;
}) {
  const { t, i18n } = useTranslation();
  const [day, setDay] = useState(date);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setDay(date);
    setError(undefined);
    setFailure(null);
  }, [absence, date]);
  if (!absence) return null;
  const title = absence.kind === 'sick' ? t('absence.recoveryTitle') : t('absence.endTitle');
  const lang = i18n.language;
  const first = absenceDays(absence).first;
  const fmt = (d: string) => `${formatDate(d, lang, 'weekday')} ${formatDate(d, lang)}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const key = recoveryError(absence!, day);
    if (key) {
      setError(t(key, { first: fmt(first) }));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await planning.updateAbsence(absence!.id, { end: `${day}T00:00` }));
    } catch (e) {
      const field = e instanceof ApiError ? e.problem.errors?.find((x) => x.field === 'end') : undefined;
      if (field) setError(field.message);
      else setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} open onClose={onClose}>
      <form noValidate onSubmit={(e) => void submit(e)} data-testid="recovery-form">
        <p>
          {t('absence.recoveryIntro', {
            name: employeeName,
            kind: t(`absence.kind_${absence.kind}`).toLowerCase(),
            period: describePeriod(absence.start, absence.end, lang),
          })}
        </p>
        <CheckedField label={t('absence.recoveryDay')} error={error} hint={t('absence.recoveryHint')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={day}
              onChange={(e) => {
                setDay(e.target.value);
                setError(undefined);
              }}
            />
          )}
        </CheckedField>
        <ErrorNotice error={failure} />
        <div className="dialog-actions">
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('absence.recoverySubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
