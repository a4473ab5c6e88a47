import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('runs on the embedded default with no environment at all', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ HUB_GATEWAY_PORT: 4000, HUB_WEB_PORT: 3000, HUB_SEED_DEMO: true, HUB_HOST: '0.0.0.0' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.EVENTSTORE_URL).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('takes real servers and flags from the environment', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://hub@db:5432/hub', EVENTSTORE_URL: 'esdb://es:2113?tls=false', HUB_SEED_DEMO: 'false', HUB_WEB_PORT: '8080' });
    expect(c).toMatchObject({ DATABASE_URL: 'postgres://hub@db:5432/hub', EVENTSTORE_URL: 'esdb://es:2113?tls=false', HUB_SEED_DEMO: false, HUB_WEB_PORT: 8080 });
  });

  it('refuses nonsense with a message naming each setting', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', HUB_WEB_PORT: '99999', EVENTSTORE_URL: 'http://x', KAFKA_BROKERS: 'a b' })).toThrow(
      /DATABASE_URL[\s\S]*EVENTSTORE_URL[\s\S]*HUB_WEB_PORT[\s\S]*KAFKA_BROKERS/,
    );
  });
});
