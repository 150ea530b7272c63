/** Worker thread entry of the NRP portfolio. */
import { serveSearch } from '../engine/worker-host.ts';
import { createNrpProblem } from './problem.ts';

await serveSearch(createNrpProblem);
