import { z } from 'zod';

// Every setting comes from the environment and is checked once, at start-up.
// A bad value stops start-up with one line naming the variable and what it expects.

const optionalText = z.string().trim().min(1).optional();

const bootstrapAdmin = z
  .string()
  .trim()
  .regex(/^(slack|teams):[\w:.@-]+$/, 'expected slack:<user id> or teams:<AAD object id>');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    PUBLIC_URL: z.url().optional(),
    MONGODB_URI: z
      .string()
      .trim()
      .regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// or mongodb+srv:// connection string')
      .optional(),
    MONGODB_DB_NAME: z.string().trim().regex(/^[\w-]+$/, 'expected letters, digits, - or _').default('provider-quality'),
    DATA_DIR: z.string().trim().min(1).default('./.data'),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_BOT_TOKEN: z.string().trim().regex(/^xoxb-/, 'expected a bot token starting xoxb-').optional(),
    SLACK_API_URL: z.url().optional(),
    MICROSOFT_APP_ID: optionalText,
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TENANT_ID: optionalText,
    MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    BOOTSTRAP_ADMINS: z
      .string()
      .default('')
      .transform((raw) => raw.split(',').map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(bootstrapAdmin)),
    COUNCIL_NAME: z.string().trim().min(1).default('Council'),
    // Risk Matrix weights and bands (docs/risk-matrix.md); without it the documented defaults apply.
    RISK_CONFIG_FILE: optionalText,
    // Scheduled jobs (nightly recompute, alert retries). Off for tools that only need the server.
    JOBS_ENABLED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  })
  .superRefine((env, ctx) => {
    const slackParts = [env.SLACK_SIGNING_SECRET, env.SLACK_BOT_TOKEN].filter(Boolean).length;
    if (slackParts === 1) {
      const missing = env.SLACK_SIGNING_SECRET ? 'SLACK_BOT_TOKEN' : 'SLACK_SIGNING_SECRET';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'set both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN, or neither' });
    }
    if (env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_PASSWORD && env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_PASSWORD'], message: 'required when MICROSOFT_APP_ID is set' });
    }
    if (env.MICROSOFT_APP_TYPE === 'SingleTenant' && env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_TENANT_ID'], message: 'required for a SingleTenant app' });
    }
    if (env.NODE_ENV === 'production' && !env.MICROSOFT_APP_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_ID'],
        message: 'required in production: the Teams endpoint will not run unauthenticated',
      });
    }
  });

export type AppConfig = ReturnType<typeof toAppConfig>;

function toAppConfig(env: z.infer<typeof envSchema>) {
  return {
    ...env,
    slackEnabled: Boolean(env.SLACK_SIGNING_SECRET && env.SLACK_BOT_TOKEN),
    teamsLocalMode: !env.MICROSOFT_APP_ID,
  };
}

export class ConfigError extends Error {}

/** Parses the environment. Throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Configuration error: ${variable}: ${issue.message}`);
  }
  return toAppConfig(parsed.data);
}
