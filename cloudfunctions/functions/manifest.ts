/**
 * Every deployable function once: its timeout, memory, environment variables, timer triggers and
 * WeChat cloud-call permissions. `config.json` of each function and `cloudbaserc.json` are
 * written from this (`npm run deploy -- --write-configs`; a test checks the committed files
 * match), and `npm run deploy` deploys from it.
 */
import type { FunctionName } from '../contract';
import { REMIND_SCHEDULE_CHINA, REMINDER_KINDS, cloudbaseTrigger } from '../core/reminders';

export const RUNTIME = 'Nodejs18.15';

export interface TimerTrigger {
  name: string;
  type: 'timer';
  /** 7 fields, read by CloudBase in UTC+8 (R10.3). */
  config: string;
}

export interface FunctionSpec {
  name: FunctionName;
  /** Seconds (CloudBase allows up to 60 for an event function). */
  timeout: number;
  memorySize: number;
  /** Environment variables the function reads (values come from `.env.local` at deploy). */
  env: string[];
  triggers?: TimerTrigger[];
  /** WeChat open APIs the function calls through cloud calls (`permissions.openapi`). */
  openapi?: string[];
}

const SECRETS = ['ID_ENC_KEY', 'ID_HASH_KEY'];
/** The timer that sequences what waits in the ledger queue (D61); its invocations do only that. */
export const SEQUENCER_TRIGGER = 'books-sequencer-every-minute';
/** R14.3 the mini-program's AppID and AppSecret, for the access token of WeChat's server APIs. */
const WECHAT_APP_KEYS = ['WECHAT_APPID', 'WECHAT_APP_SECRET'];
const TEMPLATES = [...new Set(Object.values(REMINDER_KINDS).map((k) => k.template))];

/**
 * The reminder run's triggers: the day's run at 08:00 China time, and every ten minutes from
 * 08:05 to 21:55 a resume of what a cut-short run left (and the retries of failed sends).
 */
export const REMIND_TRIGGERS: TimerTrigger[] = [
  { name: 'remind-daily-0800-china', type: 'timer', config: cloudbaseTrigger(REMIND_SCHEDULE_CHINA) },
  { name: 'remind-resume-china', type: 'timer', config: cloudbaseTrigger('5,15,25,35,45,55 8-21 * * *') },
  // D61 every minute, day and night: ledger entries a change's own sequencer could not place.
  { name: SEQUENCER_TRIGGER, type: 'timer', config: cloudbaseTrigger('* * * * *') },
];

export const FUNCTION_SPECS: readonly FunctionSpec[] = [
  { name: 'account', timeout: 10, memorySize: 256, env: SECRETS },
  { name: 'voucher', timeout: 10, memorySize: 256, env: SECRETS },
  { name: 'training', timeout: 10, memorySize: 256, env: SECRETS },
  { name: 'official', timeout: 60, memorySize: 256, env: SECRETS },
  { name: 'certificate', timeout: 10, memorySize: 256, env: SECRETS },
  { name: 'employment', timeout: 10, memorySize: 256, env: SECRETS },
  { name: 'institution', timeout: 10, memorySize: 256, env: SECRETS },
  { name: 'staff', timeout: 10, memorySize: 256, env: SECRETS },
  { name: 'family', timeout: 10, memorySize: 256, env: SECRETS },
  { name: 'settlement', timeout: 20, memorySize: 256, env: SECRETS },
  // R14.3 the face check calls WeChat over HTTPS with the access token (no cloud call exists for it).
  { name: 'privacy', timeout: 20, memorySize: 256, env: [...SECRETS, ...WECHAT_APP_KEYS] },
  { name: 'message', timeout: 10, memorySize: 256, env: [...SECRETS, ...TEMPLATES] },
  {
    name: 'remind',
    timeout: 60,
    memorySize: 256,
    env: [...SECRETS, ...TEMPLATES],
    triggers: REMIND_TRIGGERS,
    openapi: ['subscribeMessage.send'],
  },
];

/** A function's `config.json` (WeChat DevTools and the CloudBase CLI read it). */
export function functionConfig(spec: FunctionSpec): Record<string, unknown> {
  return {
    timeout: spec.timeout,
    envVariables: {},
    runtime: RUNTIME,
    memorySize: spec.memorySize,
    installDependency: true,
    ...(spec.triggers ? { triggers: spec.triggers } : {}),
    ...(spec.openapi ? { permissions: { openapi: spec.openapi } } : {}),
  };
}

/** `cloudbaserc.json` for the CloudBase CLI (`{{env.X}}` filled from `.env.local`). */
export function cloudbaseRc(): Record<string, unknown> {
  return {
    version: '2.0',
    envId: '{{env.TCB_ENV}}',
    functionRoot: 'dist/cloudfunctions',
    functions: FUNCTION_SPECS.map((spec) => ({
      name: spec.name,
      handler: 'index.main',
      runtime: RUNTIME,
      timeout: spec.timeout,
      memorySize: spec.memorySize,
      installDependency: true,
      ignore: ['node_modules', 'node_modules/**/*'],
      envVariables: Object.fromEntries(spec.env.map((k) => [k, `{{env.${k}}}`])),
      ...(spec.triggers ? { triggers: spec.triggers } : {}),
      ...(spec.openapi ? { permissions: { openapi: spec.openapi } } : {}),
    })),
  };
}
