/** One line saying how to install Chromium or point CHROME_PATH at it. */
export declare const INSTALL_HINT: string;
/** The Chromium binary to use (CHROME_PATH, then the usual install paths), or undefined. */
export declare function findChromium(): string | undefined;
