package org.drledger.server.sealer;

import org.drledger.server.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class EmbeddedSealerCrashTest extends SealerCrashScenario {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Override
    void installFault(long leafIndex) {
        FailOnceTrigger.failAtLeaf = leafIndex;
        FailOnceTrigger.fired.set(0);
        jdbc.execute("CREATE TRIGGER fail_once BEFORE INSERT ON merkle_leaf FOR EACH ROW CALL \""
                + FailOnceTrigger.class.getName() + "\"");
    }

    @Override
    int faultsFired() {
        return FailOnceTrigger.fired.get();
    }
}
