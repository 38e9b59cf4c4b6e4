// `kuzet`: the one entry point for people. Each subcommand lives in cli/commands/.
import { Command, Option } from 'commander';

const program = new Command('kuzet')
  .description('Kuzet watches Russian court sites for cases involving citizens of Kyrgyzstan.')
  .addHelpText(
    'after',
    '\nDatabase: PGlite in ./data/pglite by default (KUZET_DATA_DIR), a PostgreSQL server when DATABASE_URL is set.',
  );

program
  .command('migrate')
  .description('create or upgrade the database schema')
  .action(async () => (await import('./commands/migrate.ts')).migrateCommand());

program
  .command('crawl')
  .description('crawl court sites into the database (politely, resumable)')
  .addOption(new Option('--source <name>', 'source to crawl (acts-bank: the JavaScript-only judicial-acts bank, in chromium)').choices(['sudrf', 'mosgorsud', 'acts-bank']).default('sudrf'))
  .option('--portal <url>', 'mosgorsud: the portal base URL; acts-bank: the portal page (default: the live site)')
  .option('--since <date>', 'first publication date, YYYY-MM-DD (default: the court cursor, or 7 days ago)')
  .option('--until <date>', 'last publication date, YYYY-MM-DD (default: today)')
  .option('--courts <codes>', 'comma-separated court codes (VNKOD, e.g. 66RS0001); default: all known courts')
  .option('--simulator', 'crawl a local court-site simulator instead of the live sites')
  .option('--concurrency <n>', 'requests in flight (default 8; 4 pages for acts-bank)')
  .option('--min-host-interval <ms>', 'minimum time between two requests to one host (default 3000)')
  .option('--min-process-interval <ms>', 'minimum time between two requests of this process (default 1500)')
  .option('--no-analyze', 'do not run the pipeline after the crawl')
  .action(async (options) => (await import('./commands/crawl.ts')).crawlCommand(options));

program
  .command('analyze')
  .description('analyse documents: JSON Lines {"id","text"} on stdin → one JSON line per document on stdout')
  .option('--stored', 'analyse the stored case pages that changed since their last analysis instead')
  .action(async (options) => (await import('./commands/analyze.ts')).analyzeCommand(options));

program
  .command('serve')
  .description('serve the dashboard')
  .option('--port <port>', 'port', process.env.PORT ?? '3000')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .action(async (options) => (await import('./commands/serve.ts')).serveCommand(options));

program
  .command('worker')
  .description('run the crawl schedules and work the shared frontier (start one per machine, any number)')
  .option('--now <schedule>', 'fire this schedule once right away')
  .action(async (options) => (await import('./commands/worker.ts')).workerCommand(options));

program
  .command('demo')
  .description('end to end on this machine: migrate, crawl the bundled court-site replay, flag, serve the dashboard')
  .option('--port <port>', 'dashboard port', process.env.PORT ?? '3000')
  .option('--no-serve', 'stop after the pipeline instead of serving the dashboard')
  .action(async (options) => (await import('./commands/demo.ts')).demoCommand(options));

program
  .command('digest')
  .description('write the daily digest of newly flagged cases per consular district (SMTP when KUZET_SMTP_URL is set, else ./data/outbox)')
  .action(async () => (await import('./commands/digest.ts')).digestCommand());

program
  .command('backup <file>')
  .description('write a backup of the database (pg_dump for PostgreSQL, a data-dir tarball for PGlite)')
  .action(async (file) => (await import('./commands/backup.ts')).backupCommand(file));

program
  .command('restore <file>')
  .description('restore a backup (an existing PGlite folder is moved aside, never deleted)')
  .action(async (file) => (await import('./commands/backup.ts')).restoreCommand(file));

program
  .command('import-detainees <file>')
  .description('import a consulate CSV of detained citizens (bad rows are reported by line), then match them with court cases')
  .option('--district <district>', 'consular district given to every row')
  .option('--user <username>', 'the admin or consular account doing the import (for the audit log)')
  .action(async (file, options) => (await import('./commands/import-detainees.ts')).importDetaineesCommand(file, options));

program
  .command('match')
  .description('look for detainee records among the persons of flagged cases (candidates for officers to review)')
  .action(async () => (await import('./commands/match-detainees.ts')).matchDetaineesCommand());

program
  .command('check-entry-ban <detaineeId>')
  .description('look one detainee up in the MVD entry-ban service, on demand, and store the answer with its date')
  .requiredOption('--user <username>', 'the admin or consular account asking (audited)')
  .option('--service <url>', 'entry-ban service address (default: the MVD service)')
  .action(async (id, options) => (await import('./commands/check-entry-ban.ts')).checkEntryBanCommand(id, options));

const user = program.command('user').description('manage dashboard accounts');
user
  .command('add <username>')
  .description('create (or reset) an account; the password is read from KUZET_PASSWORD or generated and printed')
  .addOption(new Option('--role <role>', 'role').choices(['admin', 'consular', 'ngo', 'analyst']).makeOptionMandatory())
  .option('--district <district>', 'consular district (moscow, yekaterinburg, novosibirsk, honorary)')
  .action(async (username, options) => (await import('./commands/user.ts')).userAddCommand(username, options));

await program.parseAsync(process.argv);
