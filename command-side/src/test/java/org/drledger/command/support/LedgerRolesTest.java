package org.drledger.command.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LedgerRolesTest {

    @Test
    void bothRolesByDefault() {
        assertThat(LedgerRoles.of(new MockEnvironment())).containsExactly("command", "query");
    }

    @Test
    void aListOrBothOrOne() {
        assertThat(LedgerRoles.of(env("query"))).containsExactly("query");
        assertThat(LedgerRoles.of(env("command"))).containsExactly("command");
        assertThat(LedgerRoles.of(env("query, command"))).containsExactly("command", "query");
        assertThat(LedgerRoles.of(env("both"))).containsExactly("command", "query");
        assertThat(LedgerRoles.of(env("Command"))).containsExactly("command");
    }

    @Test
    void anUnknownOrEmptySettingFailsLoud() {
        assertThatThrownBy(() -> LedgerRoles.of(env("command,sealer")))
                .hasMessage("ledger.roles: unknown role 'sealer'; use command, query or both");
        assertThatThrownBy(() -> LedgerRoles.of(env(" , "))).hasMessageContaining("empty");
    }

    private static MockEnvironment env(String roles) {
        return new MockEnvironment().withProperty("ledger.roles", roles);
    }
}
