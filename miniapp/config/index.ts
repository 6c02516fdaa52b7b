import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

// The repo's `shared/` package lives outside src: Taro compiles only what it is told to include.
const sharedPackage = path.resolve(__dirname, '../../shared')
const platform = process.env.TARO_ENV ?? 'weapp'

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linyi-miniapp',
    date: '2026-11-26',
    // Source CSS is written in logical px for a 375-wide phone, so "18px" means 18pt on weapp.
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // TARO_OUTPUT_ROOT lets a second build (another checkout's browser check) write elsewhere.
    outputRoot: process.env.TARO_OUTPUT_ROOT ?? `dist/${platform}`,
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    enableSourceMap: false,
    // esbuild minifies in a fraction of terser's time; phones' webviews run ES2017.
    jsMinimizer: 'esbuild',
    esbuild: { minify: { enable: true, config: { target: 'es2017' } } },
    logger: { quiet: true, stats: false },
    mini: {
      enableSourceMap: false,
      compile: { include: [sharedPackage] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      enableSourceMap: false,
      router: { mode: 'hash' },
      compile: { include: [sharedPackage] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        // Pages are lazy chunks: let them share Taro's components instead of each carrying a copy.
        const splitChunks = chain.optimization.get('splitChunks')
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' })
      },
      postcss: {
        // Keep CSS px as CSS px in the browser (the page has a device-width viewport).
        pxtransform: { enable: false, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
