import { z } from 'zod';
import { parseNetwork } from '../http/outbound-address-policy';

/**
 * Development defaults: accepted outside production, refused when NODE_ENV=production. The roaming key
 * has no default in the schema: unset, development uses this one and production stores no partner token.
 */
export const DEVELOPMENT_DEFAULTS = {
  JWT_SECRET: 'dev-only-jwt-secret-change-me',
  ADMIN_EMAIL: 'admin@example.com',
  ADMIN_PASSWORD: 'Admin123!',
  SECRETS_ENCRYPTION_KEY: 'dev-only-secrets-key-change-me-0123456789',
} as const;

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const serverRole = z.enum(['all', 'ocpp', 'api', 'worker']);

/** A comma-separated variable's items, trimmed; unset or blank: none. */
function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    // Slow clients (slowloris): a request's headers, a WebSocket upgrade's included, and its whole
    // body must arrive within these, or it gets 408 and its connection is closed.
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).default(20_000),
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
    CLUSTER_OWNERSHIP_TTL_MS: z.coerce.number().int().min(1000).default(15_000),
    JWT_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEVELOPMENT_DEFAULTS.JWT_SECRET),
    JWT_EXPIRES_IN: z.coerce
      .number()
      .int()
      .positive()
      .default(12 * 3600),
    ADMIN_EMAIL: z.string().email().default(DEVELOPMENT_DEFAULTS.ADMIN_EMAIL),
    ADMIN_PASSWORD: z
      .string()
      .min(8, 'must be at least 8 characters')
      .default(DEVELOPMENT_DEFAULTS.ADMIN_PASSWORD),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: booleanFlag.optional(),
    SERVER_ROLES: z
      .string()
      .default('all')
      .transform((value, ctx) => {
        const roles = value.split(',').map((role) => role.trim());
        for (const role of roles) {
          if (!serverRole.safeParse(role).success) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              message: `unknown role "${role}" (all, ocpp, api, worker)`,
            });
          }
        }
        return roles as z.infer<typeof serverRole>[];
      }),
    // GraphQL Armor's limits per operation (depth and cost ours, the others Armor's defaults).
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(10),
    GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).default(5000),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(15),
    GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(1).default(50),
    GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(1000),
    OCPP_CALL_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    // Stations let in at once between their WebSocket upgrade and the answer to their first CALL; the
    // rest wait at the upgrade. On two cores a storm boots 150–165 stations/s, so a station's wait
    // splits between its upgrade and its BootNotification, each inside the usual 30 s timeouts
    // (5,000 stations, p99: 24–28 s at the upgrade and 20–22 s for the answer; 26 s and 17 s at 1,500).
    OCPP_ADMISSIONS_AT_ONCE: z.coerce.number().int().positive().default(2000),
    // Per OCPP-J connection: frames larger are refused with a CALLERROR (FormatViolation; beyond four
    // times, the connection is closed), and CALLs beyond the rate with GenericError. 256 KiB rather
    // than the usual 64 KiB: a StopTransaction with a long session's transactionData, or a big
    // GetConfiguration answer, legitimately exceeds 64 KiB.
    OCPP_MAX_FRAME_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(256 * 1024),
    OCPP_MAX_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).default(50),
    // TLS (wss://, https://): security profile 2. With TLS_CA_FILE, stations may also authenticate
    // with a client certificate whose common name is their id (security profile 3).
    TLS_CERT_FILE: z.string().min(1).optional(),
    TLS_KEY_FILE: z.string().min(1).optional(),
    TLS_CA_FILE: z.string().min(1).optional(),
    // The private key of TLS_CA_FILE's CA: with it, the CSMS signs the certificates its stations ask for
    // (SignCertificate), which then let them in on security profile 3.
    TLS_CA_KEY_FILE: z.string().min(1).optional(),
    // ISO 15118 Plug & Charge: the PKI that installs and updates contract certificates in cars
    // (Get15118EVCertificate) and signs the stations' V2G certificates, and the OCSP responder that
    // answers for V2G and contract certificates (default: the PKI's /ocsp). Unset: refused cleanly.
    ISO15118_PKI_URL: z.string().url().optional(),
    ISO15118_OCSP_URL: z.string().url().optional(),
    HEARTBEAT_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86400).default(300),
    // Account security (libs/auth, libs/users) and notifications (libs/notifications).
    JWT_DEMO_EXPIRES_IN: z.coerce
      .number()
      .int()
      .positive()
      .default(7 * 24 * 3600),
    LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(3),
    LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(5),
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    AUTH_IP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(1).default(60),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    SMTP_FROM: z.string().min(3).default('CSMS <no-reply@csms.local>'),
    FRONTEND_URL: z.string().url().default('http://localhost:3000'),
    // The operator console's build (apps/console, `npm run build`), served at /; relative to the working directory.
    CONSOLE_DIR: z.string().min(1).default('apps/console/dist'),
    // Where stations reach this server (e.g. https://csms.example.com), for the URLs shown with
    // registration tokens; default http(s)://localhost:PORT.
    PUBLIC_URL: z.string().url().optional(),
    // A session whose energy stopped flowing this long counts as fully charged (end-of-charge email).
    END_OF_CHARGE_IDLE_MINUTES: z.coerce.number().positive().default(5),
    NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
    NOTIFICATION_RETRY_BASE_MS: z.coerce.number().int().min(1).default(2000),
    // Notifications on charging: the state of charge that counts as an optimal charge (once per session),
    // and how long an unknown badge at one station is announced to admins only once.
    OPTIMAL_CHARGE_PERCENT: z.coerce.number().int().min(1).max(100).default(80),
    UNKNOWN_TAG_NOTIFICATION_MINUTES: z.coerce.number().positive().default(15),
    // A station is announced offline only when it has not come back within this time: a network blip
    // or a reconnect storm (thousands of stations back within seconds) is no news.
    STATION_OFFLINE_NOTIFICATION_SECONDS: z.coerce.number().min(0).default(60),
    // Housekeeping (libs/housekeeping): scheduled jobs, one instance at a time through a database lock.
    HOUSEKEEPING_OFFLINE_CHECK_SECONDS: z.coerce.number().int().min(5).default(60),
    HOUSEKEEPING_OFFLINE_AFTER_MISSED_HEARTBEATS: z.coerce.number().positive().default(3),
    HOUSEKEEPING_OFFLINE_MIN_SECONDS: z.coerce.number().int().min(1).default(120),
    HOUSEKEEPING_STALE_SESSION_HOURS: z.coerce.number().positive().default(24),
    HOUSEKEEPING_LOCK_TTL_SECONDS: z.coerce.number().int().min(10).default(300),
    // Retention in days; 0 keeps forever.
    OCPP_LOG_RETENTION_DAYS: z.coerce.number().min(0).default(30),
    STATION_LOG_RETENTION_DAYS: z.coerce.number().min(0).default(90),
    NOTIFICATION_LOG_RETENTION_DAYS: z.coerce.number().min(0).default(30),
    // Roaming (libs/roaming; partners' credentials tokens are sealed with SECRETS_ENCRYPTION_KEY): the outbox that
    // delivers every push to a partner (exponential back-off from the base to the cap, given up after the
    // maximum age); OCPI request timeouts, the session update rate and the page size we serve.
    ROAMING_OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(1).default(2000),
    ROAMING_OUTBOX_RETRY_MAX_MS: z.coerce.number().int().min(1).default(300_000),
    ROAMING_OUTBOX_MAX_AGE_HOURS: z.coerce.number().positive().default(72),
    ROAMING_OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(1000),
    ROAMING_LOG_RETENTION_DAYS: z.coerce.number().min(0).default(30),
    OCPI_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    OCPI_AUTHORIZE_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
    OCPI_COMMAND_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(60),
    OCPI_SESSION_UPDATE_SECONDS: z.coerce.number().min(0).default(60),
    OCPI_PAGE_LIMIT: z.coerce.number().int().min(1).max(1000).default(100),
    // OICP (Hubject): every this many seconds, one instance pushes the status of every EVSE (a full
    // load) besides the real-time pushes (0: real-time pushes only).
    OICP_STATUS_PUSH_SECONDS: z.coerce.number().int().min(0).default(300),
    // OICP behind a TLS-terminating reverse proxy: Hubject's verified client certificate (URL-encoded PEM,
    // e.g. nginx's $ssl_client_escaped_cert) is read from this header, only on requests from these
    // proxy addresses (comma-separated IPs). Unset: off, only our own TLS counts.
    OICP_TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform(commaList)
      .pipe(z.array(z.string().ip({ message: 'must be IP addresses, comma-separated' }))),
    // Outbound calls to URLs that tenants and partners configure (asset meters, car-data and expense
    // services, OAuth2 token endpoints, OCPI and OICP partners) reach public addresses only, plus these networks
    // (comma-separated CIDRs or addresses, e.g. a building meter on 192.168.10.0/24). Unset: none.
    OUTBOUND_ALLOWED_NETWORKS: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const networks = commaList(value);
        for (const network of networks) {
          try {
            parseNetwork(network);
          } catch (error) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
          }
        }
        return networks;
      }),
    OICP_CLIENT_CERT_HEADER: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/)
      .default('x-ssl-client-cert')
      .transform((value) => value.toLowerCase()),
    // API keys of technical users (libs/auth): requests per minute each key may make (a key may set
    // its own), and how many days ahead of its expiry admins are reminded by email.
    API_KEY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
    API_KEY_EXPIRY_REMINDER_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    // The audit log (libs/audit) is kept this many days (0: forever).
    AUDIT_LOG_RETENTION_DAYS: z.coerce.number().min(0).default(365),
    // CSV exports: lifetime of a signed download link.
    EXPORT_LINK_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
    // GET /metrics (Prometheus): off unless a token is set, then asked as a Bearer token.
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    // Secrets kept for outside parties (an asset meter's OAuth2 client secret or API key, a tenant's
    // Stripe keys and webhook secret) are stored encrypted with a key derived from this (AES-256-GCM).
    SECRETS_ENCRYPTION_KEY: z
      .string()
      .min(32, 'must be at least 32 characters')
      .default(DEVELOPMENT_DEFAULTS.SECRETS_ENCRYPTION_KEY),
    // Assets (libs/assets): a measured asset whose last reading is older than this counts at its static
    // value; readings (the assets' curves) are kept this long (0: forever).
    ASSET_STALE_AFTER_SECONDS: z.coerce.number().int().min(10).default(180),
    ASSET_READING_RETENTION_DAYS: z.coerce.number().min(0).default(90),
    // Smart charging (libs/smart-charging): triggers of one site area arriving within the debounce
    // are planned once; every area is planned again at least this often; the area's load curve gets a
    // point at most this often.
    SMART_CHARGING_DEBOUNCE_MS: z.coerce.number().int().min(0).default(2000),
    SMART_CHARGING_PERIOD_SECONDS: z.coerce.number().int().min(30).default(900),
    SMART_CHARGING_LOAD_INTERVAL_SECONDS: z.coerce.number().min(1).default(10),
    SMART_CHARGING_RETRY_DELAY_MS: z.coerce.number().int().min(0).default(2000),
    SITE_AREA_LOAD_RETENTION_DAYS: z.coerce.number().min(0).default(90),
    // Persistent jobs (libs/database jobs): how often an idle queue looks for due jobs written by other
    // instances (this instance's own are run at once).
    JOBS_POLL_MS: z.coerce.number().int().min(10).default(1000),
    // Billing (libs/billing). Stripe's API address (tests and local fakes such as localstripe: the SDK's
    // host, port and protocol); the SDK's own retries of a failed request; its request timeout.
    BILLING_STRIPE_API_URL: z.string().url().optional(),
    BILLING_STRIPE_MAX_NETWORK_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    BILLING_STRIPE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
    // The billing run per tenant (under the housekeeping lock): how often it runs; unpaid invoices are
    // charged again every BILLING_PAYMENT_RETRY_HOURS, at most BILLING_PAYMENT_MAX_ATTEMPTS times.
    BILLING_JOB_INTERVAL_SECONDS: z.coerce.number().int().min(10).default(3600),
    BILLING_PAYMENT_RETRY_HOURS: z.coerce.number().positive().default(24),
    BILLING_PAYMENT_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(4),
    // The billing run also bills stopped, priced sessions of the last BILLING_RECONCILE_LOOKBACK_DAYS that
    // have no billing record (their stop event was lost), once stopped BILLING_RECONCILE_GRACE_SECONDS ago,
    // and gives the sessions of invoices paid in that time their Connect transfer when they have none.
    BILLING_RECONCILE_LOOKBACK_DAYS: z.coerce.number().positive().max(90).default(7),
    BILLING_RECONCILE_GRACE_SECONDS: z.coerce.number().int().min(0).default(600),
    // Refunds through Concur (libs/refunds): the first back-off of a report Concur could not take
    // (doubled up to ten minutes, for a day); how often a submitted report's approval is read.
    REFUNDS_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
    REFUNDS_STATUS_POLL_MS: z.coerce.number().int().min(100).default(3_600_000),
    // Car-data connectors (libs/cars): how often an AC session's car is asked its state of charge, and
    // the first back-off when the service is down (doubled up to ten minutes, for a day).
    CAR_DATA_POLL_MS: z.coerce.number().int().min(100).default(300_000),
    CAR_DATA_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  })
  .superRefine((config, ctx) => {
    if (config.HTTP_REQUEST_TIMEOUT_MS < config.HTTP_HEADERS_TIMEOUT_MS) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['HTTP_REQUEST_TIMEOUT_MS'],
        message: 'must not be shorter than HTTP_HEADERS_TIMEOUT_MS (the headers are part of the request)',
      });
    }
    if (Boolean(config.TLS_CERT_FILE) !== Boolean(config.TLS_KEY_FILE)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['TLS_KEY_FILE'],
        message: 'TLS_CERT_FILE and TLS_KEY_FILE go together',
      });
    }
    if (config.TLS_CA_FILE && !config.TLS_CERT_FILE) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['TLS_CA_FILE'],
        message: 'needs TLS_CERT_FILE and TLS_KEY_FILE',
      });
    }
    if (config.TLS_CA_KEY_FILE && !config.TLS_CA_FILE) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['TLS_CA_KEY_FILE'],
        message: 'is the key of TLS_CA_FILE, which is not set',
      });
    }
    if (config.NODE_ENV !== 'production') return;
    for (const key of ['JWT_SECRET', 'ADMIN_PASSWORD', 'SECRETS_ENCRYPTION_KEY'] as const) {
      if (config[key] === DEVELOPMENT_DEFAULTS[key]) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [key],
          message: 'the development default is refused in production; set your own value',
        });
      }
    }
    if (config.JWT_SECRET.length < 32) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['JWT_SECRET'],
        message: 'must be at least 32 characters in production',
      });
    }
  });

export type AppConfig = z.infer<typeof configSchema>;
