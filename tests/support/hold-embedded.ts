/** Test fixture: starts the embedded PostgreSQL in the given data dir and keeps holding it until killed. */
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

const [dataDir, port] = process.argv.slice(2);
const server = await startEmbeddedPostgres({ dataDir, port: Number(port) });
console.log(`ready ${server.port}`);
setInterval(() => {}, 60_000);
