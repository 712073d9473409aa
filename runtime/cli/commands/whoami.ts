import { EXIT_INVALID, EXIT_OK, type RegisterCommand } from '../cli-io.js';
import { ServerClientError, serverClientFromEnv } from '../server-client.js';

interface Me {
  account: { name: string; email: string; role: string };
  actor: { kind: string; name?: string };
}

/**
 * `conveyor whoami`: who `CONVEYOR_TOKEN` acts as on the server at `CONVEYOR_URL`; the
 * quickest check that a token works before scripting with it. Exit 1 when refused.
 */
export const registerWhoamiCommand: RegisterCommand = (program, ctx) => {
  program
    .command('whoami')
    .description('show who CONVEYOR_TOKEN acts as on the server at CONVEYOR_URL')
    .action(async () => {
      const client = serverClientFromEnv(process.env);
      try {
        const me = (await client.request('GET', '/auth/me')) as Me;
        const via = me.actor.kind === 'token' ? `token "${me.actor.name ?? ''}"` : me.actor.kind;
        ctx.io.out(
          `${me.account.name} <${me.account.email}> as ${me.account.role}, by ${via}, on ${client.url}\n`,
        );
        ctx.setExitCode(EXIT_OK);
      } catch (e) {
        if (!(e instanceof ServerClientError)) throw e;
        ctx.io.err(`conveyor: ${e.message}\n`);
        ctx.setExitCode(EXIT_INVALID);
      }
    });
};
