/**
 * Who did something: a person signed in, an API token, a robot or trigger acting for
 * the automation, or the server itself (start-up, retention). Every audit entry, every
 * timeline entry written for a request and every permission check names one.
 */
export type Actor =
  | {
      kind: 'person';
      accountId: string;
      /** The directory user the account belongs to ("own records", "my department"). */
      userId: string;
      name: string;
      role: string;
    }
  | {
      kind: 'token';
      tokenId: string;
      name: string;
      role: string;
      /** The account that created the token (its rights bound the token's). */
      accountId: string;
      userId: string;
    }
  | {
      kind: 'robot';
      modelId: string;
      version: number;
      ruleId: string;
      ruleName?: string;
    }
  | { kind: 'system'; name: string };
