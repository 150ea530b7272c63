/**
 * The solvers this build ships. A kind is listed only when its optimiser package provides what
 * the plugin needs; until then the API's job kinds simply do not include it.
 */
import { SolverRegistry } from './solver-port.ts';

export function productSolvers(): SolverRegistry {
  return new SolverRegistry();
}
