"""One of issue 12's seed clients, driven by ClientLibraryTests: psycopg2, psycopg 3 (with
psycopg_pool) or SQLAlchemy, as an application would use it, with every connection setting
taken from libpq's environment (what `pgentra run` sets, or the proxy's address).

    python_client.py LIBRARY once          one connection: prints its user, database and TLS
    python_client.py LIBRARY pool SECONDS  a pool: two connections, a wait, then four at once
                                           (a line for each)
    python_client.py psycopg2 many COUNT   COUNT client processes, each opening, using and
                                           closing one connection at once

Prints JSON objects, one per line; a failure is an exception on stderr and a non-zero status.
"""
import json
import sys
import threading
import time

QUERY = ("select pg_backend_pid(), current_user, current_database(),"
         " coalesce((select ssl from pg_stat_ssl where pid = pg_backend_pid()), false),"
         " (select extract(epoch from backend_start)::float8 from pg_stat_activity where pid = pg_backend_pid())")


def psycopg2_pool():
    import psycopg2.pool
    pool = psycopg2.pool.ThreadedConnectionPool(1, 8, "")
    return pool.getconn, pool.putconn, pool.closeall


def psycopg_pool():
    import psycopg_pool
    pool = psycopg_pool.ConnectionPool("", min_size=1, max_size=8, open=True, timeout=10)
    return pool.getconn, pool.putconn, pool.close


def sqlalchemy_pool():
    import sqlalchemy
    engine = sqlalchemy.create_engine("postgresql+psycopg2://", pool_size=2, max_overflow=6, pool_timeout=10)
    def get():
        return engine.raw_connection()
    def put(connection):
        connection.close()  # back to the pool
    return get, put, engine.dispose


POOLS = {"psycopg2": psycopg2_pool, "psycopg": psycopg_pool, "sqlalchemy": sqlalchemy_pool}


def row(connection):
    cursor = connection.cursor()
    cursor.execute(QUERY)
    pid, user, database, ssl, started = cursor.fetchone()
    cursor.close()
    connection.commit()
    return {"pid": pid, "user": user, "database": database, "ssl": bool(ssl), "started": started}


def borrow(get, put, count):
    """`count` connections held at once, so a pool must have (or open) that many."""
    held = [get() for _ in range(count)]
    rows = [row(connection) for connection in held]
    for connection in held:
        put(connection)
    return rows


def main():
    library, mode = sys.argv[1], sys.argv[2]
    if mode == "once":
        get, put, close = POOLS[library]()
        print(json.dumps(borrow(get, put, 1)[0]))
        close()
    elif mode == "pool":
        get, put, close = POOLS[library]()
        print(json.dumps({"before": borrow(get, put, 2)}), flush=True)
        time.sleep(float(sys.argv[3]))
        print(json.dumps({"after": borrow(get, put, 4)}), flush=True)
        close()
    elif mode == "many" and library == "psycopg2":
        # Processes, not threads: each is a client of its own, as 200 applications would be,
        # and no library's thread safety is under test (a client's connect in many threads
        # under the tests' nss_wrapper aborted the process with "double free or corruption").
        import multiprocessing
        import psycopg2
        count = int(sys.argv[3])
        context = multiprocessing.get_context("fork")
        start = context.Barrier(count)
        answers = context.Queue()
        def one():
            try:
                start.wait(60)
                connection = psycopg2.connect("")
                answers.put(("ok", row(connection)))
                connection.close()
            except Exception as error:  # every client's failure is reported
                answers.put(("failed", str(error).strip()))
        processes = [context.Process(target=one) for _ in range(count)]
        for process in processes:
            process.start()
        outcomes = [answers.get(timeout=110) for _ in range(count)]
        for process in processes:
            process.join()
        results = [answer for kind, answer in outcomes if kind == "ok"]
        failures = [answer for kind, answer in outcomes if kind == "failed"]
        failures += [f"client process ended with {process.exitcode}" for process in processes if process.exitcode != 0]
        print(json.dumps({"succeeded": len(results), "pids": len({r["pid"] for r in results}), "failures": failures[:5]}))
        sys.exit(0 if not failures else 1)
    else:
        sys.exit(f"usage: python_client.py psycopg2|psycopg|sqlalchemy once|pool SECONDS|many COUNT")


main()
