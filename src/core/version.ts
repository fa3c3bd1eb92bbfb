/** The library's version, stamped on every class it registers. */
export const VERSION = '0.1.0';
