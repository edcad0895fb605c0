import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { ensureSession } from './stores/use-session-store';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // Start whoami at launch so the first page usually finds it loaded.
  useLaunch(() => {
    void ensureSession();
  });
  return children;
}

export default App;
