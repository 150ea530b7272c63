/**
 * The capacity screen's editors: assumptions (staff, demand, flex and costs, hourly cost per level,
 * seasonality) and scenarios (add, rename, remove, levers, hires, trainings). Values are checked by
 * the server; its field errors are shown at the field they name.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../api/client.ts';
import {
  ASSUMPTION_GROUPS,
  fromShown,
  getPath,
  LEVELS,
  newScenario,
  SCENARIO_FIELDS,
  SEASONALITY_FIELDS,
  setPath,
  showsShareHint,
  toShown,
  type Assumptions,
  type FieldKind,
  type Scenario,
} from './capacity-edit.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const UNIT: Record<FieldKind, string> = { percent: '%', number: '', integer: '', euro: '€', factor: '×' };

/** A number field showing shares as percentages; keeps what is typed until it reads as a number. */
function NumberField({
  label,
  value,
  kind,
  errorPath,
  errors,
  onChange,
  compact,
}: {
  label: string;
  value: unknown;
  kind: FieldKind;
  errorPath: string;
  errors: Map<string, FieldProblem>;
  onChange: (value: number) => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(toShown(value, kind));
  useEffect(() => {
    // Follow outside changes (reset, loaded defaults), not our own typing.
    setText((current) => (Object.is(fromShown(current, kind), value) ? current : toShown(value, kind)));
  }, [value, kind]);
  const error = errors.get(errorPath);
  const unit = UNIT[kind];
  const shown = unit ? `${label} (${unit})` : label;
  return (
    <div className={`field${compact ? ' field-compact' : ''}${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{shown}</label>
      <input
        id={id}
        type="number"
        step="any"
        inputMode="decimal"
        value={text}
        data-field={errorPath}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(fromShown(e.target.value, kind));
        }}
      />
      {error && (
        // The server's message names the field in words already; the share note only where it helps.
        <small id={`${id}-error`} className="field-error" role="alert">
          {error.message}
          {showsShareHint(kind, error) && ` — ${t('capacityEdit.shareHint')}`}
        </small>
      )}
    </div>
  );
}

export function AssumptionsEditor({
  assumptions,
  errors,
  onChange,
}: {
  assumptions: Assumptions;
  errors: Map<string, FieldProblem>;
  onChange: (next: Assumptions) => void;
}) {
  const { t } = useTranslation();
  const tt = t as Translate;
  const update = (path: string, value: unknown) => onChange(setPath(assumptions, path, value));
  const replace = getPath(assumptions, 'replaceLeavers') !== false;
  return (
    <div className="capacity-editor">
      {ASSUMPTION_GROUPS.map((group) => (
        <fieldset key={group.key}>
          <legend>{tt(`capacityEdit.group_${group.key}`)}</legend>
          <div className="editor-fields">
            {group.fields.map((f) => (
              <NumberField
                key={f.path}
                label={tt(`capacityEdit.field_${f.path.replace('.', '_')}`)}
                value={getPath(assumptions, f.path)}
                kind={f.kind}
                errorPath={`assumptions.${f.path}`}
                errors={errors}
                onChange={(v) => update(f.path, v)}
              />
            ))}
            {group.key === 'staff' && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={replace}
                  onChange={(e) => update('replaceLeavers', e.target.checked)}
                />{' '}
                {t('capacityEdit.field_replaceLeavers')}
              </label>
            )}
          </div>
        </fieldset>
      ))}
      <fieldset>
        <legend>{t('capacityEdit.group_hourlyCost')}</legend>
        <div className="editor-fields">
          {LEVELS.map((level) => (
            <NumberField
              key={level}
              compact
              label={t('capacityEdit.level', { level })}
              value={getPath(assumptions, `costs.hourlyCost.${level}`)}
              kind="euro"
              errorPath={`assumptions.costs.hourlyCost.${level}`}
              errors={errors}
              onChange={(v) => update(`costs.hourlyCost.${level}`, v)}
            />
          ))}
        </div>
      </fieldset>
      {SEASONALITY_FIELDS.map((name) => (
        <fieldset key={name}>
          <legend>{tt(`capacityEdit.field_${name}`)}</legend>
          <div className="editor-fields seasonality">
            {Array.from({ length: 12 }, (_, month) => (
              <NumberField
                key={month}
                compact
                label={tt(`capacityEdit.month_${month + 1}`)}
                value={getPath(assumptions, `${name}.${month}`)}
                kind="factor"
                errorPath={`assumptions.${name}.${month}`}
                errors={errors}
                onChange={(v) => update(`${name}.${month}`, v)}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

export function ScenariosEditor({
  scenarios,
  errors,
  onChange,
}: {
  scenarios: Scenario[];
  errors: Map<string, FieldProblem>;
  onChange: (next: Scenario[]) => void;
}) {
  const { t } = useTranslation();
  const tt = t as Translate;
  const put = (i: number, next: Scenario) => onChange(scenarios.map((s, j) => (j === i ? next : s)));
  return (
    <div className="capacity-editor">
      {scenarios.map((s, i) => {
        const nameError = errors.get(`scenarios.${i}.name`);
        return (
          <fieldset key={s.id} className="scenario-editor" data-scenario={s.id}>
            <legend>{s.name || t('capacityEdit.unnamed')}</legend>
            <div className="editor-fields">
              <div className={`field field-wide${nameError ? ' field-invalid' : ''}`}>
                <label htmlFor={`scenario-name-${s.id}`}>{t('capacityEdit.scenarioName')}</label>
                <input
                  id={`scenario-name-${s.id}`}
                  value={s.name}
                  data-field={`scenarios.${i}.name`}
                  aria-invalid={nameError ? true : undefined}
                  aria-describedby={nameError ? `scenario-name-${s.id}-error` : undefined}
                  onChange={(e) => put(i, { ...s, name: e.target.value })}
                />
                {nameError && (
                  <small id={`scenario-name-${s.id}-error`} className="field-error" role="alert">
                    {nameError.message}
                  </small>
                )}
              </div>
              {SCENARIO_FIELDS.map((f) => (
                <NumberField
                  key={f.key}
                  label={tt(`capacityEdit.lever_${f.key}`)}
                  value={s[f.key]}
                  kind={f.kind}
                  errorPath={`scenarios.${i}.${f.key}`}
                  errors={errors}
                  onChange={(v) => {
                    const next = { ...s } as Record<string, unknown>;
                    // An emptied lever is no lever (the scenario keeps the base value).
                    if (Number.isNaN(v)) delete next[f.key];
                    else next[f.key] = v;
                    put(i, next as unknown as Scenario);
                  }}
                />
              ))}
            </div>
            <div className="editor-fields">
              {LEVELS.map((level) => {
                const hire = s.hires.findIndex((h) => h.level === level && !h.teamId && !h.date);
                return (
                  <NumberField
                    key={level}
                    compact
                    label={t('capacityEdit.hires', { level })}
                    value={hire >= 0 ? s.hires[hire]!.count : 0}
                    kind="integer"
                    errorPath={`scenarios.${i}.hires.${hire}.count`}
                    errors={errors}
                    onChange={(count) => {
                      const others = s.hires.filter((_, j) => j !== hire);
                      const hires = count === 0 ? others : [...others, { level, count }];
                      put(i, { ...s, hires: hires.sort((a, b) => a.level - b.level) });
                    }}
                  />
                );
              })}
              {LEVELS.slice(0, 5).map((level) => {
                const training = s.trainings.findIndex((x) => x.fromLevel === level && !x.teamId && !x.date);
                return (
                  <NumberField
                    key={`t${level}`}
                    compact
                    label={t('capacityEdit.trainings', { from: level, to: level + 1 })}
                    value={training >= 0 ? s.trainings[training]!.count : 0}
                    kind="integer"
                    errorPath={`scenarios.${i}.trainings.${training}.count`}
                    errors={errors}
                    onChange={(count) => {
                      const others = s.trainings.filter((_, j) => j !== training);
                      const trainings = count === 0 ? others : [...others, { fromLevel: level, count }];
                      put(i, { ...s, trainings: trainings.sort((a, b) => a.fromLevel - b.fromLevel) });
                    }}
                  />
                );
              })}
            </div>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => onChange(scenarios.filter((_, j) => j !== i))}
            >
              {t('capacityEdit.removeScenario', { name: s.name })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => onChange([...scenarios, newScenario(scenarios, t('capacityEdit.newScenario'))])}
      >
        {t('capacityEdit.addScenario')}
      </button>
    </div>
  );
}
