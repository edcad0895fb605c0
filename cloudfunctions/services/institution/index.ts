/**
 * The institution context (R11.1): institutions (机构库) with what they may train, evaluation
 * registrations (评价库), training projects (项目库). Other contexts import this file only.
 */
export * from './documents';
export * from './records';
export { createInstitution, getInstitution, institutionIn, listInstitutions, setInstitutionStatus, updateInstitution } from './institutions';
export { addRegistration, endRegistration } from './registrations';
export { createProject, listProjects, projectForClass, projectIn, updateProject } from './projects';
