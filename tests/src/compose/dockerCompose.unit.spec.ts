import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '@hub/platform';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/product';

/*
 * No Docker engine runs here, so the deployment is checked statically: the compose file parses and
 * names only files, scripts and settings that exist.
 */

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string | number>;
}

const composeText = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as { services: Record<string, ComposeService> };
const hubServices = Object.entries(compose.services).filter(([, s]) => s.build);

describe('docker-compose.yml', () => {
  it('runs the stores, the broker and every part of the hub', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'branch-visits',
      'cafe-sessions',
      'customer-smile',
      'directory',
      'email-letters',
      'gateway',
      'kafka',
      'kurrentdb',
      'postgres',
      'pride',
      'projector',
      'relay',
      'town-halls',
      'video-messages',
      'web',
    ]);
    expect(compose.services.kafka!.image).toMatch(/^apache\/kafka:/);
    expect(compose.services.kafka!.environment!.KAFKA_PROCESS_ROLES).toBe('broker,controller');
  });

  it.each(hubServices)('%s builds from files that exist and runs a script that exists', (_, service) => {
    const context = join(REPO_ROOT, service.build!.context);
    const dockerfile = join(context, service.build!.dockerfile);
    expect(existsSync(dockerfile)).toBe(true);
    for (const line of readFileSync(dockerfile, 'utf8').split('\n')) {
      const copy = /^COPY (?!--from)(.+) \S+$/.exec(line.trim());
      for (const source of copy?.[1]!.split(/\s+/) ?? [])
        expect(existsSync(join(context, source)), `${source} in ${dockerfile}`).toBe(true);
    }
    const script = service.command?.find((arg) => arg.endsWith('.ts'));
    expect(script && existsSync(join(REPO_ROOT, script)), `${script}`).toBe(true);
  });

  it.each(hubServices)('%s is configured only with settings the hub knows, and valid ones', (_, service) => {
    // `${X:-default}` takes its default; `${X:?…}` must be set by the operator: any value of the right shape stands in.
    const env = Object.fromEntries(
      Object.entries(service.environment ?? {}).map(([k, v]) => [
        k,
        String(v)
          .replace(/\$\{(\w+):-([^}]*)\}/g, '$2')
          .replace(/\$\{(\w+):\?[^}]*\}/g, 'operator-set-value-of-at-least-32-characters'),
      ]),
    );
    const known = Object.keys(configSchema.shape);
    expect(Object.keys(env).filter((k) => !known.includes(k))).toEqual([]);
    const parsed = configSchema.safeParse(env);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('uses only variables that have a default or are documented in .env.example', () => {
    const documented: string[] = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8').match(/^\w+(?==)/gm) ?? [];
    const used = [...composeText.matchAll(/\$\{(\w+)(:[-?][^}]*)?\}/g)];
    expect(used.length).toBeGreaterThan(0);
    for (const [, name, fallback] of used) expect(fallback?.startsWith(':-') || documented.includes(name!), name).toBe(true);
  });
});
