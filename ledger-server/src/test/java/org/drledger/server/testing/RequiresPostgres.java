package org.drledger.server.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL-backed test class. It runs when {@code DRL_TEST_POSTGRES_URL} is set (CI sets it) and always when
 * {@code DRL_REQUIRE_POSTGRES=1} (so a missing database fails CI instead of skipping); otherwise it is skipped
 * with a visible reason.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String url = System.getenv("DRL_TEST_POSTGRES_URL");
            if (url != null && !url.isBlank() || "1".equals(System.getenv("DRL_REQUIRE_POSTGRES"))) {
                return ConditionEvaluationResult.enabled("PostgreSQL configured");
            }
            String reason = "SKIPPED PostgreSQL test " + context.getDisplayName()
                    + ": DRL_TEST_POSTGRES_URL is not set (.ci/run sets it; CI never skips)";
            System.err.println(reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
