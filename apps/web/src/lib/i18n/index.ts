// Client-safe i18n surface. Server code gets the request's locale from ./server.ts (getLocale).
export * from "./locale.ts";
export * from "./translate.ts";
