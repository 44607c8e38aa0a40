package org.drledger.server.sealer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.Trigger;

/** An H2 trigger that makes the first insert of one leaf index fail, simulating a crash mid-batch. */
public class FailOnceTrigger implements Trigger {
    static volatile long failAtLeaf = -1;
    static final AtomicInteger fired = new AtomicInteger();

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow != null && ((Number) newRow[0]).longValue() == failAtLeaf && fired.getAndIncrement() == 0) {
            throw new SQLException("simulated crash while sealing leaf " + failAtLeaf);
        }
    }
}
