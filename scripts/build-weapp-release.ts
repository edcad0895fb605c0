/**
 * `npm run build:weapp:release`: the mini program for upload. Refuses, saying what is missing,
 * when the weapp would not reach its cloud: no CloudBase environment id (TARO_APP_CLOUD_ENV) or
 * no real AppID (WEAPP_APPID, or project.config.json's appid still `touristappid`). With
 * WEAPP_APPID set it writes that AppID into project.config.json, then builds `dist/weapp`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const projectFile = join(root, 'project.config.json');

export function releaseProblems(env: Record<string, string | undefined>, appid: string): string[] {
  const problems: string[] = [];
  if (!env.TARO_APP_CLOUD_ENV?.trim()) problems.push('TARO_APP_CLOUD_ENV is not set: the CloudBase environment id the mini program calls (see docs/deploy.md)');
  const id = env.WEAPP_APPID?.trim() || appid;
  if (!/^wx[0-9a-f]{16}$/.test(id)) problems.push(`no mini-program AppID (project.config.json says "${appid}"): set WEAPP_APPID=wx… (see docs/deploy.md)`);
  return problems;
}

function main(): number {
  if (existsSync(join(root, '.env.local'))) process.loadEnvFile(join(root, '.env.local'));
  const project = JSON.parse(readFileSync(projectFile, 'utf8')) as { appid: string };
  const problems = releaseProblems(process.env, project.appid);
  if (problems.length) {
    for (const p of problems) console.error(`✗ ${p}`);
    console.error('release build refused: nothing was built');
    return 1;
  }
  if (process.env.WEAPP_APPID && process.env.WEAPP_APPID !== project.appid) {
    writeFileSync(projectFile, `${JSON.stringify({ ...project, appid: process.env.WEAPP_APPID.trim() }, null, 2)}\n`);
  }
  const run = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  return run.status ?? 1;
}

if (require.main === module) process.exit(main());
