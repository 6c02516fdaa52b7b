// Its own file: the booking page's calendar download needs this and nothing else of files.ts.

/** H5: the browser saves what `href` (an object URL) holds as `fileName`, through a hidden link clicked once. */
export function saveInBrowser(href: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = href
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
}
