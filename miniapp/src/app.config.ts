export default defineAppConfig({
  pages: ['pages/home/index', 'pages/bind/index'],
  // Staff screens are a subpackage: residents never download them.
  subPackages: [
    {
      root: 'staff',
      pages: ['login/index', 'compounds/index', 'compound/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '邻议',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f5f7',
  },
})
