export { createClamdScanner, parseReply, clamdAddress, type ClamdOptions } from './client.ts';
