package org.drledger.core.checkpoint;

import java.nio.charset.StandardCharsets;

final class Cosignatures {
    private Cosignatures() {
    }

    static byte[] message(String checkpointText, long unixSeconds) {
        return ("cosignature/v1\ntime " + unixSeconds + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }
}
