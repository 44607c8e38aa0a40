package org.drledger.server.query;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.drledger.server.testing.RequiresPostgres;

@RequiresPostgres
class PostgresProjectionRunnerTest extends ProjectionRunnerContract {
    @Override
    HikariDataSource database() {
        String url = System.getenv("DRL_TEST_POSTGRES_URL");
        String schema = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        HikariDataSource admin = pool(url);
        try {
            new org.springframework.jdbc.core.JdbcTemplate(admin).execute("CREATE SCHEMA " + schema);
        } finally {
            admin.close();
        }
        return pool(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(System.getenv("DRL_TEST_POSTGRES_USER"));
        ds.setPassword(System.getenv("DRL_TEST_POSTGRES_PASSWORD"));
        ds.setMaximumPoolSize(4);
        return ds;
    }
}
