/**
 * The ids the demo seed's records get. Each is made by the use case from the request that
 * created it (the creator's OPENID, the action, the seed's request id), so they are known before
 * the seed runs: personas name their institutions by them and tests their classes.
 */
import { institutionIdOf, projectIdOf } from '../services/institution';
import { requestKey } from '../services/kernel/requests';
import { classIdOf } from '../services/training';

/** Who creates each demo record: the official keeping the institution, the trainer planning the class. */
export const DEMO_CREATORS = {
  institutions: { hugong: 'dev-openid-official-lvliang', huoze: 'dev-openid-official-shanxi', nongji: 'dev-openid-official-lanxian' },
  projects: { hugong: 'dev-openid-official-lvliang' },
  classes: {
    'hugong-lishi': 'dev-openid-trainer',
    'mianshi-yangcheng': 'dev-openid-trainer-huoze',
    'guoshu-runcheng': 'dev-openid-trainer-huoze',
    'bianzhi-dongcun': 'dev-openid-trainer-lanxian',
  },
} as const;

export type DemoInstitution = keyof typeof DEMO_CREATORS.institutions;
export type DemoClass = keyof typeof DEMO_CREATORS.classes;

export const seedRequestId = (kind: string, key: string) => `seed-${kind}-${key}`;

export const demoInstitutionId = (key: DemoInstitution): string =>
  institutionIdOf(requestKey(DEMO_CREATORS.institutions[key], 'institution.create', seedRequestId('institution', key)));

export const demoProjectId = (key: keyof typeof DEMO_CREATORS.projects): string =>
  projectIdOf(requestKey(DEMO_CREATORS.projects[key], 'institution.createProject', seedRequestId('project', key)));

export const demoClassId = (key: DemoClass): string => classIdOf(requestKey(DEMO_CREATORS.classes[key], 'training.createClass', seedRequestId('class', key)));
