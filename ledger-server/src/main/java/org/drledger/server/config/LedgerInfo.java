package org.drledger.server.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drledger.command.support.LedgerRoles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code /actuator/info}: the product, its version, this node's roles, and the ledger's id, suite and origin. */
@Component
class LedgerInfo implements InfoContributor {
    private final JdbcTemplate jdbc;
    private final Environment environment;
    private final ObjectProvider<BuildProperties> build;

    LedgerInfo(JdbcTemplate jdbc, Environment environment, ObjectProvider<BuildProperties> build) {
        this.jdbc = jdbc;
        this.environment = environment;
        this.build = build;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("product", Map.of("name", ProductVersion.PRODUCT,
                "version", ProductVersion.of(build.getIfAvailable())));
        builder.withDetail("roles", List.copyOf(LedgerRoles.of(environment)));
        List<Map<String, Object>> ledger = jdbc.query("SELECT ledger_id, suite, origin FROM ledger_info", (rs, i) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", rs.getString(1));
            m.put("suite", rs.getString(2));
            m.put("origin", rs.getString(3));
            return m;
        });
        builder.withDetail("ledger", ledger.isEmpty() ? Map.of("state", "not created yet") : ledger.get(0));
    }
}
