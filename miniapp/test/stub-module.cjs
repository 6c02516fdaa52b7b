// Stands in for heavy libraries behind Taro components the screens never use (swiper, hls.js).
function Stub() {}
module.exports = Stub
module.exports.default = Stub
module.exports.__esModule = true
