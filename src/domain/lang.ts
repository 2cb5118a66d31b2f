/** The languages of the app's texts: Vietnamese first. */
export type Lang = 'vi' | 'en';
