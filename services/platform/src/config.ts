import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => ['true', '1', 'yes'].includes(v));

/** The bounded contexts, each of which can run as its own command process. */
export const CONTEXT_NAMES = [
  'directory',
  'cafeSessions',
  'townHalls',
  'branchVisits',
  'videoMessages',
  'customerSmile',
  'pride',
  'emailLetters',
] as const;
export type ContextName = (typeof CONTEXT_NAMES)[number];

/** Where a split gateway finds each context: the variable naming its URL. */
export const CONTEXT_URL_VARIABLES = {
  directory: 'HUB_DIRECTORY_URL',
  cafeSessions: 'HUB_CAFE_SESSIONS_URL',
  townHalls: 'HUB_TOWN_HALLS_URL',
  branchVisits: 'HUB_BRANCH_VISITS_URL',
  videoMessages: 'HUB_VIDEO_MESSAGES_URL',
  customerSmile: 'HUB_CUSTOMER_SMILE_URL',
  pride: 'HUB_PRIDE_URL',
  emailLetters: 'HUB_EMAIL_LETTERS_URL',
} as const satisfies Record<ContextName, string>;

/** Every setting the hub reads, from the environment, with its default. Documented in README. */
export const configSchema = z.object({
  /** PostgreSQL server for the event store and the view; unset: embedded PGlite under HUB_DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' }).optional(),
  /** EventStoreDB/KurrentDB for the events (esdb://...); the view then lives in DATABASE_URL or PGlite. */
  EVENTSTORE_URL: z
    .string()
    .regex(/^(esdb|kurrentdb|esdb\+discover|kurrentdb\+discover):\/\//, 'EVENTSTORE_URL must be an esdb:// or kurrentdb:// URL')
    .optional(),
  HUB_DATA_DIR: z.string().default('./data'),
  /** Interface to listen on: this machine only unless told otherwise (containers set 0.0.0.0). */
  HUB_HOST: z.string().default('127.0.0.1'),
  /** Browser origins allowed to call the gateway cross-origin; default: the console's own. */
  HUB_CORS_ORIGINS: z
    .string()
    .regex(
      /^https?:\/\/[^\s,/]+(,https?:\/\/[^\s,/]+)*$/,
      'HUB_CORS_ORIGINS must be origins like https://console.example.com, comma-separated, without paths',
    )
    .optional(),
  /** Largest GraphQL request body in bytes (answered 413 above it). */
  HUB_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  /** GraphQL requests a minute per client address and per API token (answered 429 above it). */
  HUB_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /**
   * Where embedded PGlite runs: `worker`, its own thread (the gateway keeps answering while a
   * statement runs); `main`, the gateway's thread as before, only to compare in benchmarks.
   */
  HUB_PGLITE_THREAD: z.enum(['worker', 'main']).default('worker'),
  /** GraphQL requests reading the view at once (others wait their turn; 0: no limit). Default: the machine's cores. */
  HUB_VIEW_CONCURRENCY: z.coerce.number().int().min(0).default(availableParallelism()),
  /** How long a GraphQL query may run, in ms; on PostgreSQL also the gateway's statement_timeout. */
  HUB_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  HUB_GATEWAY_PORT: port(4000),
  HUB_WEB_PORT: port(3000),
  /** Seed the demo company when the store is empty. */
  HUB_SEED_DEMO: flag(true),
  /** `npm start` issues fresh development tokens, one per role, and prints them (revoking the previous run's); false: none. */
  HUB_DEV_TOKENS: flag(true),
  /** Where the gateway is, for processes that proxy to it (web). */
  HUB_GATEWAY_URL: z.url().optional(),
  /** Where each bounded context's command service is, for a gateway running in its own process. */
  HUB_DIRECTORY_URL: z.url().optional(),
  HUB_CAFE_SESSIONS_URL: z.url().optional(),
  HUB_TOWN_HALLS_URL: z.url().optional(),
  HUB_BRANCH_VISITS_URL: z.url().optional(),
  HUB_VIDEO_MESSAGES_URL: z.url().optional(),
  HUB_CUSTOMER_SMILE_URL: z.url().optional(),
  HUB_PRIDE_URL: z.url().optional(),
  HUB_EMAIL_LETTERS_URL: z.url().optional(),
  /** Which bounded context a `bin/commands` process serves. */
  HUB_CONTEXT: z.enum(CONTEXT_NAMES).optional(),
  HUB_COMMANDS_PORT: port(4100),
  /** Shared by a split gateway and the command services it calls: they answer no one else (32+ characters). */
  HUB_INTERNAL_TOKEN: z.string().min(32, 'HUB_INTERNAL_TOKEN must have at least 32 characters').optional(),
  /**
   * The master key that seals every customer's own key (base64 of 32 bytes, or 64 hex digits).
   * Unset: read from HUB_MASTER_KEY_FILE, made there (0600) on first start.
   */
  HUB_MASTER_KEY: z
    .string()
    .refine(
      (v) => /^[0-9a-f]{64}$/i.test(v.trim()) || Buffer.from(v.trim(), 'base64').length === 32,
      'HUB_MASTER_KEY must be 32 bytes as base64 or 64 hex digits',
    )
    .optional(),
  /** Where the master key is kept when HUB_MASTER_KEY is unset; default `<HUB_DATA_DIR>/master.key`. */
  HUB_MASTER_KEY_FILE: z.string().optional(),
  /** The relay's transactional id and checkpoint group: one running relay per id. */
  HUB_RELAY_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/, 'HUB_RELAY_ID may contain letters, digits, ".", "_" and "-"')
    .default('hub-relay'),
  HUB_KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(100).default(3),
  HUB_RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(2000),
  /** Health and metrics of the relay (`/health`, `/metrics`). */
  HUB_RELAY_PORT: port(4200),
  /** The gateway's address as downstream systems reach it: every message's `dataschema` is `<this>/schemas/<type>.json`. */
  HUB_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'HUB_PUBLIC_URL must be an http(s):// URL' }).default('http://127.0.0.1:4000'),
  /** How long a mutation waits for the view to include it before answering VIEW_LAGGING (it stays recorded). */
  HUB_VIEW_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  /** Kafka bootstrap servers: set, the stream relay publishes every event and touch. */
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/, 'KAFKA_BROKERS must be host:port[,host:port…]')
    .optional(),
});

export type HubConfig = z.infer<typeof configSchema> & { dataDir: string };

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): HubConfig => {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.HUB_DATA_DIR) };
};
