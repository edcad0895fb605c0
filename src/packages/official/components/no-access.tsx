/** What the officials' pages show to anyone without an official (or admin) role. */
import { EmptyState } from '../../../components/page-shell';

export const NoAccess = () => <EmptyState title="无权限" text="此页面仅供人社部门工作人员使用" />;
