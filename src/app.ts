import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { ensureSession } from './stores/use-session-store';
import './app.scss';
// The rows of large choices every form uses: global, like app.scss (one stylesheet, one order).
import './components/choices.scss';

function App({ children }: PropsWithChildren) {
  // Start whoami at launch so the first page usually finds it loaded.
  useLaunch(() => {
    void ensureSession();
  });
  return children;
}

export default App;
