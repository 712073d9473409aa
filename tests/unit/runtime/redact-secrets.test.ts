import { describe, expect, it } from 'vitest';
import { redactSecrets, splitUrlCredentials } from '../../../runtime/security/redact-secrets.js';

describe('redactSecrets', () => {
  it.each([
    [
      'network error: http://bot:s3cret@127.0.0.1:9/send',
      'network error: http://***@127.0.0.1:9/send',
    ],
    [
      'SMTP_URL is not a URL: smtps://mail:hunter2@smtp.local:99999',
      'SMTP_URL is not a URL: smtps://***@smtp.local:99999',
    ],
    ['a password with an @: smtp://u:p@ss@host/x', 'a password with an @: smtp://***@host/x'],
    [
      'a token alone: "https://ghp_token@example.test/hook"',
      'a token alone: "https://***@example.test/hook"',
    ],
    ['no scheme: smtp//bob:hunter2@mail.local:25', 'no scheme: ***@mail.local:25'],
  ])('removes the credentials from %s', (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it.each([
    'email to anna@example.com',
    'https://example.test/users/@me',
    'HTTP 503 from http://127.0.0.1:9/send',
  ])('leaves text without credentials alone: %s', (text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('splitUrlCredentials', () => {
  it('turns user:password@ into a Basic authorization header and a bare URL', () => {
    expect(splitUrlCredentials('http://bot:s%40cret@gw.local:8080/send?x=1')).toEqual({
      url: 'http://gw.local:8080/send?x=1',
      authorization: `Basic ${Buffer.from('bot:s@cret').toString('base64')}`,
    });
  });

  it('leaves a URL without credentials (and a non-URL) as it is', () => {
    expect(splitUrlCredentials('http://gw.local/send')).toEqual({ url: 'http://gw.local/send' });
    expect(splitUrlCredentials('not a url')).toEqual({ url: 'not a url' });
  });
});
