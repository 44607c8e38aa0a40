package org.drledger.server.query.views;

import java.util.ArrayList;
import java.util.List;
import org.drledger.command.actor.Role;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.MutableClock;
import org.drledger.server.testing.ServerTestSupport;
import org.drledger.server.testing.TestUsers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The views' year for the browser test (another package): runs it and hands back what the pages should show. */
public final class ViewsYearForBrowser {
    private ViewsYearForBrowser() {
    }

    public record Facts(String marketList, String envList, long freezeLeaf, String revisedObject, String oldName,
                        String newName, String draftOnlyName, List<String> secrets) {
    }

    public static Facts run(int port, JdbcTemplate jdbc, PasswordEncoder encoder, String office,
                            TestUsers.Credentials admin, MutableClock clock) {
        Http http = new Http(port);
        ViewsYear y = new ViewsYear();
        ViewsYear.Server server = new ViewsYear.Server() {
            @Override
            public Http http() {
                return http;
            }

            @Override
            public TestUsers.Credentials admin() {
                return admin;
            }

            @Override
            public String office() {
                return office;
            }

            @Override
            public TestUsers.Credentials user(String department, Role... roles) {
                return TestUsers.create(jdbc, encoder, unique("u"), department, roles);
            }

            @Override
            public String unique(String prefix) {
                return Unique.next(prefix);
            }
        };
        y.run(server, clock);
        y.reviseAfterFreeze(server);
        List<String> secrets = new ArrayList<>(y.idCards);
        secrets.addAll(y.phones);
        return new Facts(y.market.list(), y.env.list(), y.frozen.get("asOfLeaf").asLong(), y.revisedObject,
                y.revisedOldName, y.revisedNewName, ViewsYear.DRAFT_ONLY_NAME, secrets);
    }

    /** ServerTestSupport's unique names, reachable from here. */
    private abstract static class Unique extends ServerTestSupport {
        static String next(String prefix) {
            return unique(prefix);
        }
    }
}
