/**
 * A synthetic 2,000 × 84 roster for measuring the grid: the e2e suite scrolls it and counts the
 * cells in the DOM (shown on the page too). Needs no server and no login.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/ui.tsx';
import { computeCoverage } from '../roster/coverage.ts';
import { applyChanges, type CellChange, type Position } from '../roster/grid-model.ts';
import { RosterGrid } from '../roster/roster-grid.tsx';
import { syntheticRoster } from '../roster/synthetic.ts';

export function GridBenchPage() {
  const { t } = useTranslation();
  const params = new URLSearchParams(window.location.search);
  const employees = Number(params.get('rows') ?? 2000);
  const days = Number(params.get('days') ?? 84);
  const initial = useMemo(() => syntheticRoster(employees, days, 7), [employees, days]);
  const [model, setModel] = useState(initial.model);
  const [active, setActive] = useState<Position | null>(null);
  const [domCells, setDomCells] = useState(0);
  const wrap = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => model.employees.map((_, i) => i), [model]);
  const coverage = useMemo(() => computeCoverage(model, initial.demand), [model, initial.demand]);

  useEffect(() => {
    const count = () => setDomCells(wrap.current?.querySelectorAll('.cell').length ?? 0);
    count();
    const scroller = wrap.current?.querySelector('.grid-scroll');
    scroller?.addEventListener('scroll', count, { passive: true });
    const timer = setInterval(count, 500);
    return () => {
      scroller?.removeEventListener('scroll', count);
      clearInterval(timer);
    };
  }, []);

  return (
    <main id="main" className="page page-bench">
      <PageHeader title={t('bench.title')} />
      <p>{t('bench.intro')}</p>
      <p>
        <span data-testid="dom-cells">{t('bench.domCells', { count: domCells })}</span> ·{' '}
        <span>{t('bench.totalCells', { count: employees * days })}</span>
      </p>
      <div ref={wrap} className="grid-wrap bench-grid">
        <RosterGrid
          model={model}
          rows={rows}
          coverage={coverage}
          signals={new Map()}
          active={active}
          onActiveChange={setActive}
          brush={{ kind: 'select' }}
          onChange={(changes: CellChange[]) => setModel((m) => applyChanges(m, changes))}
          label={t('bench.title')}
        />
      </div>
    </main>
  );
}
