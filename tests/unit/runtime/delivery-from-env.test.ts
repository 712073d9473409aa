import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../runtime/app/create-app.js';
import { deliveryFromEnv } from '../../../runtime/delivery/delivery-from-env.js';

describe('deliveryFromEnv', () => {
  it('always has an HTTP client; email and messages only when configured', () => {
    const bare = deliveryFromEnv({}, silentLogger);
    expect(bare.http).toBeDefined();
    expect(bare.mailer).toBeUndefined();
    expect(bare.channels).toBeUndefined();
    const full = deliveryFromEnv(
      { SMTP_URL: 'smtp://127.0.0.1:2525', MESSAGE_WEBHOOK_URL: 'http://127.0.0.1:9/send' },
      silentLogger,
    );
    expect(full.mailer).toBeDefined();
    expect(Object.keys(full.channels ?? {})).toEqual(['default']);
  });

  it.each([
    [{ SMTP_URL: 'not a url' }, 'SMTP_URL is not a URL'],
    [{ SMTP_URL: 'http://mail.example.com' }, 'SMTP_URL must start with smtp:// or smtps://'],
    [{ MESSAGE_WEBHOOK_URL: 'ftp://x' }, 'MESSAGE_WEBHOOK_URL must start with http:// or https://'],
  ])('refuses %j at startup with a clear message', (env, message) => {
    expect(() => deliveryFromEnv(env, silentLogger)).toThrow(message);
  });
});
