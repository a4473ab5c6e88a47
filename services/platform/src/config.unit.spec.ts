import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('runs on the embedded default with no environment at all', () => {
    const c = loadConfig({});
    // Only this machine can reach it until HUB_HOST says otherwise.
    expect(c).toMatchObject({ HUB_GATEWAY_PORT: 4000, HUB_WEB_PORT: 3000, HUB_SEED_DEMO: true, HUB_HOST: '127.0.0.1' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.EVENTSTORE_URL).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('takes real servers and flags from the environment', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://hub@db:5432/hub',
      EVENTSTORE_URL: 'esdb://es:2113?tls=false',
      HUB_SEED_DEMO: 'false',
      HUB_WEB_PORT: '8080',
    });
    expect(c).toMatchObject({
      DATABASE_URL: 'postgres://hub@db:5432/hub',
      EVENTSTORE_URL: 'esdb://es:2113?tls=false',
      HUB_SEED_DEMO: false,
      HUB_WEB_PORT: 8080,
    });
  });

  it('reads the gateway limits and refuses a CORS origin with a path or a wildcard', () => {
    const c = loadConfig({
      HUB_CORS_ORIGINS: 'https://console.example.com,http://localhost:5173',
      HUB_MAX_BODY_BYTES: '2048',
      HUB_RATE_LIMIT_PER_MINUTE: '60',
      HUB_REQUEST_TIMEOUT_MS: '500',
    });
    expect(c).toMatchObject({
      HUB_CORS_ORIGINS: 'https://console.example.com,http://localhost:5173',
      HUB_MAX_BODY_BYTES: 2048,
      HUB_RATE_LIMIT_PER_MINUTE: 60,
      HUB_REQUEST_TIMEOUT_MS: 500,
    });
    expect(() => loadConfig({ HUB_CORS_ORIGINS: '*' })).toThrow(/HUB_CORS_ORIGINS/);
    expect(() => loadConfig({ HUB_CORS_ORIGINS: 'https://console.example.com/app' })).toThrow(/HUB_CORS_ORIGINS/);
  });

  it('refuses nonsense with a message naming each setting', () => {
    expect(() =>
      loadConfig({ DATABASE_URL: 'mysql://x', HUB_WEB_PORT: '99999', EVENTSTORE_URL: 'http://x', KAFKA_BROKERS: 'a b' }),
    ).toThrow(/DATABASE_URL[\s\S]*EVENTSTORE_URL[\s\S]*HUB_WEB_PORT[\s\S]*KAFKA_BROKERS/);
  });
});
