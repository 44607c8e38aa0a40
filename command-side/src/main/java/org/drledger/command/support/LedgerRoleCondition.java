package org.drledger.command.support;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code ledger.roles} contains the annotation's role; an unknown role fails the start. */
class LedgerRoleCondition extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var attributes = metadata.getAnnotationAttributes(ConditionalOnLedgerRole.class.getName());
        String role = attributes == null ? null : (String) attributes.get("value");
        if (role == null || !LedgerRoles.ALL.contains(role)) {
            throw new IllegalStateException("@ConditionalOnLedgerRole(\"" + role + "\"): not a role; use "
                    + LedgerRoles.ALL);
        }
        var roles = LedgerRoles.of(context.getEnvironment());
        return roles.contains(role)
                ? ConditionOutcome.match("ledger.roles " + roles + " contains " + role)
                : ConditionOutcome.noMatch("ledger.roles " + roles + " lacks " + role);
    }
}
