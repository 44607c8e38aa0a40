package org.drledger.core.draw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;

/**
 * The randomness sources of {@code drl-draw/1} (docs/draw-spec.md §6) and their source-specific rules. BLS
 * verification of a drand signature is not done here: the ledger verifier checks it against the pinned chain key.
 */
public final class RandomnessSources {
    /** drand League of Entropy "quicknet" beacon: round R, 48-byte BLS signature on G1, randomness = SHA-256(sig). */
    public static final String DRAND_QUICKNET = "drand-quicknet";
    /** 中国福利彩票 双色球 (cwl.gov.cn): round = 7-digit 期号 YYYYNNN, value = "r1,r2,r3,r4,r5,r6+b". */
    public static final String CWL_SSQ = "cwl-ssq";
    public static final List<String> SOURCES = List.of(DRAND_QUICKNET, CWL_SSQ);

    /** quicknet chain parameters (drand chain info, hash 52db9ba7…e971). */
    public static final long QUICKNET_GENESIS_SECONDS = 1692803367L;
    public static final long QUICKNET_PERIOD_SECONDS = 3L;
    public static final String QUICKNET_CHAIN_HASH = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971";
    public static final int QUICKNET_SIGNATURE_BYTES = 48;

    private static final String BALL = "(0[1-9]|[12][0-9]|3[0-3])";
    private static final Pattern SSQ_VALUE = Pattern.compile(BALL + "(," + BALL + "){5}\\+(0[1-9]|1[0-6])");

    private RandomnessSources() {
    }

    /** Publication time of a quicknet round: genesis + (R − 1) · period. */
    public static Instant drandQuicknetRoundTime(long round) {
        if (round < 1) {
            throw new IllegalArgumentException("drand rounds start at 1");
        }
        return Instant.ofEpochSecond(QUICKNET_GENESIS_SECONDS + (round - 1) * QUICKNET_PERIOD_SECONDS);
    }

    static void checkSource(String source, String where) {
        Ids.notNull(source, where);
        if (!SOURCES.contains(source)) {
            throw new DrawInputException("unknown-source", where, "unknown randomness source \"" + source + "\"");
        }
    }

    static void checkRound(String source, long round, String where) {
        if (DRAND_QUICKNET.equals(source)) {
            if (round < 1 || round > DrawPlan.MAX_INT) {
                throw new DrawInputException("bad-round", where, "drand round must be 1..2^53-1, got " + round);
            }
        } else if (CWL_SSQ.equals(source)) {
            long year = round / 1000;
            long seq = round % 1000;
            if (round < 2003001 || round > 9999999 || seq < 1 || year < 2003) {
                throw new DrawInputException("bad-round", where,
                        "双色球 期号 must be YYYYNNN (year >= 2003, NNN >= 001), got " + round);
            }
        }
    }

    /**
     * Checks a randomness record by itself (source, round range, field forms, drand {@code randomness = H(signature)},
     * lottery value form) without a plan; failures point into {@code /randomness}. For callers that record randomness
     * before a draw runs.
     */
    public static void validate(Randomness r) {
        validate(r, "/randomness");
    }

    /** Validates a randomness record at {@code where} (a JSON pointer). */
    static void validate(Randomness r, String where) {
        Ids.notNull(r, where);
        checkSource(r.source(), where + "/source");
        checkRound(r.source(), r.round(), where + "/round");
        if (DRAND_QUICKNET.equals(r.source())) {
            if (r.value() != null) {
                throw new DrawInputException("conflicting-fields", where + "/value", "drand records carry no value");
            }
            byte[] sig = r.signature();
            if (sig == null) {
                throw new DrawInputException("missing-field", where + "/signature", "drand signature missing");
            }
            if (sig.length != QUICKNET_SIGNATURE_BYTES) {
                throw new DrawInputException("bad-signature", where + "/signature",
                        "quicknet signatures are 48 bytes, got " + sig.length);
            }
            byte[] rnd = r.randomness();
            if (rnd == null) {
                throw new DrawInputException("missing-field", where + "/randomness", "drand randomness missing");
            }
            if (rnd.length != 32) {
                throw new DrawInputException("bad-randomness", where + "/randomness",
                        "drand randomness is 32 bytes, got " + rnd.length);
            }
            byte[] expected = HashAlgorithm.SHA_256.digest(sig);
            if (!MessageDigest.isEqual(expected, rnd)) {
                throw new DrawInputException("randomness-mismatch", where + "/randomness",
                        "randomness " + Hex.encode(rnd) + " is not SHA-256(signature) = " + Hex.encode(expected));
            }
        } else {
            if (r.signature() != null || r.randomness() != null) {
                throw new DrawInputException("conflicting-fields", where + (r.signature() != null ? "/signature"
                        : "/randomness"), "lottery records carry only a value");
            }
            String v = r.value();
            if (v == null) {
                throw new DrawInputException("missing-field", where + "/value", "lottery value missing");
            }
            if (!SSQ_VALUE.matcher(v).matches()) {
                throw new DrawInputException("bad-lottery-value", where + "/value",
                        "双色球 value must be six red balls 01..33, ',' separated, '+', blue ball 01..16: \"" + v + "\"");
            }
            for (int i = 1; i < 6; i++) {
                if (v.substring(3 * i, 3 * i + 2).compareTo(v.substring(3 * i - 3, 3 * i - 1)) <= 0) {
                    throw new DrawInputException("bad-lottery-value", where + "/value",
                            "red balls must be strictly ascending: \"" + v + "\"");
                }
            }
        }
    }

    static byte[] rand(Randomness r) {
        if (DRAND_QUICKNET.equals(r.source())) {
            return HashAlgorithm.SHA_256.digest(r.signature());
        }
        return HashAlgorithm.SHA_256.digest(r.value().getBytes(StandardCharsets.UTF_8));
    }
}
