/**
 * Where an arrow key, Home or End moves in a one-dimensional group of `count` items (the options
 * of a radio group, the points of a chart): down and up by one, right and left by one in the
 * reading direction (mirrored right to left), Home and End to the ends, wrapping past either end.
 * `undefined` for any other key.
 */
export function arrowKeyIndex(key: string, index: number, count: number, rtl: boolean): number | undefined {
  let next: number;
  switch (key) {
    case 'ArrowDown':
      next = index + 1;
      break;
    case 'ArrowUp':
      next = index - 1;
      break;
    case 'ArrowRight':
      next = rtl ? index - 1 : index + 1;
      break;
    case 'ArrowLeft':
      next = rtl ? index + 1 : index - 1;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
    default:
      return undefined;
  }
  return (next + count) % count;
}
