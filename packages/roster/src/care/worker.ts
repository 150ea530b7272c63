/** Worker thread entry of the care-roster portfolio. */
import { serveSearch } from '../engine/worker-host.ts';
import { createCareProblem } from './problem.ts';

await serveSearch(createCareProblem);
