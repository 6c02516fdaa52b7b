import { chooseColourPhoto, type ColourPhotoLimits } from '../../../lib/colour-photo'

/** The hidden `<Canvas type='2d'>` the author page renders for shrinking photos on weapp. */
export const PHOTO_CANVAS_ID = 'author-photo-canvas'

/** Every resident downloads each picture: stay far below the server's 500 000 characters. */
const DESIGN_PHOTO: ColourPhotoLimits = { maxChars: 350_000, firstLongSide: 1200, smallestLongSide: 480, quality: 0.82 }

/**
 * A design picture chosen from the album or camera, in colour, as `data:image/jpeg;base64,…` shrunk
 * until it is small enough; null when the author cancels.
 */
export const chooseDesignPhoto = (): Promise<string | null> => chooseColourPhoto(`#${PHOTO_CANVAS_ID}`, DESIGN_PHOTO)
