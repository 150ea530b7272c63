/**
 * The solvers this build ships. A kind is listed only when its optimiser package provides what
 * the plugin needs; the API's job kinds show exactly these.
 */
import { SolverRegistry } from './solver-port.ts';
import { rosterPlugin } from './solvers/roster.ts';
import { routesPlugin } from './solvers/routes.ts';

export function productSolvers(): SolverRegistry {
  return new SolverRegistry().register(rosterPlugin).register(routesPlugin);
}
