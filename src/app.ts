import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
// R13.1 first: whom a relative acts for is read from the phone before the first call is made.
import './stores/use-family-store';
import { ensureSession } from './stores/use-session-store';
import { listenForPrivacyAuthorization } from './components/privacy-authorization';
import './app.scss';
// The rows of large choices every form uses, and buttons that grow with their words: global,
// like app.scss (one stylesheet, one order).
import './components/choices.scss';
import './components/buttons.scss';

function App({ children }: PropsWithChildren) {
  // Start whoami at launch so the first page usually finds it loaded.
  useLaunch(() => {
    // R14.1 WeChat asks before a privacy interface runs: the guide opens to answer it.
    listenForPrivacyAuthorization();
    void ensureSession();
  });
  return children;
}

export default App;
