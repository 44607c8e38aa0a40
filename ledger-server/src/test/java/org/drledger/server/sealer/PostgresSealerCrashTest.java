package org.drledger.server.sealer;

import org.drledger.server.testing.RequiresPostgres;
import org.drledger.server.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class PostgresSealerCrashTest extends SealerCrashScenario {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @Override
    void installFault(long leafIndex) {
        // nextval is not rolled back with the failed transaction, so the fault fires exactly once.
        jdbc.execute("CREATE SEQUENCE fail_once_seq");
        jdbc.execute("CREATE FUNCTION fail_once() RETURNS trigger AS $$ BEGIN "
                + "IF NEW.leaf_index = " + leafIndex + " AND nextval('fail_once_seq') = 1 THEN "
                + "RAISE EXCEPTION 'simulated crash while sealing leaf %', NEW.leaf_index; END IF; RETURN NEW; END $$ "
                + "LANGUAGE plpgsql");
        jdbc.execute("CREATE TRIGGER fail_once BEFORE INSERT ON merkle_leaf FOR EACH ROW EXECUTE FUNCTION fail_once()");
    }

    @Override
    int faultsFired() {
        Long v = jdbc.queryForObject("SELECT last_value FROM fail_once_seq", Long.class);
        Boolean called = jdbc.queryForObject("SELECT is_called FROM fail_once_seq", Boolean.class);
        return Boolean.TRUE.equals(called) ? v.intValue() : 0;
    }
}
