/**
 * `institution`: the libraries a county keeps (R11.1) — institutions (机构库), evaluation
 * registrations (评价库), training projects (项目库) — and the occupations for their pickers.
 */
import { z } from 'zod';
import { listOccupationsWithLevels } from '../../services/catalogue';
import {
  addRegistration,
  createInstitution,
  createProject,
  endRegistration,
  getInstitution,
  listInstitutions,
  listProjects,
  setInstitutionStatus,
  updateInstitution,
  updateProject,
} from '../../services/institution';
import type { RouteTable } from '../router';
import { date, id, levels, occupationCode, regionCode, text, townshipCode, year } from '../schemas';

const institutionId = z.object({ institutionId: id });
const kind = z.enum(['school', 'college', 'enterprise', 'station'], { error: '请选择机构类型' });
const trains = z.array(z.object({ occupationCode, levels }), { error: '请选择可培训的职业' }).max(100);
const institution = z.object({
  name: text(60, '请输入2–60个字的机构名称'),
  creditCode: text(30, '请输入18位统一社会信用代码'),
  kind,
  countyCode: regionCode,
  townshipCode,
  address: text(100, '请输入2–100个字的地址'),
  contactName: text(20, '请输入2–20个字的联系人姓名'),
  contactPhone: text(20, '请输入联系电话'),
  trains,
});
const bands = z.array(z.enum(['A', 'B', 'C'], { error: '年龄段只能是A、B、C' })).max(3);
const project = z.object({
  name: text(30, '请输入2–30个字的项目名称'),
  regionCode,
  occupationCodes: z.array(occupationCode).max(50),
  bands,
  year,
  targetTrainees: z.number({ error: '请填写年度目标人数' }),
  brand: text(30, '劳务品牌最多30字').optional(),
});

export const institutionRoutes: RouteTable<'institution'> = {
  list: {
    schema: z.object({
      regionCode: regionCode.optional(),
      status: z.enum(['active', 'suspended']).optional(),
      evaluationBodies: z.boolean().optional(),
      query: z.string().max(40).optional(),
    }),
    handle: (deps, caller, input) => listInstitutions(deps, caller, input),
  },
  get: { schema: institutionId, handle: (deps, caller, input) => getInstitution(deps, caller, input.institutionId) },
  create: { schema: institution, handle: (deps, caller, input) => createInstitution(deps, caller, input) },
  update: { schema: institution.omit({ countyCode: true }).partial().extend(institutionId.shape), handle: (deps, caller, input) => updateInstitution(deps, caller, input) },
  setStatus: {
    schema: institutionId.extend({ status: z.enum(['active', 'suspended'], { error: '状态不正确' }), reason: text(200, '原因最多200字').optional() }),
    handle: (deps, caller, input) => setInstitutionStatus(deps, caller, input),
  },
  register: {
    schema: institutionId.extend({ occupationCode, levels, registrationNo: text(40, '请输入备案编号'), validFrom: date, validUntil: date }),
    handle: (deps, caller, input) => addRegistration(deps, caller, input),
  },
  endRegistration: {
    schema: institutionId.extend({ registrationId: id, reason: text(200, '请填写原因') }),
    handle: (deps, caller, input) => endRegistration(deps, caller, input),
  },
  occupations: { schema: z.object({}), handle: (deps, caller) => listOccupationsWithLevels(deps, caller) },
  projects: {
    schema: z.object({ regionCode: regionCode.optional(), year: year.optional(), institutionId: id.optional(), all: z.boolean().optional() }),
    handle: (deps, caller, input) => listProjects(deps, caller, input),
  },
  createProject: { schema: project, handle: (deps, caller, input) => createProject(deps, caller, input) },
  updateProject: {
    schema: project.omit({ regionCode: true, year: true }).partial().extend({ projectId: id, active: z.boolean().optional() }),
    handle: (deps, caller, input) => updateProject(deps, caller, input),
  },
};
