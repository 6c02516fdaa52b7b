import type { UserConfigExport } from '@tarojs/cli'

// Production builds ship JS minified by esbuild and WXSS by csso (Taro's defaults in production).
// WXML is minified by WeChat's tools on upload (project.config.json `minifyWXML`): Taro's own
// `minifyXML` runs html-minifier, which drops the closing tag of <input> and breaks WeChat's compiler.
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
