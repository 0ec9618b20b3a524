/** The app's version, as in package.json (a Node test keeps the two equal); stored with each session report. */
export const APP_VERSION = '0.1.0';
