// The HTTP port: providers talk to the network only through an HttpClient (defined beside its
// errors in http/types.ts; the undici adapter is http/undici-client.ts).
export type { HttpClient, HttpRequest, HttpResponse } from '../http/types.js';
