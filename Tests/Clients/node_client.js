// One of issue 12's seed clients, driven by ClientLibraryTests: node-postgres as an
// application would use it. node-postgres reads PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE
// and PGSSLMODE itself (pg/lib/connection-parameters.js); the CA comes from NODE_EXTRA_CA_CERTS.
//
//   node_client.js once          one connection: prints its user, database and TLS
//   node_client.js pool SECONDS  a pool: two connections, a wait, then four at once (a line each)
'use strict';
const { Client, Pool } = require('pg');

const QUERY = "select pg_backend_pid() as pid, current_user as user, current_database() as database, " +
  "coalesce((select ssl from pg_stat_ssl where pid = pg_backend_pid()), false) as ssl, " +
  "(select extract(epoch from backend_start)::float8 from pg_stat_activity where pid = pg_backend_pid()) as started";

async function borrow(pool, count) {
  const held = await Promise.all(Array.from({ length: count }, () => pool.connect()));
  const rows = [];
  for (const client of held) rows.push((await client.query(QUERY)).rows[0]);
  for (const client of held) client.release();
  return rows;
}

async function main() {
  const [mode, seconds] = process.argv.slice(2);
  if (mode === 'once') {
    const client = new Client();
    await client.connect();
    console.log(JSON.stringify((await client.query(QUERY)).rows[0]));
    await client.end();
  } else if (mode === 'pool') {
    const pool = new Pool({ max: 8, connectionTimeoutMillis: 10000 });
    console.log(JSON.stringify({ before: await borrow(pool, 2) }));
    await new Promise((resolve) => setTimeout(resolve, Number(seconds) * 1000));
    console.log(JSON.stringify({ after: await borrow(pool, 4) }));
    await pool.end();
  } else {
    throw new Error('usage: node_client.js once|pool SECONDS');
  }
}

main().catch((error) => { console.error(`node-postgres: ${error.message}`); process.exit(1); });
