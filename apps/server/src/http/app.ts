/** The HTTP application: middleware, API routes, OpenAPI 3.1 document and docs, web app. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
import { secureHeaders } from 'hono/secure-headers';
import { authRoutes } from '../routes/auth.ts';
import { capacityRoutes } from '../routes/capacity.ts';
import { insightRoutes } from '../routes/insights.ts';
import { jobRoutes } from '../routes/jobs.ts';
import { planningRoutes } from '../routes/planning.ts';
import { rosterRoutes } from '../routes/rosters.ts';
import { staffRoutes } from '../routes/staff.ts';
import { userRoutes } from '../routes/users.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { requestBodyLimit } from './body.ts';
import { HttpProblem, onError, problemResponse } from './problem.ts';
import { mountWeb } from './web.ts';

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(onError);
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(
    '/api/*',
    secureHeaders({ crossOriginResourcePolicy: 'same-origin', contentSecurityPolicy: undefined }),
    requestBodyLimit(deps.config.bodyLimitBytes, () => {
      throw new HttpProblem(
        413,
        'Verzoek te groot / request too large',
        `The limit is ${deps.config.bodyLimitBytes} bytes.`,
      );
    }),
  );

  app.get('/api/health', (c) => c.json({ status: 'ok' }, 200));
  app.route('/api/auth', authRoutes());
  app.route('/api', planningRoutes());
  app.route('/api', rosterRoutes());
  app.route('/api', jobRoutes());
  app.route('/api', userRoutes());
  app.route('/api', capacityRoutes());
  app.route('/api', insightRoutes());
  app.route('/api', staffRoutes());

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'planmaat_session',
    description: 'Set by POST /api/auth/login. State-changing requests also need the X-CSRF-Token header.',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Planmaat API',
      version: '0.1.0',
      description:
        'Roosters, CAO/ATW-toetsing en thuiszorgroutes. Errors are application/problem+json naming the field. Lists are paginated with limit/offset.',
    },
    security: [{ session: [] }],
  });
  app.get('/api/docs', swaggerUI({ url: '/api/openapi.json' }));
  app.all('/api/*', () =>
    problemResponse({
      type: 'https://planmaat.nl/problems/not-found',
      title: 'Onbekend pad / unknown path',
      status: 404,
    }),
  );
  mountWeb(app, deps.config.webDist);
  return app;
}
