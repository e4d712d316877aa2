import { applyMigrations } from "../migrate.ts";
import { dbConfigFromEnv } from "../config.ts";

const config = dbConfigFromEnv();
const applied = await applyMigrations(config);
console.log(applied.length ? `applied ${applied.join(", ")} (${config.provider})` : `database is up to date (${config.provider})`);
