/** Unit and component tests: jsdom, babel (no type check: `npm run typecheck` does that). */
const babelOptions = {
  babelrc: false,
  configFile: false,
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    ['@babel/preset-react', { runtime: 'automatic' }],
    '@babel/preset-typescript',
  ],
}

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/**/*.test.ts?(x)'],
  setupFiles: ['<rootDir>/test/setup-globals.ts'],
  transform: { '^.+\\.[cm]?[jt]sx?$': ['babel-jest', babelOptions] },
  // Taro's component proxies and Stencil ship ESM only.
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|tslib|\\.pnpm)/)'],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/taro-mock.ts',
    // Tests read shared/ from source, so they do not depend on `npm run build -w shared`.
    '^@linyi/shared$': '<rootDir>/../shared/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '\\.css$': '<rootDir>/test/style-mock.cjs',
    '^(swiper|hls\\.js)(/.*)?$': '<rootDir>/test/stub-module.cjs',
  },
  clearMocks: true,
}
