/// <reference types="vite/client" />

/** The build's version and time (vite.config.ts): busts the persisted query cache on a new build. */
declare const __BUILD_ID__: string;
