import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import path from 'node:path'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

// The front end imports contract types and pure helpers from cloudfunctions/core (R2 checker,
// age bands); Taro only compiles src/ unless told otherwise.
const sharedServerCode = path.resolve(__dirname, '..', 'cloudfunctions')

// https://taro-docs.jd.com/docs/next/config#defineconfig-辅助函数
/** Settings the mini-program and H5 builds share. */
const compile = { include: [sharedServerCode] }
const cssModules = {
  enable: false,
  config: {
    namingPattern: 'module' as const,
    generateScopedName: '[name]__[local]___[hash:base64:5]'
  }
}
const resolveTsconfigPaths = (chain: { resolve: { plugin(name: string): { use(plugin: unknown): unknown } } }) => {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'chizhengtong',
    date: '2026-11-23',
    // NutUI is drawn at 375 px; our own styles at 750 px (Taro's default).
    designWidth(input) {
      const file = typeof input === 'object' && input !== null ? (input as { file?: string }).file : undefined
      if (file && file.replace(/\\+/g, '/').includes('@nutui/')) return 375
      return 750
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2
    },
    sourceRoot: 'src',
    // weapp and h5 would overwrite each other in a shared dist/.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-html'],
    // A TARO_APP_* variable missing from the env files is left as `process.env.X` in the bundle,
    // which throws in the mini-program (no `process` there): always define this one.
    defineConstants: {
      'process.env.TARO_APP_CLOUD_ENV': JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? '')
    },
    copy: {
      patterns: [],
      options: {}
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: false
    },
    mini: {
      compile,
      postcss: {
        pxtransform: {
          enable: true,
          config: {}
        },
        cssModules
      },
      webpackChain: resolveTsconfigPaths
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing works on any static server, including the local gateway.
      compile,
      router: {
        mode: 'hash',
        // Certificate images saved before the subpackage pages moved carry the old verify
        // address in their QR: it still opens 证书查验 (the first entry keeps the new address).
        customRoutes: {
          '/packages/verify/pages/verify/index': ['/packages/verify/pages/verify/index', '/packages/verify/pages/index']
        }
      },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css'
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {}
        },
        cssModules
      },
      webpackChain: resolveTsconfigPaths
    }
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
