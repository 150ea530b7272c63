/**
 * The roster grid: employees × days, rows and columns virtualised, a sticky header with the dates
 * and the coverage rows, a sticky first column with names and hours. One focusable grid element
 * with aria-activedescendant: the active cell is always rendered because it is scrolled into view.
 */
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type Key,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { formatDate, isWeekend, isoWeekday } from '../dates.ts';
import type { RuleSignal } from '../api/types.ts';
import { textColorOn } from '../components/color.ts';
import { ABSENCE_CODES } from './absence.ts';
import { inLanguage, signalSummary } from './signals.ts';
import type { CoverageRow } from './coverage.ts';
import {
  EMPTY,
  cellsBetween,
  moveByKey,
  rowSummary,
  shiftForKey,
  type CellChange,
  type GridModel,
  type Position,
} from './grid-model.ts';

export const ROW_HEIGHT = 28;
export const CELL_WIDTH = 40;
export const NAME_WIDTH = 200;
export const SUMMARY_WIDTH = 92;
const DATE_HEADER_HEIGHT = 40;
const COVERAGE_ROW_HEIGHT = 20;

/** What a click or drag does: assign a shift, clear, or just select. */
export type Brush = { kind: 'select' } | { kind: 'clear' } | { kind: 'shift'; shiftTypeId: string };

export interface RosterGridProps {
  model: GridModel;
  /** Row indexes of the model to show (after filtering), in display order. */
  rows: number[];
  coverage: CoverageRow[];
  signals: Map<number, RuleSignal[]>;
  /** Absence kind per cell (0 none, see ABSENCE_CODES). */
  absences?: Uint8Array;
  active: Position | null;
  onActiveChange: (position: Position) => void;
  brush: Brush;
  onChange: (changes: CellChange[]) => void;
  onOpenDetails?: (position: Position) => void;
  /** A coverage cell was chosen: an open shift to find candidates for. */
  onOpenShift?: (shift: { col: number; shiftTypeId: string; minLevel: number }) => void;
  label: string;
  readOnly?: boolean;
  height?: number | string;
}

