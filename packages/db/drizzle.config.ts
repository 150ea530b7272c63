// drizzle-kit: `npx drizzle-kit generate --config packages/db/drizzle.config.ts` writes the SQL
// migrations that both drivers run at start-up.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema.ts',
  out: './packages/db/migrations',
});
