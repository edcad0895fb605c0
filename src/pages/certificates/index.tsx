/** 证书: the holder's certificates arrive in a later release; checking one is already here. */
import Taro from '@tarojs/taro';
import { FeatureLanding } from '../../components/feature-landing';
import { Button } from '../../components/nutui';

export default function CertificatesPage() {
  return (
    <FeatureLanding
      className="page-certificates"
      needsRegistrationFor="查看证书"
      emptyTitle="暂无证书"
      emptyText="培训合格后，证书会显示在这里"
    >
      <Button
        className="czt-secondary-button"
        fill="outline"
        type="primary"
        size="large"
        block
        onClick={() => void Taro.navigateTo({ url: '/packages/verify/pages/index' })}
      >
        查验证书真伪
      </Button>
    </FeatureLanding>
  );
}
