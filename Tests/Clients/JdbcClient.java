// One of issue 12's seed clients, driven by ClientLibraryTests: pgJDBC, alone and under a
// HikariCP pool, as an application would use them. pgJDBC does not read libpq's environment,
// so the URL is made from PGHOST, PGPORT, PGDATABASE, PGSSLMODE and PGSSLROOTCERT, and the
// user and password from PGUSER and PGPASSWORD, as an application started by `pgentra run`
// would make them.
//
//   java JdbcClient.java once          one connection: prints its user, database and TLS
//   java JdbcClient.java pool SECONDS  a HikariCP pool: two connections, a wait, then four at once (a line each)
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

public class JdbcClient {
    static final String QUERY = "select pg_backend_pid(), current_user, current_database(), "
        + "coalesce((select ssl from pg_stat_ssl where pid = pg_backend_pid()), false), "
        + "(select extract(epoch from backend_start)::float8 from pg_stat_activity where pid = pg_backend_pid())";

    static String url() {
        String host = System.getenv().getOrDefault("PGHOST", "localhost");
        String port = System.getenv().getOrDefault("PGPORT", "5432");
        String database = System.getenv().getOrDefault("PGDATABASE", "postgres");
        StringBuilder url = new StringBuilder("jdbc:postgresql://" + host + ":" + port + "/" + database);
        String sslMode = System.getenv("PGSSLMODE");
        if (sslMode != null) {
            url.append("?sslmode=").append(sslMode);
            String root = System.getenv("PGSSLROOTCERT");
            if (root != null) url.append("&sslrootcert=").append(root);
        }
        return url.toString();
    }

    static Properties credentials() {
        Properties properties = new Properties();
        if (System.getenv("PGUSER") != null) properties.setProperty("user", System.getenv("PGUSER"));
        if (System.getenv("PGPASSWORD") != null) properties.setProperty("password", System.getenv("PGPASSWORD"));
        return properties;
    }

    static String row(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(QUERY)) {
            result.next();
            return String.format(java.util.Locale.ROOT, "{\"pid\": %d, \"user\": \"%s\", \"database\": \"%s\", \"ssl\": %b, \"started\": %.6f}",
                result.getInt(1), result.getString(2), result.getString(3), result.getBoolean(4), result.getDouble(5));
        }
    }

    static String borrow(HikariDataSource pool, int count) throws Exception {
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < count; i++) held.add(pool.getConnection());
        List<String> rows = new ArrayList<>();
        for (Connection connection : held) rows.add(row(connection));
        for (Connection connection : held) connection.close();
        return "[" + String.join(", ", rows) + "]";
    }

    public static void main(String[] arguments) throws Exception {
        if (arguments.length >= 1 && arguments[0].equals("once")) {
            try (Connection connection = DriverManager.getConnection(url(), credentials())) {
                System.out.println(row(connection));
            }
        } else if (arguments.length == 2 && arguments[0].equals("pool")) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url());
            if (System.getenv("PGUSER") != null) config.setUsername(System.getenv("PGUSER"));
            if (System.getenv("PGPASSWORD") != null) config.setPassword(System.getenv("PGPASSWORD"));
            // No idle floor: HikariCP would refill it in the background, before the token expires.
            config.setMinimumIdle(0);
            config.setMaximumPoolSize(8);
            config.setConnectionTimeout(10_000);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                System.out.println("{\"before\": " + borrow(pool, 2) + "}");
                System.out.flush();
                Thread.sleep((long) (Double.parseDouble(arguments[1]) * 1000));
                System.out.println("{\"after\": " + borrow(pool, 4) + "}");
            }
        } else {
            System.err.println("usage: java JdbcClient.java once|pool SECONDS");
            System.exit(2);
        }
    }
}
