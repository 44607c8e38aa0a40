package org.drledger.server.query;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;

class EmbeddedProjectionRunnerTest extends ProjectionRunnerContract {
    @Override
    HikariDataSource database() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:h2:mem:r" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
        ds.setUsername("sa");
        ds.setPassword("");
        ds.setMaximumPoolSize(4);
        return ds;
    }
}