export function RosterGrid(props: RosterGridProps) {
  const { model, rows, coverage, signals, absences, active, onActiveChange, brush, onChange, readOnly } =
    props;
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const days = model.dates.length;
  const headerHeight = DATE_HEADER_HEIGHT + coverage.length * COVERAGE_ROW_HEIGHT;
  const leftWidth = NAME_WIDTH + SUMMARY_WIDTH;

  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
  });
  const colVirtualizer = useVirtualizer({
    horizontal: true,
    count: days,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CELL_WIDTH,
    overscan: 3,
    paddingStart: leftWidth,
    scrollPaddingStart: leftWidth,
  });

  // Display position of the active cell (rows may be filtered).
  const displayRowOf = useMemo(() => {
    const map = new Map<number, number>();
    rows.forEach((r, i) => map.set(r, i));
    return map;
  }, [rows]);

  const activeDisplayRow = active ? displayRowOf.get(active.row) : undefined;
  useEffect(() => {
    if (!active || activeDisplayRow === undefined) return;
    rowVirtualizer.scrollToIndex(activeDisplayRow, { align: 'auto' });
    colVirtualizer.scrollToIndex(active.col, { align: 'auto' });
  }, [active, activeDisplayRow, rowVirtualizer, colVirtualizer]);

  // Drag to assign within one row.
  const [drag, setDrag] = useState<{ row: number; from: number; to: number } | null>(null);
  const dragRef = useRef(drag);
  dragRef.current = drag;

  const brushChanges = useCallback(
    (row: number, fromCol: number, toCol: number): CellChange[] => {
      if (brush.kind === 'select') return [];
      const employeeId = model.employees[row]!.id;
      return cellsBetween(row, fromCol, toCol)
        .filter(({ col }) => {
          const current = model.cells[row * days + col]!;
          const next = brush.kind === 'clear' ? EMPTY : (model.shiftIndexOf.get(brush.shiftTypeId) ?? EMPTY);
          return current !== next;
        })
        .map(({ col }) => ({
          employeeId,
          date: model.dates[col]!,
          shiftTypeId: brush.kind === 'clear' ? null : brush.shiftTypeId,
        }));
    },
    [brush, model, days],
  );

  useEffect(() => {
    const finish = () => {
      const d = dragRef.current;
      if (!d) return;
      setDrag(null);
      const changes = brushChanges(d.row, d.from, d.to);
      if (changes.length) onChange(changes);
    };
    window.addEventListener('mouseup', finish);
    return () => window.removeEventListener('mouseup', finish);
  }, [brushChanges, onChange]);

  const onCellMouseDown = useCallback(
    (event: MouseEvent, row: number, col: number) => {
      if (event.button !== 0) return;
      event.preventDefault();
      scrollRef.current?.focus({ preventScroll: true });
      onActiveChange({ row, col });
      if (!readOnly && brush.kind !== 'select') setDrag({ row, from: col, to: col });
    },
    [brush.kind, onActiveChange, readOnly],
  );
  const onCellMouseEnter = useCallback((row: number, col: number) => {
    const d = dragRef.current;
    if (d && d.row === row) setDrag({ ...d, to: col });
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const at = active ?? (rows.length ? { row: rows[0]!, col: 0 } : null);
    if (!at) return;
    const displayRow = displayRowOf.get(at.row) ?? 0;
    const pageRows = Math.max(
      1,
      Math.floor(((scrollRef.current?.clientHeight ?? 600) - headerHeight) / ROW_HEIGHT) - 1,
    );
    const moved = moveByKey(
      { row: displayRow, col: at.col },
      event.key,
      { rows: rows.length, cols: days, pageRows },
      event.ctrlKey || event.metaKey,
    );
    if (moved) {
      event.preventDefault();
      onActiveChange({ row: rows[moved.row]!, col: moved.col });
      return;
    }
    if (!active) {
      onActiveChange(at);
      return;
    }
    const employeeId = model.employees[at.row]!.id;
    const date = model.dates[at.col]!;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onOpenDetails?.(at);
      return;
    }
    if (readOnly || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      if (model.cells[at.row * days + at.col] !== EMPTY) onChange([{ employeeId, date, shiftTypeId: null }]);
      return;
    }
    const shift = shiftForKey(model.shiftTypes, event.key);
    if (shift) {
      event.preventDefault();
      onChange([{ employeeId, date, shiftTypeId: shift.id }]);
      onActiveChange({ row: at.row, col: Math.min(days - 1, at.col + 1) });
      return;
    }
    if (event.key.toLowerCase() === 'p') {
      event.preventDefault();
      const index = at.row * days + at.col;
      const current = model.cells[index]!;
      if (current !== EMPTY)
        onChange([
          { employeeId, date, shiftTypeId: model.shiftTypes[current]!.id, pinned: model.pinned[index] !== 1 },
        ]);
    }
  }

  const virtualRows = rowVirtualizer.getVirtualItems();
  const virtualCols = colVirtualizer.getVirtualItems();
  const totalWidth = colVirtualizer.getTotalSize();
  const totalHeight = rowVirtualizer.getTotalSize();
  const activeId = active ? cellId(active.row, active.col) : undefined;
  const lang = i18n.language;

  return (
    <div
      ref={scrollRef}
      className="grid-scroll"
      role="grid"
      aria-label={props.label}
      aria-rowcount={rows.length + 1 + coverage.length}
      aria-colcount={days + 2}
      aria-activedescendant={activeId}
      aria-readonly={readOnly || undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (!active && rows.length) onActiveChange({ row: rows[0]!, col: 0 });
      }}
      style={{ height: props.height ?? '100%' }}
      data-testid="roster-grid"
    >
      <div style={{ width: totalWidth, height: totalHeight, position: 'relative' }}>
        <div className="grid-head" role="rowgroup" style={{ height: headerHeight, width: totalWidth }}>
          <div role="row" aria-rowindex={1} className="grid-head-row" style={{ height: DATE_HEADER_HEIGHT }}>
            <div
              role="columnheader"
              aria-colindex={1}
              className="grid-corner grid-name"
              style={{ width: NAME_WIDTH }}
            >
              {t('roster.employeeColumn')}
            </div>
            <div
              role="columnheader"
              aria-colindex={2}
              className="grid-corner grid-summary"
              style={{ width: SUMMARY_WIDTH, left: NAME_WIDTH }}
            >
              {t('roster.hoursColumn')}
            </div>
            {virtualCols.map((c) => {
              const date = model.dates[c.index]!;
              return (
                <div
                  key={c.key}
                  role="columnheader"
                  aria-colindex={c.index + 3}
                  className={`grid-date${isWeekend(date) ? ' weekend' : ''}${isoWeekday(date) === 1 ? ' week-start' : ''}`}
                  style={{ left: c.start, width: c.size }}
                  title={formatDate(date, lang, 'long')}
                >
                  <span className="dow">{formatDate(date, lang, 'weekday')}</span>
                  <span className="dom">{+date.slice(8, 10)}</span>
                </div>
              );
            })}
          </div>
          {coverage.map((row, i) => {
            const shift = model.shiftTypes[model.shiftIndexOf.get(row.shiftTypeId)!]!;
            const label = t('coverage.rowLabel', { code: shift.code, level: row.minLevel });
            return (
              <div
                key={`${row.shiftTypeId}|${row.minLevel}|${row.skills.join(',')}`}
                role="row"
                aria-rowindex={i + 2}
                className="grid-head-row coverage-row"
                style={{ top: DATE_HEADER_HEIGHT + i * COVERAGE_ROW_HEIGHT, height: COVERAGE_ROW_HEIGHT }}
              >
                <div
                  role="rowheader"
                  aria-colindex={1}
                  className="grid-corner grid-name coverage-label"
                  style={{ width: leftWidth }}
                >
                  <span className="swatch" style={{ background: shift.color }} aria-hidden="true" />
                  {i === 0 && <span className="visually-hidden">{t('coverage.title')}: </span>}
                  {label}
                </div>
                {virtualCols.map((c) => {
                  const cell = row.cells[c.index]!;
                  const text = t('coverage.cell', { count: cell.count, min: cell.min, ideal: cell.ideal });
                  return (
                    <div
                      key={c.key}
                      role="gridcell"
                      aria-colindex={c.index + 3}
                      className={`coverage-cell cov-${cell.status}`}
                      style={{ left: c.start, width: c.size }}
                      title={`${label} · ${formatDate(model.dates[c.index]!, lang)}: ${text} — ${t(`coverage.${cell.status}`)}`}
                      aria-label={`${label}, ${formatDate(model.dates[c.index]!, lang)}: ${text}, ${t(`coverage.${cell.status}`)}`}
                      onClick={() =>
                        props.onOpenShift?.({
                          col: c.index,
                          shiftTypeId: row.shiftTypeId,
                          minLevel: row.minLevel,
                        })
                      }
                    >
                      {cell.status === 'none' ? '' : `${cell.count}/${cell.min}`}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        <div role="rowgroup">
          {virtualRows.map((r) => {
            const row = rows[r.index]!;
            return (
              <GridRow
                key={row}
                model={model}
                row={row}
                displayIndex={r.index}
                top={r.start}
                width={totalWidth}
                cols={virtualCols}
                signals={signals}
                absences={absences}
                active={active && active.row === row ? active.col : -1}
                drag={drag && drag.row === row ? drag : null}
                brush={brush}
                coverageRows={coverage.length}
                lang={lang}
                onMouseDown={onCellMouseDown}
                onMouseEnter={onCellMouseEnter}
                onDoubleClick={(col) => props.onOpenDetails?.({ row, col })}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

export function cellId(row: number, col: number): string {
  return `cell-${row}-${col}`;
}

interface GridRowProps {
  model: GridModel;
  row: number;
  displayIndex: number;
  top: number;
  width: number;
  cols: Array<{ key: Key; index: number; start: number; size: number }>;
  signals: Map<number, RuleSignal[]>;
  absences?: Uint8Array;
  active: number;
  drag: { from: number; to: number } | null;
  brush: Brush;
  coverageRows: number;
  lang: string;
  onMouseDown: (event: MouseEvent, row: number, col: number) => void;
  onMouseEnter: (row: number, col: number) => void;
  onDoubleClick: (col: number) => void;
}

const GridRow = memo(function GridRow(p: GridRowProps) {
  const { t } = useTranslation();
  const { model, row } = p;
  const days = model.dates.length;
  const employee = model.employees[row]!;
  const summary = useMemo(() => rowSummary(model, row), [model, row]);
  const deviation = summary.contractMinutes
    ? (summary.minutes - summary.contractMinutes) / summary.contractMinutes
    : 0;
  const dragLo = p.drag ? Math.min(p.drag.from, p.drag.to) : -1;
  const dragHi = p.drag ? Math.max(p.drag.from, p.drag.to) : -1;
  return (
    <div
      role="row"
      aria-rowindex={p.displayIndex + 2 + p.coverageRows}
      className={`grid-row${p.displayIndex % 2 ? ' odd' : ''}`}
      style={{ top: p.top, height: ROW_HEIGHT, width: p.width }}
    >
      <div
        role="rowheader"
        aria-colindex={1}
        className="grid-name"
        style={{ width: NAME_WIDTH }}
        title={employee.name}
      >
        <span className="name">{employee.name}</span>
        <span className="level" title={t('common.level', { level: employee.level })}>
          niv {employee.level}
        </span>
      </div>
      <div
        role="gridcell"
        aria-colindex={2}
        className={`grid-summary${Math.abs(deviation) > 0.1 ? (deviation > 0 ? ' over' : ' under') : ''}`}
        style={{ width: SUMMARY_WIDTH, left: NAME_WIDTH }}
      >
        {Math.round(summary.minutes / 60)} / {Math.round(summary.contractMinutes / 60)}
      </div>
      {p.cols.map((c) => {
        const col = c.index;
        const index = row * days + col;
        const s = model.cells[index]!;
        const shift = s === EMPTY ? undefined : model.shiftTypes[s];
        const cellSignals = p.signals.get(index);
        const absence = p.absences?.[index] ?? 0;
        const pinned = model.pinned[index] === 1;
        const date = model.dates[col]!;
        const inDrag = col >= dragLo && col <= dragHi;
        const preview =
          inDrag && p.brush.kind === 'shift'
            ? model.shiftTypes[model.shiftIndexOf.get(p.brush.shiftTypeId) ?? -1]
            : undefined;
        const shown = inDrag ? (p.brush.kind === 'clear' ? undefined : (preview ?? shift)) : shift;
        const classes = ['cell'];
        if (isWeekend(date)) classes.push('weekend');
        if (isoWeekday(date) === 1) classes.push('week-start');
        if (p.active === col) classes.push('active');
        if (inDrag) classes.push('dragging');
        if (absence) classes.push('absent');
        if (cellSignals) classes.push(`signal signal-${cellSignals[0]!.tier}`);
        // A shift on a day of absence (e.g. a sick call after rostering) must not hide the absence.
        const shiftText = shown
          ? `${shown.code} ${shown.name}` +
            (absence ? ` · ${t('roster.absence')} (${ABSENCE_CODES[absence]})` : '')
          : absence
            ? `${ABSENCE_CODES[absence]}`
            : t('shift.empty');
        const signalText = cellSignals?.map((x) => `⚠ ${signalSummary(x, p.lang)}`).join('\n');
        return (
          <div
            key={c.key}
            id={cellId(row, col)}
            role="gridcell"
            aria-colindex={col + 3}
            aria-selected={p.active === col}
            aria-label={
              t('roster.cellLabel', {
                name: employee.name,
                date: formatDate(date, p.lang, 'long'),
                shift: shiftText,
              }) +
              (pinned ? `, ${t('roster.pinned')}` : '') +
              (cellSignals
                ? `, ${t('roster.signalsCount', { count: cellSignals.length })}: ${cellSignals.map((x) => inLanguage(x.title, p.lang)).join('; ')}`
                : '')
            }
            className={classes.join(' ')}
            style={{
              left: c.start,
              width: c.size,
              background: shown ? shown.color : undefined,
              color: shown ? textColorOn(shown.color) : undefined,
            }}
            title={[`${employee.name} · ${formatDate(date, p.lang, 'long')}`, shiftText, signalText]
              .filter(Boolean)
              .join('\n')}
            onMouseDown={(e) => p.onMouseDown(e, row, col)}
            onMouseEnter={() => p.onMouseEnter(row, col)}
            onDoubleClick={() => p.onDoubleClick(col)}
            data-date={date}
            data-employee={employee.id}
          >
            {shown ? (
              shown.code
            ) : absence ? (
              <span className="absence-code">{ABSENCE_CODES[absence]}</span>
            ) : (
              ''
            )}
            {shown && absence ? <span className="absence-under-shift" aria-hidden="true" /> : null}
            {pinned && <span className="pin" aria-hidden="true" />}
            {cellSignals && <span className="signal-mark" aria-hidden="true" />}
          </div>
        );
      })}
    </div>
  );
});
