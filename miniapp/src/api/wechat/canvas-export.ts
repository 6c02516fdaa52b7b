import Taro from '@tarojs/taro'

function readBase64(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (result) => resolve(String(result.data)),
      fail: reject,
    })
  })
}

/**
 * weapp: a 2D canvas as `data:image/png;base64,…` at its full pixel size (the signature pad's ink).
 * Rejects when WeChat cannot export or read the file: the caller asks the user to sign again.
 */
export async function exportCanvasPng(canvas: { width: number; height: number }, area?: { width: number; height: number }): Promise<string> {
  const region = area ? { x: 0, y: 0, width: area.width, height: area.height, destWidth: canvas.width, destHeight: canvas.height } : {}
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png', ...region })
  const base64 = await readBase64(tempFilePath)
  if (!base64) throw new Error('empty canvas export')
  return `data:image/png;base64,${base64}`
}
