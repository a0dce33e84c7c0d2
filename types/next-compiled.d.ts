/** Next's bundled busboy (the parser its server actions use), read by lib/server/action-body.ts through lib/server/next-internals.ts. */
declare module "next/dist/compiled/busboy/index.js" {
  import type { IncomingHttpHeaders } from "node:http";
  import type { Writable } from "node:stream";
  type Busboy = Writable & {
    on(event: "field", listener: (name: string, value: string) => void): Busboy;
    on(event: "file", listener: (name: string, stream: NodeJS.ReadableStream) => void): Busboy;
    on(event: "error", listener: (error: Error) => void): Busboy;
    on(event: "close", listener: () => void): Busboy;
  };
  export default function busboy(config: { headers: IncomingHttpHeaders; defParamCharset?: string; limits?: { fieldSize?: number } }): Busboy;
}
