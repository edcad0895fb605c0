/**
 * The NutUI components the app uses, imported one by one with their own stylesheets: the
 * library's root entry (and its full CSS) would drag every component into the bundle and, under
 * jest, its Lottie player.
 */
import '@nutui/nutui-react-taro/dist/es/packages/badge/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';

export { default as Badge } from '@nutui/nutui-react-taro/dist/es/packages/badge';
export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button';
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell';
export { default as CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup';
// Empty always gets an `image` node: its default pictures load from a third-party CDN.
export { default as Empty } from '@nutui/nutui-react-taro/dist/es/packages/empty';
export { default as Loading } from '@nutui/nutui-react-taro/dist/es/packages/loading';
export { default as Switch } from '@nutui/nutui-react-taro/dist/es/packages/switch';
