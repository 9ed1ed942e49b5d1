export const POSTGRES_URL_ENV: 'KEYTURN_TEST_POSTGRES_URL';
export function postgresBinDir(): string | null;
export interface ThrowawayPostgres {
  /** The administrator's URL: the `postgres` superuser over TCP on 127.0.0.1. */
  url: string;
  host: string;
  port: number;
  password: string;
  dataDir: string;
  socketDir: string;
  /** Stops the server, keeping its data (fault tests); resume() starts it again on the same port. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}
export function startPostgres(options?: { log?: boolean }): Promise<ThrowawayPostgres>;
