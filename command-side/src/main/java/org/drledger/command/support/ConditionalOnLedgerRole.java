package org.drledger.command.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * A bean that exists only on a node with the given role in {@code ledger.roles} ({@code command}, {@code query};
 * both by default). Command-side controllers, aggregates, the sealer and the checkpoint schedule carry
 * {@code @ConditionalOnLedgerRole(LedgerRoles.COMMAND)}; an absent {@code @ProcessingGroup} bean means an absent
 * event processor.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(LedgerRoleCondition.class)
public @interface ConditionalOnLedgerRole {
    /** {@link LedgerRoles#COMMAND} or {@link LedgerRoles#QUERY}. */
    String value();
}
