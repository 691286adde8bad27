/** Where the partner portal lives (shared by its server pages and its client components). */
export const PORTAL_PATH = '/portal'
export const PORTAL_LOGIN_PATH = '/portal/login'
