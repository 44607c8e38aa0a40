package org.drledger.command.support;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The roles of this node, from {@code ledger.roles}: {@code command} (REST commands, aggregates, the sealer and
 * checkpoints), {@code query} (projections and read models), or both (the default; {@code both} is accepted too).
 */
public final class LedgerRoles {
    public static final String PROPERTY = "ledger.roles";
    public static final String COMMAND = "command";
    public static final String QUERY = "query";
    static final Set<String> ALL = Set.of(COMMAND, QUERY);

    private LedgerRoles() {
    }

    /** The configured roles, in a stable order; fails loud on an unknown or empty setting. */
    public static Set<String> of(Environment environment) {
        List<String> raw = Binder.get(environment).bind(PROPERTY, Bindable.listOf(String.class))
                .orElse(List.of(COMMAND, QUERY));
        Set<String> roles = new LinkedHashSet<>();
        for (String r : raw) {
            String role = r == null ? "" : r.strip().toLowerCase(Locale.ROOT);
            if (role.equals("both")) {
                roles.add(COMMAND);
                roles.add(QUERY);
            } else if (ALL.contains(role)) {
                roles.add(role);
            } else if (!role.isEmpty()) {
                throw new IllegalStateException(PROPERTY + ": unknown role '" + r + "'; use command, query or both");
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalStateException(PROPERTY + " is empty; use command, query or both");
        }
        Set<String> ordered = new LinkedHashSet<>();
        if (roles.contains(COMMAND)) {
            ordered.add(COMMAND);
        }
        if (roles.contains(QUERY)) {
            ordered.add(QUERY);
        }
        return ordered;
    }
}
